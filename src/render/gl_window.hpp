#pragma once
// A GLFW window with an OpenGL 4.5 core context, loaded through glad. Hidden
// windows serve as the offscreen context for screenshots, benchmarks and tests.
#include <stdexcept>
#include <string>

struct GLFWwindow;

namespace dermasim::render {

struct GlError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct WindowOptions {
  int width = 1280, height = 720;
  std::string title = "dermasim";
  bool visible = true;
  bool vsync = true;
  int samples = 0;  // MSAA of the default framebuffer
  bool debug_output = false;
};

class GlWindow {
 public:
  /// Throws GlError with a readable reason (no display, no GL 4.5).
  explicit GlWindow(const WindowOptions& options);
  ~GlWindow();
  GlWindow(const GlWindow&) = delete;
  GlWindow& operator=(const GlWindow&) = delete;

  GLFWwindow* handle() const { return window_; }
  std::string renderer_name() const;
  std::string gl_version() const;
  void framebuffer_size(int& width, int& height) const;

 private:
  GLFWwindow* window_ = nullptr;
};

}  // namespace dermasim::render
