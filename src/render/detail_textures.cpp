#include "render/detail_textures.hpp"

#include <algorithm>
#include <cmath>

namespace dermasim::render {

namespace {

std::uint32_t hash(std::uint32_t x) {
  x ^= x >> 16;
  x *= 0x7feb352dU;
  x ^= x >> 15;
  x *= 0x846ca68bU;
  x ^= x >> 16;
  return x;
}

double hash01(int x, int y, std::uint32_t seed) {
  const auto h = hash(static_cast<std::uint32_t>(x) * 73856093U ^ static_cast<std::uint32_t>(y) * 19349663U ^ seed);
  return static_cast<double>(h & 0xffffffU) / static_cast<double>(0xffffffU);
}

int wrap(int v, int period) { return ((v % period) + period) % period; }

// Value noise on a lattice of `period` cells across the tile, so it tiles.
double value_noise(double u, double v, int period, std::uint32_t seed) {
  const double x = u * period, y = v * period;
  const int x0 = static_cast<int>(std::floor(x)), y0 = static_cast<int>(std::floor(y));
  const double fx = x - x0, fy = y - y0;
  const double sx = fx * fx * (3 - 2 * fx), sy = fy * fy * (3 - 2 * fy);
  auto at = [&](int i, int j) { return hash01(wrap(i, period), wrap(j, period), seed); };
  const double a = at(x0, y0), b = at(x0 + 1, y0), c = at(x0, y0 + 1), d = at(x0 + 1, y0 + 1);
  return (a + (b - a) * sx) * (1 - sy) + (c + (d - c) * sx) * sy;
}

// Value noise with different lattice periods along u and v (streaks).
double stretched_noise(double u, double v, int period_u, int period_v, std::uint32_t seed) {
  const double x = u * period_u, y = v * period_v;
  const int x0 = static_cast<int>(std::floor(x)), y0 = static_cast<int>(std::floor(y));
  const double fx = x - x0, fy = y - y0;
  const double sx = fx * fx * (3 - 2 * fx), sy = fy * fy * (3 - 2 * fy);
  auto at = [&](int i, int j) { return hash01(wrap(i, period_u), wrap(j, period_v), seed); };
  const double a = at(x0, y0), b = at(x0 + 1, y0), c = at(x0, y0 + 1), d = at(x0 + 1, y0 + 1);
  return (a + (b - a) * sx) * (1 - sy) + (c + (d - c) * sx) * sy;
}

double fbm(double u, double v, int period, int octaves, std::uint32_t seed) {
  double sum = 0, amp = 0.5, norm = 0;
  for (int o = 0; o < octaves; ++o) {
    sum += amp * value_noise(u, v, period << o, seed + static_cast<std::uint32_t>(o) * 101U);
    norm += amp;
    amp *= 0.5;
  }
  return sum / norm;
}

// Distance to the nearest and second-nearest jittered points (Worley), tiling.
std::pair<double, double> worley(double u, double v, int period, std::uint32_t seed) {
  const double x = u * period, y = v * period;
  const int cx = static_cast<int>(std::floor(x)), cy = static_cast<int>(std::floor(y));
  double f1 = 9, f2 = 9;
  for (int j = -1; j <= 1; ++j)
    for (int i = -1; i <= 1; ++i) {
      const int gx = cx + i, gy = cy + j;
      const double px = gx + hash01(wrap(gx, period), wrap(gy, period), seed);
      const double py = gy + hash01(wrap(gx, period), wrap(gy, period), seed + 7U);
      const double d = std::hypot(px - x, py - y);
      if (d < f1) {
        f2 = f1;
        f1 = d;
      } else if (d < f2) {
        f2 = d;
      }
    }
  return {f1, f2};
}

std::uint8_t byte(double v) { return static_cast<std::uint8_t>(std::lround(std::clamp(v, 0.0, 1.0) * 255.0)); }

// Furrows: the distance to the nearest of evenly spaced, slightly wandering
// lines, turned into a narrow valley. The lines' normal is the integer
// direction (a, b) so the tile stays seamless.
double furrows(double u, double v, int a, int b, int lines, double wander, std::uint32_t seed) {
  const double across = (a * u + b * v) * lines + wander * (fbm(u, v, 4, 2, seed) - 0.5);
  const double d = std::abs(across - std::round(across));
  return std::exp(-d * d / 0.012);
}

}  // namespace

DetailTexture make_skin_detail(int size, std::uint32_t seed) {
  DetailTexture t;
  t.size = size;
  const auto n = static_cast<std::size_t>(size) * static_cast<std::size_t>(size);
  std::vector<double> height(n);
  std::vector<double> albedo(n), cavity(n);
  for (int y = 0; y < size; ++y)
    for (int x = 0; x < size; ++x) {
      const double u = (x + 0.5) / size, v = (y + 0.5) / size;
      // Skin's surface relief: two crossing families of fine furrows (the
      // rhomboid pattern of the skin lines) over a gentle undulation, with pores.
      const double f1 = furrows(u, v, 1, 1, 9, 1.4, seed + 11U);
      const double f2 = furrows(u, v, 1, -1, 8, 1.4, seed + 23U);
      const double undulation = fbm(u, v, 8, 4, seed + 31U);
      const auto [w1, w2] = worley(u, v, 24, seed + 41U);
      const double pore = std::exp(-w1 * w1 / 0.006) * (hash01(static_cast<int>(u * 24), static_cast<int>(v * 24), seed) > 0.45 ? 1.0 : 0.0);
      (void)w2;
      const auto i = static_cast<std::size_t>(y * size + x);
      height[i] = 0.6 * undulation - 0.35 * (f1 + f2) * (0.6 + 0.4 * fbm(u, v, 6, 2, seed + 53U)) - 0.5 * pore;
      albedo[i] = 0.5 + 0.5 * (fbm(u, v, 5, 3, seed + 61U) - 0.5) - 0.12 * pore;
      cavity[i] = 1.0 - 0.25 * std::max(f1, f2) - 0.45 * pore;
    }
  t.rgba.resize(n);
  const double strength = 2.2;
  for (int y = 0; y < size; ++y)
    for (int x = 0; x < size; ++x) {
      auto h = [&](int i, int j) { return height[static_cast<std::size_t>(wrap(j, size) * size + wrap(i, size))]; };
      const double dx = (h(x + 1, y) - h(x - 1, y)) * strength, dy = (h(x, y + 1) - h(x, y - 1)) * strength;
      const auto i = static_cast<std::size_t>(y * size + x);
      t.rgba[i] = {byte(0.5 - 0.5 * dx), byte(0.5 - 0.5 * dy), byte(albedo[i]), byte(cavity[i])};
    }
  return t;
}

DetailTexture make_tissue_detail(int size, std::uint32_t seed) {
  DetailTexture t;
  t.size = size;
  t.rgba.resize(static_cast<std::size_t>(size) * static_cast<std::size_t>(size));
  for (int y = 0; y < size; ++y)
    for (int x = 0; x < size; ++x) {
      const double u = (x + 0.5) / size, v = (y + 0.5) / size;
      const auto [f1, f2] = worley(u, v, 10, seed + 3U);
      const double septum = std::exp(-(f2 - f1) * (f2 - f1) / 0.004);
      // Collagen bundles run roughly parallel to the surface: noise stretched along u.
      const double fibre = 0.6 * stretched_noise(u, v, 3, 40, seed + 5U) + 0.4 * stretched_noise(u, v, 6, 80, seed + 6U);
      const double speckle = hash01(x, y, seed + 9U);
      const auto [c1, c2] = worley(u, v, 18, seed + 13U);
      (void)c2;
      const double capillary = std::exp(-c1 * c1 / 0.01);
      t.rgba[static_cast<std::size_t>(y * size + x)] = {byte(septum), byte(fibre), byte(speckle), byte(capillary)};
    }
  return t;
}

}  // namespace dermasim::render
