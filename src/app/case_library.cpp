#include "app/case_library.hpp"

#include <algorithm>
#include <filesystem>
#include <map>

#include "scenario/scenario_loader.hpp"
#include "scene/skin_tone.hpp"

namespace dermasim::app {
namespace fs = std::filesystem;

std::vector<ui::LibraryEntry> scan_case_library(const std::string& dir, const std::vector<record::AttemptRecord>& attempts) {
  std::vector<fs::path> files;
  if (fs::is_directory(dir))
    for (const auto& e : fs::directory_iterator(dir))
      if (e.is_regular_file() && e.path().extension() == ".yaml") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  struct Best {
    int count = 0;
    double top = 0.0;
    bool passed = false;
  };
  std::map<std::string, Best> best;
  for (const auto& attempt : attempts) {
    if (attempt.status != record::AttemptStatus::completed || !attempt.total) continue;
    Best& b = best[attempt.scenario_id];
    ++b.count;
    b.top = std::max(b.top, *attempt.total);
    b.passed = b.passed || attempt.passed.value_or(false);
  }
  std::vector<ui::LibraryEntry> library;
  for (const auto& f : files) {
    ui::LibraryEntry entry;
    entry.path = f.string();
    const auto load = scenario::load_scenario_file(entry.path);
    if (load.scenario) {
      entry.id = load.scenario->id;
      entry.title = load.scenario->title;
      const scenario::Patient& p = load.scenario->patient;
      entry.patient = p.name + ", " + std::to_string(p.age_years) + ", " + std::string(tissue::sex_name(p.sex)) +
                      ", Fitzpatrick " + std::string(scene::fitzpatrick_roman(p.fitzpatrick)) + ". " + p.goals;
      entry.site = std::string(tissue::site_name(load.scenario->patch.site));
      if (const auto it = best.find(entry.id); it != best.end()) {
        entry.attempts = it->second.count;
        entry.best_total = it->second.top;
        entry.passed_ever = it->second.passed;
      }
    } else {
      entry.title = f.filename().string();
      entry.problem = load.errors.empty() ? "unknown" : load.errors.front().str();
    }
    library.push_back(std::move(entry));
  }
  return library;
}

}  // namespace dermasim::app
