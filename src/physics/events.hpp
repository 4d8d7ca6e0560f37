#pragma once
// What one physics step produced, as plain arrays (Box2D-style events, not
// callbacks): grading, feedback, rendering and recording read them.
#include <cstdint>
#include <string_view>
#include <vector>

#include <glm/vec3.hpp>

#include "physics/pen_command.hpp"
#include "physics/pen_pose.hpp"
#include "tissue/layers.hpp"

namespace dermasim::physics {

/// Discrete feedback cues, as bits.
enum Cue : std::uint32_t {
  cue_none = 0,
  cue_bottomed_out = 1u << 0,    // the whole set length is in the skin: pressing too hard for the setting
  cue_pressure_low = 1u << 1,
  cue_pressure_high = 1u << 2,
  cue_tilt = 1u << 3,            // beyond the tilt tolerance
  cue_drag = 1u << 4,            // moving sideways with needles in the skin: tram-track risk
  cue_dwell = 1u << 5,           // staying on one spot: over-treatment
  cue_input_corrected = 1u << 6, // a command was clamped or rejected this step
};
inline constexpr int cue_count = 7;
std::string_view cue_name(Cue cue);
/// Names of the cues set in `cues`, comma-separated.
std::string cue_list(std::uint32_t cues);

/// A needle came out of the skin after puncturing it.
struct PunctureEvent {
  double x_mm = 0.0, y_mm = 0.0;  // entry point on the patch
  double depth_mm = 0.0;          // deepest vertical depth reached
  tissue::Layer deepest = tissue::Layer::none;
  double tilt_deg = 0.0;
  std::uint16_t needle = 0;
};

/// A needle broke into a layer (the stratum corneum is the puncture itself).
struct LayerCrossingEvent {
  std::uint16_t needle = 0;
  tissue::Layer entered = tissue::Layer::none;
  double depth_mm = 0.0;  // vertical, where the layer starts
  double force_n = 0.0;   // the needle's force as it broke through
};

/// One struct per step that any output can render: gauges, sound, rumble, or
/// a haptic device later.
struct HapticFeedback {
  glm::dvec3 force_n{0.0};          // the skin's reaction on the pen
  double vibration_hz = 0.0;        // the motor's stroke rate while it runs
  double vibration_amplitude = 0.0; // 0..1, follows the needle load
  std::uint32_t cues = cue_none;
};

/// Gauge values for this step.
struct PenTelemetry {
  PenPose pose;
  double pressing_force_n = 0.0;   // what the hand applies
  double needle_load_n = 0.0;      // the needles' summed force along their axis
  double lateral_speed_mm_s = 0.0;
  int needles_in_skin = 0;
  // The last completed stroke: deepest vertical depth and layer over its needles.
  double stroke_depth_mm = 0.0;
  tissue::Layer stroke_layer = tissue::Layer::none;
  double lift_mm = 0.0;            // how far the needle load pushed the pen back this step
};

struct StepEvents {
  std::uint64_t step = 0;
  double time_s = 0.0;
  std::vector<PunctureEvent> punctures;
  std::vector<LayerCrossingEvent> crossings;
  std::vector<InputIssue> input_issues;
  // Each needle whose puncture this step happened, with the force that broke
  // the surface (per needle, N).
  std::vector<double> puncture_forces_n;
  HapticFeedback feedback;
  PenTelemetry telemetry;

  void clear();
};

}  // namespace dermasim::physics
