#pragma once
// The physics core: one fixed 1 kHz step moves the pen, strokes the needles
// through the layered skin and records what they did in the tissue grid.
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "physics/device.hpp"
#include "physics/events.hpp"
#include "physics/needle_mechanics.hpp"
#include "physics/pen_body.hpp"
#include "physics/technique.hpp"
#include "tissue/skin_patch.hpp"
#include "tissue/tissue_grid.hpp"

namespace dermasim::physics {

class Simulator {
 public:
  static constexpr double rate_hz = 1000.0;
  static constexpr double dt_s = 1.0 / rate_hz;
  // Needles rest this far inside the cap between strokes.
  static constexpr double retract_mm = 0.5;

  /// Throws SettingsError when `device` is invalid.
  Simulator(std::shared_ptr<const tissue::SkinPatch> patch, const DeviceSettings& device);
  Simulator(std::shared_ptr<const tissue::SkinPatch> patch, const DeviceSettings& device,
            const TechniqueLimits& limits);

  /// Advances one fixed step. The command is sanitized first: what was
  /// corrected is reported in the events, never simulated.
  const StepEvents& step(const PenCommand& command);
  /// Back to the state just after construction: same inputs, same results.
  void reset();
  /// Changes the pen's settings (throws SettingsError); needles in the skin
  /// are withdrawn first.
  void set_device(const DeviceSettings& device);
  void set_limits(const TechniqueLimits& limits) { limits_ = limits; }

  const tissue::SkinPatch& patch() const { return *patch_; }
  const tissue::TissueGrid& grid() const { return grid_; }
  const DeviceSettings& device() const { return device_; }
  const Cartridge& cartridge() const { return *cartridge_; }
  const TechniqueLimits& limits() const { return limits_; }
  const NeedleMechanics& mechanics() const { return mechanics_; }
  const PenPose& pose() const { return body_.pose(); }
  /// A roller's drum: the direction it rolls in, from +x, and how far it has
  /// turned (0 for pens and stamps).
  double roll_heading_rad() const { return roll_heading_rad_; }
  double drum_angle_rad() const { return drum_angle_rad_; }
  std::span<const NeedleState> needles() const { return needles_; }
  const StepEvents& last_events() const { return events_; }
  std::uint64_t step_count() const { return step_; }
  double time_s() const { return static_cast<double>(step_) * dt_s; }

  /// FNV-1a over the tissue grid, the needles and the pen: equal hashes mean
  /// bit-identical simulations.
  std::uint64_t state_hash() const;

 private:
  struct NeedleGeometry {
    double advance_mm = 0.0;
    double surface_x_mm = 0.0, surface_y_mm = 0.0;  // where the needle meets the skin
    double stiffness = 1.0;                          // the surface's, relative to the site's mean
    double cos_tilt = 1.0;                           // of the needle from the surface normal
    double own_speed_mm_s = 0.0;  // along its axis, besides the cam's and the pen's (a roller's swing)
    LayerBottoms bottoms_mm{};
  };

  double extension_mm(double phase) const;
  double cam_speed_mm_s(double phase) const;
  void step_motor(const PenCommand& command);
  void step_hand(const PenCommand& command);
  void step_roll(const PenCommand& command);
  void turn_drum();
  void place_roller_needles(const PenCommand& command);
  void press_needles(double cam_speed_mm_s, const PenCommand& command);
  void finish_stroke_when_out();
  void stroke_to_furthest(const PenCommand& command);
  void stroke_needles(double extension_mm, double cam_speed_mm_s, const PenCommand& command);
  void place_needles(double extension_mm, const PenCommand& command);
  double evaluate_all(double lift_mm, double tension, double speed_mm_s);
  void commit_needles();
  double vascular_reach(const NeedleState& n, const NeedleGeometry& g) const;
  void finish_stroke();
  void update_cues(const PenCommand& command);

  std::shared_ptr<const tissue::SkinPatch> patch_;
  DeviceSettings device_;
  const Cartridge* cartridge_;
  NeedleMechanics mechanics_;
  TechniqueLimits limits_;
  CommandLimits command_limits_;
  tissue::TissueGrid grid_;
  PenBody body_;

  std::vector<NeedleState> needles_;
  std::vector<NeedleGeometry> geometry_;  // scratch, per step
  std::vector<NeedleStep> trial_;         // scratch, per step
  PenCommand previous_command_;
  std::uint64_t step_ = 0;
  double phase_ = 0.0;          // of the motor's stroke, 0..1
  bool at_stroke_end_ = false;  // evaluating the needles at their furthest this stroke
  std::uint64_t strokes_ = 0;   // begun since the reset
  double stroke_offset_mm_ = 0.0;  // this stroke's overshoot of the setting
  double needle_load_n_ = 0.0;  // along the needle axis, from the last step
  double lift_mm_ = 0.0;
  double stroke_depth_mm_ = 0.0, last_stroke_depth_mm_ = 0.0;
  tissue::Layer stroke_layer_ = tissue::Layer::none, last_stroke_layer_ = tissue::Layer::none;
  double stroke_peak_load_n_ = 0.0, last_stroke_peak_load_n_ = 0.0;
  double dwell_x_mm_ = 0.0, dwell_y_mm_ = 0.0, dwell_since_s_ = 0.0;
  std::uint32_t needle_cues_ = 0;
  // A roller's drum: the direction it rolls in (its axle lies across it) and
  // how far it has turned since the reset.
  double roll_heading_rad_ = 0.0;
  double drum_angle_rad_ = 0.0;
  StepEvents events_;
};

}  // namespace dermasim::physics
