#include "app/panel_cost.hpp"

#include <cmath>
#include <cstdint>

#include <imgui.h>
#include <imgui_internal.h>

#include "render/gl.hpp"

namespace dermasim::app {

std::vector<render::PixelRect> opaque_panel_rects(float scale, int margin_px) {
  std::vector<render::PixelRect> rects;
  const ImGuiContext* g = ImGui::GetCurrentContext();
  if (!g) return rects;
  const ImGuiStyle& style = g->Style;
  // Only panels whose background the style paints fully opaque (the app sets
  // WindowBg's alpha to 1). Windows without a title bar are skipped: the cue
  // banner is translucent (SetNextWindowBgAlpha, which the window does not
  // remember), and popups, tooltips and child windows draw other colours.
  if (style.Alpha < 1.0f || style.Colors[ImGuiCol_WindowBg].w < 1.0f) return rects;
  constexpr ImGuiWindowFlags skipped = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoBackground |
                                       ImGuiWindowFlags_ChildWindow | ImGuiWindowFlags_Popup |
                                       ImGuiWindowFlags_Tooltip;
  // ImGui lays out in window coordinates; the framebuffer may be denser.
  const float sx = scale * g->IO.DisplayFramebufferScale.x, sy = scale * g->IO.DisplayFramebufferScale.y;
  for (const ImGuiWindow* w : g->Windows) {
    if (!w->Active || w->Hidden || (w->Flags & skipped)) continue;
    const render::PixelRect p =
        inside_border(*w, w->Collapsed ? w->TitleBarRect() : w->Rect(), ImVec2(0.0f, 0.0f), ImVec2(sx, sy), margin_px);
    if (!p.empty()) rects.push_back(p);
  }
  return rects;
}

render::PixelRect inside_border(const ImGuiWindow& w, const ImRect& r, ImVec2 origin, ImVec2 scale, int margin_px) {
  // Rounded corners leave what is behind showing: stay inside them.
  const float inset = std::max(w.WindowRounding, 1.0f);
  const int m = margin_px;
  return {static_cast<int>(std::ceil((r.Min.x + inset - origin.x) * scale.x)) + m,
          static_cast<int>(std::ceil((r.Min.y + inset - origin.y) * scale.y)) + m,
          static_cast<int>(std::floor((r.Max.x - inset - origin.x) * scale.x)) - m,
          static_cast<int>(std::floor((r.Max.y - inset - origin.y) * scale.y)) - m};
}

void sample_panel_font_nearest() {
  const auto texture = static_cast<GLuint>(reinterpret_cast<std::intptr_t>(ImGui::GetIO().Fonts->TexID));
  if (texture == 0) return;
  glTextureParameteri(texture, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
  glTextureParameteri(texture, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
}

}  // namespace dermasim::app
