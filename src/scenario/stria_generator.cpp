#include "scenario/stria_generator.hpp"

#include <algorithm>

namespace dermasim::scenario {
namespace {
// splitmix64: tiny, well mixed and identical on every platform.
struct Random {
  std::uint64_t state;
  double next01() {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    z ^= z >> 31;
    return static_cast<double>(z >> 11) / 9007199254740992.0;
  }
  double in(const Range& r) { return r.lo + (r.hi - r.lo) * next01(); }
};
}  // namespace

std::vector<tissue::StretchMark> generate_striae(const StriaGenerator& g) {
  Random rnd{g.seed};
  std::vector<tissue::StretchMark> marks;
  const double w = g.region_x1_mm - g.region_x0_mm, h = g.region_y1_mm - g.region_y0_mm;
  const double band = h / std::max(1, g.count);
  for (int i = 0; i < g.count; ++i) {
    tissue::StretchMark m;
    m.type = g.type;
    m.severity = rnd.in(g.severity);
    m.length_mm = std::min(rnd.in(g.length_mm), 0.9 * w);
    m.width_mm = std::min(rnd.in(g.width_mm), 0.8 * band);
    m.angle_deg = rnd.in(g.angle_deg);
    const double slack = std::max(0.0, w - m.length_mm);
    m.center_x_mm = g.region_x0_mm + 0.5 * m.length_mm + slack * rnd.next01();
    m.center_y_mm = g.region_y0_mm + band * (i + 0.3 + 0.4 * rnd.next01());
    marks.push_back(m);
  }
  return marks;
}

}  // namespace dermasim::scenario
