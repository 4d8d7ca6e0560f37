#pragma once
// Stretch marks from a seed: an instructor can ask for "six alba marks of
// this size" instead of placing each one.
#include <cstdint>
#include <vector>

#include "scenario/scenario.hpp"
#include "tissue/stretch_mark.hpp"

namespace dermasim::scenario {

struct StriaGenerator {
  std::uint64_t seed = 1;
  int count = 5;
  tissue::StriaType type = tissue::StriaType::rubra;
  Range severity{0.3, 0.6};
  Range length_mm{30, 70};
  Range width_mm{2, 6};
  Range angle_deg{-10, 10};
  double region_x0_mm = 0, region_y0_mm = 0, region_x1_mm = 0, region_y1_mm = 0;
};

/// Parallel bands spread across the region, like striae perpendicular to the
/// skin's tension. The same generator always gives the same marks.
std::vector<tissue::StretchMark> generate_striae(const StriaGenerator& g);

}  // namespace dermasim::scenario
