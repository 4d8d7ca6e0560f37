// `dermasim check FILE|DIR...`: validates scenario and trainee-script files
// for instructors. Exit 0 when all are valid, 1 otherwise.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <variant>
#include <string>
#include <vector>

#include "app/check_simulate.hpp"
#include "app/verbs_scenario.hpp"
#include "scenario/scenario_loader.hpp"
#include "scenario/course.hpp"
#include "scenario/course_script.hpp"
#include "scenario/script.hpp"
#include "scenario/text_file.hpp"

namespace dermasim::app {
namespace fs = std::filesystem;
namespace {

// A script or a course plan says so on a line of its own
// (`dermasim_script: 1`, `dermasim_course: 1`); the file is read through the
// bounded reader, so /dev/zero or a huge file is refused.
bool has_top_key(const std::string& bytes, std::string_view key) {
  for (std::size_t at = 0; at < bytes.size();) {
    if (bytes.compare(at, key.size(), key) == 0) return true;
    const std::size_t eol = bytes.find('\n', at);
    if (eol == std::string::npos) break;
    at = eol + 1;
  }
  return false;
}
bool is_script(const std::string& bytes) { return has_top_key(bytes, "dermasim_script"); }
bool is_course(const std::string& bytes) { return has_top_key(bytes, "dermasim_course:"); }  // issue 15

// A course's cases are scenarios/<id>.yaml beside courses/.
std::string scenario_dir_for_course(const fs::path& course) {
  const fs::path dir = course.parent_path().parent_path() / "scenarios";
  return fs::is_directory(dir) ? dir.string() : std::string();
}

// The scenario a script names, found by the script's own id (so a script
// filed under the wrong case is still checked against the case it names),
// or what is wrong with that id, for the script's `scenario:` key.
std::variant<scenario::Scenario, std::string> named_scenario(const std::string& script_path, const std::string& id) {
  const std::string scenario_path = scenario::scenario_path_for_script(script_path, id);
  if (scenario_path.empty()) return "scenario '" + id + "' is not a scenario id (lower_snake_case)";
  if (!fs::is_regular_file(scenario_path))
    return "cannot find scenario '" + id + "' (looked for " + scenario_path +
           ": scripts live in scenarios/scripts/<case>/, their case in scenarios/<id>.yaml)";
  auto s = scenario::load_scenario_file(scenario_path);
  if (!s.scenario) return "scenario " + scenario_path + " has errors (check it first)";
  return std::move(*s.scenario);
}

// Loads a script of either kind and checks it against the case it names.
template <typename Load, typename CheckAgainst>
scenario::Diagnostics check_against_named(const std::string& path, const Load& load, CheckAgainst check_against) {
  scenario::Diagnostics errors = load.errors;
  if (!load.script) return errors;
  auto s = named_scenario(path, load.script->scenario_id);
  if (s.index() == 1) {
    errors.push_back({path, load.script->at_scenario.line, load.script->at_scenario.column, std::get<1>(s)});
  } else {
    const auto more = check_against(*load.script, std::get<0>(s));
    errors.insert(errors.end(), more.begin(), more.end());
  }
  return errors;
}

scenario::Diagnostics check_script(const std::string& path, const std::string& bytes) {
  return check_against_named(path, scenario::load_script_text(bytes, path), scenario::check_script_against);
}

scenario::Diagnostics check_course_script(const std::string& path, const std::string& bytes) {
  return check_against_named(path, scenario::load_course_script_text(bytes, path),
                             scenario::check_course_script_against);
}

int check_file(const std::string& path, bool simulate) {
  scenario::Diagnostics errors;
  auto bytes = scenario::read_bounded_file(path, scenario::max_yaml_file_bytes, "a scenario or script");
  if (bytes.index() == 1)
    errors.push_back({path, 0, 0, std::get<1>(bytes)});
  else if (is_script(std::get<0>(bytes)))
    errors = check_script(path, std::get<0>(bytes));
  else if (scenario::is_course_script_text(std::get<0>(bytes)))
    errors = check_course_script(path, std::get<0>(bytes));  // issue 14
  else if (is_course(std::get<0>(bytes)))
    errors = scenario::load_course_file(path, scenario_dir_for_course(path)).errors;
  else
    errors = scenario::load_scenario_text(std::get<0>(bytes), path).errors;
  for (const auto& e : errors) std::fprintf(stderr, "%s\n", e.str().c_str());
  if (errors.empty()) std::printf("%s: ok\n", path.c_str());
  if (!errors.empty()) return 1;
  const bool scenario = bytes.index() == 0 && !is_script(std::get<0>(bytes)) && !is_course(std::get<0>(bytes)) &&
                        !scenario::is_course_script_text(std::get<0>(bytes));
  return simulate && scenario ? check_simulate_file(path) : 0;
}

}  // namespace

int run_check(std::span<const std::string_view> args) {
  bool simulate = false;
  std::vector<std::string_view> paths;
  for (auto a : args) (a == "--simulate" ? simulate = true : (paths.push_back(a), false));
  if (paths.empty()) {
    std::fprintf(stderr, "usage: dermasim check [--simulate] FILE|DIR...\n");
    return 2;
  }
  std::vector<std::string> files;
  for (auto a : paths) {
    const fs::path p{std::string(a)};
    if (fs::is_directory(p)) {
      for (const auto& e : fs::recursive_directory_iterator(p))
        if (e.is_regular_file() && (e.path().extension() == ".yaml" || e.path().extension() == ".yml"))
          files.push_back(e.path().string());
    } else if (fs::exists(p)) {
      files.push_back(p.string());
    } else {
      std::fprintf(stderr, "%s: error: no such file or directory\n", p.c_str());
      files.push_back("");
    }
  }
  std::sort(files.begin(), files.end());
  int failed = 0;
  for (const auto& f : files) {
    if (f.empty()) {
      ++failed;
      continue;
    }
    // One broken file never stops the others from being reported.
    try {
      failed += check_file(f, simulate);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "%s: error: %s\n", f.c_str(), e.what());
      ++failed;
    }
  }
  std::printf("%zu file(s) checked, %d with errors\n", files.size(), failed);
  return failed ? 1 : 0;
}

}  // namespace dermasim::app
