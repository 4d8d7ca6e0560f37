// The stage bar, device and view panels.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "scene/skin_tone.hpp"
#include "ui/panel_helpers.hpp"
#include "ui/panels.hpp"

namespace dermasim::ui {

UiActions draw_ui(AppState& state) {
  UiActions actions;
  state.hints_drawn = 0;
  stage_bar(state, actions);
  switch (state.stage) {
    case Stage::library: library_panel(state, actions); break;
    case Stage::screening:
      consultation_panel(state, actions);
      course_skin_panel(state);
      break;
    case Stage::plan: plan_panel(state, actions); break;
    case Stage::procedure:
      procedure_panel(state, actions);
      view_panel(state, actions);
      gauges_panel(state);
      cue_banner(state);
      break;
    case Stage::aftercare: aftercare_panel(state, actions); break;
    case Stage::debrief: debrief_panel(state, actions); break;
    case Stage::progress: progress_panel(state, actions); break;
    case Stage::instructor: instructor_panel(state, actions); break;
    case Stage::replay:
      replay_panel(state, actions);
      view_panel(state, actions);
      break;
  }
  help_panel(state);
  return actions;
}

void stage_bar(AppState& state, UiActions& actions) {
  if (!ImGui::BeginMainMenuBar()) return;
  ImGui::TextUnformatted("dermasim");
  ImGui::Separator();
  if (ImGui::MenuItem(stage_name(Stage::library), nullptr, state.stage == Stage::library)) actions.show_library = true;
  if (ImGui::MenuItem(stage_name(Stage::progress), nullptr, state.stage == Stage::progress)) actions.show_progress = "";
  if (!state.instructor.instructor.empty() &&
      ImGui::MenuItem(stage_name(Stage::instructor), nullptr, state.stage == Stage::instructor))
    actions.show_instructor = true;
  // The attempt's stages show where the trainee is; the flow moves them on.
  for (const Stage s : {Stage::screening, Stage::plan, Stage::procedure, Stage::aftercare, Stage::debrief}) {
    ImGui::BeginDisabled(s != state.stage);
    ImGui::MenuItem(stage_name(s), nullptr, s == state.stage);
    ImGui::EndDisabled();
  }
  ImGui::Separator();
  ImGui::TextDisabled("%s", state.case_title.c_str());
  ImGui::TextDisabled("(%s)", std::string(scenario::mode_name(state.mode)).c_str());
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

void view_panel(AppState& state, UiActions& actions) {
  ImGui::SetNextWindowPos(ImVec2(10, 330), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowSize(ImVec2(330, 0), ImGuiCond_FirstUseEver);
  if (!ImGui::Begin("View")) {
    ImGui::End();
    return;
  }
  // Sliders and combos leave room for the longest label.
  ImGui::PushItemWidth(-ImGui::CalcTextSize("Depth exaggeration").x - ImGui::GetStyle().ItemInnerSpacing.x);
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
  // Assessment keeps the live coverage map for the debrief.
  if (!shows_hints(state.mode) && state.stage == Stage::procedure)
    ImGui::TextDisabled("Coverage map: in the debrief (assessment)");
  else
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
  ImGui::Checkbox("Automatic render scale", &state.auto_render_scale);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Lower draws the 3D scene at fewer pixels: faster on software GL");
  ImGui::BeginDisabled(state.auto_render_scale);
  ImGui::SliderFloat("Render scale", &state.render_scale, 0.25f, 1.0f, "%.2f");
  ImGui::EndDisabled();
  section("Feedback");
  ImGui::BeginDisabled(!state.feedback.audio_available);
  ImGui::Checkbox("Mute sound (M)", &state.feedback.sound_muted);
  ImGui::SliderFloat("Volume", &state.feedback.volume, 0.0f, 1.0f, "%.2f");
  ImGui::EndDisabled();
  ImGui::BeginDisabled(!state.feedback.rumble_available);
  ImGui::Checkbox("Mute rumble", &state.feedback.rumble_muted);
  ImGui::EndDisabled();
  ImGui::TextDisabled("%s", state.feedback.audio_status.c_str());
  ImGui::PopItemWidth();
  ImGui::End();
}

}  // namespace dermasim::ui
