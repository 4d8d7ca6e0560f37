#pragma once
// Cheaper panels on software OpenGL, which pays for every pixel: the parts of
// the window that opaque ImGui panels cover (the 3D scene is not shaded
// there), and the font texture's filter.
#include <vector>

#include <imgui.h>

#include "render/scene_renderer.hpp"

struct ImGuiWindow;
struct ImRect;

namespace dermasim::app {

/// The pixels of `r` (a rectangle of window `w`, in ImGui units) that lie
/// inside its one-pixel border or its rounded corners, whichever is wider,
/// at `scale` pixels per unit from `origin`, shrunk by `margin_px` more.
render::PixelRect inside_border(const ImGuiWindow& w, const ImRect& r, ImVec2 origin, ImVec2 scale, int margin_px);

/// Rectangles of the window (pixels, top left origin) that this frame's
/// panels cover with an opaque background, scaled by `scale` to the scene's
/// render target and shrunk by `margin_px` on every side (a filtered upscale
/// reads neighbouring pixels). Call after ImGui::Render().
std::vector<render::PixelRect> opaque_panel_rects(float scale, int margin_px);

/// Samples the ImGui font atlas with nearest filtering. The default font's
/// glyphs sit on whole pixels, so text looks the same, and every panel pixel
/// (backgrounds read the atlas's white texel) skips a bilinear read. Call
/// after ImGui_ImplOpenGL3_NewFrame(), which creates the atlas.
void sample_panel_font_nearest();

}  // namespace dermasim::app
