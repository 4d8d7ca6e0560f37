#include "render/mesh_builders.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include <glm/geometric.hpp>

namespace dermasim::render {

namespace {

float height_at(const scene::SkinFields& f, double x_mm, double y_mm) {
  const int cx = std::clamp(static_cast<int>(x_mm / f.cell_mm), 0, f.nx - 1);
  const int cy = std::clamp(static_cast<int>(y_mm / f.cell_mm), 0, f.ny - 1);
  return f.surface_z_mm[static_cast<std::size_t>(cy * f.nx + cx)];
}

}  // namespace

Mesh build_surface_grid(const scene::SkinFields& f, double step_mm) {
  Mesh m;
  const int nx = std::max(2, static_cast<int>(std::ceil(f.width_mm / step_mm)) + 1);
  const int ny = std::max(2, static_cast<int>(std::ceil(f.height_mm / step_mm)) + 1);
  m.nx = nx;
  m.ny = ny;
  m.vertices.reserve(static_cast<std::size_t>(nx * ny));
  const double sx = f.width_mm / (nx - 1), sy = f.height_mm / (ny - 1);
  for (int j = 0; j < ny; ++j)
    for (int i = 0; i < nx; ++i) {
      const double x = i * sx, y = j * sy;
      const double h = 0.5 * f.cell_mm;
      const float gx = static_cast<float>((height_at(f, x + h, y) - height_at(f, x - h, y)) / (2 * h));
      const float gy = static_cast<float>((height_at(f, x, y + h) - height_at(f, x, y - h)) / (2 * h));
      // Edge vertices sit at the flat skin level so the surface meets the walls.
      const bool edge = i == 0 || j == 0 || i == nx - 1 || j == ny - 1;
      m.vertices.push_back({static_cast<float>(x), static_cast<float>(y), edge ? 0.0f : height_at(f, x, y), gx, gy});
    }
  m.indices.reserve(static_cast<std::size_t>((nx - 1) * (ny - 1) * 6));
  for (int j = 0; j + 1 < ny; ++j)
    for (int i = 0; i + 1 < nx; ++i) {
      const auto a = static_cast<std::uint32_t>(j * nx + i), b = a + 1, c = a + static_cast<std::uint32_t>(nx),
                 d = c + 1;
      m.indices.insert(m.indices.end(), {a, b, d, a, d, c});
    }
  return m;
}

namespace {

bool same_strata(const scene::StrataColumn& a, const scene::StrataColumn& b) {
  if (std::abs(a.surface_z_mm - b.surface_z_mm) > 1e-6) return false;
  for (std::size_t k = 0; k < a.bottom_z_mm.size(); ++k)
    if (std::abs(a.bottom_z_mm[k] - b.bottom_z_mm[k]) > 1e-6) return false;
  return true;
}

}  // namespace

void append_strata_wall(const std::vector<scene::StrataColumn>& columns, const glm::vec3& outward,
                        std::vector<StrataVertex>& out) {
  if (columns.size() < 2) return;
  // Columns inside a run of identical strata add nothing but triangles, and
  // software rasterisers pay per triangle: keep only the ends of flat runs,
  // and every column where a stretch mark changes the layers.
  std::vector<std::size_t> kept{0};
  for (std::size_t i = 1; i + 1 < columns.size(); ++i)
    if (!same_strata(columns[i - 1], columns[i]) || !same_strata(columns[i], columns[i + 1])) kept.push_back(i);
  kept.push_back(columns.size() - 1);
  double along = 0.0;
  for (std::size_t j = 0; j + 1 < kept.size(); ++j) {
    const auto& c0 = columns[kept[j]];
    const auto& c1 = columns[kept[j + 1]];
    const double step = std::hypot(c1.x_mm - c0.x_mm, c1.y_mm - c0.y_mm);
    for (int k = 0; k < scene::stratum_count; ++k) {
      const auto ku = static_cast<std::size_t>(k);
      const double top0 = k == 0 ? c0.surface_z_mm : c0.bottom_z_mm[ku - 1];
      const double top1 = k == 0 ? c1.surface_z_mm : c1.bottom_z_mm[ku - 1];
      auto v = [&](const scene::StrataColumn& c, double z, double u) {
        return StrataVertex{static_cast<float>(c.x_mm), static_cast<float>(c.y_mm), static_cast<float>(z),
                            outward.x, outward.y, outward.z, static_cast<float>(k), static_cast<float>(u),
                            static_cast<float>(c.surface_z_mm - z)};
      };
      const StrataVertex a = v(c0, top0, along), b = v(c1, top1, along + step);
      const StrataVertex c = v(c1, c1.bottom_z_mm[ku], along + step), d = v(c0, c0.bottom_z_mm[ku], along);
      out.insert(out.end(), {a, b, c, a, c, d});
    }
    along += step;
  }
}

void append_cylinder(std::vector<SolidVertex>& out, const glm::vec3& a, const glm::vec3& b, float ra, float rb,
                     const glm::vec4& rgba, int segments) {
  const glm::vec3 axis = b - a;
  const float length = glm::length(axis);
  if (length <= 0.0f) return;
  const glm::vec3 w = axis / length;
  const glm::vec3 helper = std::abs(w.z) < 0.9f ? glm::vec3(0, 0, 1) : glm::vec3(1, 0, 0);
  const glm::vec3 u = glm::normalize(glm::cross(w, helper));
  const glm::vec3 v = glm::cross(w, u);
  auto push = [&](const glm::vec3& p, const glm::vec3& n) {
    out.push_back({p.x, p.y, p.z, n.x, n.y, n.z, rgba.r, rgba.g, rgba.b, rgba.a});
  };
  const float slope = (ra - rb) / length;
  for (int s = 0; s < segments; ++s) {
    const float t0 = 2.0f * std::numbers::pi_v<float> * static_cast<float>(s) / static_cast<float>(segments);
    const float t1 = 2.0f * std::numbers::pi_v<float> * static_cast<float>(s + 1) / static_cast<float>(segments);
    const glm::vec3 r0 = std::cos(t0) * u + std::sin(t0) * v, r1 = std::cos(t1) * u + std::sin(t1) * v;
    const glm::vec3 n0 = glm::normalize(r0 + slope * w), n1 = glm::normalize(r1 + slope * w);
    const glm::vec3 p0 = a + ra * r0, p1 = a + ra * r1, q0 = b + rb * r0, q1 = b + rb * r1;
    push(p0, n0), push(p1, n1), push(q1, n1);
    push(p0, n0), push(q1, n1), push(q0, n0);
    // Caps.
    push(a, -w), push(p1, -w), push(p0, -w);
    push(b, w), push(q0, w), push(q1, w);
  }
}

void append_quad(std::vector<SolidVertex>& out, const glm::vec3& a, const glm::vec3& b, const glm::vec3& c,
                 const glm::vec3& d, const glm::vec3& n, const glm::vec4& rgba) {
  for (const glm::vec3& p : {a, b, c, a, c, d}) out.push_back({p.x, p.y, p.z, n.x, n.y, n.z, rgba.r, rgba.g, rgba.b, rgba.a});
}

}  // namespace dermasim::render
