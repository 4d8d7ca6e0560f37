#include "app/panel_backgrounds.hpp"

#include <algorithm>
#include <cmath>

#include <imgui_internal.h>

#include "render/gl.hpp"

namespace dermasim::app {

namespace {

void clear_background(const ImDrawList*, const ImDrawCmd* cmd) {
  const auto* c = static_cast<const PanelBackgrounds::Clear*>(cmd->UserCallbackData);
  // The backend sets its own scissor for every command after this one.
  glEnable(GL_SCISSOR_TEST);
  glClearColor(c->colour.x, c->colour.y, c->colour.z, c->colour.w);
  for (const PanelBackgrounds::Clear::Part& p : c->parts) {
    glScissor(p.x, p.y, p.width, p.height);
    glClear(GL_COLOR_BUFFER_BIT);
  }
}

// The pixels a rasterised axis-aligned quad from `lo` to `hi` covers: those
// whose centre lies inside it.
int first_pixel(float edge) { return static_cast<int>(std::ceil(edge - 0.5f)); }

}  // namespace

void PanelBackgrounds::replace(ImDrawData& draw_data, std::span<const Copied> copied) {
  clears_.clear();
  const ImGuiContext* g = ImGui::GetCurrentContext();
  if (!g || draw_data.CmdListsCount == 0) return;
  constexpr ImGuiWindowFlags skipped = ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_ChildWindow |
                                       ImGuiWindowFlags_Popup | ImGuiWindowFlags_Tooltip;
  std::vector<ImGuiWindow*> windows;
  for (ImGuiWindow* w : g->Windows)
    if (w->Active && !w->Hidden && !w->Collapsed && !(w->Flags & skipped)) windows.push_back(w);
  // The callbacks point into clears_: no reallocation once they are handed out.
  clears_.reserve(windows.size());
  const ImVec2 scale = draw_data.FramebufferScale;
  const int framebuffer_height = static_cast<int>(draw_data.DisplaySize.y * scale.y);
  for (ImGuiWindow* w : windows) {
    ImDrawList& list = *w->DrawList;
    if (list.CmdBuffer.Size == 0 || list.IdxBuffer.Size < 6) continue;
    ImDrawCmd& first = list.CmdBuffer[0];
    if (first.UserCallback || first.ElemCount < 6) continue;
    // The background is ImGui's first AddRectFilled of the window: under the
    // title bar to the bottom right corner, in one colour (square corners, so
    // four vertices).
    const ImVec2 lo(w->Pos.x, w->Pos.y + w->TitleBarHeight());
    const ImVec2 hi(w->Pos.x + w->Size.x, w->Pos.y + w->Size.y);
    const ImDrawIdx* idx = list.IdxBuffer.Data + first.IdxOffset;
    const ImDrawVert* vtx = list.VtxBuffer.Data + first.VtxOffset;
    const ImU32 colour = vtx[idx[0]].col;
    bool is_background = (colour & IM_COL32_A_MASK) == IM_COL32_A_MASK;
    ImVec2 box_lo(1e30f, 1e30f), box_hi(-1e30f, -1e30f);
    for (int k = 0; k < 6 && is_background; ++k) {
      const ImDrawVert& v = vtx[idx[k]];
      is_background = v.col == colour && static_cast<int>(idx[k]) < list.VtxBuffer.Size - static_cast<int>(first.VtxOffset);
      box_lo = ImMin(box_lo, v.pos);
      box_hi = ImMax(box_hi, v.pos);
    }
    // Two triangles of a rectangle: exactly its four corners.
    if (!is_background || box_lo.x != lo.x || box_lo.y != lo.y || box_hi.x != hi.x || box_hi.y != hi.y) continue;
    for (int k = 0; k < 6; ++k) {
      const ImDrawVert& v = vtx[idx[k]];
      if ((v.pos.x != lo.x && v.pos.x != hi.x) || (v.pos.y != lo.y && v.pos.y != hi.y)) is_background = false;
    }
    if (!is_background) continue;

    // The quad's pixels within the command's clip rectangle.
    const ImVec4 clip = first.ClipRect;
    const float x0 = (std::max(lo.x, clip.x) - draw_data.DisplayPos.x) * scale.x;
    const float y0 = (std::max(lo.y, clip.y) - draw_data.DisplayPos.y) * scale.y;
    const float x1 = (std::min(hi.x, clip.z) - draw_data.DisplayPos.x) * scale.x;
    const float y1 = (std::min(hi.y, clip.w) - draw_data.DisplayPos.y) * scale.y;
    const int px0 = first_pixel(x0), px1 = first_pixel(x1), py0 = first_pixel(y0), py1 = first_pixel(y1);
    if (px1 <= px0 || py1 <= py0) continue;
    // The background less the window's copied inner rectangle, if any, in
    // coordinates relative to the background's corner.
    std::vector<render::PixelRect> holes;
    for (const Copied& c : copied)
      if (c.window == w->ID) holes.push_back({c.inner.x0 - px0, c.inner.y0 - py0, c.inner.x1 - px0, c.inner.y1 - py0});
    Clear clear;
    clear.colour = ImGui::ColorConvertU32ToFloat4(colour);
    for (const render::PixelRect& p : render::uncovered_rects(px1 - px0, py1 - py0, holes))
      clear.parts.push_back({px0 + p.x0, framebuffer_height - (py0 + p.y1), p.x1 - p.x0, p.y1 - p.y0});
    clears_.push_back(std::move(clear));

    // An empty triangle pair in place of the quad, and the clear before it.
    ImDrawIdx* writable = list.IdxBuffer.Data + first.IdxOffset;
    for (int k = 1; k < 6; ++k) writable[k] = writable[0];
    ImDrawCmd clear_cmd = first;
    clear_cmd.ElemCount = 0;
    clear_cmd.UserCallback = clear_background;
    clear_cmd.UserCallbackData = &clears_.back();
    list.CmdBuffer.insert(list.CmdBuffer.begin(), clear_cmd);
  }
}

}  // namespace dermasim::app
