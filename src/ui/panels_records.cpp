// A trainee's progress, and the instructor's cohort view with drill-down and
// grade overrides.
#include <imgui.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <string_view>

#include "ui/panels.hpp"
#include "ui/progress_charts.hpp"

namespace dermasim::ui {
namespace {

bool begin_page(const char* title) {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + 10, vp->WorkPos.y + 10), ImGuiCond_Always);
  ImGui::SetNextWindowSize(ImVec2(std::min(900.0f, vp->WorkSize.x - 20), vp->WorkSize.y - 20), ImGuiCond_Always);
  return ImGui::Begin(title, nullptr, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoMove);
}

std::string result_text(const record::AttemptRecord& a) {
  if (!a.total) return std::string(record::attempt_status_name(a.status));
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.0f %s%s", *a.total, a.passed.value_or(false) ? "pass" : "fail",
                a.overrides.empty() ? "" : " (overridden)");
  return buf;
}

void attempts_table(const std::vector<record::AttemptRecord>& attempts, UiActions& actions, bool selectable,
                    const std::string& selected_uuid) {
  if (!ImGui::BeginTable("attempts", 5, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) return;
  ImGui::TableSetupColumn("Started (UTC)");
  ImGui::TableSetupColumn("Status");
  ImGui::TableSetupColumn("Result");
  ImGui::TableSetupColumn("Critical errors");
  ImGui::TableSetupColumn("");
  ImGui::TableHeadersRow();
  for (const auto& a : attempts) {
    ImGui::PushID(a.uuid.c_str());
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    if (selectable) {
      if (ImGui::Selectable(a.started_utc.c_str(), a.uuid == selected_uuid, ImGuiSelectableFlags_SpanAllColumns))
        actions.select_attempt = a.uuid;
    } else {
      ImGui::TextUnformatted(a.started_utc.c_str());
    }
    ImGui::TableNextColumn();
    ImGui::Text("%s, %s", std::string(record::attempt_status_name(a.status)).c_str(),
                std::string(scenario::mode_name(a.mode)).c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(result_text(a).c_str());
    ImGui::TableNextColumn();
    std::string kinds;
    for (const auto& e : a.critical_errors) kinds += (kinds.empty() ? "" : ", ") + e.kind;
    ImGui::TextUnformatted(kinds.c_str());
    ImGui::TableNextColumn();
    if (ImGui::SmallButton("Report")) actions.open_attempt_report = a.uuid;
    ImGui::SameLine();
    if (ImGui::SmallButton("Replay")) actions.replay_attempt = a.uuid;
    ImGui::PopID();
  }
  ImGui::EndTable();
}

}  // namespace

// Issue 15: each criterion and the total across attempts, with the pass
// line and the expert benchmark band, and the CUSUM learning curve.
void learning_curves(const ProgressView& p) {
  if (p.totals.empty()) return;
  {
    if (!p.has_benchmark)
      ImGui::TextWrapped("No expert benchmark is set for this case (dermasim records benchmark import).");
    else if (p.proficient)
      ImGui::TextColored(ImVec4(0.3f, 0.85f, 0.5f, 1), "Proficient: at the expert benchmark on two consecutive attempts "
                                                      "(reached at attempt %d).", *p.attempts_to_proficiency);
    else {
      std::string missing;
      for (const auto& m : p.short_of) missing += (missing.empty() ? "" : ", ") + m;
      ImGui::TextWrapped("Not yet proficient: two consecutive attempts at the expert benchmark are needed.%s%s",
                         missing.empty() ? "" : " Latest attempt short of: ", missing.c_str());
    }
    const float w = std::max(300.0f, ImGui::GetContentRegionAvail().x);
    const float half = (w - ImGui::GetStyle().ItemSpacing.x) / 2.0f;
    ScoreChart total{"total", p.totals, 0.0f, 100.0f, p.pass_mark, p.total_benchmark};
    score_chart(total, half, 170.0f);
    ImGui::SameLine();
    cusum_chart(p.cusum, half, 170.0f);
    int shown = 0;
    for (int i = 0; i < scenario::criterion_count; ++i) {
      const auto k = static_cast<std::size_t>(i);
      if (p.criteria[k].empty()) continue;
      if (shown++ % 2) ImGui::SameLine();
      score_chart({std::string(scenario::criterion_name(static_cast<scenario::CriterionId>(i))), p.criteria[k], 0.0f,
                   100.0f, p.thresholds[k], p.benchmarks[k]},
                  half, 120.0f);
    }
  }
}

void progress_panel(AppState& state, UiActions& actions) {
  ProgressView& p = state.progress;
  if (!begin_page("Progress")) {
    ImGui::End();
    return;
  }
  ImGui::Text("Trainee: %s", p.trainee.c_str());
  if (p.scenario_ids.empty()) {
    ImGui::TextWrapped("No attempts yet. Pick a case in Cases and work it through to the debrief.");
    ImGui::End();
    return;
  }
  if (ImGui::BeginCombo("Scenario", p.scenario_id.c_str())) {
    for (const auto& id : p.scenario_ids)
      if (ImGui::Selectable(id.c_str(), id == p.scenario_id)) actions.show_progress = id;
    ImGui::EndCombo();
  }
  learning_curves(p);
  ImGui::Separator();
  attempts_table(p.attempts, actions, false, "");
  ImGui::End();
}

void instructor_panel(AppState& state, UiActions& actions) {
  InstructorView& v = state.instructor;
  if (!begin_page("Instructor: the cohort")) {
    ImGui::End();
    return;
  }
  ImGui::Text("Instructor: %s", v.instructor.c_str());
  if (ImGui::BeginTable("cohort", 8, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY,
                        ImVec2(0, 220))) {
    // "Assessed": completed attempts taken in assessment mode, without hints.
    // Names stretch; the figures keep the width their text needs.
    ImGui::TableSetupColumn("Trainee", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("Scenario", ImGuiTableColumnFlags_WidthStretch);
    for (const char* h : {"Attempts", "Assessed", "Latest", "Best", "Passed", "Critical errors"})
      ImGui::TableSetupColumn(h, ImGuiTableColumnFlags_WidthFixed,
                              ImGui::CalcTextSize(std::string_view(h) == "Attempts" ? "00 (+00 interrupted)"
                                                  : std::string_view(h) == "Latest" ? "100 pass, assessment"
                                                                                    : h)
                                  .x);
    ImGui::TableHeadersRow();
    for (const auto& c : v.cohort) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      const std::string id = c.trainee + "##" + c.scenario_id;
      if (ImGui::Selectable(id.c_str(), c.trainee == v.trainee && c.scenario_id == v.scenario_id,
                            ImGuiSelectableFlags_SpanAllColumns))
        actions.select_cell = std::make_pair(c.trainee, c.scenario_id);
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(c.scenario_id.c_str());
      ImGui::TableNextColumn();
      ImGui::Text("%d (+%d interrupted)", c.attempts, c.interrupted);
      ImGui::TableNextColumn();
      ImGui::Text("%d", c.assessed);
      ImGui::TableNextColumn();
      ImGui::Text("%.0f %s, %s", c.latest_total, c.latest_passed ? "pass" : "fail",
                  std::string(scenario::mode_name(c.latest_mode)).c_str());
      ImGui::TableNextColumn();
      ImGui::Text("%.0f", c.best_total);
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(c.ever_passed ? "yes" : "no");
      ImGui::TableNextColumn();
      ImGui::Text("%d", c.critical_errors);
    }
    ImGui::EndTable();
  }
  if (!v.trainee.empty()) {
    ImGui::Separator();
    ImGui::Text("%s on %s", v.trainee.c_str(), v.scenario_id.c_str());
    learning_curves(v.curves);
    attempts_table(v.attempts, actions, true, v.selected ? v.selected->uuid : "");
  }
  if (v.selected) {
    const record::AttemptRecord& a = *v.selected;
    ImGui::Separator();
    ImGui::Text("Attempt %s: %s", a.started_utc.c_str(), result_text(a).c_str());
    for (const auto& c : a.criteria)
      if (c.applicable) ImGui::BulletText("%s %.0f (weight %.0f)", c.criterion.c_str(), c.score, c.weight);
    for (const auto& e : a.critical_errors) ImGui::TextWrapped("Critical: %s: %s", e.kind.c_str(), e.message.c_str());
    if (!a.overrides.empty()) {
      ImGui::TextDisabled("Audit trail of overrides (kept by the database, not editable here):");
      for (const auto& o : a.overrides)
        ImGui::BulletText("%s by %s: %.0f %s, because: %s", o.at_utc.c_str(), o.instructor.c_str(), o.new_total,
                          o.new_passed ? "pass" : "fail", o.reason.c_str());
    }
    ImGui::TextDisabled("Override the grade (a reason is required):");
    ImGui::SliderFloat("New total", &v.new_total, 0.0f, 100.0f, "%.0f");
    ImGui::Checkbox("Passed", &v.new_passed);
    ImGui::InputTextMultiline("Reason", v.reason.data(), v.reason.size(), ImVec2(-1, 60));
    ImGui::BeginDisabled(std::strlen(v.reason.data()) == 0);
    if (ImGui::Button("Record the override")) actions.submit_override = true;
    ImGui::EndDisabled();
  }
  if (!state.message.empty()) ImGui::TextColored(ImVec4(1, 0.45f, 0.3f, 1), "%s", state.message.c_str());
  ImGui::End();
}

}  // namespace dermasim::ui
