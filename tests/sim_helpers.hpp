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
