// The scenario stages before the debrief: the consultation (intake form,
// follow-up questions, findings, decision), the plan, the procedure's own
// controls, and aftercare with scheduling.
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
  // Only what the intake form, the presentation and answered questions say is
  // shown: a banner from the patient's `pregnant` or `nursing` fields would give
  // away a finding the case may hide behind a follow-up question (X7).
  wrapped(p.presentation);
  if (!p.goals.empty()) wrapped("Goals: " + p.goals);
  if (!p.expectations.empty()) wrapped("Expects: " + p.expectations);
}

}  // namespace

void consultation_panel(AppState& state, UiActions& actions) {
  CaseState& c = state.clinic;
  if (!c.scenario) return;
  const scenario::Scenario& s = *c.scenario;
  if (!begin_stage_window("Consultation", 460, 900)) {
    ImGui::End();
    return;
  }
  ImGui::TextUnformatted(s.title.c_str());
  course_visit_line(state);
  patient_card(s);

  section("Intake form");
  for (const auto& item : s.history)
    if (!item.intake.empty()) ImGui::BulletText("%s", item.intake.c_str());

  section("Follow-up questions (X7: a thorough consultation)");
  for (const auto& item : s.history) {
    if (item.question.empty()) continue;
    ImGui::PushID(item.id.c_str());
    if (c.asked(item.id)) {
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
    if (item.intake.empty() && !c.asked(item.id)) continue;
    bool on = contains(c.findings, item.id);
    if (ImGui::Checkbox(item.label.c_str(), &on)) set_member(c.findings, item.id, on);
  }

  section("Decision");
  // No decision is preselected: the trainee picks one.
  for (scenario::Decision d : scenario::all_decisions())
    if (ImGui::RadioButton(std::string(scenario::decision_text(d)).c_str(), c.decision == d)) c.decision = d;
  if (c.decision == scenario::Decision::proceed_with_precautions) {
    for (const auto& p : scenario::precaution_catalog()) {
      bool on = contains(c.precautions, std::string(p.id));
      if (ImGui::Checkbox(std::string(p.text).c_str(), &on)) set_member(c.precautions, std::string(p.id), on);
    }
  }
  ImGui::Spacing();
  ImGui::BeginDisabled(!c.decision);
  const bool treats = c.decision && scenario::treats_today(*c.decision);
  if (ImGui::Button(!c.decision ? "Choose a decision" : treats ? "Decide and plan the treatment" : "Decide and end the visit"))
    actions.decide = true;
  ImGui::EndDisabled();
  ImGui::End();
}

void plan_panel(AppState& state, UiActions& actions) {
  CaseState& c = state.clinic;
  if (!c.scenario) return;
  if (!begin_stage_window("Treatment plan", 440, 560)) {
    ImGui::End();
    return;
  }
  patient_card(*c.scenario);
  section("Device (nothing is preset: choose each)");
  using Device = physics::DeviceSettings;
  PlanDraft& d = c.plan;
  float length = static_cast<float>(d.needle_length_mm.value_or(Device::min_length_mm));
  if (ImGui::SliderFloat("Needle length", &length, static_cast<float>(Device::min_length_mm),
                         static_cast<float>(Device::max_length_mm), d.needle_length_mm ? "%.2f mm" : "choose"))
    d.needle_length_mm = std::round(static_cast<double>(length) / Device::length_step_mm) * Device::length_step_mm;
  if (shows_hints(state.mode)) {
    state.hints_drawn |= hint_depth_table;
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("D1 0.5 mm fine lines, D2 1.0 mm moderate striae, D3 1.5 mm severe, D4 2.0-3.0 mm extensive "
                       "scarring");
    ImGui::PopStyleColor();
  }
  const std::string chosen = d.cartridge ? std::string(physics::cartridge(*d.cartridge).name) : "choose";
  if (ImGui::BeginCombo("Cartridge", chosen.c_str())) {
    for (const auto kind : physics::all_cartridges()) {
      const auto& cart = physics::cartridge(kind);
      if (ImGui::Selectable(std::string(cart.description).c_str(), kind == d.cartridge)) d.cartridge = kind;
    }
    ImGui::EndCombo();
  }
  if (d.cartridge && physics::cartridge(*d.cartridge).rf_electrodes) {
    // P6: the energy per needle, in whole mJ, from the generator's range.
    float energy = static_cast<float>(d.rf_energy_mj.value_or(0.0));
    if (ImGui::SliderFloat("RF energy", &energy, 0.0f, static_cast<float>(Device::max_rf_energy_mj),
                           d.rf_energy_mj ? "%.0f mJ per needle" : "choose"))
      d.rf_energy_mj = std::round(static_cast<double>(energy));
    if (shows_hints(state.mode)) {
      ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
      ImGui::TextWrapped("P6 RF heat at the tips adds collagen; D7 darker skin needs more caution: keep the energy "
                         "low for Fitzpatrick IV-VI");
      ImGui::PopStyleColor();
    }
  }
  float rate = static_cast<float>(d.stroke_rate_hz.value_or(Device::min_stroke_rate_hz));
  if (ImGui::SliderFloat("Stroke rate", &rate, static_cast<float>(Device::min_stroke_rate_hz),
                         static_cast<float>(Device::max_stroke_rate_hz), d.stroke_rate_hz ? "%.0f Hz" : "choose"))
    d.stroke_rate_hz = std::round(static_cast<double>(rate));
  section("Procedure");
  ImGui::TextUnformatted("Topical numbing cream first (P3):");
  ImGui::SameLine();
  if (ImGui::RadioButton("yes", d.numbing == true)) d.numbing = true;
  ImGui::SameLine();
  if (ImGui::RadioButton("no", d.numbing == false)) d.numbing = false;
  int passes = d.passes.value_or(1);
  if (ImGui::SliderInt("Passes", &passes, 1, PlanDraft::max_passes, d.passes ? "%d" : "choose")) d.passes = passes;
  if (!state.message.empty()) ImGui::TextColored(ImVec4(1.0f, 0.45f, 0.3f, 1.0f), "%s", state.message.c_str());
  const auto missing = d.missing();
  if (!missing.empty()) ImGui::TextWrapped("Still to choose: %s.", joined(missing).c_str());
  ImGui::BeginDisabled(!missing.empty());
  if (ImGui::Button("Start the procedure")) actions.start_procedure = true;
  ImGui::EndDisabled();
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
  if (c.answers && c.answers->plan) {
    // General technique (P4), never the key's numbers: in practice the gauges
    // show the key's bands, in assessment nothing does.
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("Hold the pen at 90 degrees (P4), skin taut, %d overlapping passes in different directions; "
                       "cover every mark.",
                       c.answers->plan->passes);
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
  section("Schedule (choose each)");
  ScheduleDraft& sd = c.schedule;
  int sessions = sd.sessions.value_or(1);
  if (ImGui::SliderInt("Sessions in the series", &sessions, 1, 10, sd.sessions ? "%d" : "choose")) sd.sessions = sessions;
  float weeks = sd.interval_weeks.value_or(1.0f);
  if (ImGui::SliderFloat("Weeks between sessions", &weeks, 1.0f, 12.0f, sd.interval_weeks ? "%.0f" : "choose"))
    sd.interval_weeks = std::round(weeks);
  float months = sd.maintenance_months.value_or(1.0f);
  if (ImGui::SliderFloat("Maintenance every (months)", &months, 1.0f, 24.0f, sd.maintenance_months ? "%.0f" : "choose"))
    sd.maintenance_months = std::round(months);
  ImGui::Spacing();
  const auto missing = sd.missing();
  if (!missing.empty()) ImGui::TextWrapped("Still to choose: %s.", joined(missing).c_str());
  ImGui::BeginDisabled(!missing.empty());
  if (ImGui::Button("Finish the visit")) actions.submit_aftercare = true;
  ImGui::EndDisabled();
  ImGui::End();
}

}  // namespace dermasim::ui
