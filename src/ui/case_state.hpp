#pragma once
// What the scenario stages show and edit: the case library, the open case and
// the trainee's answers so far, and the debrief. Plain data; the app turns
// the panels' actions into calls on scenario::Session.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "physics/device.hpp"
#include "scenario/answers.hpp"
#include "scenario/grading.hpp"
#include "scenario/scenario.hpp"
#include "ui/course_state.hpp"
#include "ui/outcome_film.hpp"

namespace dermasim::ui {

struct LibraryEntry {
  std::string path;
  std::string id;
  std::string title;
  std::string patient;  // who the trainee meets; never the answer
  std::string site;
  std::string problem;  // why the file does not load, if it does not
  int attempts = 0;
  std::optional<double> best_total;
  bool passed_ever = false;
};

/// A case of a course plan as the library shows it (issue 15): where it
/// stands for the trainee. Counts are of attempts in the plan's mode.
struct CoursePlanEntry {
  std::string scenario_id;
  std::string path;   // <scenario dir>/<id>.yaml
  std::string title;  // the case's; its id when the file does not load
  scenario::Mode mode = scenario::Mode::practice;  // what the plan takes it in
  bool unlocked = false;
  std::string why;      // what a locked case waits for
  std::string problem;  // why the file does not load, if it does not
  bool passed = false;
  bool proficient = false;
  int attempts = 0;
  std::optional<double> best_total;
};

/// A course plan (courses/*.yaml) with the trainee's standing in it.
struct CoursePlanView {
  std::string file;
  std::string id;
  std::string title;
  std::string problem;  // why the plan does not load, if it does not
  std::vector<CoursePlanEntry> cases;  // in the plan's order
  const CoursePlanEntry* find_path(const std::string& path) const;
};

/// The course plans the library offers. `pinned` (`gui --course FILE`): the
/// library shows only that plan and opens only its unlocked cases.
struct CourseBrowser {
  std::vector<CoursePlanView> plans;
  int shown = -1;  // index into plans; -1: every case, no plan
  bool pinned = false;
  const CoursePlanView* current() const;
};

/// The plan as the trainee builds it: every choice starts unmade (nothing is
/// preselected), and the plan stage cannot be left until all are made.
struct PlanDraft {
  std::optional<double> needle_length_mm;
  std::optional<physics::CartridgeKind> cartridge;
  std::optional<double> stroke_rate_hz;
  std::optional<bool> numbing;
  std::optional<int> passes;
  static constexpr int max_passes = 6;
  // P6: chosen only with an RF cartridge, per needle.
  std::optional<double> rf_energy_mj;

  /// The choices still to make, as the trainee reads them; empty when complete.
  std::vector<std::string> missing() const;
  /// The plan, once every choice is made.
  std::optional<scenario::PlanAnswers> complete() const;
  /// A draft with every choice of `plan` made (scripts, benchmarks).
  static PlanDraft of(const scenario::PlanAnswers& plan);
};

/// The schedule as the trainee sets it: unset until chosen.
struct ScheduleDraft {
  std::optional<int> sessions;
  std::optional<float> interval_weeks;
  std::optional<float> maintenance_months;
  std::vector<std::string> missing() const;
};

struct CaseState {
  std::vector<LibraryEntry> library;
  std::string scenario_path;
  std::shared_ptr<const scenario::Scenario> scenario;
  /// The attempt's answers so far, owned by its scenario::Session (never a
  /// copy); null before a case is open.
  const scenario::Answers* answers = nullptr;

  // Consultation: what the trainee is choosing before the decision ends it.
  std::vector<std::string> findings;
  std::optional<scenario::Decision> decision;  // unset until the trainee picks one
  std::vector<std::string> precautions;
  // Plan.
  PlanDraft plan;
  // Aftercare: every catalogue instruction, in an order fixed per case so the
  // right ones are not grouped at the top.
  std::vector<int> instruction_order;
  std::vector<std::string> instructions;
  ScheduleDraft schedule;
  // Debrief.
  std::optional<scenario::Grade> grade;
  std::shared_ptr<OutcomeFilm> outcome;  // the healing time-lapse (issue 13)
  bool grading = false;  // the grade is being computed on a worker thread
  std::string recording_path;
  std::string report_path;
  std::string status;  // what happened to the recording and report
  // A course case: the visit on screen and, at the end, the course's grade.
  CourseView course;

  /// Follow-up questions asked so far, by item id.
  bool asked(const std::string& item_id) const;
};

/// Whether `list` holds `id`; adds or removes it to match `on`.
bool contains(const std::vector<std::string>& list, const std::string& id);
void set_member(std::vector<std::string>& list, const std::string& id, bool on);

}  // namespace dermasim::ui
