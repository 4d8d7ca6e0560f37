#include "record/proficiency.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <tuple>
#include <stdexcept>

#include "record/benchmark_store.hpp"
#include "scenario/json_writer.hpp"

namespace dermasim::record {
namespace {
// JsonWriter writes a non-finite number as null.
constexpr double json_null = std::numeric_limits<double>::quiet_NaN();
}  // namespace

std::string CusumSettings::problem() const {
  const auto open_unit = [](double v) { return v > 0.0 && v < 1.0; };
  if (!open_unit(acceptable_rate) || !open_unit(unacceptable_rate))
    return "the acceptable and unacceptable failure rates must be between 0 and 1 (exclusive)";
  if (!(unacceptable_rate > acceptable_rate)) return "the unacceptable failure rate must exceed the acceptable one";
  if (!open_unit(alpha) || !open_unit(beta) || alpha + beta >= 1.0)
    return "alpha and beta must be between 0 and 1 with alpha + beta < 1";
  return {};
}

CusumChart cusum(const std::vector<bool>& failures, const CusumSettings& c) {
  if (const std::string p = c.problem(); !p.empty()) throw std::invalid_argument("CUSUM: " + p);
  const double p0 = c.acceptable_rate, p1 = c.unacceptable_rate;
  const double P = std::log(p1 / p0);
  const double Q = std::log((1.0 - p0) / (1.0 - p1));
  CusumChart out;
  out.s = Q / (P + Q);
  out.h1 = std::log((1.0 - c.beta) / c.alpha) / (P + Q);
  out.h0 = -std::log((1.0 - c.alpha) / c.beta) / (P + Q);
  double sum = 0.0;
  for (bool failed : failures) {
    sum += failed ? 1.0 - out.s : -out.s;
    out.values.push_back(sum);
  }
  out.signal = sum >= out.h1 ? "unacceptable" : sum <= out.h0 ? "acceptable" : "undecided";
  return out;
}

AttemptJudgement judge_attempt(const AttemptRecord& a, const std::map<std::string, double>& stored,
                               const Benchmark* benchmark) {
  AttemptJudgement j;
  j.attempt_uuid = a.uuid;
  j.started_utc = a.started_utc;
  j.total = a.total.value_or(0.0);
  j.passed = a.passed.value_or(false);
  j.critical_errors = static_cast<int>(a.critical_errors.size());
  j.metrics = stored;
  j.metrics["total"] = j.total;
  for (const auto& c : a.criteria)
    if (c.applicable) j.metrics[c.criterion + "_score"] = c.score;
  if (benchmark) {
    for (const auto& m : benchmark->metrics) {
      const auto it = j.metrics.find(m.metric);
      // A metric the attempt does not report (an attempt stored before
      // migration 4, or one that skipped the procedure) cannot meet the bar.
      if (it == j.metrics.end() || !m.met_by(it->second)) j.short_of.push_back(m.metric);
    }
    j.meets_benchmark = j.short_of.empty();
  }
  j.failure = !j.passed || j.critical_errors > 0 || (benchmark && !j.meets_benchmark);
  return j;
}

std::vector<ProficiencyRow> proficiency(ProgressDb& db, const CusumSettings& settings, const std::string& trainee,
                                        const std::string& scenario_id, scenario::Mode required) {
  if (const std::string p = settings.problem(); !p.empty()) throw std::invalid_argument("CUSUM: " + p);
  std::vector<ProficiencyRow> rows;
  std::map<std::pair<std::string, std::string>, std::size_t> index;
  for (const AttemptRecord& a : db.attempts(trainee, scenario_id)) {
    const auto key = std::make_pair(a.trainee, a.scenario_id);
    auto it = index.find(key);
    if (it == index.end()) {
      ProficiencyRow r;
      r.trainee = a.trainee;
      r.scenario_id = a.scenario_id;
      r.benchmark = current_benchmark(db.sqlite(), a.scenario_id);
      it = index.emplace(key, rows.size()).first;
      rows.push_back(std::move(r));
    }
    ProficiencyRow& r = rows[it->second];
    if (a.status != AttemptStatus::completed || !scenario::counts_as(a.mode, required)) continue;
    if (a.pass_mark) r.pass_mark = a.pass_mark;
    r.history.push_back(judge_attempt(a, stored_attempt_metrics(db.sqlite(), a.uuid),
                                      r.benchmark ? &r.benchmark->benchmark : nullptr));
  }
  for (ProficiencyRow& r : rows) {
    r.attempts = static_cast<int>(r.history.size());
    std::vector<bool> failures;
    for (std::size_t i = 0; i < r.history.size(); ++i) {
      failures.push_back(r.history[i].failure);
      const auto ok = [&](std::size_t k) {
        const AttemptJudgement& j = r.history[k];
        return j.passed && j.critical_errors == 0 && j.meets_benchmark;
      };
      if (!r.attempts_to_proficiency && i >= 1 && ok(i - 1) && ok(i)) r.attempts_to_proficiency = static_cast<int>(i + 1);
    }
    r.proficient = r.attempts_to_proficiency.has_value();
    if (!r.history.empty()) r.short_of = r.history.back().short_of;
    r.cusum = cusum(failures, settings);
  }
  std::sort(rows.begin(), rows.end(), [](const ProficiencyRow& x, const ProficiencyRow& y) {
    return std::tie(x.trainee, x.scenario_id) < std::tie(y.trainee, y.scenario_id);
  });
  return rows;
}

std::string proficiency_json(const std::vector<ProficiencyRow>& rows, const CusumSettings& settings) {
  scenario::JsonWriter w;
  w.begin_array();
  for (const ProficiencyRow& r : rows) {
    w.begin_object().field("trainee", r.trainee).field("scenario_id", r.scenario_id).field("attempts", r.attempts);
    w.key("attempts_to_proficiency");
    if (r.attempts_to_proficiency) w.value(*r.attempts_to_proficiency);
    else w.value(json_null);
    w.field("proficient", r.proficient);
    w.key("short_of").begin_array();
    for (const auto& m : r.short_of) w.value(m);
    w.end_array();
    w.key("benchmark_id");
    if (r.benchmark) w.value(r.benchmark->benchmark.id);
    else w.value(json_null);
    w.key("cusum").begin_object().field("acceptable_rate", settings.acceptable_rate);
    w.field("unacceptable_rate", settings.unacceptable_rate).field("alpha", settings.alpha).field("beta", settings.beta);
    w.field("s", r.cusum.s).field("h0", r.cusum.h0).field("h1", r.cusum.h1).field("signal", r.cusum.signal);
    w.key("values").begin_array();
    for (double v : r.cusum.values) w.value(v);
    w.end_array().end_object();
    w.key("history").begin_array();
    for (const AttemptJudgement& j : r.history) {
      w.begin_object().field("attempt_uuid", j.attempt_uuid).field("started_utc", j.started_utc);
      w.field("total", j.total).field("passed", j.passed).field("critical_errors", j.critical_errors);
      w.field("meets_benchmark", j.meets_benchmark).field("failure", j.failure);
      w.key("short_of").begin_array();
      for (const auto& m : j.short_of) w.value(m);
      w.end_array().end_object();
    }
    w.end_array().end_object();
  }
  w.end_array();
  return w.str() + "\n";
}

}  // namespace dermasim::record

namespace dermasim::record {

std::optional<XapiStatement> proficiency_reached_statement(ProgressDb& db, const AttemptFacts& facts,
                                                           const XapiSettings& xapi) {
  if (!facts.completed) return std::nullopt;
  for (const ProficiencyRow& r : proficiency(db, {}, facts.trainee, facts.scenario_id)) {
    if (r.trainee != facts.trainee || r.scenario_id != facts.scenario_id || !r.proficient || !r.benchmark) continue;
    // Only the attempt that reached it: later attempts do not say it again.
    if (r.history.empty() || r.history.back().attempt_uuid != facts.attempt_uuid ||
        *r.attempts_to_proficiency != r.attempts)
      continue;
    return proficiency_statement(facts, r.benchmark->benchmark.id, r.attempts, xapi);
  }
  return std::nullopt;
}

}  // namespace dermasim::record
