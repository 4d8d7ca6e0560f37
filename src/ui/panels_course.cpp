// A course case on screen (issue 14): the visit line on the consultation, the
// skin the patient brings back at a return visit, the choice of when she
// returns at a visit's end (nothing chosen for the trainee, no grade shown
// before it), and the course's debrief with every visit's grade.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "scenario/catalog.hpp"
#include "ui/panel_helpers.hpp"
#include "ui/panels.hpp"
#include "ui/pixels_draw.hpp"

namespace dermasim::ui {
namespace {

const ImVec4 pass_colour(0.4f, 0.9f, 0.5f, 1), fail_colour(1, 0.4f, 0.35f, 1);

void verdict(bool passed) {
  ImGui::TextColored(passed ? pass_colour : fail_colour, "%s", passed ? "PASSED" : "NOT PASSED");
}

// Stands where the 3D view does, on the right of the stage panel.
bool begin_right_window(const char* title, float left) {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + left, vp->WorkPos.y + 10), ImGuiCond_Always);
  ImGui::SetNextWindowSize(ImVec2(std::max(360.0f, vp->WorkSize.x - left - 10), vp->WorkSize.y - 20), ImGuiCond_Always);
  return ImGui::Begin(title, nullptr, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoMove);
}

void criterion_row(const scenario::CourseCriterion& cr) {
  ImGui::ProgressBar(static_cast<float>(cr.score / 100.0), ImVec2(160, 0), std::to_string(static_cast<int>(cr.score)).c_str());
  ImGui::SameLine();
  ImGui::Text("%s (weight %.0f, passes at %.0f)", cr.id.c_str(), cr.weight, cr.threshold);
  ImGui::Indent();
  if (cr.feedback.empty()) ImGui::TextColored(ImVec4(0.5f, 0.85f, 0.55f, 1), "Nothing lost.");
  for (const auto& f : cr.feedback) ImGui::TextWrapped("- %s", f.c_str());
  ImGui::Unindent();
}

void outcome_line(const char* who, const scenario::CourseOutcome& o) {
  ImGui::BulletText("%s: %.1f%% improvement at day %.0f after %d session(s)", who, o.improvement_percent, o.day, o.treatments);
  if (o.pih + o.infection + o.tram_track + o.rf_burn > 0)
    ImGui::TextWrapped("    complications: PIH %d, infection %d, tram-track %d, RF burn %d", o.pih, o.infection,
                       o.tram_track, o.rf_burn);
}

}  // namespace

void course_visit_line(const AppState& state) {
  const CourseView& v = state.clinic.course;
  if (!v.active) return;
  ImGui::TextColored(ImVec4(0.95f, 0.85f, 0.5f, 1), "Visit %d of up to %d, day %.0f of the course; %d session(s) so far",
                     v.visit, v.max_visits, v.day, v.treatments);
}

void course_skin_panel(const AppState& state) {
  const CourseView& v = state.clinic.course;
  if (!v.active || !v.skin) return;
  const SkinToday& s = *v.skin;
  if (!begin_right_window("The skin today", 480)) {
    ImGui::End();
    return;
  }
  ImGui::TextWrapped("Day %.0f of the course, as she comes back: look at the treated area before you decide.", v.day);
  const float width = ImGui::GetContentRegionAvail().x;
  draw_pixels(s.top, std::min(2.5f, width / static_cast<float>(std::max(1, s.top.width))));
  ImGui::Text("Redness %.0f%%, darkening %.0f%% over the treated skin; the marks %.0f%% better on average", s.erythema_percent,
              s.pigment_percent, s.improvement_percent);
  ImGui::TextDisabled("Cutaway across mark 1: epidermis, dermis (pale where new collagen is laid), fat");
  draw_pixels(s.cutaway, std::min(1.0f, width / static_cast<float>(std::max(1, s.cutaway.width))));
  ImGui::End();
}

void course_return_panel(AppState& state, UiActions& actions) {
  CaseState& c = state.clinic;
  CourseView& v = c.course;
  if (!begin_right_window("End of the visit", 10)) {
    ImGui::End();
    return;
  }
  ImGui::TextUnformatted(c.scenario ? c.scenario->title.c_str() : "");
  course_visit_line(state);
  if (c.answers && c.answers->consultation)
    ImGui::Text("Today: %s", std::string(scenario::decision_text(c.answers->consultation->decision)).c_str());
  ImGui::TextWrapped("The course is graded as a whole at its end: every visit, the series (S1, S2) and the outcome "
                     "about three months after the last session (S3).");
  section("When does she come back?");
  if (ImGui::RadioButton("She comes back in", v.come_back.has_value() && *v.come_back)) v.come_back = true;
  ImGui::SameLine();
  ImGui::SetNextItemWidth(140);
  const std::string preview = v.return_weeks ? std::to_string(*v.return_weeks) + " week(s)" : "choose";
  if (ImGui::BeginCombo("##weeks", preview.c_str())) {
    for (int w = 1; w <= CourseView::most_return_weeks_offered; ++w) {
      const bool on = v.return_weeks && *v.return_weeks == w;
      if (ImGui::Selectable((std::to_string(w) + " week(s)").c_str(), on)) {
        v.return_weeks = w;
        v.come_back = true;
      }
    }
    ImGui::EndCombo();
  }
  if (ImGui::RadioButton("End the course here", v.come_back.has_value() && !*v.come_back)) v.come_back = false;
  if (v.visit >= v.max_visits)
    ImGui::TextDisabled("This is the case's last visit: a return is noted, and the course ends.");
  ImGui::Spacing();
  const bool ends = (v.come_back && !*v.come_back) || v.visit >= v.max_visits;
  if (ImGui::Button(ends ? "End the course and see the grade" : "See her at the next visit")) actions.next_visit = true;
  ImGui::SameLine();
  if (ImGui::Button("Start the course again")) actions.retry = true;
  if (!state.message.empty()) ImGui::TextColored(fail_colour, "%s", state.message.c_str());
  ImGui::End();
}

void course_debrief_panel(AppState& state, UiActions& actions) {
  CaseState& c = state.clinic;
  CourseView& v = c.course;
  if (!begin_right_window("Course debrief", 10)) {
    ImGui::End();
    return;
  }
  if (!v.grade) {
    if (c.grading) {  // the course grade (with the key's protocol) is computing
      ImGui::TextUnformatted("Grading the course: every visit, and the guideline's protocol on the same patient...");
      ImGui::ProgressBar(static_cast<float>(std::fmod(ImGui::GetTime(), 1.0)), ImVec2(-1.0f, 0.0f), "");
    }
    if (!v.status.empty()) ImGui::TextWrapped("%s", v.status.c_str());
    ImGui::End();
    return;
  }
  const scenario::CourseGrade& g = *v.grade;
  ImGui::TextUnformatted(g.scenario_title.c_str());
  ImGui::TextDisabled("%s mode", std::string(scenario::mode_name(state.mode)).c_str());
  if (c.scenario && !c.scenario->summary.empty()) ImGui::TextWrapped("The case: %s", c.scenario->summary.c_str());
  ImGui::Text("Course total %.1f / 100 (pass mark %.0f):", g.total, g.pass_mark);
  ImGui::SameLine();
  verdict(g.passed);
  for (const auto& w : g.why_not) ImGui::TextColored(fail_colour, "- %s", w.c_str());
  section("The course");
  for (const auto& cr : g.criteria) criterion_row(cr);
  outcome_line("Your course", g.outcome);
  outcome_line("The guideline's protocol, same patient and seed", g.key_outcome);
  section("Every visit");
  for (std::size_t i = 0; i < g.visits.size(); ++i) {
    const scenario::PlayedVisit& pv = g.visits[i];
    const auto& a = pv.attempt.answers;
    std::string head = "Visit " + std::to_string(pv.findings.visit) + ", day " +
                       std::to_string(static_cast<int>(std::lround(pv.findings.day))) + ": " +
                       (a.consultation ? std::string(scenario::decision_name(a.consultation->decision)) : "no decision") +
                       ", " + std::to_string(static_cast<int>(std::lround(pv.grade.total))) + " / 100, " +
                       (pv.grade.passed ? "passed" : "NOT passed");
    if (pv.attempt.return_in_weeks) head += "; back in " + std::to_string(static_cast<int>(std::lround(*pv.attempt.return_in_weeks))) + " week(s)";
    ImGui::PushID(static_cast<int>(i));
    if (!pv.grade.passed) ImGui::PushStyleColor(ImGuiCol_Text, fail_colour);
    const bool open = ImGui::CollapsingHeader(head.c_str());
    if (!pv.grade.passed) ImGui::PopStyleColor();
    if (open) {
      ImGui::Indent();
      grade_criteria(pv.grade);
      ImGui::Unindent();
    }
    ImGui::PopID();
  }
  ImGui::Separator();
  if (!v.status.empty()) ImGui::TextWrapped("%s", v.status.c_str());
  if (ImGui::Button("Start the course again")) actions.retry = true;
  ImGui::SameLine();
  if (ImGui::Button("Case library")) actions.show_library = true;
  ImGui::End();
}

}  // namespace dermasim::ui
