#pragma once
// Dear ImGui on the simulator's window: the context, the style, and the GLFW
// and OpenGL 3 backends, created together and torn down together.
#include "app/panel_backgrounds.hpp"
#include "render/gl_window.hpp"

namespace dermasim::app {

class ImGuiLayer {
 public:
  /// `install_callbacks`: ImGui's backend chains to GLFW callbacks already set.
  ImGuiLayer(render::GlWindow& window, bool install_callbacks);
  ~ImGuiLayer();
  ImGuiLayer(const ImGuiLayer&) = delete;
  ImGuiLayer& operator=(const ImGuiLayer&) = delete;

  /// Mesa's llvmpipe or softpipe: the scene is drawn at a reduced resolution
  /// and the panels square and unsmoothed.
  bool software_gl() const { return software_gl_; }
  void new_frame();
  /// Draws what the frame's panels built into the bound framebuffer.
  void render();

 private:
  bool software_gl_ = false;
  PanelBackgrounds backgrounds_;  // software GL: panel backgrounds by clears
};

}  // namespace dermasim::app
