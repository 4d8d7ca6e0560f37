#include "render/gl_window.hpp"

#include <cstdio>
#include <cstdlib>

#include "render/gl.hpp"
// GLFW after glad: glad provides the GL declarations.
#include <GLFW/glfw3.h>

namespace dermasim::render {

namespace {

std::string last_glfw_error() {
  const char* description = nullptr;
  glfwGetError(&description);
  return description ? description : "unknown GLFW error";
}

void APIENTRY print_debug_message(GLenum, GLenum type, GLuint, GLenum severity, GLsizei, const GLchar* message,
                                  const void*) {
  if (severity == GL_DEBUG_SEVERITY_NOTIFICATION) return;
  std::fprintf(stderr, "GL %s: %s\n", type == GL_DEBUG_TYPE_ERROR ? "error" : "debug", message);
}

// GLFW starts once per process and stops at exit: terminating it when the
// last window closes and starting it again for the next one intermittently
// fails to reopen the X display under Mesa's GLX.
void start_glfw_once() {
  static bool started = false;
  if (started) return;
  if (!glfwInit())
    throw GlError("cannot open a window: " + last_glfw_error() +
                  " (no display? run under `xvfb-run -a` when there is no screen)");
  started = true;
  std::atexit(glfwTerminate);
}

}  // namespace

GlWindow::GlWindow(const WindowOptions& options) {
  start_glfw_once();
  glfwDefaultWindowHints();
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 4);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 5);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  glfwWindowHint(GLFW_OPENGL_DEBUG_CONTEXT, options.debug_output ? GLFW_TRUE : GLFW_FALSE);
  glfwWindowHint(GLFW_VISIBLE, options.visible ? GLFW_TRUE : GLFW_FALSE);
  glfwWindowHint(GLFW_SAMPLES, options.samples);
  window_ = glfwCreateWindow(options.width, options.height, options.title.c_str(), nullptr, nullptr);
  if (!window_) {
    const std::string why = last_glfw_error();
    throw GlError("cannot create an OpenGL 4.5 core window: " + why);
  }
  glfwMakeContextCurrent(window_);
  if (!gladLoadGL(glfwGetProcAddress)) {
    glfwDestroyWindow(window_);
    throw GlError("cannot load OpenGL 4.5 core functions");
  }
  glfwSwapInterval(options.vsync ? 1 : 0);
  if (options.debug_output && GLAD_GL_KHR_debug) {
    glEnable(GL_DEBUG_OUTPUT);
    glDebugMessageCallback(print_debug_message, nullptr);
  }
}

GlWindow::~GlWindow() { glfwDestroyWindow(window_); }

std::string GlWindow::renderer_name() const {
  const auto* s = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
  return s ? s : "unknown";
}

std::string GlWindow::gl_version() const {
  const auto* s = reinterpret_cast<const char*>(glGetString(GL_VERSION));
  return s ? s : "unknown";
}

void GlWindow::framebuffer_size(int& width, int& height) const { glfwGetFramebufferSize(window_, &width, &height); }

}  // namespace dermasim::render
