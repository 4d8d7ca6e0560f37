// The debrief: the same grade as `dermasim grade`, with every point lost
// explained, and retry.
#include <imgui.h>

#include <cmath>
#include <string>

#include "ui/panels.hpp"

namespace dermasim::ui {

void grade_criteria(const scenario::Grade& g) {
  for (const auto& e : g.critical_errors) {
    ImGui::TextColored(ImVec4(1, 0.35f, 0.3f, 1), "Critical: %s", std::string(e.name()).c_str());
    ImGui::TextWrapped("%s", e.message.c_str());
  }
  ImGui::Separator();
  for (const auto& cr : g.criteria) {
    const std::string label = std::string(scenario::criterion_name(cr.id));
    if (!cr.applicable) {
      ImGui::TextDisabled("%s: not applicable", label.c_str());
      continue;
    }
    ImGui::ProgressBar(static_cast<float>(cr.score / 100.0), ImVec2(160, 0), std::to_string(static_cast<int>(cr.score)).c_str());
    ImGui::SameLine();
    ImGui::Text("%s (weight %.0f)", label.c_str(), cr.weight);
    ImGui::Indent();
    if (cr.feedback.empty()) ImGui::TextColored(ImVec4(0.5f, 0.85f, 0.55f, 1), "Nothing lost.");
    for (const auto& f : cr.feedback) ImGui::TextWrapped("- %s", f.c_str());
    ImGui::Unindent();
  }
}

void debrief_panel(AppState& state, UiActions& actions) {
  CaseState& c = state.clinic;
  if (c.course.active) {
    if (c.course.finished) course_debrief_panel(state, actions);
    else course_return_panel(state, actions);
    return;
  }
  outcome_panel(state);
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + 10, vp->WorkPos.y + 10), ImGuiCond_Always);
  ImGui::SetNextWindowSize(ImVec2(620, vp->WorkSize.y - 20), ImGuiCond_Always);
  if (!ImGui::Begin("Debrief", nullptr, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoMove)) {
    ImGui::End();
    return;
  }
  if (!c.grade) {
    // The grade re-simulates the attempt on a worker thread; the window stays live.
    if (c.grading) {
      ImGui::TextUnformatted("Grading the attempt (re-simulating every step)...");
      ImGui::ProgressBar(static_cast<float>(std::fmod(ImGui::GetTime(), 1.0)), ImVec2(-1.0f, 0.0f), "");
    }
    ImGui::End();
    return;
  }
  const scenario::Grade& g = *c.grade;
  ImGui::TextUnformatted(g.scenario_title.c_str());
  ImGui::TextDisabled("%s mode", std::string(scenario::mode_name(g.answers.mode)).c_str());
  // The instructor's summary names the answer, so the trainee first sees it here.
  if (c.scenario && !c.scenario->summary.empty()) ImGui::TextWrapped("The case: %s", c.scenario->summary.c_str());
  ImGui::Text("Total %.1f / 100 (pass mark %.0f):", g.total, g.pass_mark);
  ImGui::SameLine();
  ImGui::TextColored(g.passed ? ImVec4(0.4f, 0.9f, 0.5f, 1) : ImVec4(1, 0.4f, 0.35f, 1), "%s",
                     g.passed ? "PASSED" : "NOT PASSED");
  grade_criteria(g);
  if (g.metrics) {
    ImGui::Separator();
    const auto& m = *g.metrics;
    ImGui::Text("%llu punctures, depth median %.2f mm (deepest %.2f), %.0f%% of the marks at target",
                static_cast<unsigned long long>(m.punctures), m.depth_mm_median, m.depth_mm_max,
                100 * m.coverage_fraction);
    ImGui::Text("Tilt %.1f deg, force %.2f N, speed %.1f mm/s on average", m.tilt_deg_mean, m.force_n_mean,
                m.speed_mm_s_mean);
  }
  if (g.metrics && !g.metrics->moments.empty()) {
    ImGui::Separator();
    ImGui::TextDisabled("Watch where mistakes began:");
    for (std::size_t i = 0; i < g.metrics->moments.size() && i < 12; ++i) {
      const auto& m = g.metrics->moments[i];
      ImGui::PushID(static_cast<int>(i));
      const std::string label = m.what + " at " + std::to_string(m.step / 1000) + " s";
      // Wrap the row of buttons at the panel's edge.
      const float width = ImGui::CalcTextSize(label.c_str()).x + 2 * ImGui::GetStyle().FramePadding.x;
      const float right_edge = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
      if (i > 0 && ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + width < right_edge) ImGui::SameLine();
      if (ImGui::SmallButton(label.c_str())) {
        actions.replay_attempt = "";
        actions.replay_seek_s = std::max(0.0, static_cast<double>(m.step) / 1000.0 - 1.0);
      }
      ImGui::PopID();
    }
  }
  ImGui::Separator();
  if (!c.status.empty()) ImGui::TextWrapped("%s", c.status.c_str());
  if (ImGui::Button("Retry this case")) actions.retry = true;
  ImGui::SameLine();
  if (ImGui::Button("Save the HTML report")) actions.save_report = true;
  ImGui::SameLine();
  if (ImGui::Button("Case library")) actions.show_library = true;
  if (g.answers.plan) {
    ImGui::SameLine();
    if (ImGui::Button("Replay the attempt")) actions.replay_attempt = "";
  }
  ImGui::End();
}

}  // namespace dermasim::ui
