// Issue 16: the surface's flat skin is drawn in large squares. The merged
// triangles must be the same surface as the 1 mm grid (every height the
// same), watertight (no T-junction: every inner edge shared by exactly two
// triangles), leave out exactly the dent patch's quads, and be far fewer.
// CPU only.
#include <doctest/doctest.h>

#include <cmath>
#include <map>
#include <optional>
#include <utility>

#include "render/mesh_builders.hpp"
#include "render/surface_merge.hpp"
#include "render_fixture.hpp"
#include "scene/scene_extractor.hpp"

using namespace dermasim;
using namespace dermasim::render;

namespace {

Mesh default_grid() {
  auto sim = test::make_sim(test::default_patch());
  scene::SceneExtractor extractor;
  const auto& rs = extractor.update(sim, scene::SceneSettings{});
  return build_surface_grid(*rs.skin, 1.0);
}

// The height where a triangle of `indices` covers (x, y), if one does.
std::optional<double> height_at(const Mesh& m, const std::vector<std::uint32_t>& indices, double x, double y) {
  for (std::size_t t = 0; t + 2 < indices.size(); t += 3) {
    const SurfaceVertex &a = m.vertices[indices[t]], &b = m.vertices[indices[t + 1]], &c = m.vertices[indices[t + 2]];
    const double det = (b.y - c.y) * (a.x - c.x) + (c.x - b.x) * (a.y - c.y);
    if (std::abs(det) < 1e-12) continue;
    const double l0 = ((b.y - c.y) * (x - c.x) + (c.x - b.x) * (y - c.y)) / det;
    const double l1 = ((c.y - a.y) * (x - c.x) + (a.x - c.x) * (y - c.y)) / det;
    const double l2 = 1.0 - l0 - l1;
    if (l0 >= -1e-9 && l1 >= -1e-9 && l2 >= -1e-9) return l0 * a.z + l1 * b.z + l2 * c.z;
  }
  return std::nullopt;
}

double area(const Mesh& m, const std::vector<std::uint32_t>& indices) {
  double sum = 0.0;
  for (std::size_t t = 0; t + 2 < indices.size(); t += 3) {
    const SurfaceVertex &a = m.vertices[indices[t]], &b = m.vertices[indices[t + 1]], &c = m.vertices[indices[t + 2]];
    sum += 0.5 * std::abs((b.x - a.x) * (c.y - a.y) - (c.x - a.x) * (b.y - a.y));
  }
  return sum;
}

// Edges used once: on the grid's border or the hole's, else a crack.
int cracks(const Mesh& m, const std::vector<std::uint32_t>& indices, const QuadRect& hole) {
  std::map<std::pair<std::uint32_t, std::uint32_t>, int> uses;
  for (std::size_t t = 0; t + 2 < indices.size(); t += 3)
    for (int k = 0; k < 3; ++k) {
      const std::uint32_t p = indices[t + static_cast<std::size_t>(k)], q = indices[t + static_cast<std::size_t>((k + 1) % 3)];
      ++uses[{std::min(p, q), std::max(p, q)}];
    }
  auto on_border = [&](std::uint32_t v) {
    const int i = static_cast<int>(v) % m.nx, j = static_cast<int>(v) / m.nx;
    const bool grid_edge = i == 0 || j == 0 || i == m.nx - 1 || j == m.ny - 1;
    const bool hole_edge = !hole.empty() && i >= hole.i0 && i <= hole.i1 && j >= hole.j0 && j <= hole.j1 &&
                           (i == hole.i0 || i == hole.i1 || j == hole.j0 || j == hole.j1);
    return grid_edge || hole_edge;
  };
  int n = 0;
  for (const auto& [edge, count] : uses) {
    if (count > 2) ++n;  // folded over
    if (count == 1 && !(on_border(edge.first) && on_border(edge.second))) ++n;
  }
  return n;
}

}  // namespace

TEST_CASE("the merged surface is the grid's own surface, watertight, in a fraction of its triangles") {
  const Mesh grid = default_grid();
  const auto merged = merged_surface_indices(grid, {});
  const double grid_area = area(grid, grid.indices);
  CHECK(area(grid, merged) == doctest::Approx(grid_area).epsilon(1e-9));
  CHECK(cracks(grid, merged, {}) == 0);
  // Every height the same as the 1 mm grid's, on the marks and off them.
  int checked = 0, on_marks = 0;
  for (double y = 0.37; y < grid.vertices.back().y; y += 1.31)
    for (double x = 0.23; x < grid.vertices.back().x; x += 0.97) {
      const auto full = height_at(grid, grid.indices, x, y), fewer = height_at(grid, merged, x, y);
      REQUIRE(full.has_value());
      REQUIRE(fewer.has_value());
      CHECK(*fewer == doctest::Approx(*full).epsilon(1e-6));
      ++checked;
      on_marks += *full != 0.0 ? 1 : 0;
    }
  MESSAGE(on_marks << " of " << checked << " samples off the flat skin");
  CHECK(on_marks > checked / 20);  // the marks are sampled too
  const double ratio = static_cast<double>(merged.size()) / static_cast<double>(grid.indices.size());
  MESSAGE("triangles: " << merged.size() / 3 << " of the grid's " << grid.indices.size() / 3);
  CHECK(ratio < 0.6);
}

TEST_CASE("the merged surface leaves out the dent patch's quads and meets its border without cracks") {
  const Mesh grid = default_grid();
  const QuadRect hole{30, 18, 46, 34};  // a 16 mm patch, as under a pen
  const auto merged = merged_surface_indices(grid, hole);
  const double hole_area = (hole.i1 - hole.i0) * (hole.j1 - hole.j0) * 1.0;
  CHECK(area(grid, merged) == doctest::Approx(area(grid, grid.indices) - hole_area).epsilon(1e-9));
  CHECK(cracks(grid, merged, hole) == 0);
  CHECK_FALSE(height_at(grid, merged, 38.5, 26.5).has_value());  // inside the hole
  CHECK(height_at(grid, merged, 29.5, 26.5).has_value());        // a quad beside it
  // The same hole with one quad more: the indices follow it.
  const auto wider = merged_surface_indices(grid, {30, 18, 47, 34});
  CHECK(area(grid, wider) == doctest::Approx(area(grid, merged) - 16.0).epsilon(1e-9));
  CHECK(cracks(grid, wider, {30, 18, 47, 34}) == 0);
}

TEST_CASE("a grid with no flat skin keeps every quad; a flat one merges to large squares") {
  Mesh bumpy;
  bumpy.nx = 9;
  bumpy.ny = 5;
  for (int j = 0; j < bumpy.ny; ++j)
    for (int i = 0; i < bumpy.nx; ++i)
      bumpy.vertices.push_back({static_cast<float>(i), static_cast<float>(j), -0.01f * static_cast<float>(1 + i + j), 0.0f, 0.0f});
  CHECK(merged_surface_indices(bumpy, {}).size() == 8u * 4u * 6u);
  Mesh flat = bumpy;
  for (auto& v : flat.vertices) v.z = 0.0f;
  // 8 x 4 quads: two 4 x 4 squares, two triangles each.
  const auto squares = merged_surface_indices(flat, {}, 4);
  CHECK(squares.size() == 2u * 6u);
  CHECK(cracks(flat, squares, {}) == 0);
  // One bumpy vertex: the squares round it split, the rest stay merged, no crack.
  Mesh one = flat;
  one.vertices[static_cast<std::size_t>(2 * one.nx + 6)].z = -0.02f;
  const auto split = merged_surface_indices(one, {}, 4);
  CHECK(split.size() > squares.size());
  CHECK(split.size() < 8u * 4u * 6u);
  CHECK(cracks(one, split, {}) == 0);
  CHECK(area(one, split) == doctest::Approx(32.0));
}
