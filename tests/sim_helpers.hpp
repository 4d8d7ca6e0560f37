#pragma once
// Helpers shared by the physics tests: run a scripted pen over a patch and
// collect what the physics reported.
#include <algorithm>
#include <memory>
#include <vector>

#include "physics/scripted_pen.hpp"
#include "physics/simulator.hpp"
#include "tissue/skin_patch.hpp"

namespace dermasim::test {

/// A patch of `site` with one stretch mark across its middle (or none).
inline std::shared_ptr<const tissue::SkinPatch> patch_with_mark(tissue::BodySite site, double severity,
                                                                tissue::StriaType type = tissue::StriaType::alba,
                                                                bool with_mark = true) {
  tissue::PatchSpec spec;
  spec.site = site;
  if (with_mark) spec.marks.push_back({60.0, 40.0, 0.0, 80.0, 8.0, type, severity});
  return std::make_shared<const tissue::SkinPatch>(spec);
}

struct RunResult {
  std::vector<physics::PunctureEvent> punctures;
  std::vector<physics::LayerCrossingEvent> crossings;
  std::vector<double> puncture_forces_n;
  std::uint32_t cues = 0;
  std::uint64_t hash = 0;
  double max_reaction_n = 0.0;

  std::vector<double> depths() const {
    std::vector<double> d;
    for (const auto& p : punctures) d.push_back(p.depth_mm);
    return d;
  }
  double median_depth() const {
    auto d = depths();
    if (d.empty()) return 0.0;
    std::nth_element(d.begin(), d.begin() + static_cast<std::ptrdiff_t>(d.size() / 2), d.end());
    return d[d.size() / 2];
  }
  double max_depth() const {
    double m = 0.0;
    for (const auto& p : punctures) m = std::max(m, p.depth_mm);
    return m;
  }
  tissue::Layer deepest_layer() const {
    tissue::Layer l = tissue::Layer::none;
    for (const auto& p : punctures) l = std::max(l, p.deepest);
    return l;
  }
  /// The layer most punctures ended in.
  tissue::Layer typical_layer() const {
    int counts[tissue::layer_count + 1] = {};
    for (const auto& p : punctures) ++counts[static_cast<int>(p.deepest)];
    int best = 0;
    for (int i = 1; i <= tissue::layer_count; ++i)
      if (counts[i] > counts[best]) best = i;
    return static_cast<tissue::Layer>(best);
  }
};

/// Runs every command of `pen` through `sim`, collecting events.
inline RunResult run(physics::Simulator& sim, physics::PenInput& pen) {
  RunResult r;
  while (!pen.finished()) {
    const auto& ev = sim.step(pen.next());
    r.punctures.insert(r.punctures.end(), ev.punctures.begin(), ev.punctures.end());
    r.crossings.insert(r.crossings.end(), ev.crossings.begin(), ev.crossings.end());
    r.puncture_forces_n.insert(r.puncture_forces_n.end(), ev.puncture_forces_n.begin(), ev.puncture_forces_n.end());
    r.cues |= ev.feedback.cues;
    r.max_reaction_n = std::max(r.max_reaction_n, ev.feedback.force_n.z);
  }
  r.hash = sim.state_hash();
  return r;
}

/// Stamps one spot for `seconds` with the given technique.
inline RunResult stamp(std::shared_ptr<const tissue::SkinPatch> patch, physics::DeviceSettings device, double x_mm,
                       double y_mm, physics::PathStyle style, double seconds = 0.5) {
  physics::Simulator sim(patch, device);
  physics::ScriptedPen pen({physics::PathSegment::stamp(x_mm, y_mm, seconds, style)});
  return run(sim, pen);
}

inline physics::PathStyle style(double force_n, bool taut, double tilt_deg = 0.0, double speed_mm_s = 10.0) {
  physics::PathStyle s;
  s.force_n = force_n;
  s.skin_taut = taut;
  s.tilt_deg = tilt_deg;
  s.speed_mm_s = speed_mm_s;
  return s;
}

}  // namespace dermasim::test

namespace dermasim::test {

/// A hand pressing a fixed-needle stamp the way a person does: lowered onto
/// the skin with almost no force (a few mm/s), pressed up to `force_n` over
/// `ramp_s`, held, then lifted. The motor is never on.
class HandPress final : public physics::PenInput {
 public:
  HandPress(double force_n, double ramp_s = 0.5, double hold_s = 0.5, bool taut = false)
      : force_n_(force_n), ramp_s_(ramp_s), hold_s_(hold_s), taut_(taut) {}
  physics::PenCommand next() override {
    const double t = static_cast<double>(++step_) * physics::Simulator::dt_s;
    physics::PenCommand c;
    c.x_mm = 60.0;
    c.y_mm = 40.0;
    c.skin_taut = taut_;
    if (t < approach_s)
      c.force_n = approach_force_n;
    else if (t < approach_s + ramp_s_)
      c.force_n = approach_force_n + (force_n_ - approach_force_n) * (t - approach_s) / ramp_s_;
    else if (t < approach_s + ramp_s_ + hold_s_)
      c.force_n = force_n_;
    return c;
  }
  bool finished() const override {
    return static_cast<double>(step_) * physics::Simulator::dt_s > approach_s + ramp_s_ + hold_s_ + lift_s;
  }

 private:
  // 0.02 N against the hand's damping lowers the stamp at about 2.5 mm/s: it
  // meets the skin from the 5 mm hover within the approach.
  static constexpr double approach_force_n = 0.02;
  static constexpr double approach_s = 2.5;
  static constexpr double lift_s = 0.3;
  double force_n_, ramp_s_, hold_s_;
  bool taut_;
  int step_ = 0;
};

/// The value below which `fraction` of the punctures' depths lie.
inline double depth_quantile(const RunResult& r, double fraction) {
  auto d = r.depths();
  if (d.empty()) return 0.0;
  std::sort(d.begin(), d.end());
  return d[static_cast<std::size_t>(fraction * static_cast<double>(d.size() - 1))];
}

}  // namespace dermasim::test
