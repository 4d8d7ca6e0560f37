// `dermasim replay --session R [--scenario S] [--verify]`: re-simulates a
// recording headless. With --verify it checks that the final tissue state and
// the grade match what was recorded, and that the scenario has not changed.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>

#include "app/cli_args.hpp"
#include "app/verbs_course.hpp"
#include "app/verbs_scenario.hpp"
#include "record/recording.hpp"
#include "scenario/grading.hpp"
#include "scenario/scenario_loader.hpp"

namespace dermasim::app {

int run_replay(std::span<const std::string_view> args) {
  const auto session = option(args, "--session");
  if (!session) {
    std::fprintf(stderr, "usage: dermasim replay --session R.dsrec [--scenario S.yaml] [--verify]\n");
    return 2;
  }
  const bool verify = std::find(args.begin(), args.end(), "--verify") != args.end();
  const std::string session_path(*session);
  if (is_course_recording_file(session_path)) return replay_course_recording(session_path, args);  // issue 14
  const record::Recording rec = record::read_recording(session_path);
  const std::string scenario_path = option(args, "--scenario") ? std::string(*option(args, "--scenario")) : rec.scenario_file;
  if (scenario_path.empty() || !std::filesystem::exists(scenario_path)) {
    std::fprintf(stderr, "%s: error: the scenario file '%s' is not there; pass --scenario\n", session_path.c_str(),
                 scenario_path.c_str());
    return 1;
  }
  const auto load = scenario::load_scenario_file(scenario_path);
  for (const auto& e : load.errors) std::fprintf(stderr, "%s\n", e.str().c_str());
  if (!load.scenario) return 1;
  const scenario::Scenario& s = *load.scenario;
  if (rec.scenario_id != s.id) {
    std::fprintf(stderr, "%s: error: recorded on scenario '%s', not '%s'\n", session_path.c_str(),
                 rec.scenario_id.c_str(), s.id.c_str());
    return 1;
  }
  const scenario::Grade g = scenario::grade_attempt(s, rec.answers, rec.commands);
  const std::uint64_t final_hash = g.metrics ? g.metrics->final_state_hash : 0;
  std::printf("%s: %s, %zu steps (%.1f s), %s; re-simulated total %.2f (%s), state %016llx\n", session_path.c_str(),
              s.id.c_str(), rec.commands.size(), static_cast<double>(rec.commands.size()) / 1000.0,
              rec.completed ? "completed" : "interrupted", g.total, g.passed ? "passed" : "not passed",
              static_cast<unsigned long long>(final_hash));
  if (!verify) return 0;

  int problems = 0;
  if (rec.scenario_hash != s.source_hash) {
    std::fprintf(stderr, "%s: error: %s changed since this attempt was recorded (hash %s, now %s)\n",
                 session_path.c_str(), scenario_path.c_str(), rec.scenario_hash.c_str(), s.source_hash.c_str());
    ++problems;
  }
  if (final_hash != rec.final_state_hash) {
    std::fprintf(stderr, "%s: error: the final tissue state differs: recorded %016llx, re-simulated %016llx\n",
                 session_path.c_str(), static_cast<unsigned long long>(rec.final_state_hash),
                 static_cast<unsigned long long>(final_hash));
    ++problems;
  }
  if (std::abs(g.total - rec.grade_total) > 1e-9 || g.passed != rec.passed) {
    std::fprintf(stderr, "%s: error: the grade differs: recorded %.4f (%s), re-graded %.4f (%s)\n",
                 session_path.c_str(), rec.grade_total, rec.passed ? "passed" : "not passed", g.total,
                 g.passed ? "passed" : "not passed");
    ++problems;
  }
  if (problems) return 1;
  std::printf("verified: the state and the grade match the recording\n");
  return 0;
}

}  // namespace dermasim::app
