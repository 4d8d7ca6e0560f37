#pragma once
// A GLSL program built from shader files in shaders/. Compile and link errors
// throw ShaderError naming the file and line.
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

#include <glm/mat4x4.hpp>
#include <glm/vec2.hpp>
#include <glm/vec3.hpp>
#include <glm/vec4.hpp>

#include "render/gl_handles.hpp"

namespace dermasim::render {

struct ShaderError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// The shader directory: $DERMASIM_SHADERS when set, else the source tree's.
std::filesystem::path default_shader_dir();

class ShaderProgram {
 public:
  ShaderProgram() = default;
  /// Loads `<dir>/<name>.vert` and `<dir>/<name>.frag`.
  static ShaderProgram load(const std::filesystem::path& dir, std::string_view name);
  static ShaderProgram from_files(const std::filesystem::path& vertex, const std::filesystem::path& fragment);

  void use() const { glUseProgram(program_.get()); }
  GLuint id() const { return program_.get(); }
  GLint location(const char* name) const { return glGetUniformLocation(program_.get(), name); }

  void set(const char* name, float v) const { glProgramUniform1f(id(), location(name), v); }
  void set(const char* name, int v) const { glProgramUniform1i(id(), location(name), v); }
  void set(const char* name, const glm::vec2& v) const { glProgramUniform2f(id(), location(name), v.x, v.y); }
  void set(const char* name, const glm::vec3& v) const { glProgramUniform3f(id(), location(name), v.x, v.y, v.z); }
  void set(const char* name, const glm::vec4& v) const {
    glProgramUniform4f(id(), location(name), v.x, v.y, v.z, v.w);
  }
  void set(const char* name, const glm::mat4& m) const {
    glProgramUniformMatrix4fv(id(), location(name), 1, GL_FALSE, &m[0][0]);
  }

 private:
  GlProgram program_;
};

}  // namespace dermasim::render
