// The frame-time controller (ui/frame_budget.hpp) on a model of a software
// rasteriser's frame: a fixed part plus a part growing with the scene's
// pixels (scale squared), fitted to `bench render` on llvmpipe (17.6 ms at
// full resolution, 12.8 ms at half).
#include <doctest/doctest.h>

#include <cmath>

#include "ui/frame_budget.hpp"

using dermasim::ui::FrameBudget;

namespace {
struct FrameModel {
  double fixed_ms, full_pixels_ms;
  double at(float scale) const { return fixed_ms + full_pixels_ms * static_cast<double>(scale) * scale; }
};

// Runs `frames` frames; `load_ms(i)` adds a busy machine's time to frame i.
template <typename Load>
float run(FrameBudget& budget, const FrameModel& m, float scale, int frames, Load load_ms, int* changes = nullptr) {
  for (int i = 0; i < frames; ++i) {
    const float next = budget.update(m.at(scale) + load_ms(i), scale, 1.0f);
    if (changes && next != scale) ++*changes;
    scale = next;
  }
  return scale;
}
const auto quiet = [](int) { return 0.0; };
}  // namespace

TEST_CASE("frame budget: the scale settles at the highest step that holds the budget, and comes back after a busy spell") {
  const FrameModel llvmpipe{11.2, 6.4};
  FrameBudget budget;
  float scale = run(budget, llvmpipe, 1.0f, 2000, quiet);
  const double settled_ms = llvmpipe.at(scale);
  CHECK(settled_ms <= FrameBudget::lower_above * FrameBudget::budget_ms);
  // One step up would not fit: it is the highest.
  CHECK(llvmpipe.at(std::min(1.0f, scale * FrameBudget::rise_step)) > FrameBudget::rise_below * FrameBudget::budget_ms);

  // Two seconds of another program's load push it down...
  scale = run(budget, llvmpipe, scale, 120, [](int) { return 8.0; });
  CHECK(llvmpipe.at(scale) < FrameBudget::rise_below * FrameBudget::budget_ms);
  // ...and once the machine is quiet it climbs back into the band, then holds still.
  scale = run(budget, llvmpipe, scale, 3000, quiet);
  int changes = 0;
  scale = run(budget, llvmpipe, scale, 3000, quiet, &changes);
  CHECK(changes == 0);
  CHECK(llvmpipe.at(scale) <= FrameBudget::lower_above * FrameBudget::budget_ms);
  CHECK(llvmpipe.at(scale) > 0.7 * FrameBudget::budget_ms);
}

TEST_CASE("frame budget: where full resolution fits, it stays at full resolution, and returns to it after a busy spell") {
  const FrameModel fast{6.0, 6.0};  // 12 ms at full resolution
  FrameBudget budget;
  CHECK(run(budget, fast, 1.0f, 1000, quiet) == 1.0f);
  float scale = run(budget, fast, 1.0f, 200, [](int) { return 10.0; });
  CHECK(scale < 1.0f);
  CHECK(run(budget, fast, scale, 5000, quiet) == 1.0f);
}

TEST_CASE("frame budget: never below its floor, however slow the frames") {
  FrameBudget budget;
  const FrameModel slow{40.0, 40.0};
  CHECK(run(budget, slow, 1.0f, 3000, quiet) == doctest::Approx(FrameBudget::min_scale));
}
