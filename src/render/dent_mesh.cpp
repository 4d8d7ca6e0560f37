#include "render/dent_mesh.hpp"

#include <algorithm>
#include <cmath>

namespace dermasim::render {

void build_dent_patch(const Mesh& coarse, double width_mm, double height_mm, const scene::SkinDeformation& dent,
                      int subdivisions, DentPatch& out) {
  out.i0 = out.i1 = out.j0 = out.j1 = 0;
  if (!dent.active || coarse.nx < 2 || coarse.ny < 2 || subdivisions < 1) return;
  const double sx = width_mm / (coarse.nx - 1), sy = height_mm / (coarse.ny - 1);
  out.i0 = std::clamp(static_cast<int>(std::floor(dent.min_x_mm / sx)), 0, coarse.nx - 1);
  out.i1 = std::clamp(static_cast<int>(std::ceil(dent.max_x_mm / sx)), 0, coarse.nx - 1);
  out.j0 = std::clamp(static_cast<int>(std::floor(dent.min_y_mm / sy)), 0, coarse.ny - 1);
  out.j1 = std::clamp(static_cast<int>(std::ceil(dent.max_y_mm / sy)), 0, coarse.ny - 1);
  if (out.empty()) return;

  const int k = subdivisions;
  const int fx = (out.i1 - out.i0) * k + 1, fy = (out.j1 - out.j0) * k + 1;
  const double hx = sx / k, hy = sy / k;
  auto& v = out.mesh.vertices;
  v.resize(static_cast<std::size_t>(fx) * static_cast<std::size_t>(fy));
  std::vector<float> shift(v.size());
  auto coarse_at = [&](int i, int j) -> const SurfaceVertex& {
    return coarse.vertices[static_cast<std::size_t>(j) * static_cast<std::size_t>(coarse.nx) + static_cast<std::size_t>(i)];
  };
  for (int b = 0; b < fy; ++b)
    for (int a = 0; a < fx; ++a) {
      // The coarse quad holding this point, and where in it.
      const int ci = std::min(out.i0 + a / k, coarse.nx - 2), cj = std::min(out.j0 + b / k, coarse.ny - 2);
      const double u = (out.i0 * k + a - ci * k) / static_cast<double>(k);
      const double w = (out.j0 * k + b - cj * k) / static_cast<double>(k);
      const SurfaceVertex &p00 = coarse_at(ci, cj), &p10 = coarse_at(ci + 1, cj), &p01 = coarse_at(ci, cj + 1),
                          &p11 = coarse_at(ci + 1, cj + 1);
      auto mix = [&](float SurfaceVertex::*f) {
        return static_cast<float>((1 - w) * ((1 - u) * p00.*f + u * p10.*f) + w * ((1 - u) * p01.*f + u * p11.*f));
      };
      const double x = (out.i0 * k + a) * hx, y = (out.j0 * k + b) * hy;
      const auto idx = static_cast<std::size_t>(b) * static_cast<std::size_t>(fx) + static_cast<std::size_t>(a);
      shift[idx] = static_cast<float>(scene::surface_shift_z_mm(dent, x, y));
      v[idx] = {static_cast<float>(x), static_cast<float>(y), mix(&SurfaceVertex::z) + shift[idx],
                mix(&SurfaceVertex::gx), mix(&SurfaceVertex::gy)};
    }
  // The deformation's slope, from neighbouring samples, adds to the relief's.
  for (int b = 0; b < fy; ++b)
    for (int a = 0; a < fx; ++a) {
      auto at = [&](int aa, int bb) {
        return shift[static_cast<std::size_t>(std::clamp(bb, 0, fy - 1)) * static_cast<std::size_t>(fx) +
                     static_cast<std::size_t>(std::clamp(aa, 0, fx - 1))];
      };
      auto& p = v[static_cast<std::size_t>(b) * static_cast<std::size_t>(fx) + static_cast<std::size_t>(a)];
      p.gx += static_cast<float>((at(a + 1, b) - at(a - 1, b)) / ((std::min(a + 1, fx - 1) - std::max(a - 1, 0)) * hx));
      p.gy += static_cast<float>((at(a, b + 1) - at(a, b - 1)) / ((std::min(b + 1, fy - 1) - std::max(b - 1, 0)) * hy));
    }
  if (out.mesh.nx == fx && out.mesh.ny == fy && !out.mesh.indices.empty()) return;  // same grid, same indices
  out.mesh.nx = fx;
  out.mesh.ny = fy;
  auto& ix = out.mesh.indices;
  ix.clear();
  ix.reserve(static_cast<std::size_t>((fx - 1) * (fy - 1) * 6));
  for (int b = 0; b + 1 < fy; ++b)
    for (int a = 0; a + 1 < fx; ++a) {
      const auto p = static_cast<std::uint32_t>(b * fx + a), q = p + 1, r = p + static_cast<std::uint32_t>(fx), s = r + 1;
      ix.insert(ix.end(), {p, q, s, p, s, r});
    }
}

}  // namespace dermasim::render
