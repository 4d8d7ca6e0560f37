#include "render/surface_merge.hpp"

#include <algorithm>
#include <utility>

namespace dermasim::render {

namespace {

// The summed table has a zero row and column in front: (nx + 1) x (ny + 1).
std::size_t summed_index(int nx, int i, int j) { return static_cast<std::size_t>(j * (nx + 1) + i); }

struct Square {
  int i = 0, j = 0, size = 1;  // quads [i, i + size) x [j, j + size)
  bool merged = false;
};

// One frame's squares over a hole.
class Merger {
 public:
  Merger(int nx, int ny, const std::vector<int>& bumpy, const QuadRect& hole)
      : hole_(hole), nx_(nx), ny_(ny), bumpy_(bumpy) {}

  void place(int i, int j, int size) {
    const int quads_x = nx_ - 1, quads_y = ny_ - 1;
    if (i >= quads_x || j >= quads_y) return;
    if (size == 1) {
      if (!touches_hole(i, j, 1)) squares_.push_back({i, j, 1, false});
      return;
    }
    if (!touches_hole(i, j, size) && i + size <= quads_x && j + size <= quads_y && all_flat(i, j, size)) {
      squares_.push_back({i, j, size, true});
      return;
    }
    const int half = size / 2;
    for (const auto& [di, dj] : {std::pair{0, 0}, std::pair{half, 0}, std::pair{0, half}, std::pair{half, half}})
      place(i + di, j + dj, half);
  }

  std::vector<std::uint32_t> triangles() {
    // Every vertex a triangle ends at, and the dent patch's border, which
    // meets the grid's vertices there.
    used_.assign(static_cast<std::size_t>(nx_ * ny_), 0);
    for (const Square& s : squares_)
      for (const auto& [di, dj] : {std::pair{0, 0}, std::pair{s.size, 0}, std::pair{0, s.size}, std::pair{s.size, s.size}})
        used_[index(s.i + di, s.j + dj)] = 1;
    if (!hole_.empty()) {
      for (int i = hole_.i0; i <= hole_.i1; ++i) used_[index(i, hole_.j0)] = used_[index(i, hole_.j1)] = 1;
      for (int j = hole_.j0; j <= hole_.j1; ++j) used_[index(hole_.i0, j)] = used_[index(hole_.i1, j)] = 1;
    }
    std::vector<std::uint32_t> out;
    std::vector<std::uint32_t> rim;
    for (const Square& s : squares_) {
      const std::uint32_t a = index(s.i, s.j), b = index(s.i + s.size, s.j), c = index(s.i, s.j + s.size),
                          d = index(s.i + s.size, s.j + s.size);
      if (!s.merged) {
        out.insert(out.end(), {a, b, d, a, d, c});  // the grid's own split (build_surface_grid)
        continue;
      }
      // The square's edge, anticlockwise from its lower left corner.
      rim.clear();
      for (int k = 0; k < s.size; ++k) add_if_used(rim, s.i + k, s.j);
      for (int k = 0; k < s.size; ++k) add_if_used(rim, s.i + s.size, s.j + k);
      for (int k = s.size; k > 0; --k) add_if_used(rim, s.i + k, s.j + s.size);
      for (int k = s.size; k > 0; --k) add_if_used(rim, s.i, s.j + k);
      if (rim.size() == 4) {
        out.insert(out.end(), {a, b, d, a, d, c});
        continue;
      }
      const std::uint32_t centre = index(s.i + s.size / 2, s.j + s.size / 2);
      for (std::size_t k = 0; k < rim.size(); ++k) out.insert(out.end(), {centre, rim[k], rim[(k + 1) % rim.size()]});
    }
    return out;
  }

 private:
  std::uint32_t index(int i, int j) const { return static_cast<std::uint32_t>(j * nx_ + i); }
  int bumpy_at(int i, int j) const { return bumpy_[summed_index(nx_, i, j)]; }
  int bumpy_in(int i0, int j0, int i1, int j1) const {  // vertices [i0, i1] x [j0, j1]
    return bumpy_at(i1 + 1, j1 + 1) - bumpy_at(i0, j1 + 1) - bumpy_at(i1 + 1, j0) + bumpy_at(i0, j0);
  }
  bool all_flat(int i, int j, int size) const { return bumpy_in(i, j, i + size, j + size) == 0; }
  bool touches_hole(int i, int j, int size) const {
    return !hole_.empty() && i < hole_.i1 && i + size > hole_.i0 && j < hole_.j1 && j + size > hole_.j0;
  }
  void add_if_used(std::vector<std::uint32_t>& rim, int i, int j) const {
    const std::uint32_t v = index(i, j);
    if (used_[v]) rim.push_back(v);
  }

  QuadRect hole_;
  int nx_, ny_;
  const std::vector<int>& bumpy_;
  std::vector<char> used_;
  std::vector<Square> squares_;
};

}  // namespace

SurfaceMerge::SurfaceMerge(const Mesh& grid, int max_quads) : nx_(grid.nx), ny_(grid.ny) {
  while (square_ * 2 <= std::max(1, max_quads)) square_ *= 2;  // squares halve down to one quad
  if (nx_ < 2 || ny_ < 2) return;
  // Summed count of the vertices that are not flat: any square's in four lookups.
  bumpy_.assign(static_cast<std::size_t>((nx_ + 1) * (ny_ + 1)), 0);
  auto at = [&](int i, int j) -> int& { return bumpy_[summed_index(nx_, i, j)]; };
  for (int j = 0; j < ny_; ++j)
    for (int i = 0; i < nx_; ++i) {
      const SurfaceVertex& v = grid.vertices[static_cast<std::size_t>(j * nx_ + i)];
      const int bumpy = v.z != 0.0f || v.gx != 0.0f || v.gy != 0.0f ? 1 : 0;
      at(i + 1, j + 1) = bumpy + at(i, j + 1) + at(i + 1, j) - at(i, j);
    }
}

std::vector<std::uint32_t> SurfaceMerge::indices(const QuadRect& hole) const {
  if (bumpy_.empty()) return {};
  Merger merger(nx_, ny_, bumpy_, hole);
  for (int j = 0; j < ny_ - 1; j += square_)
    for (int i = 0; i < nx_ - 1; i += square_) merger.place(i, j, square_);
  return merger.triangles();
}

std::vector<std::uint32_t> merged_surface_indices(const Mesh& grid, const QuadRect& hole, int max_quads) {
  return SurfaceMerge(grid, max_quads).indices(hole);
}

}  // namespace dermasim::render
