#include "tissue/stiffness_field.hpp"

#include <cmath>
#include <cstdint>

namespace dermasim::tissue {
namespace {

// A value in [-1, 1] for each lattice point, from an integer hash (the same on
// every machine: no floating-point state, no library random generator).
double lattice_value(std::int64_t ix, std::int64_t iy) {
  std::uint64_t h = static_cast<std::uint64_t>(ix) * 0x9E3779B97F4A7C15ull ^
                    static_cast<std::uint64_t>(iy) * 0xC2B2AE3D27D4EB4Full;
  h ^= h >> 31;
  h *= 0xBF58476D1CE4E5B9ull;
  h ^= h >> 29;
  return static_cast<double>(h >> 11) / static_cast<double>(1ull << 53) * 2.0 - 1.0;
}

double smooth(double t) { return t * t * (3.0 - 2.0 * t); }

}  // namespace

double local_stiffness_factor(double x_mm, double y_mm) {
  if (!std::isfinite(x_mm) || !std::isfinite(y_mm)) return 1.0;
  const double u = x_mm / stiffness_field_spacing_mm, v = y_mm / stiffness_field_spacing_mm;
  const double fu = std::floor(u), fv = std::floor(v);
  const auto ix = static_cast<std::int64_t>(fu), iy = static_cast<std::int64_t>(fv);
  const double tu = smooth(u - fu), tv = smooth(v - fv);
  const double a = lattice_value(ix, iy) + (lattice_value(ix + 1, iy) - lattice_value(ix, iy)) * tu;
  const double b = lattice_value(ix, iy + 1) + (lattice_value(ix + 1, iy + 1) - lattice_value(ix, iy + 1)) * tu;
  return 1.0 + stiffness_field_amplitude * (a + (b - a) * tv);
}

}  // namespace dermasim::tissue
