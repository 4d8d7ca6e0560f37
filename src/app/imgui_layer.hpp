#pragma once
// Dear ImGui on the simulator's window: the context, the style, and the GLFW
// and OpenGL 3 backends, created together and torn down together.
#include "app/panel_backgrounds.hpp"
#include "app/panel_cache.hpp"
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
  /// Software GL: unchanged panels copied from a layer instead of drawn
  /// (panel_cache.hpp); on by default. Off: every panel drawn every frame.
  void set_panel_cache(bool on);
  PanelCache::FrameStats panel_cache_stats() const { return panel_cache_.last_frame(); }

 private:
  bool software_gl_ = false;
  PanelBackgrounds backgrounds_;  // software GL: panel backgrounds by clears
  PanelCache panel_cache_;        // software GL: unchanged panels copied
  bool panel_cache_on_ = true;
};

}  // namespace dermasim::app
