#pragma once
// What the progress, instructor and replay screens show: plain copies of
// progress-database rows, filled by the app.
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "record/progress_db.hpp"
#include "ui/progress_charts.hpp"
#include "scenario/scenario.hpp"

namespace dermasim::ui {

/// A trainee's history on one scenario.
struct ProgressView {
  std::string trainee;
  std::vector<std::string> scenario_ids;  // the scenarios the trainee has attempted
  std::string scenario_id;                // the one shown
  std::vector<record::AttemptRecord> attempts;  // oldest first
  std::vector<float> totals;                    // completed attempts, oldest first
  std::array<std::vector<float>, scenario::criterion_count> criteria;  // per criterion, same order
  // Issue 15: reference lines, the case's standing expert benchmark, proficiency and the CUSUM.
  std::optional<float> pass_mark;
  std::array<std::optional<float>, scenario::criterion_count> thresholds{};
  std::optional<float> total_benchmark;
  std::array<std::optional<float>, scenario::criterion_count> benchmarks{};
  bool has_benchmark = false;
  bool proficient = false;
  std::optional<int> attempts_to_proficiency;
  std::vector<std::string> short_of;  // the latest attempt's metrics below the benchmark
  CusumView cusum;
};

/// The instructor's cohort view, drill-down and override form.
struct InstructorView {
  std::string instructor;  // empty: instructor mode is off
  std::vector<record::CohortCell> cohort;
  std::string trainee, scenario_id;             // the selected cell
  std::vector<record::AttemptRecord> attempts;  // of the selected cell
  ProgressView curves;  // issue 15: the selected cell's learning curves
  std::optional<record::AttemptRecord> selected;
  float new_total = 0.0f;
  bool new_passed = false;
  std::array<char, 512> reason{};
};

struct ReplayView {
  std::string title;
  bool playing = false;
  float speed = 1.0f;
  double position_s = 0.0, length_s = 0.0;
  std::vector<std::pair<double, std::string>> moments;  // when each mistake began, seconds
};

}  // namespace dermasim::ui
