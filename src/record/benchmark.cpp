#include "record/benchmark.hpp"

#include <algorithm>
#include <cmath>

#include "physics/simulator.hpp"
#include "record/json_reader.hpp"
#include "scenario/json_writer.hpp"

namespace dermasim::record {
namespace {

constexpr double inf = std::numeric_limits<double>::infinity();

double evidence(const scenario::CriterionResult& c, std::string_view key, double fallback = 0.0) {
  for (const auto& [k, v] : c.evidence)
    if (k == key) return v;
  return fallback;
}

const scenario::CriterionResult* criterion(const scenario::Grade& g, scenario::CriterionId id) {
  for (const auto& c : g.criteria)
    if (c.id == id) return &c;
  return nullptr;
}

double share(double v) { return std::clamp(v, 0.0, 1.0); }

}  // namespace

const std::vector<MetricSpec>& benchmark_metrics() {
  static const std::vector<MetricSpec> specs = {
      {"total", true, 0.0, 100.0, "weighted total, 0-100"},
      {"depth_score", true, 0.0, 100.0, "depth criterion score"},
      {"coverage_score", true, 0.0, 100.0, "coverage criterion score"},
      {"technique_score", true, 0.0, 100.0, "technique criterion score"},
      {"screening_score", true, 0.0, 100.0, "screening criterion score"},
      {"aftercare_score", true, 0.0, 100.0, "aftercare criterion score"},
      {"coverage_fraction", true, 0.0, 1.0, "share of stretch-mark area at the target density"},
      {"depth_on_target_fraction", true, 0.0, 1.0, "share of punctures in the marks that reached the target layers"},
      {"tilt_in_band_fraction", true, 0.0, 1.0, "share of treating time within the tilt tolerance"},
      {"force_in_band_fraction", true, 0.0, 1.0, "share of treating time within the force band"},
      {"speed_in_band_fraction", true, 0.0, 1.0, "share of treating time within the speed band"},
      {"drag_events", false, 0.0, inf, "dragging events"},
      {"dwell_events", false, 0.0, inf, "dwelling events"},
      {"time_taken_s", false, 0.0, inf, "procedure time, first to last pen command"},
      {"screening_errors", false, 0.0, inf, "findings missed + false alarms + a wrong decision"},
  };
  return specs;
}

const MetricSpec* find_metric(std::string_view id) {
  for (const auto& m : benchmark_metrics())
    if (m.id == id) return &m;
  return nullptr;
}

std::map<std::string, double> grade_extra_metrics(const scenario::Grade& g) {
  std::map<std::string, double> out;
  if (g.metrics) {
    const scenario::ProcedureMetrics& m = *g.metrics;
    out["coverage_fraction"] = share(m.coverage_fraction);
    if (const auto* depth = criterion(g, scenario::CriterionId::depth))
      out["depth_on_target_fraction"] = share(evidence(*depth, "fraction_in_target_layers"));
    out["tilt_in_band_fraction"] = share(1.0 - m.tilt_over_fraction);
    out["force_in_band_fraction"] = share(1.0 - m.force_low_fraction - m.force_high_fraction);
    out["speed_in_band_fraction"] = share(1.0 - m.speed_out_fraction);
    out["drag_events"] = m.drag_events;
    out["dwell_events"] = m.dwell_events;
    out["time_taken_s"] = static_cast<double>(m.steps) * physics::Simulator::dt_s;
  }
  if (const auto* s = criterion(g, scenario::CriterionId::screening)) {
    const double missed = std::max(0.0, evidence(*s, "findings_expected") - evidence(*s, "findings_identified"));
    out["screening_errors"] = missed + evidence(*s, "false_alarms") + (1.0 - evidence(*s, "decision_correct", 1.0));
  }
  return out;
}

std::map<std::string, double> grade_metric_values(const scenario::Grade& g) {
  std::map<std::string, double> out = grade_extra_metrics(g);
  out["total"] = g.total;
  for (const auto& c : g.criteria)
    if (c.applicable) out[std::string(scenario::criterion_name(c.id)) + "_score"] = c.score;
  return out;
}

bool MetricBenchmark::met_by(double value) const {
  const double tolerance = 1e-9 * std::max(1.0, std::abs(benchmark));
  return higher_is_better ? value >= benchmark - tolerance : value <= benchmark + tolerance;
}

const MetricBenchmark* Benchmark::find(std::string_view metric) const {
  for (const auto& m : metrics)
    if (m.metric == metric) return &m;
  return nullptr;
}

Benchmark build_benchmark(const std::string& scenario_id, const std::string& scenario_hash,
                          const std::vector<scenario::Grade>& expert_grades,
                          const std::vector<std::string>& recording_names) {
  if (static_cast<int>(expert_grades.size()) < min_expert_recordings)
    throw std::invalid_argument("a benchmark needs at least " + std::to_string(min_expert_recordings) +
                                " expert recordings of the case, got " + std::to_string(expert_grades.size()));
  std::vector<std::map<std::string, double>> values;
  for (const auto& g : expert_grades) values.push_back(grade_metric_values(g));
  Benchmark b;
  b.scenario_id = scenario_id;
  b.scenario_hash = scenario_hash;
  b.recordings = recording_names;
  for (const auto& spec : benchmark_metrics()) {
    std::vector<double> xs;
    for (const auto& v : values)
      if (auto it = v.find(std::string(spec.id)); it != v.end()) xs.push_back(it->second);
    if (static_cast<int>(xs.size()) < min_expert_recordings) continue;
    MetricBenchmark mb;
    mb.metric = std::string(spec.id);
    mb.higher_is_better = spec.higher_is_better;
    mb.n = static_cast<int>(xs.size());
    double sum = 0.0;
    for (double x : xs) sum += x;
    mb.mean = sum / mb.n;
    double ss = 0.0;
    for (double x : xs) ss += (x - mb.mean) * (x - mb.mean);
    mb.sd = std::sqrt(ss / (mb.n - 1));
    const double bar = spec.higher_is_better ? mb.mean - benchmark_sd_multiple * mb.sd
                                             : mb.mean + benchmark_sd_multiple * mb.sd;
    mb.benchmark = std::clamp(bar, spec.min, spec.max);
    b.metrics.push_back(mb);
  }
  return b;
}

std::string benchmark_json(const Benchmark& b) {
  scenario::JsonWriter w;
  w.begin_object().field("dermasim_benchmark", benchmark_format_version);
  w.field("scenario_id", b.scenario_id).field("scenario_hash", b.scenario_hash);
  if (!b.created_utc.empty()) w.field("created_utc", b.created_utc);
  w.key("recordings").begin_array();
  for (const auto& r : b.recordings) w.value(r);
  w.end_array();
  w.key("metrics").begin_object();
  for (const auto& m : b.metrics) {
    w.key(m.metric).begin_object().field("better", m.higher_is_better ? "higher" : "lower").field("n", m.n);
    w.key("mean").exact(m.mean).key("sd").exact(m.sd).key("benchmark").exact(m.benchmark).end_object();
  }
  w.end_object().end_object();
  return w.str() + "\n";
}

namespace {

[[noreturn]] void bad(const std::string& name, const JsonValue& v, const std::string& what) {
  throw JsonError(name + ": byte " + std::to_string(v.byte) + ": " + what);
}

const JsonValue& member(const std::string& name, const JsonValue& obj, const std::string& key) {
  const JsonValue* v = obj.find(key);
  if (!v) bad(name, obj, "missing \"" + key + "\"");
  return *v;
}

std::string text_member(const std::string& name, const JsonValue& obj, const std::string& key) {
  const JsonValue& v = member(name, obj, key);
  if (!v.string() || v.string()->empty()) bad(name, v, "\"" + key + "\" must be a non-empty string");
  return *v.string();
}

double number_member(const std::string& name, const JsonValue& obj, const std::string& key) {
  const JsonValue& v = member(name, obj, key);
  if (!v.number()) bad(name, v, "\"" + key + "\" must be a number");
  return *v.number();
}

}  // namespace

Benchmark parse_benchmark(const std::string& text, const std::string& name) {
  const JsonValue doc = parse_json(text, name);
  if (!doc.object()) bad(name, doc, "a benchmark file is a JSON object");
  const JsonValue& version = member(name, doc, "dermasim_benchmark");
  if (!version.number() || *version.number() != benchmark_format_version)
    bad(name, version, "\"dermasim_benchmark\" must be " + std::to_string(benchmark_format_version));
  Benchmark b;
  b.scenario_id = text_member(name, doc, "scenario_id");
  b.scenario_hash = text_member(name, doc, "scenario_hash");
  if (const JsonValue* c = doc.find("created_utc"); c && c->string()) b.created_utc = *c->string();
  if (const JsonValue* r = doc.find("recordings"); r && r->array())
    for (const auto& e : *r->array())
      if (e.string()) b.recordings.push_back(*e.string());
  const JsonValue& metrics = member(name, doc, "metrics");
  if (!metrics.object() || metrics.object()->empty()) bad(name, metrics, "\"metrics\" must be a non-empty object");
  for (const auto& [key, v] : *metrics.object()) {
    const MetricSpec* spec = find_metric(key);
    if (!spec) bad(name, v, "unknown metric \"" + key + "\"");
    if (!v.object()) bad(name, v, "metric \"" + key + "\" must be an object");
    if (b.find(key)) bad(name, v, "metric \"" + key + "\" appears twice");
    MetricBenchmark m;
    m.metric = key;
    m.higher_is_better = spec->higher_is_better;
    const JsonValue& better = member(name, v, "better");
    if (!better.string() || *better.string() != (spec->higher_is_better ? "higher" : "lower"))
      bad(name, better, "\"better\" of " + key + " must be \"" + (spec->higher_is_better ? "higher" : "lower") + "\"");
    const double n = number_member(name, v, "n");
    if (n < min_expert_recordings || n != std::floor(n) || n > 1e9)
      bad(name, member(name, v, "n"), "\"n\" must be a whole number of at least " + std::to_string(min_expert_recordings));
    m.n = static_cast<int>(n);
    m.mean = number_member(name, v, "mean");
    m.sd = number_member(name, v, "sd");
    m.benchmark = number_member(name, v, "benchmark");
    if (m.sd < 0.0) bad(name, member(name, v, "sd"), "\"sd\" must not be negative");
    if (m.benchmark < spec->min || m.benchmark > spec->max)
      bad(name, member(name, v, "benchmark"), "\"benchmark\" of " + key + " is outside its range");
    b.metrics.push_back(m);
  }
  return b;
}

}  // namespace dermasim::record
