#include "scenario/json_writer.hpp"
#include "scenario/report.hpp"

namespace dermasim::scenario {

std::string grade_json(const Grade& g) {
  JsonWriter j;
  j.begin_object();
  j.field("scenario", g.scenario_id).field("title", g.scenario_title);
  j.field("mode", mode_name(g.answers.mode));
  j.field("total", g.total).field("pass_mark", g.pass_mark).field("passed", g.passed);
  j.key("decision").value(g.answers.consultation ? decision_name(g.answers.consultation->decision) : "none");
  j.key("critical_errors").begin_array();
  for (const auto& c : g.critical_errors) j.begin_object().field("kind", c.name()).field("message", c.message).end_object();
  j.end_array();
  j.key("criteria").begin_array();
  for (const auto& c : g.criteria) {
    j.begin_object();
    j.field("id", criterion_name(c.id)).field("score", c.score).field("weight", c.weight);
    j.field("threshold", c.threshold);
    j.field("applicable", c.applicable);
    j.key("evidence").begin_object();
    for (const auto& [k, v] : c.evidence) j.field(k, v);
    j.end_object();
    j.key("feedback").begin_array();
    for (const auto& f : c.feedback) j.value(f);
    j.end_array();
    j.end_object();
  }
  j.end_array();
  j.key("metrics").begin_object();
  if (g.metrics) {
    const ProcedureMetrics& m = *g.metrics;
    j.field("punctures", static_cast<unsigned long long>(m.punctures));
    j.field("depth_mm_median", m.depth_mm_median).field("depth_mm_max", m.depth_mm_max);
    j.field("depth_mm_p10", m.depth_mm_p10).field("depth_mm_p90", m.depth_mm_p90);
    j.field("punctures_in_marks", static_cast<unsigned long long>(m.punctures_in_marks));
    j.field("coverage_fraction", m.coverage_fraction).field("density_per_cm2_median", m.density_per_cm2_median);
    j.field("tilt_deg_mean", m.tilt_deg_mean).field("force_n_mean", m.force_n_mean);
    j.field("speed_mm_s_mean", m.speed_mm_s_mean).field("taut_fraction", m.taut_fraction);
    j.field("treating_s", m.treating_s).field("outside_fraction", m.outside_fraction);
    j.key("punctures_by_layer").begin_object();
    for (int i = 1; i <= tissue::layer_count; ++i)
      j.field(tissue::layer_name(static_cast<tissue::Layer>(i)),
              static_cast<unsigned long long>(m.punctures_by_layer[static_cast<std::size_t>(i)]));
    j.end_object();
    j.key("mark_punctures_by_layer").begin_object();
    for (int i = 1; i <= tissue::layer_count; ++i)
      j.field(tissue::layer_name(static_cast<tissue::Layer>(i)),
              static_cast<unsigned long long>(m.mark_punctures_by_layer[static_cast<std::size_t>(i)]));
    j.end_object();
    j.key("mark_fraction").begin_array();
    for (double f : m.mark_fraction) j.value(f);
    j.end_array();
    j.key("mark_density_per_cm2").begin_array();
    for (double d : m.mark_density_per_cm2) j.value(d);
    j.end_array();
    j.key("moments").begin_array();
    for (const auto& mo : m.moments)
      j.begin_object().field("step", static_cast<unsigned long long>(mo.step)).field("what", mo.what).end_object();
    j.end_array();
    j.field("final_state_hash", static_cast<unsigned long long>(m.final_state_hash));
  } else {
    j.field("punctures", 0).field("depth_mm_median", 0.0).field("depth_mm_max", 0.0);
    j.field("depth_mm_p10", 0.0).field("depth_mm_p90", 0.0);
    j.field("coverage_fraction", 0.0).field("density_per_cm2_median", 0.0);
    j.field("tilt_deg_mean", 0.0).field("force_n_mean", 0.0);
    j.key("punctures_by_layer").begin_object();
    for (int i = 1; i <= tissue::layer_count; ++i) j.field(tissue::layer_name(static_cast<tissue::Layer>(i)), 0);
    j.end_object();
  }
  j.end_object();
  j.end_object();
  return j.str() + "\n";
}

}  // namespace dermasim::scenario
