#pragma once
// The parts of the window that opaque ImGui panels cover this frame, so the
// 3D scene need not be shaded under them (software OpenGL pays per pixel).
#include <vector>

#include "render/scene_renderer.hpp"

namespace dermasim::app {

/// Rectangles of the window (pixels, top left origin) that this frame's
/// panels cover with an opaque background, scaled by `scale` to the scene's
/// render target and shrunk by `margin_px` on every side (a filtered upscale
/// reads neighbouring pixels). Call after ImGui::Render().
std::vector<render::PixelRect> opaque_panel_rects(float scale, int margin_px);

}  // namespace dermasim::app
