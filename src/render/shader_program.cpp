#include "render/shader_program.hpp"

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <vector>

#include "render/shader_log.hpp"

namespace dermasim::render {

namespace {

std::string read_source(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ShaderError(path.string() + ": cannot read the shader file");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

GlShader compile(GLenum stage, const std::filesystem::path& path) {
  const std::string source = read_source(path);
  GlShader shader(glCreateShader(stage));
  const char* text = source.c_str();
  glShaderSource(shader.get(), 1, &text, nullptr);
  glCompileShader(shader.get());
  GLint ok = GL_FALSE;
  glGetShaderiv(shader.get(), GL_COMPILE_STATUS, &ok);
  if (!ok) {
    GLint length = 0;
    glGetShaderiv(shader.get(), GL_INFO_LOG_LENGTH, &length);
    std::vector<char> log(static_cast<std::size_t>(std::max(1, length)), '\0');
    glGetShaderInfoLog(shader.get(), length, nullptr, log.data());
    throw ShaderError(format_shader_log(path.string(), log.data()));
  }
  return shader;
}

}  // namespace

std::filesystem::path default_shader_dir() {
  if (const char* env = std::getenv("DERMASIM_SHADERS"); env && *env) return env;
  return DERMASIM_SHADER_DIR;
}

ShaderProgram ShaderProgram::load(const std::filesystem::path& dir, std::string_view name) {
  return from_files(dir / (std::string(name) + ".vert"), dir / (std::string(name) + ".frag"));
}

ShaderProgram ShaderProgram::from_files(const std::filesystem::path& vertex, const std::filesystem::path& fragment) {
  const GlShader vs = compile(GL_VERTEX_SHADER, vertex);
  const GlShader fs = compile(GL_FRAGMENT_SHADER, fragment);
  ShaderProgram p;
  p.program_ = GlProgram(glCreateProgram());
  glAttachShader(p.id(), vs.get());
  glAttachShader(p.id(), fs.get());
  glLinkProgram(p.id());
  GLint ok = GL_FALSE;
  glGetProgramiv(p.id(), GL_LINK_STATUS, &ok);
  if (!ok) {
    GLint length = 0;
    glGetProgramiv(p.id(), GL_INFO_LOG_LENGTH, &length);
    std::vector<char> log(static_cast<std::size_t>(std::max(1, length)), '\0');
    glGetProgramInfoLog(p.id(), length, nullptr, log.data());
    throw ShaderError(vertex.string() + " + " + fragment.string() + ": link failed: " + log.data());
  }
  return p;
}

}  // namespace dermasim::render
