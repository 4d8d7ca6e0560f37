#include "scenario/procedure_metrics.hpp"

#include <algorithm>
#include <cmath>
#include <memory>

#include "physics/simulator.hpp"
#include "scenario/session.hpp"
#include "scenario/simulation_builder.hpp"
#include "tissue/coverage.hpp"

namespace dermasim::scenario {
namespace {

constexpr std::size_t max_moments = 100;

// Counts rising edges of a condition, noting when each began.
struct EdgeCounter {
  bool was = false;
  int count = 0;
  void update(bool now, std::uint64_t step, const char* what, std::vector<Moment>& moments) {
    if (now && !was) {
      ++count;
      if (moments.size() < max_moments) moments.push_back({step, what});
    }
    was = now;
  }
};

void measure_coverage(const Scenario& s, const tissue::SkinPatch& patch, const tissue::TissueGrid& grid,
                      ProcedureMetrics& m) {
  const tissue::CoverageTarget target = coverage_target(s.key.coverage);
  const tissue::CoverageReport report = tissue::coverage_report(grid, patch, target);
  for (const auto& mark : report.marks) {
    m.mark_fraction.push_back(mark.fraction_at_target);
    m.mark_density_per_cm2.push_back(mark.density_per_cm2);
  }
  m.coverage_fraction = report.all_marks.fraction_at_target;
  m.density_per_cm2_median = report.all_marks.median_density_per_cm2;
  m.uniformity_cv = report.all_marks.uniformity_cv;
  m.outside_fraction = report.outside_fraction();
  m.over_treated_cells = report.over_treated_cells;

  // A 1 mm map for the report: the mean density of each 4 x 4 block of cells.
  const tissue::DensityMap density(grid, target.window_mm);
  m.map_nx = grid.nx() / 4;
  m.map_ny = grid.ny() / 4;
  m.density_map.assign(static_cast<std::size_t>(m.map_nx * m.map_ny), 0.0f);
  for (int y = 0; y < m.map_ny * 4; ++y)
    for (int x = 0; x < m.map_nx * 4; ++x)
      m.density_map[static_cast<std::size_t>((y / 4) * m.map_nx + x / 4)] +=
          static_cast<float>(density.per_cm2(y * grid.nx() + x) / 16.0);
}

double quantile(std::vector<double>& v, double fraction) {
  const auto at = v.begin() + static_cast<std::ptrdiff_t>(fraction * static_cast<double>(v.size() - 1));
  std::nth_element(v.begin(), at, v.end());
  return *at;
}

}  // namespace

ProcedureMetrics measure_procedure(const Scenario& s, const PlanAnswers& plan,
                                   const std::vector<physics::PenCommand>& commands) {
  ProcedureMetrics m;
  const std::unique_ptr<physics::Simulator> simulator = build_simulator(s, plan.device);
  physics::Simulator& sim = *simulator;
  const tissue::SkinPatch* patch = &sim.patch();
  const physics::TechniqueLimits& limits = sim.limits();
  std::vector<double> depths;
  double tilt_sum = 0, force_sum = 0, speed_sum = 0;
  std::uint64_t treating = 0, tilt_over = 0, force_low = 0, force_high = 0, speed_out = 0, taut = 0;
  EdgeCounter drag, dwell, tilt_edge, force_low_edge, force_high_edge;
  const TechniqueKey& tk = s.key.technique;
  const double mark_membership = coverage_target(s.key.coverage).mark_membership;

  for (const auto& c : commands) {
    const physics::StepEvents& ev = sim.step(c);
    for (const auto& p : ev.punctures) {
      depths.push_back(p.depth_mm);
      ++m.punctures_by_layer[static_cast<std::size_t>(p.deepest)];
      if (patch->at(p.x_mm, p.y_mm).stria_influence >= mark_membership) {
        ++m.punctures_in_marks;
        ++m.mark_punctures_by_layer[static_cast<std::size_t>(p.deepest)];
      }
      const auto bin = static_cast<std::size_t>(std::min(40.0, std::floor(p.depth_mm / 0.1)));
      if (m.depth_histogram_layers.size() <= bin) m.depth_histogram_layers.resize(bin + 1);
      ++m.depth_histogram_layers[bin][static_cast<std::size_t>(p.deepest)];
    }
    const auto& t = ev.telemetry;
    const bool on_skin = c.motor_on && (t.pose.in_contact || t.needles_in_skin > 0);
    if (on_skin) {
      ++treating;
      tilt_sum += t.pose.tilt_deg;
      m.tilt_deg_max = std::max(m.tilt_deg_max, t.pose.tilt_deg);
      force_sum += t.pressing_force_n;
      speed_sum += t.lateral_speed_mm_s;
      tilt_over += t.pose.tilt_deg > limits.tilt_max_deg ? 1 : 0;
      force_low += t.pressing_force_n < limits.force_min_n ? 1 : 0;
      force_high += t.pressing_force_n > limits.force_max_n ? 1 : 0;
      speed_out += tk.speed_mm_s.contains(t.lateral_speed_mm_s) ? 0 : 1;
      taut += c.skin_taut ? 1 : 0;
    }
    const std::uint32_t cues = ev.feedback.cues;
    drag.update((cues & physics::cue_drag) != 0, ev.step, "drag", m.moments);
    dwell.update((cues & physics::cue_dwell) != 0, ev.step, "dwell", m.moments);
    tilt_edge.update(on_skin && t.pose.tilt_deg > limits.tilt_max_deg, ev.step, "tilt", m.moments);
    force_low_edge.update(on_skin && t.pressing_force_n < limits.force_min_n, ev.step, "force_low", m.moments);
    force_high_edge.update(on_skin && t.pressing_force_n > limits.force_max_n, ev.step, "force_high", m.moments);
  }

  m.steps = commands.size();
  m.punctures = depths.size();
  if (!depths.empty()) {
    m.depth_mm_median = quantile(depths, 0.5);
    m.depth_mm_p10 = quantile(depths, 0.1);
    m.depth_mm_p90 = quantile(depths, 0.9);
    m.depth_mm_max = *std::max_element(depths.begin(), depths.end());
  }
  for (const auto& bin : m.depth_histogram_layers) {
    std::uint64_t n = 0;
    for (auto v : bin) n += v;
    m.depth_histogram.push_back(static_cast<double>(n));
  }
  m.treating_s = static_cast<double>(treating) * physics::Simulator::dt_s;
  if (treating) {
    const auto n = static_cast<double>(treating);
    m.tilt_deg_mean = tilt_sum / n;
    m.force_n_mean = force_sum / n;
    m.speed_mm_s_mean = speed_sum / n;
    m.tilt_over_fraction = static_cast<double>(tilt_over) / n;
    m.force_low_fraction = static_cast<double>(force_low) / n;
    m.force_high_fraction = static_cast<double>(force_high) / n;
    m.speed_out_fraction = static_cast<double>(speed_out) / n;
    m.taut_fraction = static_cast<double>(taut) / n;
  }
  m.drag_events = drag.count;
  m.dwell_events = dwell.count;
  measure_coverage(s, *patch, sim.grid(), m);
  m.final_state_hash = sim.state_hash();
  return m;
}

}  // namespace dermasim::scenario
