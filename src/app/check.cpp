// `dermasim check FILE|DIR...`: validates scenario and trainee-script files
// for instructors. Exit 0 when all are valid, 1 otherwise.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "app/check_simulate.hpp"
#include "app/verbs_scenario.hpp"
#include "scenario/scenario_loader.hpp"
#include "scenario/course.hpp"
#include "scenario/script.hpp"

namespace dermasim::app {
namespace fs = std::filesystem;
namespace {

bool has_top_key(const std::string& path, const char* key) {
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line))
    if (line.rfind(key, 0) == 0) return true;
  return false;
}
bool is_script(const std::string& path) { return has_top_key(path, "dermasim_script"); }
bool is_course(const std::string& path) { return has_top_key(path, "dermasim_course"); }  // issue 15

// A course's cases are scenarios/<id>.yaml beside courses/.
std::string scenario_dir_for_course(const fs::path& course) {
  const fs::path dir = course.parent_path().parent_path() / "scenarios";
  return fs::is_directory(dir) ? dir.string() : std::string();
}

// A script's scenario is scenarios/<name>.yaml for scenarios/scripts/<name>/x.yaml.
std::string scenario_for_script(const fs::path& script) {
  const fs::path guess = script.parent_path().parent_path().parent_path() / (script.parent_path().filename().string() + ".yaml");
  return guess.string();
}

int check_file(const std::string& path, bool simulate) {
  scenario::Diagnostics errors;
  if (is_script(path)) {
    auto load = scenario::load_script_file(path);
    errors = load.errors;
    if (load.script) {
      const std::string scenario_path = scenario_for_script(path);
      if (fs::exists(scenario_path)) {
        auto s = scenario::load_scenario_file(scenario_path);
        if (s.scenario) {
          const auto more = scenario::check_script_against(*load.script, *s.scenario);
          errors.insert(errors.end(), more.begin(), more.end());
        }
      }
    }
  } else if (is_course(path)) {
    errors = scenario::load_course_file(path, scenario_dir_for_course(path)).errors;
  } else {
    errors = scenario::load_scenario_file(path).errors;
  }
  for (const auto& e : errors) std::fprintf(stderr, "%s\n", e.str().c_str());
  if (errors.empty()) std::printf("%s: ok\n", path.c_str());
  if (!errors.empty()) return 1;
  return simulate && !is_script(path) && !is_course(path) ? check_simulate_file(path) : 0;
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
  for (const auto& f : files) failed += f.empty() ? 1 : check_file(f, simulate);
  std::printf("%zu file(s) checked, %d with errors\n", files.size(), failed);
  return failed ? 1 : 0;
}

}  // namespace dermasim::app
