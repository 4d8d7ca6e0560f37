#pragma once
// Issue 15: learning-curve charts a person would rather look at than read:
// axes with ticks and labels, the value of the point under the mouse, the
// pass-mark line, the expert benchmark band, and the CUSUM with its decision
// limits. Drawn with ImGui's draw list.
#include <optional>
#include <string>
#include <vector>

namespace dermasim::ui {

struct ScoreChart {
  std::string title;              // "total", "depth", ...
  std::vector<float> values;      // per completed attempt, oldest first
  float y_min = 0.0f, y_max = 100.0f;
  std::optional<float> pass_line;  // the pass mark (total) or the criterion's threshold
  std::optional<float> benchmark;  // the expert bar: the band runs from it to y_max
};

/// A score across attempts; `height` in pixels, full available width.
void score_chart(const ScoreChart& c, float width, float height);

struct CusumView {
  std::vector<float> values;  // after each attempt
  float h0 = 0.0f, h1 = 0.0f;
  float acceptable_rate = 0.05f, unacceptable_rate = 0.15f;
  std::string signal;
};

void cusum_chart(const CusumView& c, float width, float height);

}  // namespace dermasim::ui
