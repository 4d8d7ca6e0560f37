#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>

#include "app/cli_args.hpp"
#include "app/verbs_course.hpp"
#include "record/course_recording.hpp"
#include "record/recorded_course.hpp"
#include "scenario/course_attempt.hpp"
#include "scenario/input_limits.hpp"
#include "scenario/scenario_loader.hpp"
#include "scenario/text_file.hpp"

namespace dermasim::app {
namespace {

bool check_ids(const std::shared_ptr<const scenario::Scenario>& s, const record::CourseRecording& rec,
               const std::string& path) {
  const std::string wrong = record::visit_of_other_case(rec, s->id);
  if (!wrong.empty()) std::fprintf(stderr, "%s: error: %s\n", path.c_str(), wrong.c_str());
  return wrong.empty();
}

}  // namespace

bool is_course_script_file(const std::string& path) {
  auto bytes = scenario::read_bounded_file(path, scenario::max_yaml_file_bytes, "a script");
  return bytes.index() == 0 && scenario::is_course_script_text(std::get<0>(bytes));
}

bool is_course_recording_file(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return false;
  std::string head(8, '\0');
  const std::size_t n = std::fread(head.data(), 1, head.size(), f);
  std::fclose(f);
  head.resize(n);
  return record::is_course_recording(head);
}

int simulate_course(const std::shared_ptr<const scenario::Scenario>& s, const std::string& scenario_path,
                    const std::string& script_path, const std::string& out_path) {
  auto load = scenario::load_course_script_file(script_path);
  for (const auto& e : load.errors) std::fprintf(stderr, "%s\n", e.str().c_str());
  if (!load.script) return 1;
  const auto mismatches = scenario::check_course_script_against(*load.script, *s);
  for (const auto& e : mismatches) std::fprintf(stderr, "%s\n", e.str().c_str());
  if (!mismatches.empty()) return 1;
  const scenario::PlayedCourse played = scenario::play_course_script(s, *load.script);
  const scenario::CourseGrade g = scenario::grade_course(s, played);
  record::CourseRecording rec;
  const std::string trainee = load.script->trainee.empty() ? script_path : load.script->trainee;
  for (const auto& v : played.visits) {
    record::RecordedVisit rv;
    rv.attempt.scenario_id = s->id;
    rv.attempt.scenario_hash = s->source_hash;
    rv.attempt.scenario_file = scenario_path;
    rv.attempt.trainee = trainee;
    rv.attempt.started_utc = record::utc_now_iso8601();
    rv.attempt.answers = v.attempt.answers;
    rv.attempt.commands = v.attempt.commands;
    rv.attempt.final_state_hash = v.attempt.final_state_hash;
    rv.attempt.grade_total = v.grade.total;
    rv.attempt.passed = v.grade.passed;
    rv.return_in_weeks = v.attempt.return_in_weeks;
    rec.visits.push_back(std::move(rv));
  }
  rec.course_total = g.total;
  rec.course_passed = g.passed;
  record::write_course_recording(rec, out_path);
  std::printf("%s: a course of %zu visit(s), %d session(s), total %.1f: %s\n", out_path.c_str(), rec.visits.size(),
              g.outcome.treatments, g.total, g.passed ? "passed" : "not passed");
  return 0;
}

int grade_course_recording(const std::shared_ptr<const scenario::Scenario>& s, const std::string& session_path,
                           std::span<const std::string_view> args) {
  const record::CourseRecording rec = record::read_course_recording(session_path);
  if (!check_ids(s, rec, session_path)) return 1;
  if (rec.visits.front().attempt.scenario_hash != s->source_hash)
    std::fprintf(stderr, "%s: warning: the scenario changed since this course was recorded; grading against the current file\n",
                 session_path.c_str());
  const scenario::CourseGrade g = scenario::grade_course(s, record::play_recorded_course(s, rec, session_path));
  std::fputs(scenario::course_grade_text(g).c_str(), stdout);
  if (const auto json = option(args, "--json"))
    record::write_file_atomically(scenario::course_grade_json(g), std::string(*json), "grade");
  return 0;
}

int replay_course_recording(const std::string& session_path, std::span<const std::string_view> args) {
  const bool verify = std::find(args.begin(), args.end(), "--verify") != args.end();
  const record::CourseRecording rec = record::read_course_recording(session_path);
  const std::string scenario_path =
      option(args, "--scenario") ? std::string(*option(args, "--scenario")) : rec.visits.front().attempt.scenario_file;
  if (scenario_path.empty() || !std::filesystem::exists(scenario_path)) {
    std::fprintf(stderr, "%s: error: the scenario file '%s' is not there; pass --scenario\n", session_path.c_str(),
                 scenario_path.c_str());
    return 1;
  }
  auto load = scenario::load_scenario_file(scenario_path);
  for (const auto& e : load.errors) std::fprintf(stderr, "%s\n", e.str().c_str());
  if (!load.scenario) return 1;
  const auto s = std::make_shared<const scenario::Scenario>(std::move(*load.scenario));
  if (!check_ids(s, rec, session_path)) return 1;
  const scenario::PlayedCourse played = record::play_recorded_course(s, rec, session_path);
  const scenario::CourseGrade g = scenario::grade_course(s, played);
  std::printf("%s: %s, a course of %zu visit(s); re-simulated total %.2f (%s)\n", session_path.c_str(), s->id.c_str(),
              rec.visits.size(), g.total, g.passed ? "passed" : "not passed");
  if (!verify) return 0;
  int problems = 0;
  if (rec.visits.front().attempt.scenario_hash != s->source_hash) {
    std::fprintf(stderr, "%s: error: %s changed since this course was recorded\n", session_path.c_str(), scenario_path.c_str());
    ++problems;
  }
  if (played.visits.size() != rec.visits.size()) {
    std::fprintf(stderr, "%s: error: the recording holds %zu visits, the course played %zu\n", session_path.c_str(),
                 rec.visits.size(), played.visits.size());
    ++problems;
  }
  for (std::size_t i = 0; i < std::min(played.visits.size(), rec.visits.size()); ++i) {
    const auto& got = played.visits[i];
    const auto& want = rec.visits[i].attempt;
    const std::uint64_t hash = got.grade.metrics ? got.grade.metrics->final_state_hash : 0;
    if (hash != want.final_state_hash) {
      std::fprintf(stderr, "%s: error: visit %zu: the final tissue state differs\n", session_path.c_str(), i + 1);
      ++problems;
    }
    if (std::abs(got.grade.total - want.grade_total) > 1e-9 || got.grade.passed != want.passed) {
      std::fprintf(stderr, "%s: error: visit %zu: the grade differs: recorded %.4f, re-graded %.4f\n", session_path.c_str(),
                   i + 1, want.grade_total, got.grade.total);
      ++problems;
    }
  }
  if (std::abs(g.total - rec.course_total) > 1e-9 || g.passed != rec.course_passed) {
    std::fprintf(stderr, "%s: error: the course grade differs: recorded %.4f, re-graded %.4f\n", session_path.c_str(),
                 rec.course_total, g.total);
    ++problems;
  }
  if (problems) return 1;
  std::printf("verified: every visit's state and grade and the course grade match the recording\n");
  return 0;
}

}  // namespace dermasim::app
