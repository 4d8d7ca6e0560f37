#pragma once
// What the trainee's pen did to the skin, measured by re-simulating the
// recorded commands: grading depends only on the scenario and the recording.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "physics/pen_command.hpp"
#include "scenario/answers.hpp"
#include "scenario/scenario.hpp"

namespace dermasim::scenario {

/// A moment worth showing in the debrief: the step a mistake began.
struct Moment {
  std::uint64_t step = 0;
  std::string what;  // a feedback id: tilt, drag, dwell, force_high, ...
};

using LayerCounts = std::array<std::uint64_t, tissue::layer_count + 1>;  // by tissue::Layer value

struct ProcedureMetrics {
  std::uint64_t punctures = 0;
  LayerCounts punctures_by_layer{};
  // Punctures that entered inside a stretch mark, by the deepest layer they
  // reached: where the marks' own tissue was injured.
  std::uint64_t punctures_in_marks = 0;
  LayerCounts mark_punctures_by_layer{};
  double depth_mm_median = 0.0, depth_mm_max = 0.0;
  double depth_mm_p10 = 0.0, depth_mm_p90 = 0.0;  // the spread of depths
  std::vector<double> depth_histogram;  // 0.1 mm bins of vertical depth, punctures per bin
  std::vector<LayerCounts> depth_histogram_layers;

  // Coverage on the marks' own tissue (tissue/coverage.hpp).
  double coverage_fraction = 0.0;       // of all stretch-mark area at the target density
  double density_per_cm2_median = 0.0;  // over the stretch marks
  std::vector<double> mark_fraction;    // per mark, at the target density
  std::vector<double> mark_density_per_cm2;  // per mark: its punctures per cm2 of it
  double outside_fraction = 0.0;        // of punctures outside every mark
  int over_treated_cells = 0;
  double uniformity_cv = 0.0;           // over the marks
  // Density per cm2 on 1 mm cells, row-major, for the coverage map.
  int map_nx = 0, map_ny = 0;
  std::vector<float> density_map;

  double treating_s = 0.0;  // motor on with the pen on the skin
  double tilt_deg_mean = 0.0, tilt_deg_max = 0.0, tilt_over_fraction = 0.0;
  double force_n_mean = 0.0, force_low_fraction = 0.0, force_high_fraction = 0.0;
  double speed_mm_s_mean = 0.0, speed_out_fraction = 0.0;
  double taut_fraction = 0.0;
  int drag_events = 0, dwell_events = 0;
  std::vector<Moment> moments;

  std::uint64_t final_state_hash = 0;
  std::uint64_t steps = 0;
};

ProcedureMetrics measure_procedure(const Scenario& s, const PlanAnswers& plan,
                                   const std::vector<physics::PenCommand>& commands);

}  // namespace dermasim::scenario
