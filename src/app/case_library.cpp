#include "app/case_library.hpp"

#include <algorithm>
#include <filesystem>
#include <map>

#include "record/course_progress.hpp"
#include "scenario/course.hpp"
#include "scenario/scenario_loader.hpp"
#include "scene/skin_tone.hpp"

namespace dermasim::app {
namespace fs = std::filesystem;

namespace {

// The `.yaml` files of a folder, sorted; none when it is missing or unreadable.
std::vector<fs::path> yaml_files(const std::string& dir) {
  std::vector<fs::path> files;
  std::error_code ec;
  if (fs::is_directory(dir, ec))
    for (const auto& e : fs::directory_iterator(dir, ec))
      if (e.is_regular_file() && e.path().extension() == ".yaml") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

std::vector<ui::LibraryEntry> scan_case_library(const std::string& dir, const std::vector<record::AttemptRecord>& attempts) {
  const std::vector<fs::path> files = yaml_files(dir);
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

namespace {

// Without a database nothing has been passed: a case is open when it waits for nothing.
std::vector<record::CaseAccess> access_without_records(const scenario::Course& course) {
  std::vector<record::CaseAccess> out;
  for (const auto& c : course.cases) {
    record::CaseAccess x;
    x.scenario_id = c.scenario_id;
    x.mode = c.mode;
    x.waits_for = c.after;
    x.unlocked = c.after.empty();
    if (!x.unlocked) x.why = "locked: the progress database is not available, so no case can be passed";
    out.push_back(std::move(x));
  }
  return out;
}

ui::CoursePlanView plan_view(const fs::path& file, const std::string& scenario_dir,
                             const std::vector<ui::LibraryEntry>& library, record::ProgressDb* db,
                             const std::string& trainee) {
  ui::CoursePlanView view;
  view.file = file.string();
  const auto load = scenario::load_course_file(view.file, scenario_dir);
  if (!load.course) {
    view.title = file.filename().string();
    view.problem = load.errors.empty() ? "does not load" : load.errors.front().str();
    return view;
  }
  view.id = load.course->id;
  view.title = load.course->title.empty() ? load.course->id : load.course->title;
  const auto attempts = db ? db->attempts(trainee) : std::vector<record::AttemptRecord>{};
  const auto access = db ? record::course_access(*db, *load.course, trainee) : access_without_records(*load.course);
  const auto title_of = [&](const std::string& id) {
    const std::string path = (fs::path(scenario_dir) / (id + ".yaml")).string();
    for (const auto& l : library)
      if (l.path == path && l.problem.empty() && !l.title.empty()) return l.title;
    return id;
  };
  for (std::size_t i = 0; i < access.size(); ++i) {
    const record::CaseAccess& a = access[i];
    const scenario::CourseCase& planned = load.course->cases[i];
    ui::CoursePlanEntry e;
    e.scenario_id = a.scenario_id;
    e.path = (fs::path(scenario_dir) / (a.scenario_id + ".yaml")).string();
    e.title = title_of(a.scenario_id);
    for (const auto& l : library)
      if (l.path == e.path) e.problem = l.problem;
    e.mode = a.mode;
    e.unlocked = a.unlocked;
    // What it waits for, by the cases' titles (the CLI's record::CaseAccess::why names ids).
    e.why = db ? "" : a.why;
    for (const auto& p : db ? a.waits_for : std::vector<std::string>{}) {
      const scenario::CourseCase* pre = load.course->find(p);
      e.why += (e.why.empty() ? "waits for \"" : ", \"") + title_of(p) + "\"" +
               (planned.unlock == scenario::UnlockRule::passed ? " to be passed" : " to reach proficiency") +
               (pre && pre->mode == scenario::Mode::assessment ? " in assessment mode" : "");
    }
    e.passed = a.passed;
    e.proficient = a.proficient;
    for (const auto& t : attempts) {
      if (t.scenario_id != a.scenario_id || t.status != record::AttemptStatus::completed || !t.total ||
          !scenario::counts_as(t.mode, a.mode))
        continue;
      ++e.attempts;
      e.best_total = std::max(e.best_total.value_or(0.0), *t.total);
    }
    view.cases.push_back(std::move(e));
  }
  return view;
}

}  // namespace

std::vector<ui::CoursePlanView> scan_course_plans(const std::string& course_dir, const std::string& pinned,
                                                  const std::string& scenario_dir,
                                                  const std::vector<ui::LibraryEntry>& library, record::ProgressDb* db,
                                                  const std::string& trainee) {
  std::vector<ui::CoursePlanView> plans;
  const std::vector<fs::path> files = pinned.empty() ? yaml_files(course_dir) : std::vector<fs::path>{pinned};
  for (const auto& f : files) plans.push_back(plan_view(f, scenario_dir, library, db, trainee));
  return plans;
}

}  // namespace dermasim::app
