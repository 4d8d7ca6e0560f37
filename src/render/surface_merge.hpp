#pragma once
// The skin surface's triangles with its flat skin drawn in large squares.
// A software rasteriser pays for every triangle (setup, binning, and the
// partly covered 4x4 pixel blocks along its edges), and on most of a patch
// the skin is flat: there the 1 mm grid's quads are merged into squares of
// up to `max_cells` quads a side. A merged square is a fan around its centre
// through every grid vertex on its edges that a neighbouring triangle uses,
// so no edge has a T-junction and the surface stays watertight.
// CPU only (no GL): the renderer uploads what this returns.
#include <cstdint>
#include <vector>

#include "render/mesh_builders.hpp"

namespace dermasim::render {

/// Quads of a grid, [i0, i1) x [j0, j1) (the quads a dent patch replaces).
struct QuadRect {
  int i0 = 0, j0 = 0, i1 = 0, j1 = 0;
  bool empty() const { return i1 <= i0 || j1 <= j0; }
  bool operator==(const QuadRect&) const = default;
};

/// Quads merged into squares of at most this many a side (16 mm on the 1 mm grid).
inline constexpr int surface_merge_max_quads = 16;

/// The grid's flat skin, found once per grid; the squares follow the hole
/// (the dent patch moves with the pen, every frame).
class SurfaceMerge {
 public:
  explicit SurfaceMerge(const Mesh& grid, int max_quads = surface_merge_max_quads);
  /// As merged_surface_indices.
  std::vector<std::uint32_t> indices(const QuadRect& hole) const;

 private:
  int nx_ = 0, ny_ = 0, square_ = 1;  // grid vertices a row and rows; the largest square's side
  std::vector<int> bumpy_;            // summed count of vertices that are not flat, (nx + 1) x (ny + 1)
};

/// Triangle indices over `grid`'s vertices (a grid from build_surface_grid),
/// leaving out the quads in `hole`. A vertex is flat when its height and
/// slope are exactly zero; a square merges when every vertex in it is flat
/// and it does not touch the hole. Quads that do not merge keep the grid's
/// own two triangles.
std::vector<std::uint32_t> merged_surface_indices(const Mesh& grid, const QuadRect& hole,
                                                  int max_quads = surface_merge_max_quads);

}  // namespace dermasim::render
