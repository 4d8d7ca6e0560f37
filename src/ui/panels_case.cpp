// The scenario stages before the debrief: the case library, the consultation
// (intake form, follow-up questions, findings, decision), the plan, the
// procedure's own controls, and aftercare with scheduling.
#include <imgui.h>

#include <cmath>
#include <string>

#include "scene/skin_tone.hpp"
#include "ui/panel_helpers.hpp"
#include "ui/panels.hpp"

namespace dermasim::ui {
namespace {

void wrapped(const std::string& text) { ImGui::TextWrapped("%s", text.c_str()); }

bool begin_stage_window(const char* title, float width, float height) {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + 10, vp->WorkPos.y + 10), ImGuiCond_Always);
  ImGui::SetNextWindowSize(ImVec2(width, std::min(height, vp->WorkSize.y - 20)), ImGuiCond_Always);
  return ImGui::Begin(title, nullptr, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoMove);
}

void patient_card(const scenario::Scenario& s) {
  const scenario::Patient& p = s.patient;
  ImGui::Text("%s, %d, %s, Fitzpatrick %s, BMI %.0f", p.name.c_str(), p.age_years,
              std::string(tissue::sex_name(p.sex)).c_str(), std::string(scene::fitzpatrick_roman(p.fitzpatrick)).c_str(),
              p.bmi_kg_m2);
  ImGui::Text("Site: %s", std::string(tissue::site_name(s.patch.site)).c_str());
  if (p.pregnant || p.nursing) ImGui::TextColored(ImVec4(1, 0.8f, 0.4f, 1), "%s", p.pregnant ? "Pregnant" : "Nursing");
  wrapped(p.presentation);
  if (!p.goals.empty()) wrapped("Goals: " + p.goals);
  if (!p.expectations.empty()) wrapped("Expects: " + p.expectations);
}

}  // namespace

void library_panel(AppState& state, UiActions& actions) {
  if (!begin_stage_window("Case library", 720, 560)) {
    ImGui::End();
    return;
  }
  ImGui::TextWrapped("Pick a case. Your best score on each is shown; attempts are recorded.");
  if (ImGui::BeginTable("cases", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY)) {
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
        ImGui::TextColored(ImVec4(1, 0.45f, 0.3f, 1), "does not load: %s", e.problem.c_str());
      else if (ImGui::IsItemHovered() && !e.patient.empty())
        ImGui::SetTooltip("%s", e.patient.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(e.site.c_str());
      ImGui::TableNextColumn();
      if (e.best_total)
        ImGui::TextColored(e.passed_ever ? ImVec4(0.4f, 0.9f, 0.5f, 1) : ImVec4(1, 0.7f, 0.4f, 1), "%.0f (%d)",
                           *e.best_total, e.attempts);
      else
        ImGui::TextDisabled("-");
      ImGui::TableNextColumn();
      ImGui::BeginDisabled(!e.problem.empty());
      if (ImGui::SmallButton("Open")) actions.open_case = e.path;
      ImGui::EndDisabled();
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
  ImGui::End();
}

void consultation_panel(AppState& state, UiActions& actions) {
  CaseState& c = state.clinic;
  if (!c.scenario) return;
  const scenario::Scenario& s = *c.scenario;
  if (!begin_stage_window("Consultation", 460, 900)) {
    ImGui::End();
    return;
  }
  ImGui::TextUnformatted(s.title.c_str());
  patient_card(s);

  section("Intake form");
  for (const auto& item : s.history)
    if (!item.intake.empty()) ImGui::BulletText("%s", item.intake.c_str());

  section("Follow-up questions (X7: a thorough consultation)");
  for (const auto& item : s.history) {
    if (item.question.empty()) continue;
    ImGui::PushID(item.id.c_str());
    if (contains(c.asked, item.id)) {
      ImGui::TextWrapped("Q: %s", item.question.c_str());
      ImGui::Indent();
      ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.75f, 0.85f, 1.0f, 1));
      ImGui::TextWrapped("\"%s\"", item.answer.c_str());
      ImGui::PopStyleColor();
      ImGui::Unindent();
    } else if (ImGui::SmallButton("Ask")) {
      actions.ask = item.id;
    } else {
      ImGui::SameLine();
      ImGui::TextWrapped("%s", item.question.c_str());
    }
    ImGui::PopID();
  }

  section("Findings that matter for microneedling");
  for (const auto& item : s.history) {
    // Items the trainee has not seen (not on the form, question not asked) stay hidden.
    if (item.intake.empty() && !contains(c.asked, item.id)) continue;
    bool on = contains(c.findings, item.id);
    if (ImGui::Checkbox(item.label.c_str(), &on)) set_member(c.findings, item.id, on);
  }

  section("Decision");
  for (scenario::Decision d : scenario::all_decisions())
    if (ImGui::RadioButton(std::string(scenario::decision_text(d)).c_str(), c.decision == d)) c.decision = d;
  if (c.decision == scenario::Decision::proceed_with_precautions) {
    for (const auto& p : scenario::precaution_catalog()) {
      bool on = contains(c.precautions, std::string(p.id));
      if (ImGui::Checkbox(std::string(p.text).c_str(), &on)) set_member(c.precautions, std::string(p.id), on);
    }
  }
  ImGui::Spacing();
  if (ImGui::Button(scenario::treats_today(c.decision) ? "Decide and plan the treatment" : "Decide and end the visit"))
    actions.decide = true;
  ImGui::End();
}

void plan_panel(AppState& state, UiActions& actions) {
  CaseState& c = state.clinic;
  if (!c.scenario) return;
  if (!begin_stage_window("Treatment plan", 420, 520)) {
    ImGui::End();
    return;
  }
  patient_card(*c.scenario);
  section("Device");
  auto& d = c.plan.device;
  float length = static_cast<float>(d.needle_length_mm);
  if (ImGui::SliderFloat("Needle length", &length, 0.25f, 3.0f, "%.2f mm"))
    d.needle_length_mm = std::round(static_cast<double>(length) / 0.25) * 0.25;  // pens set 0.25 mm steps
  ImGui::TextDisabled("D1 0.5 fine lines, D2 1.0 moderate striae, D3 1.5 severe, D4 2.0-3.0 extensive scarring");
  if (ImGui::BeginCombo("Cartridge", std::string(physics::cartridge(d.cartridge).name).c_str())) {
    for (const auto kind : physics::all_cartridges()) {
      const auto& cart = physics::cartridge(kind);
      if (ImGui::Selectable(std::string(cart.description).c_str(), kind == d.cartridge)) d.cartridge = kind;
    }
    ImGui::EndCombo();
  }
  float rate = static_cast<float>(d.stroke_rate_hz);
  if (ImGui::SliderFloat("Stroke rate", &rate, 50.0f, 150.0f, "%.0f Hz")) d.stroke_rate_hz = std::round(rate);
  section("Procedure");
  ImGui::Checkbox("Topical numbing cream first (P3)", &c.plan.numbing);
  ImGui::SliderInt("Passes", &c.plan.passes, 1, 6);
  if (!state.message.empty()) ImGui::TextColored(ImVec4(1.0f, 0.45f, 0.3f, 1.0f), "%s", state.message.c_str());
  if (ImGui::Button("Start the procedure")) actions.start_procedure = true;
  ImGui::End();
}

void procedure_panel(AppState& state, UiActions& actions) {
  const CaseState& c = state.clinic;
  ImGui::SetNextWindowPos(ImVec2(10, 30), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowSize(ImVec2(300, 0), ImGuiCond_FirstUseEver);
  if (!ImGui::Begin("Procedure")) {
    ImGui::End();
    return;
  }
  // Sliders leave room for their labels, so none is cut at the panel edge.
  ImGui::PushItemWidth(-ImGui::CalcTextSize("Pressing force").x - ImGui::GetStyle().ItemInnerSpacing.x);
  const auto& d = state.device;
  ImGui::Text("%.2f mm, %s, %.0f Hz", d.needle_length_mm, std::string(physics::cartridge(d.cartridge).name).c_str(),
              d.stroke_rate_hz);
  if (c.scenario) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("Hold the pen at 90 degrees (P4), skin taut, %.1f-%.1f N, %d overlapping passes in different "
                       "directions; cover every mark.",
                       state.limits.force_min_n, state.limits.force_max_n, c.plan.passes);
    ImGui::PopStyleColor();
  }
  section("Hand");
  float force = static_cast<float>(state.pen.force_n);
  if (ImGui::SliderFloat("Pressing force", &force, 0.0f, static_cast<float>(PenControls::max_force_n), "%.2f N"))
    state.pen.force_n = static_cast<double>(force);
  ImGui::Checkbox("Motor on (Space)", &state.pen.motor_on);
  ImGui::Checkbox("Skin taut (T)", &state.pen.skin_taut);
  if (ImGui::Button("Straighten pen (X)")) state.pen.tilt_x_deg = state.pen.tilt_y_deg = 0.0;
  ImGui::TextDisabled("Input: %s", state.input_device.c_str());
  ImGui::Spacing();
  if (ImGui::Button("Finish the procedure")) actions.finish_procedure = true;
  ImGui::PopItemWidth();
  ImGui::End();
}

void aftercare_panel(AppState& state, UiActions& actions) {
  CaseState& c = state.clinic;
  if (!begin_stage_window("Aftercare and scheduling", 560, 760)) {
    ImGui::End();
    return;
  }
  ImGui::TextWrapped("Tick every instruction you give the patient. Some of these are wrong.");
  const auto catalog = scenario::instruction_catalog();
  for (int index : c.instruction_order) {
    const scenario::Instruction& ins = catalog[static_cast<std::size_t>(index)];
    bool on = contains(c.instructions, std::string(ins.id));
    // The label wraps so a long instruction is read whole, not clipped at the
    // panel edge; clicking it ticks the box as a checkbox label would.
    ImGui::PushID(index);
    bool changed = ImGui::Checkbox("##give", &on);
    ImGui::SameLine();
    ImGui::TextWrapped("%s", std::string(ins.text).c_str());
    if (ImGui::IsItemClicked()) {
      on = !on;
      changed = true;
    }
    if (changed) set_member(c.instructions, std::string(ins.id), on);
    ImGui::PopID();
  }
  section("Schedule");
  ImGui::SliderInt("Sessions in the series", &c.sessions, 1, 10);
  ImGui::SliderFloat("Weeks between sessions", &c.interval_weeks, 1.0f, 12.0f, "%.0f");
  ImGui::SliderFloat("Maintenance every (months)", &c.maintenance_months, 1.0f, 24.0f, "%.0f");
  ImGui::Spacing();
  if (ImGui::Button("Finish the visit")) actions.submit_aftercare = true;
  ImGui::End();
}

}  // namespace dermasim::ui
