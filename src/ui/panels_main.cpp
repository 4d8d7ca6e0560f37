// The stage bar, device and view panels.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "scene/skin_tone.hpp"
#include "ui/panels.hpp"

namespace dermasim::ui {

namespace {

// ImGui 1.86 has no SeparatorText.
void section(const char* label) {
  ImGui::Spacing();
  ImGui::Separator();
  ImGui::TextDisabled("%s", label);
}

}  // namespace

UiActions draw_ui(AppState& state) {
  UiActions actions;
  stage_bar(state, actions);
  // Until the scenario engine lands, only the procedure stage has panels;
  // the other stages add theirs here.
  if (state.stage == Stage::procedure) {
    device_panel(state, actions);
    view_panel(state, actions);
    gauges_panel(state);
    cue_banner(state);
  }
  help_panel(state);
  return actions;
}

void stage_bar(AppState& state, UiActions& actions) {
  if (!ImGui::BeginMainMenuBar()) return;
  ImGui::TextUnformatted("dermasim");
  ImGui::Separator();
  for (const Stage s : {Stage::screening, Stage::plan, Stage::procedure, Stage::aftercare, Stage::debrief}) {
    const bool current = s == state.stage;
    // Stages other than the procedure arrive with the scenario engine.
    ImGui::BeginDisabled(s != Stage::procedure);
    if (ImGui::MenuItem(stage_name(s), nullptr, current)) state.stage = s;
    ImGui::EndDisabled();
  }
  ImGui::Separator();
  ImGui::TextDisabled("%s", state.case_title.c_str());
  if (ImGui::BeginMenu("View")) {
    if (ImGui::MenuItem("Top", "1")) actions.camera_preset = scene::ViewPreset::top;
    if (ImGui::MenuItem("Oblique", "2")) actions.camera_preset = scene::ViewPreset::oblique;
    if (ImGui::MenuItem("Cutaway", "3")) actions.camera_preset = scene::ViewPreset::cutaway;
    ImGui::Separator();
    ImGui::MenuItem("Help", "F1", &state.show_help);
    ImGui::EndMenu();
  }
  if (ImGui::MenuItem("Quit", "Ctrl+Q")) actions.quit = true;
  ImGui::EndMainMenuBar();
}

void device_panel(AppState& state, UiActions& actions) {
  ImGui::SetNextWindowPos(ImVec2(10, 30), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowSize(ImVec2(300, 0), ImGuiCond_FirstUseEver);
  if (!ImGui::Begin("Device")) {
    ImGui::End();
    return;
  }
  auto& d = state.device_edit;
  float length = static_cast<float>(d.needle_length_mm);
  if (ImGui::SliderFloat("Needle length", &length, static_cast<float>(physics::DeviceSettings::min_length_mm),
                         static_cast<float>(physics::DeviceSettings::max_length_mm), "%.2f mm")) {
    // Pens set depth in 0.25 mm steps.
    const double step = physics::DeviceSettings::length_step_mm;
    d.needle_length_mm = std::round(static_cast<double>(length) / step) * step;
  }
  const std::string cartridge_label(physics::cartridge(d.cartridge).name);
  if (ImGui::BeginCombo("Cartridge", cartridge_label.c_str())) {
    for (const auto kind : physics::all_cartridges()) {
      const auto& c = physics::cartridge(kind);
      const std::string label = std::string(c.name) + " (" + std::to_string(c.needle_count()) + " needles)";
      if (ImGui::Selectable(label.c_str(), kind == d.cartridge)) d.cartridge = kind;
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%.*s", static_cast<int>(c.description.size()), c.description.data());
    }
    ImGui::EndCombo();
  }
  float rate = static_cast<float>(d.stroke_rate_hz);
  if (ImGui::SliderFloat("Stroke rate", &rate, static_cast<float>(physics::DeviceSettings::min_stroke_rate_hz),
                         static_cast<float>(physics::DeviceSettings::max_stroke_rate_hz), "%.0f Hz"))
    d.stroke_rate_hz = std::round(static_cast<double>(rate));
  const bool changed = d.needle_length_mm != state.device.needle_length_mm || d.cartridge != state.device.cartridge ||
                       d.stroke_rate_hz != state.device.stroke_rate_hz;
  ImGui::BeginDisabled(!changed);
  if (ImGui::Button("Apply settings")) actions.apply_device = true;
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (ImGui::Button("Reset treatment")) actions.reset_treatment = true;
  if (!state.message.empty()) ImGui::TextColored(ImVec4(1.0f, 0.45f, 0.3f, 1.0f), "%s", state.message.c_str());

  section("Hand");
  float force = static_cast<float>(state.pen.force_n);
  if (ImGui::SliderFloat("Pressing force", &force, 0.0f, static_cast<float>(PenControls::max_force_n), "%.2f N"))
    state.pen.force_n = static_cast<double>(force);
  ImGui::Checkbox("Motor on (Space)", &state.pen.motor_on);
  ImGui::Checkbox("Skin taut (T)", &state.pen.skin_taut);
  if (ImGui::Button("Straighten pen (X)")) state.pen.tilt_x_deg = state.pen.tilt_y_deg = 0.0;
  ImGui::TextDisabled("Input: %s", state.input_device.c_str());
  ImGui::End();
}

void view_panel(AppState& state, UiActions& actions) {
  ImGui::SetNextWindowPos(ImVec2(10, 330), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowSize(ImVec2(300, 0), ImGuiCond_FirstUseEver);
  if (!ImGui::Begin("View")) {
    ImGui::End();
    return;
  }
  auto& v = state.view;
  if (ImGui::Button("Top (1)")) actions.camera_preset = scene::ViewPreset::top;
  ImGui::SameLine();
  if (ImGui::Button("Oblique (2)")) actions.camera_preset = scene::ViewPreset::oblique;
  ImGui::SameLine();
  if (ImGui::Button("Cutaway (3)")) actions.camera_preset = scene::ViewPreset::cutaway;
  ImGui::SliderInt("Fitzpatrick", &v.fitzpatrick, scene::fitzpatrick_min, scene::fitzpatrick_max,
                   std::string(scene::fitzpatrick_roman(v.fitzpatrick)).c_str());
  float exaggeration = static_cast<float>(v.vertical_exaggeration);
  if (ImGui::SliderFloat("Depth exaggeration", &exaggeration, static_cast<float>(scene::SceneSettings::min_exaggeration),
                         static_cast<float>(scene::SceneSettings::max_exaggeration), "x%.1f"))
    v.vertical_exaggeration = static_cast<double>(exaggeration);
  ImGui::Checkbox("Coverage map (H)", &v.show_coverage);
  if (v.show_coverage) {
    ImGui::SameLine();
    ImGui::TextDisabled("target %.0f /cm2", v.coverage_target_per_cm2);
  }
  ImGui::Checkbox("Cutaway (V)", &v.cutaway);
  ImGui::SameLine();
  ImGui::BeginDisabled(!v.cutaway);
  ImGui::Checkbox("Lock plane (L)", &v.cutaway_locked);
  ImGui::EndDisabled();
  int axis = v.cutaway_axis == scene::CutAxis::along_x ? 0 : 1;
  if (ImGui::Combo("Cut along", &axis, "x (across the marks)\0y\0")) v.cutaway_axis = axis == 0 ? scene::CutAxis::along_x : scene::CutAxis::along_y;
  int target = tissue::layer_index(v.target_layer);
  if (ImGui::Combo("Target layer", &target, "stratum corneum\0viable epidermis\0papillary dermis\0reticular dermis\0hypodermis\0"))
    v.target_layer = tissue::layer_from_index(target);
  float opacity = static_cast<float>(v.pen_opacity);
  if (ImGui::SliderFloat("Pen opacity", &opacity, 0.0f, 1.0f, "%.2f")) v.pen_opacity = static_cast<double>(opacity);
  ImGui::SliderFloat("Render scale", &state.render_scale, 0.25f, 1.0f, "%.2f");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Lower draws the 3D scene at fewer pixels: faster on software GL");
  section("Feedback");
  ImGui::BeginDisabled(!state.feedback.audio_available);
  ImGui::Checkbox("Mute sound (M)", &state.feedback.sound_muted);
  ImGui::SliderFloat("Volume", &state.feedback.volume, 0.0f, 1.0f, "%.2f");
  ImGui::EndDisabled();
  ImGui::BeginDisabled(!state.feedback.rumble_available);
  ImGui::Checkbox("Mute rumble", &state.feedback.rumble_muted);
  ImGui::EndDisabled();
  ImGui::TextDisabled("%s", state.feedback.audio_status.c_str());
  ImGui::End();
}

}  // namespace dermasim::ui
