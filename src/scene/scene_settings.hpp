#pragma once
// What the trainee chose to see: presentation choices that shape the extracted
// scene but never the simulation.
#include "scene/render_scene.hpp"
#include "tissue/layers.hpp"

namespace dermasim::scene {

struct SceneSettings {
  int fitzpatrick = 3;
  // 2 mm of skin over 15 mm of fat is hard to see at true scale: depths are
  // drawn this many times deeper (relative thicknesses stay true).
  double vertical_exaggeration = 3.0;
  static constexpr double min_exaggeration = 1.0;
  static constexpr double max_exaggeration = 10.0;
  bool show_coverage = false;
  double coverage_target_per_cm2 = 250.0;   // at least this (PRIME journal)
  double coverage_max_per_cm2 = 12000.0;    // over-treated above (the scenario's ceiling)
  double coverage_window_mm = 3.0;
  bool cutaway = false;
  bool cutaway_locked = false;       // when locked the plane stays at locked_position_mm
  double cutaway_locked_position_mm = 40.0;
  CutAxis cutaway_axis = CutAxis::along_x;
  tissue::Layer target_layer = tissue::Layer::papillary_dermis;
  double pen_opacity = 1.0;
  bool motor_on = false;             // what the trainee asked; the pose shows the stroke
};

}  // namespace dermasim::scene
