#pragma once
// Panel backgrounds by scissored clears on software OpenGL. ImGui draws each
// window's background as one textured, blended quad; llvmpipe shades and
// blends every pixel of it, about 1 ms a frame for the procedure's panels
// (bench render). A clear of the same pixels in the same colour writes the
// same bytes for a fraction of that.
#include <span>
#include <vector>

#include <imgui.h>

#include "render/pixel_rect.hpp"

namespace dermasim::app {

class PanelBackgrounds {
 public:
  /// Call after ImGui::Render() and before the backend draws: each top-level
  /// window whose first primitive is its plain background quad has that quad
  /// made empty and a callback put in front of it that clears its pixels to
  /// its colour, in the window's place in the drawing order (a window above
  /// still covers one below). Windows drawn otherwise are left alone.
  /// A window in `copied` (PanelCache) has its inner rectangle copied over
  /// its background just after: its clear leaves that rectangle out.
  struct Copied {
    ImGuiID window = 0;
    render::PixelRect inner;  // framebuffer pixels, origin at the top left
  };
  void replace(ImDrawData& draw_data, std::span<const Copied> copied = {});

  /// One background to clear: framebuffer rectangles (the background less
  /// a copied inner rectangle), origin at the bottom left as GL counts.
  struct Clear {
    struct Part {
      int x = 0, y = 0, width = 0, height = 0;
    };
    std::vector<Part> parts;
    ImVec4 colour;
  };

 private:
  std::vector<Clear> clears_;  // read by the callbacks while the backend draws
};

}  // namespace dermasim::app
