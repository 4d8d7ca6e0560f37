#pragma once
// What the scenario stages show and edit: the case library, the open case and
// the trainee's answers so far, and the debrief. Plain data; the app turns
// the panels' actions into calls on scenario::Session.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "scenario/answers.hpp"
#include "scenario/grading.hpp"
#include "scenario/scenario.hpp"
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

struct CaseState {
  std::vector<LibraryEntry> library;
  std::string scenario_path;
  std::shared_ptr<const scenario::Scenario> scenario;

  // Consultation.
  std::vector<std::string> asked;  // follow-up questions asked, by item id
  std::vector<std::string> findings;
  scenario::Decision decision = scenario::Decision::proceed;
  std::vector<std::string> precautions;
  // Plan.
  scenario::PlanAnswers plan;
  // Aftercare: every catalogue instruction, in an order fixed per case so the
  // right ones are not grouped at the top.
  std::vector<int> instruction_order;
  std::vector<std::string> instructions;
  int sessions = 3;
  float interval_weeks = 2.0f;
  float maintenance_months = 1.0f;
  // Debrief.
  std::optional<scenario::Grade> grade;
  std::shared_ptr<OutcomeFilm> outcome;  // the healing time-lapse (issue 13)
  std::string recording_path;
  std::string report_path;
  std::string status;  // what happened to the recording and report
};

/// Whether `list` holds `id`; adds or removes it to match `on`.
bool contains(const std::vector<std::string>& list, const std::string& id);
void set_member(std::vector<std::string>& list, const std::string& id, bool on);

}  // namespace dermasim::ui
