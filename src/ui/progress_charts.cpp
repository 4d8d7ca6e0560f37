#include "ui/progress_charts.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <imgui.h>

namespace dermasim::ui {
namespace {

constexpr ImU32 background = IM_COL32(25, 25, 30, 255);
constexpr ImU32 grid = IM_COL32(70, 70, 80, 255);
constexpr ImU32 axis = IM_COL32(170, 170, 180, 255);
constexpr ImU32 label = IM_COL32(190, 190, 195, 255);
constexpr ImU32 line = IM_COL32(110, 180, 255, 255);
constexpr ImU32 pass = IM_COL32(240, 200, 80, 255);
constexpr ImU32 band = IM_COL32(80, 200, 120, 60);
constexpr ImU32 band_edge = IM_COL32(80, 200, 120, 200);
constexpr ImU32 bad = IM_COL32(230, 90, 80, 255);
constexpr ImU32 good = IM_COL32(80, 200, 120, 255);
constexpr float left_px = 44.0f, right_px = 12.0f, top_px = 20.0f, bottom_px = 30.0f;

struct Frame {
  ImVec2 o;
  float w, h, y_min, y_max;
  int n;
  float px(int i) const {  // attempt i (0-based) on the x axis
    const float inner = w - left_px - right_px;
    return o.x + left_px + (n <= 1 ? inner / 2 : inner * static_cast<float>(i) / static_cast<float>(n - 1));
  }
  float py(float v) const {
    const float t = (std::clamp(v, y_min, y_max) - y_min) / std::max(1e-6f, y_max - y_min);
    return o.y + top_px + (h - top_px - bottom_px) * (1.0f - t);
  }
};

// Axes, a y grid with labelled ticks, attempt numbers on x, and the titles.
Frame axes(const char* title, const char* y_title, int n, float y_min, float y_max, float width, float height,
           float y_step) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  Frame f{ImGui::GetCursorScreenPos(), width, height, y_min, y_max, n};
  dl->AddRectFilled(f.o, ImVec2(f.o.x + width, f.o.y + height), background);
  char buf[32];
  for (float v = std::ceil(y_min / y_step) * y_step; v <= y_max + 1e-4f; v += y_step) {
    dl->AddLine(ImVec2(f.o.x + left_px, f.py(v)), ImVec2(f.o.x + width - right_px, f.py(v)), grid);
    std::snprintf(buf, sizeof buf, "%g", std::abs(v) < 1e-4f ? 0.0f : v);
    dl->AddText(ImVec2(f.o.x + 4, f.py(v) - 7), label, buf);
  }
  dl->AddLine(ImVec2(f.o.x + left_px, f.o.y + top_px), ImVec2(f.o.x + left_px, f.o.y + height - bottom_px), axis);
  dl->AddLine(ImVec2(f.o.x + left_px, f.o.y + height - bottom_px),
              ImVec2(f.o.x + width - right_px, f.o.y + height - bottom_px), axis);
  const int every = std::max(1, n / 12);  // keep attempt numbers legible
  for (int i = 0; i < n; i += every) {
    std::snprintf(buf, sizeof buf, "%d", i + 1);
    dl->AddLine(ImVec2(f.px(i), f.o.y + height - bottom_px), ImVec2(f.px(i), f.o.y + height - bottom_px + 4), axis);
    dl->AddText(ImVec2(f.px(i) - 3, f.o.y + height - bottom_px + 4), label, buf);
  }
  dl->AddText(ImVec2(f.o.x + left_px, f.o.y + 3), label, title);
  const ImVec2 ts = ImGui::CalcTextSize("attempt");
  dl->AddText(ImVec2(f.o.x + width - right_px - ts.x, f.o.y + height - 15), label, "attempt");
  dl->AddText(ImVec2(f.o.x + 4, f.o.y + 3), label, y_title);
  return f;
}

// The line with its points; the point under the mouse says its value.
void series(const Frame& f, const std::vector<float>& values, const std::vector<ImU32>& colours, const char* what) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  std::vector<ImVec2> pts;
  for (int i = 0; i < f.n; ++i) pts.emplace_back(f.px(i), f.py(values[static_cast<std::size_t>(i)]));
  if (pts.size() > 1) dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), line, 0, 2.0f);
  for (std::size_t i = 0; i < pts.size(); ++i) dl->AddCircleFilled(pts[i], 4.0f, colours.empty() ? line : colours[i]);
  ImGui::InvisibleButton(what, ImVec2(f.w, f.h));
  if (ImGui::IsItemHovered() && !pts.empty()) {
    const float mx = ImGui::GetIO().MousePos.x;
    std::size_t best = 0;
    for (std::size_t i = 1; i < pts.size(); ++i)
      if (std::abs(pts[i].x - mx) < std::abs(pts[best].x - mx)) best = i;
    dl->AddCircle(pts[best], 7.0f, IM_COL32(255, 255, 255, 255), 0, 2.0f);
    ImGui::SetTooltip("attempt %zu: %s %.2f", best + 1, what, static_cast<double>(values[best]));
  }
}

}  // namespace

void score_chart(const ScoreChart& c, float width, float height) {
  const Frame f = axes(c.title.c_str(), "", static_cast<int>(c.values.size()), c.y_min, c.y_max, width, height,
                       (c.y_max - c.y_min) / 4.0f);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float x0 = f.o.x + left_px, x1 = f.o.x + width - right_px;
  if (c.benchmark) {
    dl->AddRectFilled(ImVec2(x0, f.py(c.y_max)), ImVec2(x1, f.py(*c.benchmark)), band);
    dl->AddLine(ImVec2(x0, f.py(*c.benchmark)), ImVec2(x1, f.py(*c.benchmark)), band_edge, 1.5f);
    char buf[48];
    std::snprintf(buf, sizeof buf, "expert benchmark %.1f", static_cast<double>(*c.benchmark));
    const ImVec2 ts = ImGui::CalcTextSize(buf);
    dl->AddText(ImVec2(x1 - ts.x - 4, f.py(*c.benchmark) + 2), band_edge, buf);
  }
  if (c.pass_line) {
    // Dashed, so it reads apart from the benchmark's solid edge.
    const float y = f.py(*c.pass_line);
    for (float x = x0; x < x1; x += 10.0f) dl->AddLine(ImVec2(x, y), ImVec2(std::min(x + 6.0f, x1), y), pass, 1.5f);
    char buf[32];
    std::snprintf(buf, sizeof buf, "pass %.0f", static_cast<double>(*c.pass_line));
    dl->AddText(ImVec2(x0 + 4, y - 15), pass, buf);
  }
  std::vector<ImU32> colours;
  for (float v : c.values) colours.push_back(c.benchmark && v < *c.benchmark ? bad : line);
  series(f, c.values, colours, c.title.c_str());
}

void cusum_chart(const CusumView& c, float width, float height) {
  float lo = std::min(c.h0 * 1.25f, 0.0f), hi = std::max(c.h1 * 1.25f, 0.0f);
  for (float v : c.values) {
    lo = std::min(lo, v - 0.25f);
    hi = std::max(hi, v + 0.25f);
  }
  char title[128];
  std::snprintf(title, sizeof title, "CUSUM (failures %.0f%% acceptable, %.0f%% not): %s",
                100.0 * c.acceptable_rate, 100.0 * c.unacceptable_rate, c.signal.c_str());
  const Frame f = axes(title, "", static_cast<int>(c.values.size()), lo, hi, width, height, 1.0f);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float x0 = f.o.x + left_px, x1 = f.o.x + width - right_px;
  dl->AddLine(ImVec2(x0, f.py(0.0f)), ImVec2(x1, f.py(0.0f)), axis);
  char buf[64];
  dl->AddLine(ImVec2(x0, f.py(c.h1)), ImVec2(x1, f.py(c.h1)), bad, 2.0f);
  std::snprintf(buf, sizeof buf, "h1 = %.2f: unacceptable", static_cast<double>(c.h1));
  dl->AddText(ImVec2(x1 - ImGui::CalcTextSize(buf).x - 4, f.py(c.h1) - 15), bad, buf);
  dl->AddLine(ImVec2(x0, f.py(c.h0)), ImVec2(x1, f.py(c.h0)), good, 2.0f);
  std::snprintf(buf, sizeof buf, "h0 = %.2f: acceptable", static_cast<double>(c.h0));
  dl->AddText(ImVec2(x1 - ImGui::CalcTextSize(buf).x - 4, f.py(c.h0) - 15), good, buf);
  series(f, c.values, {}, "CUSUM");
}

}  // namespace dermasim::ui
