// `dermasim validate outcomes`: the healing model against the published
// figures, on a seeded virtual cohort treated with the shipped good scripts.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "app/cli_args.hpp"
#include "app/verbs_outcome.hpp"
#include "scenario/outcome_cohort.hpp"
#include "scenario/scenario_loader.hpp"

namespace dermasim::app {
namespace {

// Every scenario in `dir` whose good script treats gives one source session.
std::vector<scenario::CohortSource> library_sources(const std::string& dir) {
  namespace fs = std::filesystem;
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.is_regular_file() && e.path().extension() == ".yaml") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  std::vector<scenario::CohortSource> out;
  for (const auto& f : files) {
    auto load = scenario::load_scenario_file(f.string());
    if (!load.scenario) throw std::runtime_error(f.string() + ": the scenario does not load");
    // A course case's good script is a course script (visits:), and its outcome
    // is judged against the key's own protocol on the same patient (course_grade.cpp),
    // not against the single-session figures this cohort reproduces.
    if (load.scenario->course) continue;
    const fs::path script_path = fs::path(dir) / "scripts" / load.scenario->id / "good.yaml";
    if (!fs::exists(script_path)) continue;
    auto script = scenario::load_script_file(script_path.string());
    if (!script.script) throw std::runtime_error(script_path.string() + ": the script does not load");
    if (!scenario::treats_today(script.script->consultation.decision) || !script.script->plan) continue;
    auto s = std::make_shared<const scenario::Scenario>(std::move(*load.scenario));
    out.push_back(scenario::cohort_source(s, *script.script));
  }
  return out;
}

}  // namespace

int run_validate(std::span<const std::string_view> args) {
  if (args.empty() || args[0] != "outcomes") {
    std::fprintf(stderr, "usage: dermasim validate outcomes [--json F] [--scenarios DIR] [--patients N] [--seed N]\n");
    return 2;
  }
  const auto rest = args.subspan(1);
  const std::string dir = std::string(option(rest, "--scenarios").value_or(DERMASIM_SCENARIO_DIR));
  scenario::CohortOptions options;
  options.patients = static_cast<int>(option_int(rest, "--patients", options.patients, 100, 100000));
  options.seed = static_cast<std::uint64_t>(option_int(rest, "--seed", 2026, 0, 1LL << 62));
  const auto sources = library_sources(dir);
  if (sources.empty()) throw std::runtime_error(dir + ": no scenario with a treating good script");
  std::printf("%zu source sessions from %s, %d virtual patients, seed %llu\n", sources.size(), dir.c_str(),
              options.patients, static_cast<unsigned long long>(options.seed));
  const auto rows = scenario::validate_outcomes(sources, options);
  std::fputs(scenario::validation_rows_text(rows).c_str(), stdout);
  if (const auto json = option(rest, "--json")) {
    std::ofstream out{std::string(*json), std::ios::binary | std::ios::trunc};
    out << scenario::validation_rows_json(rows);
    if (!out) throw std::runtime_error(std::string(*json) + ": cannot write");
  }
  const bool all = std::all_of(rows.begin(), rows.end(), [](const auto& r) { return r.within; });
  std::printf("%s\n", all ? "every row within its tolerance" : "some rows outside their tolerance");
  return all ? 0 : 1;
}

}  // namespace dermasim::app
