#pragma once
// Expert benchmarks for proficiency-based progression (Gallagher et al.,
// "Virtual reality simulation for the operating room: proficiency-based
// training as a paradigm shift in surgical skills training", Ann Surg 2005;
// Mazzone et al., Ann Surg 2021, meta-analysis of 12 RCTs). Experts attempt a
// case in the simulator like anyone else; each metric's benchmark is their
// mean less 2 SD where more is better, their mean plus 2 SD for an error count
// or a time, clipped to the metric's range.
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scenario/grading.hpp"

namespace dermasim::record {

/// Fewer expert attempts give no usable spread.
inline constexpr int min_expert_recordings = 3;
/// How many expert SDs below (above) the mean the bar sits.
inline constexpr double benchmark_sd_multiple = 2.0;
/// Benchmark file format version ("dermasim_benchmark": 1).
inline constexpr int benchmark_format_version = 1;

struct MetricSpec {
  std::string_view id;
  bool higher_is_better = true;
  double min = 0.0;
  double max = std::numeric_limits<double>::infinity();
  std::string_view what;  // for the README and --help
};

/// Every metric a benchmark can hold, in report order.
const std::vector<MetricSpec>& benchmark_metrics();
const MetricSpec* find_metric(std::string_view id);

/// The metrics a grade reports: total and each applicable criterion score
/// (`<criterion>_score`), and, when a procedure was done, coverage, depth on
/// target, the in-band shares of tilt, force and speed, drag and dwell events
/// and time taken; always screening errors.
std::map<std::string, double> grade_metric_values(const scenario::Grade& g);
/// The part of grade_metric_values that the attempts tables do not already
/// hold (everything but total and the criterion scores): stored per attempt.
std::map<std::string, double> grade_extra_metrics(const scenario::Grade& g);

struct MetricBenchmark {
  std::string metric;
  bool higher_is_better = true;
  int n = 0;
  double mean = 0.0;
  double sd = 0.0;      // sample SD (n - 1)
  double benchmark = 0.0;
  /// Whether a value meets the bar (a tolerance of 1e-9 of the value's scale
  /// keeps an expert's own identical attempts at it).
  bool met_by(double value) const;
};

struct Benchmark {
  std::string id;  // name-based UUID of the file's bytes, set on import
  std::string scenario_id;
  std::string scenario_hash;
  std::string created_utc;
  std::vector<std::string> recordings;  // file names, for the record
  std::vector<MetricBenchmark> metrics;
  const MetricBenchmark* find(std::string_view metric) const;
};

/// Throws std::invalid_argument with fewer than min_expert_recordings grades.
/// A metric reported by fewer than that many of the grades is left out.
Benchmark build_benchmark(const std::string& scenario_id, const std::string& scenario_hash,
                          const std::vector<scenario::Grade>& expert_grades,
                          const std::vector<std::string>& recording_names = {});

std::string benchmark_json(const Benchmark& b);
/// Reads a benchmark file. Throws JsonError ("name: byte N: ...") for bad
/// JSON or a field of the wrong kind, naming the byte of the offending value.
Benchmark parse_benchmark(const std::string& text, const std::string& name);

}  // namespace dermasim::record
