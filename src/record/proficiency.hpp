#pragma once
// Proficiency and learning curves from the progress database.
//
// Proficient (after LAP Mentor's rule and Gallagher's proficiency-based
// progression): two consecutive completed attempts on a case that each pass,
// make no critical error and meet every metric of the case's standing expert
// benchmark. Interrupted attempts are skipped, they neither count nor break a
// run. Proficiency, once reached, stays reached; relapse shows on the CUSUM.
//
// CUSUM: the Bernoulli learning-curve CUSUM of Williams et al. (BMJ 1992;
// 304:1359) as set out for trainees by Bolsin and Colson (Int J Qual Health
// Care 2000;12:433). With acceptable failure rate p0 and unacceptable p1,
// P = ln(p1/p0), Q = ln((1-p0)/(1-p1)), s = Q/(P+Q); each success subtracts s,
// each failure adds 1-s. The decision limits are h1 = ln((1-beta)/alpha)/(P+Q)
// (crossing it upwards: the failure rate is unacceptable) and
// h0 = -ln((1-alpha)/beta)/(P+Q) (crossing it downwards: acceptable).
// A failure here is a completed attempt that is not passed, has a critical
// error, or (when the case has a benchmark) misses any benchmark metric.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "record/benchmark.hpp"
#include "record/benchmark_store.hpp"
#include "record/progress_db.hpp"

namespace dermasim::record {

struct CusumSettings {
  double acceptable_rate = 0.05;    // p0, the and Bolsin's default
  double unacceptable_rate = 0.15;  // p1
  double alpha = 0.05;              // type I error: wrongly calling acceptable performance unacceptable
  double beta = 0.20;               // type II error
  /// Empty when the settings are usable, else why not.
  std::string problem() const;
};

struct CusumChart {
  double s = 0.0;       // subtracted per success
  double h0 = 0.0;      // lower decision limit (negative)
  double h1 = 0.0;      // upper decision limit
  std::vector<double> values;  // after each attempt
  /// "unacceptable" when the last value is at or over h1, "acceptable" at or
  /// under h0, else "undecided".
  std::string signal;
};

/// Throws std::invalid_argument for settings with a problem().
CusumChart cusum(const std::vector<bool>& failures, const CusumSettings& settings);

struct AttemptJudgement {
  std::string attempt_uuid;
  std::string started_utc;
  double total = 0.0;
  bool passed = false;
  int critical_errors = 0;
  bool meets_benchmark = false;  // every metric met (false when the case has no benchmark)
  std::vector<std::string> short_of;  // metrics below their benchmark (or not recorded)
  bool failure = false;  // for the CUSUM (see above)
  std::map<std::string, double> metrics;
};

struct ProficiencyRow {
  std::string trainee;
  std::string scenario_id;
  std::optional<StoredBenchmark> benchmark;
  int attempts = 0;  // completed
  std::optional<int> attempts_to_proficiency;  // 1-based count of completed attempts when reached
  bool proficient = false;
  std::vector<std::string> short_of;  // of the latest completed attempt
  std::vector<AttemptJudgement> history;  // completed attempts, oldest first
  std::optional<double> pass_mark;        // the latest completed attempt's
  CusumChart cusum;
};

/// Judges one attempt against a benchmark (nullptr: none set).
AttemptJudgement judge_attempt(const AttemptRecord& a, const std::map<std::string, double>& stored_metrics,
                               const Benchmark* benchmark);

/// Trainee x case, sorted by trainee then case (filters empty: all). Only
/// attempts that count as `required` (scenario::counts_as) are judged: a
/// course plan's assessment case is reached only by assessment attempts.
std::vector<ProficiencyRow> proficiency(ProgressDb& db, const CusumSettings& settings = {},
                                        const std::string& trainee = {}, const std::string& scenario_id = {},
                                        scenario::Mode required = scenario::Mode::practice);

/// The rows as a JSON array: trainee, scenario_id, attempts,
/// attempts_to_proficiency, proficient, short_of, benchmark_id, cusum, history.
std::string proficiency_json(const std::vector<ProficiencyRow>& rows, const CusumSettings& settings);

/// The `mastered` statement when the attempt just finished (facts) made its
/// trainee proficient on its case; called inside record_attempt_finished.
std::optional<XapiStatement> proficiency_reached_statement(ProgressDb& db, const AttemptFacts& facts,
                                                           const XapiSettings& xapi);

}  // namespace dermasim::record
