#pragma once
// Geometry posed from the scene each frame: the pen, its needles, and the
// cutaway's channels and depth marks.
#include <vector>

#include "render/mesh_builders.hpp"
#include "scene/render_scene.hpp"

namespace dermasim::render {

struct PenGeometry {
  std::vector<SolidVertex> opaque;
  std::vector<SolidVertex> translucent;  // the clear cartridge (and the body when faded)
  /// The first `translucent_shells` vertices of `translucent` are closed,
  /// outward-wound shells (the cartridge, the faded body) whose alpha already
  /// stands for both of their walls: draw them with back faces culled. What
  /// follows (the cutaway marks) is flat and drawn from both sides.
  std::size_t translucent_shells = 0;
};

/// The pen (body, nose, clear cartridge, needles) in patch mm.
void build_pen(const scene::PenScene& pen, PenGeometry& out);

/// Channels left by needles in the cut, the target layer's band and the depth
/// the last stroke reached, drawn on the cut plane a hair towards the viewer.
/// `toward_viewer` is the unit direction off the plane toward the camera.
void build_cutaway_marks(const scene::CutawayScene& cut, const glm::vec3& toward_viewer,
                         std::vector<SolidVertex>& opaque, std::vector<SolidVertex>& translucent);

}  // namespace dermasim::render
