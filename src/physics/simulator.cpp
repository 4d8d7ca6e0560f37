#include "physics/simulator.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <numbers>

#include <glm/geometric.hpp>

#include "physics/hand_steadiness.hpp"
#include "tissue/fnv1a.hpp"
#include "tissue/stiffness_field.hpp"

namespace dermasim::physics {
namespace {

PenBodyParams body_params(const Cartridge& c) {
  PenBodyParams p;
  p.cap_radius_mm = c.cap_radius_mm;
  return p;
}

// Sanitizing writes at most one issue per field.
constexpr int max_input_issues = 5;
// Bisection steps for the lift that balances the needle load: 2^-16 of the
// needle's advance is far below a micrometre.
constexpr int lift_iterations = 16;
// A roller turns to follow the hand once it moves faster than this along the
// skin: slower, the direction of a hand's tremor is not a rolling direction.
constexpr double roll_heading_speed_mm_s = 5.0;

}  // namespace

Simulator::Simulator(std::shared_ptr<const tissue::SkinPatch> patch, const DeviceSettings& device)
    : Simulator(patch, device, TechniqueLimits::for_cartridge(physics::cartridge(device.cartridge))) {}

Simulator::Simulator(std::shared_ptr<const tissue::SkinPatch> patch, const DeviceSettings& device,
                     const TechniqueLimits& limits)
    : patch_((require_valid(device), std::move(patch))),
      device_(device),
      cartridge_(&physics::cartridge(device.cartridge)),
      mechanics_(NeedleMechanics::for_cartridge(*cartridge_)),
      limits_(limits),
      grid_(patch_->width_mm(), patch_->height_mm()),
      body_(patch_->width_mm(), patch_->height_mm(), body_params(*cartridge_)) {
  reset();
}

void Simulator::reset() {
  grid_.clear();
  body_.reset(0.5 * patch_->width_mm(), 0.5 * patch_->height_mm());
  needles_.assign(static_cast<std::size_t>(cartridge_->needle_count()), NeedleState{});
  geometry_.assign(needles_.size(), NeedleGeometry{});
  trial_.assign(needles_.size(), NeedleStep{});
  previous_command_ = PenCommand{};
  previous_command_.x_mm = 0.5 * patch_->width_mm();
  previous_command_.y_mm = 0.5 * patch_->height_mm();
  step_ = 0;
  phase_ = 0.0;
  strokes_ = 0;
  stroke_offset_mm_ = stroke_depth_offset_mm(0);
  needle_load_n_ = 0.0;
  lift_mm_ = 0.0;
  stroke_depth_mm_ = last_stroke_depth_mm_ = 0.0;
  stroke_layer_ = last_stroke_layer_ = tissue::Layer::none;
  stroke_peak_load_n_ = last_stroke_peak_load_n_ = 0.0;
  dwell_x_mm_ = dwell_y_mm_ = dwell_since_s_ = 0.0;
  needle_cues_ = 0;
  roll_heading_rad_ = drum_angle_rad_ = 0.0;
  events_ = StepEvents{};
  // Reserve for a whole cartridge so the 1 kHz loop never allocates.
  events_.punctures.reserve(needles_.size() * 2);
  events_.crossings.reserve(needles_.size() * tissue::layer_count * 2);
  events_.puncture_forces_n.reserve(needles_.size() * 2);
  events_.input_issues.reserve(max_input_issues);
}

void Simulator::set_device(const DeviceSettings& device) {
  require_valid(device);
  // Take the needles out through the normal path so their punctures count.
  PenCommand lifted = previous_command_;
  lifted.motor_on = false;
  stroke_needles(-retract_mm, 0.0, lifted);
  finish_stroke();
  device_ = device;
  cartridge_ = &physics::cartridge(device.cartridge);
  mechanics_ = NeedleMechanics::for_cartridge(*cartridge_);
  needles_.assign(static_cast<std::size_t>(cartridge_->needle_count()), NeedleState{});
  geometry_.assign(needles_.size(), NeedleGeometry{});
  trial_.assign(needles_.size(), NeedleStep{});
  phase_ = 0.0;
}

double Simulator::extension_mm(double phase) const {
  // The motor's cam drives the needles out and back once per stroke: from
  // retract_mm inside the cap to the set length beyond it.
  const double travel = device_.needle_length_mm + stroke_offset_mm_ + retract_mm;
  return travel * 0.5 * (1.0 - std::cos(2.0 * std::numbers::pi * phase)) - retract_mm;
}

double Simulator::cam_speed_mm_s(double phase) const {
  // d/dt of extension_mm: the needles' speed out of the cap (negative on the
  // way back). At 100 Hz and 1.5 mm it peaks near 630 mm/s.
  const double travel = device_.needle_length_mm + retract_mm;
  return travel * std::numbers::pi * device_.stroke_rate_hz * std::sin(2.0 * std::numbers::pi * phase);
}

const StepEvents& Simulator::step(const PenCommand& raw) {
  events_.clear();
  ++step_;
  events_.step = step_;
  events_.time_s = time_s();

  PenCommand command = raw;
  InputIssue issues[max_input_issues];
  const int n_issues = sanitize_command(command, previous_command_, patch_->width_mm(), patch_->height_mm(),
                                        command_limits_, issues);
  events_.input_issues.assign(issues, issues + n_issues);
  // The first command after a reset places the hovering pen where the hand is.
  if (step_ == 1) body_.reset(command.x_mm, command.y_mm);
  // A roller's drum rests flat on the skin whatever the angle of its handle.
  if (cartridge_->drive == NeedleDrive::roll) command.tilt_deg = 0.0;
  previous_command_ = command;

  body_.step(command, needle_load_n_, dt_s);
  needle_cues_ = 0;

  switch (cartridge_->drive) {
    case NeedleDrive::hand: step_hand(command); break;
    case NeedleDrive::roll: step_roll(command); break;
    case NeedleDrive::motor: step_motor(command); break;
  }
  update_cues(command);
  return events_;
}

void Simulator::step_motor(const PenCommand& command) {
  if (command.motor_on) {
    // One stroke spans several steps (10 at 100 Hz). Within a step the needle
    // is evaluated at the furthest point it reaches, so a stroke rate that
    // does not divide 1 kHz still reaches the full set length.
    const double next = phase_ + device_.stroke_rate_hz * dt_s;
    if (next >= 1.0) {
      if (phase_ < 0.5) stroke_to_furthest(command);
      stroke_needles(-retract_mm, 0.0, command);
      finish_stroke();
      stroke_offset_mm_ = stroke_depth_offset_mm(++strokes_);
      phase_ = next - 1.0;
      stroke_needles(extension_mm(phase_), cam_speed_mm_s(phase_), command);
    } else {
      const bool passes_peak = phase_ < 0.5 && next >= 0.5;
      phase_ = next;
      if (passes_peak)
        stroke_to_furthest(command);
      else
        stroke_needles(extension_mm(phase_), cam_speed_mm_s(phase_), command);
    }
  } else {
    stroke_needles(-retract_mm, 0.0, command);
    if (phase_ != 0.0) finish_stroke();
    phase_ = 0.0;
  }
}

void Simulator::stroke_to_furthest(const PenCommand& command) {
  at_stroke_end_ = true;
  stroke_needles(extension_mm(0.5), 0.0, command);
  at_stroke_end_ = false;
}

void Simulator::step_hand(const PenCommand& command) {
  // Fixed needles stand out of the stamp's face at the set length; the hand
  // drives them in, so they move only as fast as the stamp does. Every step
  // is as far as they go.
  at_stroke_end_ = true;
  stroke_needles(device_.needle_length_mm, 0.0, command);
  at_stroke_end_ = false;
  finish_stroke_when_out();
}

void Simulator::finish_stroke_when_out() {
  bool any_in = false;
  for (const auto& n : needles_) any_in = any_in || n.phase != NeedlePhase::out;
  if (!any_in && (stroke_depth_mm_ > 0.0 || stroke_peak_load_n_ > 0.0)) finish_stroke();
}

void Simulator::step_roll(const PenCommand& command) {
  // The needles stand fixed on the drum: no motor, no stroke. The drum turns
  // as the hand rolls it, and each needle swings into the skin ahead of the
  // drum's lowest point, deepest under it, and out behind it.
  turn_drum();
  place_roller_needles(command);
  press_needles(0.0, command);
  finish_stroke_when_out();
}

void Simulator::turn_drum() {
  const PenPose& pose = body_.pose();
  const double vx = pose.velocity_mm_s.x, vy = pose.velocity_mm_s.y;
  const double speed = std::hypot(vx, vy);
  if (speed > roll_heading_speed_mm_s) {
    // The drum's axle lies across the way it rolls, so rolling back is the
    // same heading turned the other way: keep the heading nearest the last.
    double heading = std::atan2(vy, vx);
    const double turn = std::remainder(heading - roll_heading_rad_, 2.0 * std::numbers::pi);
    if (std::abs(turn) > 0.5 * std::numbers::pi) heading += std::numbers::pi;
    roll_heading_rad_ = std::remainder(heading, 2.0 * std::numbers::pi);
  }
  // Rolling without slipping while it bears on the skin; lifted, it stops.
  bool bearing = pose.in_contact;
  for (const auto& n : needles_) bearing = bearing || n.phase != NeedlePhase::out;
  if (!bearing) return;
  const double along_mm_s = vx * std::cos(roll_heading_rad_) + vy * std::sin(roll_heading_rad_);
  drum_angle_rad_ += along_mm_s * dt_s / cartridge_->drum_radius_mm;
}

void Simulator::place_roller_needles(const PenCommand& command) {
  const PenPose& pose = body_.pose();
  const double radius = cartridge_->drum_radius_mm;
  const double reach = radius + device_.needle_length_mm;
  const double rx = std::cos(roll_heading_rad_), ry = std::sin(roll_heading_rad_);  // rolling
  const double ax = -ry, ay = rx;                                                     // along the axle
  const double relief_share = command.skin_taut ? 0.3 : 1.0;
  const double along_mm_s = pose.velocity_mm_s.x * rx + pose.velocity_mm_s.y * ry;
  for (std::size_t i = 0; i < needles_.size(); ++i) {
    const NeedleOffset& o = cartridge_->needles[i];
    NeedleGeometry& g = geometry_[i];
    // The needle's angle from straight down, positive ahead of the drum's
    // lowest point: rolling forward brings the needles ahead down into the skin.
    const double angle = std::remainder(o.y_mm / radius - drum_angle_rad_, 2.0 * std::numbers::pi);
    const double c = std::cos(angle);
    const double base_x = pose.cap_center_mm.x + o.x_mm * ax, base_y = pose.cap_center_mm.y + o.x_mm * ay;
    if (c * reach <= radius || !patch_->contains(base_x, base_y)) {
      g.advance_mm = -1.0;  // above the skin, or no skin under it
      g.cos_tilt = std::max(0.2, c);
      g.own_speed_mm_s = 0.0;
      continue;
    }
    const tissue::LocalTissue local = patch_->at(base_x, base_y);
    // The axle's height over the skin under it: the drum's radius, plus any
    // gap the hand leaves, plus a depressed mark's hollow.
    const double axle_mm = radius + std::max(0.0, pose.cap_center_mm.z) + local.depression_mm * relief_share;
    const double across_mm = axle_mm * std::tan(angle);  // where the shaft meets the skin, ahead of the axle
    g.advance_mm = reach + needle_protrusion_offset_mm(static_cast<int>(i), cartridge_->needle_count()) - axle_mm / c;
    g.surface_x_mm = base_x + rx * across_mm;
    g.surface_y_mm = base_y + ry * across_mm;
    g.stiffness = tissue::local_stiffness_factor(g.surface_x_mm, g.surface_y_mm);
    g.cos_tilt = c;
    // d(advance)/dt as the drum turns: the needle goes in no faster than the
    // hand rolls, a few tens of mm/s, so the skin tents like under a hand
    // press (Lam 2008), never like under a pen's cam.
    g.own_speed_mm_s = std::max(0.0, axle_mm * std::sin(angle) / (c * c) * along_mm_s / radius);
    const auto bottoms = local.layers.bottoms_mm();
    for (std::size_t k = 0; k < bottoms.size(); ++k) g.bottoms_mm[k] = bottoms[k] / c;
  }
}

void Simulator::place_needles(double extension, const PenCommand& command) {
  const PenPose& pose = body_.pose();
  // Every needle of a pen shares its tilt (a roller's each have their own).
  const double cos_tilt = std::max(0.2, -pose.needle_axis.z);
  // A depressed mark leaves a gap under the cap and a raised one meets the
  // needles early; stretching the skin taut mostly flattens either.
  const double relief_share = command.skin_taut ? 0.3 : 1.0;
  for (std::size_t i = 0; i < needles_.size(); ++i) {
    const NeedleOffset& o = cartridge_->needles[i];
    const glm::dvec3 base = pose.cap_center_mm + o.x_mm * pose.cap_u + o.y_mm * pose.cap_v;
    NeedleGeometry& g = geometry_[i];
    if (!patch_->contains(base.x, base.y)) {
      g.advance_mm = -1.0;  // no skin under this needle
      continue;
    }
    const tissue::LocalTissue local = patch_->at(base.x, base.y);
    const double gap_mm = (std::max(0.0, base.z) + local.depression_mm * relief_share) / cos_tilt;
    g.advance_mm = extension + needle_protrusion_offset_mm(static_cast<int>(i), cartridge_->needle_count()) - gap_mm;
    g.surface_x_mm = base.x + pose.needle_axis.x * gap_mm;
    g.surface_y_mm = base.y + pose.needle_axis.y * gap_mm;
    g.stiffness = tissue::local_stiffness_factor(g.surface_x_mm, g.surface_y_mm);
    g.cos_tilt = cos_tilt;
    g.own_speed_mm_s = 0.0;
    const auto bottoms = local.layers.bottoms_mm();
    for (std::size_t k = 0; k < bottoms.size(); ++k) g.bottoms_mm[k] = bottoms[k] / cos_tilt;
  }
}

double Simulator::evaluate_all(double lift_mm, double tension, double speed_mm_s) {
  double peak_total = 0.0;
  for (std::size_t i = 0; i < needles_.size(); ++i) {
    const NeedleGeometry& g = geometry_[i];
    trial_[i] = evaluate_needle(needles_[i], g.advance_mm - lift_mm, g.bottoms_mm, tension * g.stiffness, mechanics_,
                                speed_mm_s + g.own_speed_mm_s);
    peak_total += std::max(0.0, trial_[i].peak_force_n);
  }
  return peak_total;
}

void Simulator::stroke_needles(double extension, double cam_speed_mm_s, const PenCommand& command) {
  place_needles(extension, command);
  press_needles(cam_speed_mm_s, command);
}

void Simulator::press_needles(double cam_speed_mm_s, const PenCommand& command) {
  // The hand's force wavers a little (hand_steadiness.hpp).
  const double pressing_n = std::max(0.0, command.force_n * (1.0 + hand_force_deviation(time_s())));
  const double tension = mechanics_.tension_factor(command.skin_taut, pressing_n);
  // How fast the needles go into the skin: the cam's stroke plus the pen's own
  // approach along the needles' axis (all a hand stamp has).
  const PenPose& pose = body_.pose();
  const double approach_mm_s = glm::dot(pose.velocity_mm_s, pose.needle_axis);
  const double speed_mm_s = std::max(0.0, cam_speed_mm_s + approach_mm_s);
  // The needles can only push on the skin as hard as the hand presses the pen:
  // when their load would pass the pressing force, the pen is pushed back
  // until the two balance. This is why a 36-pin cartridge needs about 1 N
  // before its needles break the skin.
  lift_mm_ = 0.0;
  if (evaluate_all(0.0, tension, speed_mm_s) > pressing_n) {
    double lo = 0.0, hi = 0.0;
    for (const auto& g : geometry_) hi = std::max(hi, g.advance_mm);
    for (int k = 0; k < lift_iterations; ++k) {
      const double mid = 0.5 * (lo + hi);
      (evaluate_all(mid, tension, speed_mm_s) > pressing_n ? lo : hi) = mid;
    }
    lift_mm_ = hi;
    evaluate_all(hi, tension, speed_mm_s);
  }
  commit_needles();
}

void Simulator::commit_needles() {
  const PenPose& pose = body_.pose();
  double load = 0.0;
  for (std::size_t i = 0; i < needles_.size(); ++i) {
    const NeedleStep& r = trial_[i];
    const NeedleGeometry& g = geometry_[i];
    NeedleState next = r.state;
    const auto index = static_cast<std::uint16_t>(i);
    if (r.punctured) {
      next.entry_x_mm = g.surface_x_mm;
      next.entry_y_mm = g.surface_y_mm;
      events_.puncture_forces_n.push_back(mechanics_.layers[0].rupture_force_n);
    }
    for (int layer = 0; layer < tissue::layer_count; ++layer) {
      if (!(r.entered_mask & (1u << layer))) continue;
      const double top = layer == 0 ? 0.0 : g.bottoms_mm[static_cast<std::size_t>(layer - 1)];
      events_.crossings.push_back({index, tissue::layer_from_index(layer), top * g.cos_tilt,
                                   mechanics_.layers[static_cast<std::size_t>(layer)].rupture_force_n});
    }
    if (next.phase == NeedlePhase::inserted) {
      next.max_depth_vertical_mm = std::max(next.max_depth_vertical_mm, next.depth_mm * g.cos_tilt);
      const double dx = g.surface_x_mm - next.entry_x_mm, dy = g.surface_y_mm - next.entry_y_mm;
      if (dx * dx + dy * dy > limits_.drag_tolerance_mm * limits_.drag_tolerance_mm) needle_cues_ |= cue_drag;
      if (at_stroke_end_ && next.tent_mm <= limits_.bottom_out_margin_mm) needle_cues_ |= cue_bottomed_out;
    }
    if (r.withdrawn) {
      const NeedleState& out = needles_[i];
      const auto deepest = static_cast<tissue::Layer>(out.deepest_layer);
      // A roller's needle leaves at its own angle to the skin, the angle it went in at.
      const double tilt_deg = cartridge_->drive == NeedleDrive::roll
                                  ? std::acos(std::clamp(g.cos_tilt, -1.0, 1.0)) * 180.0 / std::numbers::pi
                                  : pose.tilt_deg;
      PunctureEvent p{out.entry_x_mm, out.entry_y_mm, out.max_depth_vertical_mm, deepest, tilt_deg, index};
      events_.punctures.push_back(p);
      grid_.record_puncture(p.x_mm, p.y_mm, p.depth_mm, deepest, time_s(), vascular_reach(out, g));
      if (p.depth_mm > stroke_depth_mm_) stroke_depth_mm_ = p.depth_mm;
      stroke_layer_ = std::max(stroke_layer_, deepest);
    }
    load += next.force_n;
    needles_[i] = next;
  }
  needle_load_n_ = load;
  stroke_peak_load_n_ = std::max(stroke_peak_load_n_, load);
}

double Simulator::vascular_reach(const NeedleState& n, const NeedleGeometry& g) const {
  // Along the needle: the papillary dermis spans the bottoms of layers 1 and 2.
  const double top = g.bottoms_mm[1], bottom = g.bottoms_mm[2];
  if (bottom <= top) return 1.0;
  return std::clamp((n.max_depth_mm - top) / (bottom - top), 0.0, 1.0);
}

void Simulator::finish_stroke() {
  last_stroke_depth_mm_ = stroke_depth_mm_;
  last_stroke_layer_ = stroke_layer_;
  last_stroke_peak_load_n_ = stroke_peak_load_n_;
  stroke_depth_mm_ = 0.0;
  stroke_layer_ = tissue::Layer::none;
  stroke_peak_load_n_ = 0.0;
}

void Simulator::update_cues(const PenCommand& command) {
  const PenPose& pose = body_.pose();
  const double t = time_s();
  int in_skin = 0;
  for (const auto& n : needles_) in_skin += n.phase == NeedlePhase::inserted ? 1 : 0;
  const bool treating = command.motor_on && (pose.in_contact || in_skin > 0);

  std::uint32_t cues = needle_cues_;
  if (!events_.input_issues.empty()) cues |= cue_input_corrected;
  if (treating) {
    if (command.force_n < limits_.force_min_n) cues |= cue_pressure_low;
    if (command.force_n > limits_.force_max_n) cues |= cue_pressure_high;
    if (pose.tilt_deg > limits_.tilt_max_deg) cues |= cue_tilt;
    const double dx = pose.cap_center_mm.x - dwell_x_mm_, dy = pose.cap_center_mm.y - dwell_y_mm_;
    if (dx * dx + dy * dy > limits_.dwell_radius_mm * limits_.dwell_radius_mm) {
      dwell_x_mm_ = pose.cap_center_mm.x;
      dwell_y_mm_ = pose.cap_center_mm.y;
      dwell_since_s_ = t;
    } else if (t - dwell_since_s_ > limits_.dwell_time_s) {
      cues |= cue_dwell;
    }
  } else {
    dwell_x_mm_ = pose.cap_center_mm.x;
    dwell_y_mm_ = pose.cap_center_mm.y;
    dwell_since_s_ = t;
  }

  HapticFeedback& fb = events_.feedback;
  fb.force_n = body_.cap_reaction_n() - pose.needle_axis * needle_load_n_;
  fb.cues = cues;
  if (command.motor_on) {
    fb.vibration_hz = device_.stroke_rate_hz;
    // An idle buzz, growing with the load the needles met on the last stroke.
    const double full_load = cartridge_->needle_count() * mechanics_.layers[0].rupture_force_n;
    const double load = std::max(last_stroke_peak_load_n_, stroke_peak_load_n_);
    fb.vibration_amplitude = std::clamp(0.15 + 0.85 * load / full_load, 0.0, 1.0);
  }

  PenTelemetry& tm = events_.telemetry;
  tm.pose = pose;
  tm.pressing_force_n = command.force_n;
  tm.needle_load_n = needle_load_n_;
  tm.lateral_speed_mm_s = std::hypot(pose.velocity_mm_s.x, pose.velocity_mm_s.y);
  tm.needles_in_skin = in_skin;
  tm.stroke_depth_mm = last_stroke_depth_mm_;
  tm.stroke_layer = last_stroke_layer_;
  tm.lift_mm = lift_mm_;
}

std::uint64_t Simulator::state_hash() const {
  std::uint64_t h = grid_.hash();
  fnv1a_mix(h, &step_, sizeof step_);
  fnv1a_mix(h, &strokes_, sizeof strokes_);
  const double drum[] = {roll_heading_rad_, drum_angle_rad_};
  fnv1a_mix(h, drum, sizeof drum);
  const PenPose& p = body_.pose();
  const double pose_values[] = {p.cap_center_mm.x, p.cap_center_mm.y, p.cap_center_mm.z, p.needle_axis.x,
                                p.needle_axis.y,   p.needle_axis.z,   p.velocity_mm_s.x, p.velocity_mm_s.y,
                                p.velocity_mm_s.z, p.cap_indent_mm};
  fnv1a_mix(h, pose_values, sizeof pose_values);
  for (const auto& n : needles_) {
    const double values[] = {n.advance_mm, n.tent_mm,    n.depth_mm,     n.max_depth_mm,         n.force_n,
                             n.entry_x_mm, n.entry_y_mm, n.max_depth_vertical_mm, n.insertion_speed_mm_s};
    fnv1a_mix(h, values, sizeof values);
    const std::uint8_t tags[] = {static_cast<std::uint8_t>(n.phase), n.layer, n.deepest_layer};
    fnv1a_mix(h, tags, sizeof tags);
  }
  return h;
}

}  // namespace dermasim::physics
