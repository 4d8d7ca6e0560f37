// `dermasim check --simulate`: plays each case's reference attempt (the key's
// own answer, scenario/reference_attempt.hpp) at the ends and middle of its
// needle depths and reports, at the key it contradicts, every way that answer
// fails the case.
#include <cstdio>
#include <exception>
#include <memory>
#include <string>

#include <yaml-cpp/yaml.h>

#include "app/check_simulate.hpp"
#include "scenario/reference_attempt.hpp"
#include "scenario/scenario_loader.hpp"

namespace dermasim::app {
namespace {

// Line and column (1-based) of a dotted key path such as
// "rubric.critical_errors[2]" in the file; the deepest part found.
std::pair<int, int> locate(const std::string& file, const std::string& path) {
  try {
    YAML::Node node = YAML::LoadFile(file);
    YAML::Mark mark = node.Mark();
    std::size_t start = 0;
    while (start < path.size()) {
      std::size_t end = path.find('.', start);
      if (end == std::string::npos) end = path.size();
      std::string part = path.substr(start, end - start);
      int index = -1;
      if (const auto b = part.find('['); b != std::string::npos) {
        index = std::stoi(part.substr(b + 1));
        part = part.substr(0, b);
      }
      if (!node.IsMap() || !node[part].IsDefined()) break;
      // The key's own position reads best in an editor.
      for (const auto& kv : node)
        if (kv.first.Scalar() == part) mark = kv.first.Mark();
      node = node[part];
      if (index >= 0) {
        if (!node.IsSequence() || index >= static_cast<int>(node.size())) break;
        node = node[static_cast<std::size_t>(index)];
        mark = node.Mark();
      }
      start = end + 1;
    }
    return {mark.line + 1, mark.column + 1};
  } catch (const std::exception&) {
    return {1, 1};
  }
}

}  // namespace

int check_simulate_file(const std::string& path) {
  const auto load = scenario::load_scenario_file(path);
  if (!load.scenario) return 1;  // check itself reports why
  const auto s = std::make_shared<const scenario::Scenario>(*load.scenario);
  std::vector<scenario::ReferenceProblem> problems;
  try {
    problems = scenario::check_reference_attempts(s);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s:1:1: error: the key's own answer cannot be played: %s\n", path.c_str(), e.what());
    return 1;
  }
  for (const auto& p : problems) {
    const auto [line, col] = locate(path, p.key);
    std::fprintf(stderr, "%s:%d:%d: error: %s\n", path.c_str(), line, col, p.message.c_str());
  }
  if (problems.empty()) std::printf("%s: the key's own answer passes\n", path.c_str());
  return problems.empty() ? 0 : 1;
}

}  // namespace dermasim::app
