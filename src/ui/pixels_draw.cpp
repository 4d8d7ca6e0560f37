#include "ui/pixels_draw.hpp"

#include <imgui.h>

#include <cstddef>

namespace dermasim::ui {
namespace {
float f(int v) { return static_cast<float>(v); }
}  // namespace

// Draws pixels at `scale` as runs of equal colour (a software-GL frame pays
// per triangle, and skin is mostly one colour), then reserves the space.
void draw_pixels(const scene::Pixels& p, float scale) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 o = ImGui::GetCursorScreenPos();
  auto colour = [&](int x, int y) {
    const auto i = (static_cast<std::size_t>(y) * static_cast<std::size_t>(p.width) + static_cast<std::size_t>(x)) * 4;
    // 5 bits a channel: runs merge across imperceptible differences.
    return IM_COL32(p.rgba[i] & 0xf8, p.rgba[i + 1] & 0xf8, p.rgba[i + 2] & 0xf8, 255);
  };
  for (int y = 0; y < p.height; ++y) {
    int x = 0;
    while (x < p.width) {
      const ImU32 c = colour(x, y);
      int run = 1;
      while (x + run < p.width && colour(x + run, y) == c) ++run;
      dl->AddRectFilled(ImVec2(o.x + f(x) * scale, o.y + f(y) * scale), ImVec2(o.x + f(x + run) * scale, o.y + f(y + 1) * scale), c);
      x += run;
    }
  }
  ImGui::Dummy(ImVec2(f(p.width) * scale, f(p.height) * scale));
}

}  // namespace dermasim::ui
