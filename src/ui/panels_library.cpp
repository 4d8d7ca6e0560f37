// The case library: every case with the trainee's best score, or a course
// plan (issue 15) in its order, each case open or locked and why. A locked
// case has no Open button; the app refuses it too (open_from_library).
#include <imgui.h>

#include <algorithm>
#include <string>

#include "ui/panels.hpp"

namespace dermasim::ui {
namespace {

const ImVec4 passed_colour(0.4f, 0.9f, 0.5f, 1);
const ImVec4 short_colour(1, 0.7f, 0.4f, 1);
const ImVec4 problem_colour(1, 0.45f, 0.3f, 1);
const ImVec4 locked_colour(0.65f, 0.65f, 0.7f, 1);

bool begin_library_window() {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + 10, vp->WorkPos.y + 10), ImGuiCond_Always);
  ImGui::SetNextWindowSize(ImVec2(760, std::min(600.0f, vp->WorkSize.y - 20)), ImGuiCond_Always);
  return ImGui::Begin("Case library", nullptr, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoMove);
}

void best_cell(const std::optional<double>& best, int attempts, bool passed) {
  if (best)
    ImGui::TextColored(passed ? passed_colour : short_colour, "%.0f (%d)", *best, attempts);
  else
    ImGui::TextDisabled("-");
}

// Every case of the folder.
void all_cases_table(const AppState& state, UiActions& actions) {
  if (!ImGui::BeginTable("cases", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY))
    return;
  ImGui::TableSetupColumn("Case", ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableSetupColumn("Site", ImGuiTableColumnFlags_WidthFixed, 80);
  ImGui::TableSetupColumn("Best", ImGuiTableColumnFlags_WidthFixed, 90);
  ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, 60);
  ImGui::TableHeadersRow();
  for (const LibraryEntry& e : state.clinic.library) {
    ImGui::PushID(e.path.c_str());
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(e.title.empty() ? e.path.c_str() : e.title.c_str());
    if (!e.problem.empty())
      ImGui::TextColored(problem_colour, "does not load: %s", e.problem.c_str());
    else if (ImGui::IsItemHovered() && !e.patient.empty())
      ImGui::SetTooltip("%s", e.patient.c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(e.site.c_str());
    ImGui::TableNextColumn();
    best_cell(e.best_total, e.attempts, e.passed_ever);
    ImGui::TableNextColumn();
    ImGui::BeginDisabled(!e.problem.empty());
    if (ImGui::SmallButton("Open")) actions.open_case = e.path;
    ImGui::EndDisabled();
    ImGui::PopID();
  }
  ImGui::EndTable();
}

// A course plan: its cases in order, what each is taken in, and where the trainee stands.
void course_table(const CoursePlanView& plan, UiActions& actions) {
  if (!plan.problem.empty()) {
    ImGui::TextColored(problem_colour, "The plan does not load: %s", plan.problem.c_str());
    return;
  }
  ImGui::TextWrapped("Take the cases in order. A case opens when the ones before it are passed (or reached "
                     "proficiency: two consecutive attempts at the expert benchmark, no critical error). Cases set "
                     "to assessment are taken without hints, and only assessment attempts count for them.");
  if (!ImGui::BeginTable("plan", 5, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY))
    return;
  ImGui::TableSetupColumn("Case", ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableSetupColumn("Mode", ImGuiTableColumnFlags_WidthFixed, 80);
  ImGui::TableSetupColumn("Best", ImGuiTableColumnFlags_WidthFixed, 60);
  ImGui::TableSetupColumn("Standing", ImGuiTableColumnFlags_WidthFixed, 90);
  ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, 60);
  ImGui::TableHeadersRow();
  int n = 0;
  for (const CoursePlanEntry& e : plan.cases) {
    ImGui::PushID(e.path.c_str());
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::Text("%d. %s", ++n, e.title.c_str());
    if (!e.problem.empty())
      ImGui::TextColored(problem_colour, "does not load: %s", e.problem.c_str());
    else if (!e.unlocked) {
      ImGui::PushStyleColor(ImGuiCol_Text, locked_colour);
      ImGui::TextWrapped("Locked: %s", e.why.c_str());
      ImGui::PopStyleColor();
    }
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(std::string(scenario::mode_name(e.mode)).c_str());
    ImGui::TableNextColumn();
    best_cell(e.best_total, e.attempts, e.passed);
    ImGui::TableNextColumn();
    if (e.proficient)
      ImGui::TextColored(passed_colour, "proficient");
    else if (e.passed)
      ImGui::TextColored(passed_colour, "passed");
    else if (e.unlocked)
      ImGui::TextUnformatted("open");
    else
      ImGui::TextColored(locked_colour, "locked");
    ImGui::TableNextColumn();
    // A locked case offers no button at all: a dimmed one reads as a glitch.
    if (e.unlocked && e.problem.empty() && ImGui::SmallButton("Open")) actions.open_case = e.path;
    ImGui::PopID();
  }
  ImGui::EndTable();
}

}  // namespace

void library_panel(AppState& state, UiActions& actions) {
  if (!begin_library_window()) {
    ImGui::End();
    return;
  }
  CourseBrowser& courses = state.courses;
  if (courses.pinned) {
    if (const CoursePlanView* plan = courses.current()) ImGui::Text("Course: %s", plan->title.c_str());
  } else if (!courses.plans.empty()) {
    const CoursePlanView* plan = courses.current();
    ImGui::SetNextItemWidth(420);
    if (ImGui::BeginCombo("Show", plan ? plan->title.c_str() : "Every case")) {
      if (ImGui::Selectable("Every case", !plan)) courses.shown = -1;
      for (int i = 0; i < static_cast<int>(courses.plans.size()); ++i)
        if (ImGui::Selectable(courses.plans[static_cast<std::size_t>(i)].title.c_str(), courses.shown == i))
          courses.shown = i;
      ImGui::EndCombo();
    }
  }
  if (const CoursePlanView* plan = courses.current()) {
    course_table(*plan, actions);
  } else {
    ImGui::TextWrapped("Pick a case. Your best score on each is shown; attempts are recorded.");
    all_cases_table(state, actions);
  }
  ImGui::End();
}

}  // namespace dermasim::ui
