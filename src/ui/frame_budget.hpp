#pragma once
// Holds the frame time inside its budget by drawing the 3D scene at fewer
// pixels when frames run long (panels stay at full resolution). On software
// OpenGL the scene's pixel count is most of a frame's cost; a real GPU keeps
// full resolution. The scale never rises above the renderer's default.
#include <algorithm>
#include <array>

namespace dermasim::ui {

class FrameBudget {
 public:
  static constexpr double budget_ms = 16.7;  // 60 fps

  /// Records one frame's time (rendering included) and returns the scale to
  /// draw the next frame at: `scale` lowered after a run of slow frames,
  /// raised towards `max_scale` after a long run of fast ones.
  float update(double frame_ms, float scale, float max_scale) {
    recent_[count_++ % recent_.size()] = frame_ms;
    if (count_ < recent_.size()) return scale;
    std::array<double, 16> sorted = recent_;
    std::nth_element(sorted.begin(), sorted.begin() + 8, sorted.end());
    const double median = sorted[8];
    // Aim under the budget so a busy moment does not spill over it.
    if (median > lower_above * budget_ms && scale > min_scale) {
      count_ = 0;  // judge the new scale on its own frames
      fast_frames_ = 0;
      return std::max(min_scale, scale * lower_step);
    }
    // Back up once frames have had room for a while, so a busy moment (a
    // compile, another program) does not leave the picture coarse for good.
    fast_frames_ = median < rise_below * budget_ms ? fast_frames_ + 1 : 0;
    if (fast_frames_ > rise_after_frames && scale < max_scale) {
      fast_frames_ = 0;
      count_ = 0;
      return std::min(max_scale, scale * rise_step);
    }
    return scale;
  }

  static constexpr float min_scale = 0.3f;
  static constexpr double lower_above = 0.9;  // of the budget: the median that lowers the scale
  static constexpr float lower_step = 0.9f;
  // A 5% step is at most 10% more scene pixels, so a frame at 0.8 of the
  // budget comes back under 0.88 of it: below lower_above, so the scale
  // settles at the highest step that holds the budget instead of hunting.
  static constexpr double rise_below = 0.8;
  static constexpr float rise_step = 1.05f;
  static constexpr int rise_after_frames = 120;  // two seconds at 60 fps

 private:
  std::array<double, 16> recent_{};
  std::size_t count_ = 0;
  int fast_frames_ = 0;
};

}  // namespace dermasim::ui
