// `dermasim simulate` runs a scripted trainee headless through the whole flow
// and writes the session recording; `dermasim grade` grades a recording.
#include <cerrno>
#include <cstring>
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <vector>
#include <fstream>
#include <memory>
#include <string>

#include "app/cli_args.hpp"
#include "app/verbs_course.hpp"
#include "app/verbs_scenario.hpp"
#include "record/csv.hpp"
#include "record/recording.hpp"
#include "scenario/outcome_report.hpp"
#include "scenario/report.hpp"
#include "scenario/scenario_loader.hpp"
#include "scenario/scripted_attempt.hpp"

namespace dermasim::app {
namespace {

std::string required(std::span<const std::string_view> args, std::string_view flag, const char* usage) {
  const auto v = option(args, flag);
  if (!v) throw std::invalid_argument(std::string("missing ") + std::string(flag) + "\nusage: " + usage);
  return std::string(*v);
}

std::shared_ptr<const scenario::Scenario> load_or_report(const std::string& path) {
  auto load = scenario::load_scenario_file(path);
  for (const auto& e : load.errors) std::fprintf(stderr, "%s\n", e.str().c_str());
  if (!load.scenario) return nullptr;
  return std::make_shared<const scenario::Scenario>(std::move(*load.scenario));
}

// Written beside the target and renamed into place: a full disk leaves no
// half-written report (nor a .partial file) behind, and says why.
void write_text(const std::string& path, const std::string& text) {
  const std::string tmp = path + ".partial";
  std::error_code ec;
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) throw std::runtime_error(path + ": cannot write: " + std::strerror(errno));
    out << text;
    out.flush();
    if (!out) {
      const std::string why = std::strerror(errno);
      out.close();
      std::filesystem::remove(tmp, ec);
      throw std::runtime_error(path + ": writing failed: " + why);
    }
  }
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::filesystem::remove(tmp, ec);
    throw std::runtime_error(path + ": cannot move into place: " + ec.message());
  }
}

// Batch grading: one CSV row per recording in a folder. Each recording's
// scenario is the given file, or <id>.yaml in the given folder.
int grade_folder(const std::string& scenario_arg, const std::string& folder, std::span<const std::string_view> args) {
  namespace fs = std::filesystem;
  std::vector<fs::path> recordings;
  for (const auto& e : fs::directory_iterator(folder))
    if (e.is_regular_file() && e.path().extension() == ".dsrec") recordings.push_back(e.path());
  std::sort(recordings.begin(), recordings.end());
  std::string csv = "recording,scenario,trainee,started_utc,status,total,passed,depth,coverage,technique,screening,"
                    "aftercare,critical_errors,error\n";
  int failures = 0;
  std::map<std::string, std::shared_ptr<const scenario::Scenario>> cache;
  for (const auto& path : recordings) {
    std::string row = record::csv_field(path.filename().string());
    try {
      const record::Recording rec = record::read_recording(path.string());
      const std::string file =
          fs::is_directory(scenario_arg) ? (fs::path(scenario_arg) / (rec.scenario_id + ".yaml")).string() : scenario_arg;
      if (!cache.count(file)) cache[file] = load_or_report(file);
      const auto& s = cache[file];
      if (!s) throw std::runtime_error(file + ": the scenario does not load");
      if (s->id != rec.scenario_id) throw std::runtime_error("recorded on scenario " + rec.scenario_id);
      const scenario::Grade g = scenario::grade_attempt(*s, rec.answers, rec.commands);
      char total[32];
      std::snprintf(total, sizeof total, "%.2f", g.total);
      row += "," + record::csv_field(s->id) + "," + record::csv_field(rec.trainee) + "," + record::csv_field(rec.started_utc) + "," +
             (rec.completed ? "completed" : "interrupted") + "," + total + "," + (g.passed ? "true" : "false");
      for (const auto& c : g.criteria) {
        char score[32];
        std::snprintf(score, sizeof score, "%.1f", c.score);
        row += "," + std::string(c.applicable ? score : "");
      }
      std::string critical;
      for (const auto& c : g.critical_errors) critical += (critical.empty() ? "" : ";") + std::string(c.name());
      row += "," + record::csv_field(critical) + ",";
    } catch (const std::exception& e) {
      ++failures;
      row += ",,,,,,,,,,,,," + record::csv_field(e.what());
      std::fprintf(stderr, "%s\n", e.what());
    }
    csv += row + "\n";
  }
  if (const auto out = option(args, "--csv")) {
    write_text(std::string(*out), csv);
    std::printf("%zu recording(s) graded into %.*s, %d could not be graded\n", recordings.size(),
                static_cast<int>(out->size()), out->data(), failures);
  } else {
    std::fputs(csv.c_str(), stdout);
  }
  return failures ? 1 : 0;
}

}  // namespace

int run_simulate(std::span<const std::string_view> args) {
  const char* usage = "dermasim simulate --scenario S.yaml --script T.yaml --out SESSION.dsrec";
  const std::string scenario_path = required(args, "--scenario", usage);
  const std::string script_path = required(args, "--script", usage);
  const std::string out_path = required(args, "--out", usage);
  auto s = load_or_report(scenario_path);
  if (!s) return 1;
  if (is_course_script_file(script_path)) return simulate_course(s, scenario_path, script_path, out_path);  // issue 14
  auto script_load = scenario::load_script_file(script_path);
  for (const auto& e : script_load.errors) std::fprintf(stderr, "%s\n", e.str().c_str());
  if (!script_load.script) return 1;
  const auto mismatches = scenario::check_script_against(*script_load.script, *s);
  for (const auto& e : mismatches) std::fprintf(stderr, "%s\n", e.str().c_str());
  if (!mismatches.empty()) return 1;

  const scenario::AttemptResult result = scenario::run_scripted_attempt(s, *script_load.script);
  record::Recording rec;
  rec.scenario_id = s->id;
  rec.scenario_hash = s->source_hash;
  rec.scenario_file = scenario_path;
  rec.trainee = script_load.script->trainee.empty() ? script_path : script_load.script->trainee;
  rec.started_utc = record::utc_now_iso8601();
  rec.answers = result.answers;
  rec.commands = result.commands;
  rec.final_state_hash = result.final_state_hash;
  rec.grade_total = result.grade.total;
  rec.passed = result.grade.passed;
  record::write_recording(rec, out_path);
  std::printf("%s: %zu steps (%.1f s), %s, total %.1f: %s\n", out_path.c_str(), rec.commands.size(),
              static_cast<double>(rec.commands.size()) / 1000.0,
              std::string(scenario::decision_name(result.answers.consultation->decision)).c_str(), result.grade.total,
              result.grade.passed ? "passed" : "not passed");
  return 0;
}

int run_grade(std::span<const std::string_view> args) {
  const char* usage =
      "dermasim grade --scenario S.yaml --session R.dsrec [--json F] [--html F]\n"
      "       dermasim grade --scenario S.yaml|SCENARIO_DIR --session RECORDING_DIR [--csv F]";
  const std::string scenario_path = required(args, "--scenario", usage);
  const std::string session_path = required(args, "--session", usage);
  if (std::filesystem::is_directory(session_path)) return grade_folder(scenario_path, session_path, args);
  auto s = load_or_report(scenario_path);
  if (!s) return 1;
  if (is_course_recording_file(session_path)) return grade_course_recording(s, session_path, args);  // issue 14
  const record::Recording rec = record::read_recording(session_path);
  if (rec.scenario_id != s->id) {
    std::fprintf(stderr, "%s: error: the recording is of scenario '%s', not '%s'\n", session_path.c_str(),
                 rec.scenario_id.c_str(), s->id.c_str());
    return 1;
  }
  if (rec.scenario_hash != s->source_hash)
    std::fprintf(stderr, "%s: warning: %s changed since this attempt (hash %s, now %s); grading against the "
                 "current file\n", session_path.c_str(), scenario_path.c_str(), rec.scenario_hash.c_str(),
                 s->source_hash.c_str());
  const scenario::Grade g = scenario::grade_attempt(*s, rec.answers, rec.commands);
  std::fputs(scenario::grade_text(g).c_str(), stdout);
  if (const auto json = option(args, "--json")) write_text(std::string(*json), scenario::grade_json(g));
  if (const auto html = option(args, "--html"))
    write_text(std::string(*html), scenario::grade_html(g, *s, scenario::outcome_html_section(*s, rec.answers, rec.commands,
                                                                                            scenario::outcome_seed(rec.final_state_hash))));
  return 0;
}

}  // namespace dermasim::app
