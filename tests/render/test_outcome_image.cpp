// The healing pictures (issue 13), headless: erythema reddens the treated
// patch at day 0, the marks fade by day 84, the cutaway's dermis thickens.
#include <doctest/doctest.h>

#include "../healing_helpers.hpp"
#include "scene/outcome_image.hpp"

using namespace dermasim;

namespace {

struct Mean {
  double r = 0, g = 0, b = 0;
};
Mean mean_in(const scene::Pixels& p, int x0, int y0, int x1, int y1) {
  Mean m;
  int n = 0;
  for (int y = y0; y < y1; ++y)
    for (int x = x0; x < x1; ++x) {
      const auto i = (static_cast<std::size_t>(y) * static_cast<std::size_t>(p.width) + static_cast<std::size_t>(x)) * 4;
      m.r += p.rgba[i];
      m.g += p.rgba[i + 1];
      m.b += p.rgba[i + 2];
      ++n;
    }
  m.r /= n;
  m.g /= n;
  m.b /= n;
  return m;
}

// Rows of fat (the yellow layer) in a cutaway column.
int fat_rows(const scene::Pixels& p, int x) {
  int n = 0;
  for (int y = 0; y < p.height; ++y) {
    const auto i = (static_cast<std::size_t>(y) * static_cast<std::size_t>(p.width) + static_cast<std::size_t>(x)) * 4;
    n += p.rgba[i] > 200 && p.rgba[i + 1] > 150 && p.rgba[i + 2] < 120 ? 1 : 0;
  }
  return n;
}

}  // namespace

TEST_CASE("healing frames: red at day 0 - the mark fading by day 84 - the dermis under it thicker") {
  auto patch = test::healing_patch(tissue::StriaType::rubra, 0.3);
  tissue::HealingCourse c(patch, {2, 30, 1.0}, 1);
  const double px_per_mm = 4.0;
  const auto before = scene::untreated_top_view(*patch, 2, px_per_mm);
  CHECK(before.width == 160);
  CHECK(before.height == 120);
  c.apply_session(test::session_of(test::uniform_injury(*patch, 0.9, 2500.0)));
  const auto day0 = scene::outcome_top_view(c, px_per_mm);
  const auto cut0 = scene::outcome_cutaway(c, 0, 20.0, 3.0, 20.0, 40.0);
  for (int k = 0; k < 3; ++k) {
    c.advance_days(35.0);
    c.apply_session(test::session_of(test::uniform_injury(*patch, 0.9, 2500.0)));
  }
  c.advance_days(84.0);
  const auto day84 = scene::outcome_top_view(c, px_per_mm);
  const auto cut84 = scene::outcome_cutaway(c, 0, 20.0, 3.0, 20.0, 40.0);
  // Off the mark but treated: redder just after than before, back by day 84.
  const Mean skin_before = mean_in(before, 4, 4, 24, 20), skin0 = mean_in(day0, 4, 4, 24, 20), skin84 = mean_in(day84, 4, 4, 24, 20);
  CHECK(skin0.r - skin0.g > skin_before.r - skin_before.g + 10);
  CHECK(std::abs(skin84.g - skin_before.g) < 3);
  // On the mark's centre: its colour contrast with the skin shrinks.
  const Mean mark_before = mean_in(before, 70, 56, 90, 64), mark84 = mean_in(day84, 70, 56, 90, 64);
  CHECK(std::abs(mark84.g - skin84.g) < 0.7 * std::abs(mark_before.g - skin_before.g));
  // The cutaway's centre column: less fat showing under the mark as the dermis thickens.
  CHECK(fat_rows(cut84, cut84.width / 2) < fat_rows(cut0, cut0.width / 2));
}
