// `dermasim benchmark`: grades every expert recording in a folder and writes
// the case's expert benchmark (record/benchmark.hpp).
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "app/cli_args.hpp"
#include "app/verbs_proficiency.hpp"
#include "record/benchmark.hpp"
#include "record/recording.hpp"
#include "record/utc_time.hpp"
#include "scenario/scenario_loader.hpp"

namespace dermasim::app {
namespace {
namespace fs = std::filesystem;

constexpr const char* usage = "dermasim benchmark --scenario S.yaml --sessions DIR --out FILE.json";

std::string need(std::span<const std::string_view> args, std::string_view flag) {
  const auto v = option(args, flag);
  if (!v) throw std::invalid_argument("missing " + std::string(flag) + "\nusage: " + usage);
  return std::string(*v);
}

void write_atomically(const std::string& path, const std::string& text) {
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) throw std::runtime_error(path + ": cannot write");
    out << text;
    out.flush();
    if (!out) throw std::runtime_error(path + ": writing failed");
  }
  std::error_code ec;
  fs::rename(tmp, path, ec);
  if (ec) throw std::runtime_error(path + ": cannot write: " + ec.message());
}

}  // namespace

int run_benchmark(std::span<const std::string_view> args) {
  for (std::size_t i = 0; i < args.size(); i += 2)
    if (args[i] != "--scenario" && args[i] != "--sessions" && args[i] != "--out")
      throw std::invalid_argument("unknown option '" + std::string(args[i]) + "'\nusage: " + usage);
  const std::string scenario_path = need(args, "--scenario");
  const std::string dir = need(args, "--sessions");
  const std::string out = need(args, "--out");
  auto load = scenario::load_scenario_file(scenario_path);
  for (const auto& e : load.errors) std::fprintf(stderr, "%s\n", e.str().c_str());
  if (!load.scenario) return 1;
  const scenario::Scenario& s = *load.scenario;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) throw std::runtime_error(dir + ": not a folder of recordings");
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.is_regular_file() && e.path().extension() == ".dsrec") files.push_back(e.path());
  std::sort(files.begin(), files.end());

  std::vector<scenario::Grade> grades;
  std::vector<std::string> names;
  for (const auto& f : files) {
    const record::Recording rec = record::read_recording(f.string());
    // An expert benchmark mixes nothing: every recording must be of this case.
    if (rec.scenario_id != s.id)
      throw std::runtime_error(f.string() + ": recorded on scenario '" + rec.scenario_id + "', not '" + s.id + "'");
    if (!rec.completed) {
      std::fprintf(stderr, "%s: warning: interrupted attempt, left out of the benchmark\n", f.string().c_str());
      continue;
    }
    if (rec.scenario_hash != s.source_hash)
      std::fprintf(stderr, "%s: warning: %s changed since this attempt; graded against the current file\n",
                   f.string().c_str(), scenario_path.c_str());
    grades.push_back(scenario::grade_attempt(s, rec.answers, rec.commands));
    names.push_back(f.filename().string());
  }
  if (static_cast<int>(grades.size()) < record::min_expert_recordings) {
    std::fprintf(stderr,
                 "%s: %zu completed expert recording(s) of '%s'; a benchmark needs at least %d (mean - 2 SD of "
                 "fewer is no bar at all)\n",
                 dir.c_str(), grades.size(), s.id.c_str(), record::min_expert_recordings);
    return 1;
  }
  record::Benchmark b = record::build_benchmark(s.id, s.source_hash, grades, names);
  b.created_utc = record::utc_now();
  write_atomically(out, record::benchmark_json(b));
  std::printf("%s: benchmark of %s from %zu expert recording(s)\n", out.c_str(), s.id.c_str(), grades.size());
  std::printf("  %-26s %6s %10s %10s %10s\n", "metric", "better", "mean", "sd", "benchmark");
  for (const auto& m : b.metrics)
    std::printf("  %-26s %6s %10.3f %10.3f %10.3f\n", m.metric.c_str(), m.higher_is_better ? "higher" : "lower",
                m.mean, m.sd, m.benchmark);
  return 0;
}

}  // namespace dermasim::app
