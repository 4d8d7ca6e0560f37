#pragma once
// The plain description of what to draw, extracted from the simulation state
// (MuJoCo's mjv_updateScene / mjr_render split). The renderer draws only this
// struct and never reads physics or tissue internals. Lengths are millimetres
// in patch coordinates: x, y on the patch, z up from the undeformed surface.
#include <array>
#include <cstdint>
#include <memory>
#include <vector>

#include <glm/vec3.hpp>

#include "scene/skin_deformation.hpp"
#include "tissue/layers.hpp"

namespace dermasim::scene {

inline constexpr int stratum_count = tissue::layer_count;

/// Fields of the untreated skin, one value per cell. They depend on the patch
/// only, so they are built once and shared between frames.
struct SkinFields {
  int nx = 0, ny = 0;
  double cell_mm = 0.25;
  double width_mm = 0.0, height_mm = 0.0;
  std::vector<float> surface_z_mm;                 // relative to flat skin; negative where a mark is depressed
  std::vector<std::array<std::uint8_t, 4>> stria;  // sRGB colour of the mark, alpha = its influence 0..255
  std::vector<std::array<float, 4>> stria_shape;   // long-axis direction x, y; alba 0..1; severity 0..1
  std::uint64_t revision = 0;                      // changes when the patch changes
};

/// A rectangle of cells, inclusive-exclusive; empty when x1 <= x0.
struct CellRect {
  int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  bool empty() const { return x1 <= x0 || y1 <= y0; }
  void include(const CellRect& other);
};

/// What treatment did, one RGBA8 per cell: erythema, bleeding, coverage
/// (density / target / 2, so 128 is the target), punctured (255) or not.
struct TreatmentFields {
  int nx = 0, ny = 0;
  std::vector<std::array<std::uint8_t, 4>> rgba;
  CellRect changed;           // cells that changed since the previous extraction
  bool all_changed = true;    // upload everything (first frame, reset)
};

/// The strata under one point: the surface height and each layer's bottom,
/// both in mm, z up (bottoms are negative).
struct StrataColumn {
  double x_mm = 0.0, y_mm = 0.0;
  double surface_z_mm = 0.0;
  std::array<double, stratum_count> bottom_z_mm{};
  double shift_z_mm = 0.0;  // how far the pen pressed this column's surface (included above)
};

/// A puncture channel left in the tissue, as seen in the cutaway.
struct Channel {
  double along_mm = 0.0;  // position along the cut
  double depth_mm = 0.0;  // deepest vertical depth, below the surface
  double top_z_mm = 0.0;  // where the surface is now (pressed down near the pen)
  tissue::Layer layer = tissue::Layer::none;
  bool bleeding = false;
  // RF microneedling (P6): the coagulation zone at the channel's tip, its
  // vertical extent in mm; 0 without RF.
  double coagulation_mm = 0.0;
};

enum class CutAxis { along_x, along_y };

struct CutawayScene {
  bool enabled = false;
  bool locked = false;
  CutAxis axis = CutAxis::along_x;  // along_x: the plane y = position_mm
  double position_mm = 0.0;
  std::vector<StrataColumn> columns;  // along the cut, surface to the bottom of the fat
  std::vector<Channel> channels;
  // The target layer at the pen, and the depth its last stroke reached.
  tissue::Layer target_layer = tissue::Layer::papillary_dermis;
  double target_top_mm = 0.0, target_bottom_mm = 0.0;  // depths, positive down
  double achieved_depth_mm = 0.0;
  double pen_along_mm = 0.0;
};

struct NeedleScene {
  glm::dvec3 base_mm{0.0};  // where the needle leaves the cap face
  glm::dvec3 tip_mm{0.0};
  bool in_skin = false;
};

struct PenScene {
  glm::dvec3 cap_center_mm{0.0};
  glm::dvec3 axis{0.0, 0.0, -1.0};  // the direction the needles travel
  glm::dvec3 cap_u{1.0, 0.0, 0.0}, cap_v{0.0, 1.0, 0.0};
  double cap_radius_mm = 4.0;
  double needle_radius_mm = 0.1;
  bool motor_on = false;
  bool in_contact = false;
  double opacity = 1.0;
  std::vector<NeedleScene> needles;
};

/// The block's four side walls, sampled along each edge (-y, +x, +y, -x).
struct BlockScene {
  std::array<std::vector<StrataColumn>, 4> edges;
  double bottom_z_mm = 0.0;  // the deepest fat bottom, where the block ends
};

struct RenderScene {
  double width_mm = 0.0, height_mm = 0.0;
  double time_s = 0.0;
  std::array<float, 3> skin_tone_linear{0.8f, 0.6f, 0.5f};
  int fitzpatrick = 3;
  double vertical_exaggeration = 1.0;
  bool show_coverage = false;
  double coverage_target_per_cm2 = 250.0;
  std::shared_ptr<const SkinFields> skin;
  SkinDeformation deformation;  // how the skin yields under the pen now
  TreatmentFields treatment;
  BlockScene block;
  CutawayScene cutaway;
  PenScene pen;
};

}  // namespace dermasim::scene
