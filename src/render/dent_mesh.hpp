#pragma once
// The skin surface where the pen deforms it. Each frame the static grid's
// quads the deformation touches are left out of the static draw
// (surface_merge.hpp) and a copy of them, displaced by the deformation (and
// split finer if asked), is drawn in their place: a patch of about 16 mm,
// whatever the size of the skin.
// CPU only (no GL): the renderer uploads what this returns.
#include <cstdint>
#include <vector>

#include "render/mesh_builders.hpp"
#include "scene/skin_deformation.hpp"

namespace dermasim::render {

struct DentPatch {
  int i0 = 0, j0 = 0, i1 = 0, j1 = 0;  // the coarse quads replaced, [i0, i1) x [j0, j1)
  Mesh mesh;                           // the finer grid over them
  bool empty() const { return i1 <= i0 || j1 <= j0; }
};

/// Fills `out` for the deformation over `coarse` (a grid from build_surface_grid
/// over a patch of `width_mm` x `height_mm`), each coarse quad split
/// `subdivisions` times each way. The fine grid's undeformed heights are the
/// coarse grid's, interpolated, so its border meets the coarse quads around it
/// without cracks. Empty when nothing is deformed.
void build_dent_patch(const Mesh& coarse, double width_mm, double height_mm, const scene::SkinDeformation& dent,
                      int subdivisions, DentPatch& out);

}  // namespace dermasim::render
