// Gauges, cue flashes and the help panel.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "tissue/layers.hpp"
#include "ui/panels.hpp"

namespace dermasim::ui {

namespace {

const ImVec4 good_colour(0.35f, 0.85f, 0.45f, 1.0f);
const ImVec4 warn_colour(1.0f, 0.72f, 0.2f, 1.0f);
const ImVec4 bad_colour(1.0f, 0.3f, 0.25f, 1.0f);

// A horizontal bar with the acceptable band marked.
void gauge(const char* label, double value, double max_value, double ok_low, double ok_high, const char* text) {
  const float fraction = static_cast<float>(std::clamp(value / max_value, 0.0, 1.0));
  const bool ok = value >= ok_low && value <= ok_high;
  ImGui::PushStyleColor(ImGuiCol_PlotHistogram, ok ? good_colour : (value > ok_high ? bad_colour : warn_colour));
  ImGui::ProgressBar(fraction, ImVec2(-90.0f, 0.0f), text);
  ImGui::PopStyleColor();
  // The band, drawn over the bar.
  const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  const float w = max.x - min.x;
  auto x_at = [&](double v) { return min.x + w * static_cast<float>(std::clamp(v / max_value, 0.0, 1.0)); };
  ImGui::GetWindowDrawList()->AddRect(ImVec2(x_at(ok_low), min.y), ImVec2(x_at(ok_high), max.y),
                                      IM_COL32(255, 255, 255, 160), 0.0f, 0, 1.5f);
  ImGui::SameLine();
  ImGui::TextUnformatted(label);
}

const char* cue_advice(physics::Cue cue) {
  switch (cue) {
    case physics::cue_bottomed_out: return "Bottomed out: the whole needle length is in; press less";
    case physics::cue_pressure_low: return "Pressure low: needles tent the skin instead of entering";
    case physics::cue_pressure_high: return "Pressure high: bruising and tram-track risk";
    case physics::cue_tilt: return "Tilted: hold the pen perpendicular";
    case physics::cue_drag: return "Dragging with needles in: tram-track risk";
    case physics::cue_dwell: return "Dwelling on one spot: over-treatment";
    case physics::cue_input_corrected: return "Input corrected";
    default: return "";
  }
}

// "papillary dermis", as a trainee reads it, not the file format's name.
std::string layer_label(tissue::Layer layer) {
  std::string s(tissue::layer_name(layer));
  std::replace(s.begin(), s.end(), '_', ' ');
  return s;
}

}  // namespace

void gauges_panel(const AppState& state) {
  const ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x - 370.0f, 30.0f), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowSize(ImVec2(360, 0), ImGuiCond_FirstUseEver);
  if (!ImGui::Begin("Gauges")) {
    ImGui::End();
    return;
  }
  const auto& t = state.telemetry;
  char text[96];
  std::snprintf(text, sizeof text, "%.2f N", t.pressing_force_n);
  gauge("Force", t.pressing_force_n, 8.0, state.limits.force_min_n, state.limits.force_max_n, text);

  // Depth against the target layer, at the pen.
  const double depth = t.stroke_depth_mm;
  const auto target = state.target_shallowest;
  const bool in_target = t.stroke_layer >= state.target_shallowest && t.stroke_layer <= state.target_deepest;
  std::snprintf(text, sizeof text, "%.2f mm", depth);
  ImGui::PushStyleColor(ImGuiCol_PlotHistogram,
                        depth <= 0.0 ? ImVec4(0.4f, 0.4f, 0.45f, 1.0f)
                                     : (in_target ? good_colour : (t.stroke_layer < target ? warn_colour : bad_colour)));
  ImGui::ProgressBar(static_cast<float>(std::clamp(depth / 3.0, 0.0, 1.0)), ImVec2(-90.0f, 0.0f), text);
  ImGui::PopStyleColor();
  ImGui::SameLine();
  ImGui::TextUnformatted("Depth");
  const std::string target_label = state.target_shallowest == state.target_deepest
                                       ? layer_label(target)
                                       : layer_label(state.target_shallowest) + " to " + layer_label(state.target_deepest);
  ImGui::TextWrapped("reached %s; target %s", depth > 0.0 ? layer_label(t.stroke_layer).c_str() : "-",
                     target_label.c_str());

  std::snprintf(text, sizeof text, "%.1f deg", t.pose.tilt_deg);
  gauge("Tilt", t.pose.tilt_deg, 30.0, 0.0, state.limits.tilt_max_deg, text);
  std::snprintf(text, sizeof text, "%.1f mm/s", t.lateral_speed_mm_s);
  gauge("Speed", t.lateral_speed_mm_s, 60.0, 0.0, 60.0, text);
  // Shaft friction on the way out pulls back by a hair; "-0.00 N" would only confuse.
  std::snprintf(text, sizeof text, "%.2f N", std::abs(t.needle_load_n) < 0.005 ? 0.0 : t.needle_load_n);
  gauge("Needle load", t.needle_load_n, 4.0, 0.0, 4.0, text);

  ImGui::Separator();
  ImGui::Text("Needles in skin %d   Punctures %llu", t.needles_in_skin, static_cast<unsigned long long>(state.punctures));
  ImGui::Text("Motor %s   Skin %s   Time %.1f s", state.pen.motor_on ? "ON" : "off",
              state.pen.skin_taut ? "taut" : "lax", state.sim_time_s);
  if (state.paused) ImGui::TextColored(warn_colour, "Paused (P)");
  if (state.behind_real_time) ImGui::TextColored(warn_colour, "Frame too slow: simulation running behind real time");
  ImGui::TextDisabled("%.1f ms/frame, %d physics steps", state.frame_ms, state.steps_last_frame);
  ImGui::End();
}

void cue_banner(const AppState& state) {
  const ImGuiIO& io = ImGui::GetIO();
  bool any = false;
  for (int i = 0; i < physics::cue_count; ++i)
    if (state.wall_time_s - state.cue_seen_s[static_cast<std::size_t>(i)] < cue_flash_s) any = true;
  if (!any) return;
  ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, 40.0f), ImGuiCond_Always, ImVec2(0.5f, 0.0f));
  ImGui::SetNextWindowBgAlpha(0.85f);
  ImGui::Begin("##cues", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoInputs |
                   ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav);
  for (int i = 0; i < physics::cue_count; ++i) {
    const double age = state.wall_time_s - state.cue_seen_s[static_cast<std::size_t>(i)];
    if (age >= cue_flash_s) continue;
    const auto cue = static_cast<physics::Cue>(1u << i);
    // Flash: bright at first, fading over the flash time.
    const float fade = static_cast<float>(1.0 - age / cue_flash_s);
    ImVec4 c = cue == physics::cue_input_corrected ? warn_colour : bad_colour;
    c.w = 0.35f + 0.65f * fade;
    ImGui::TextColored(c, "%s", cue_advice(cue));
  }
  ImGui::End();
}

void help_panel(AppState& state) {
  if (!state.show_help) return;
  const ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x - 370.0f, io.DisplaySize.y - 330.0f), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowSize(ImVec2(360, 320), ImGuiCond_FirstUseEver);
  if (!ImGui::Begin("Controls (F1)", &state.show_help)) {
    ImGui::End();
    return;
  }
  static constexpr const char* rows[][2] = {
      {"Move mouse", "pen follows the cursor over the skin"},
      {"Left button (hold)", "press the pen onto the skin"},
      {"W / S", "more / less pressing force"},
      {"Shift + wheel", "adjust pressing force"},
      {"A / D", "tilt the pen left / right"},
      {"R / F", "tilt the pen away / toward you"},
      {"X", "straighten the pen"},
      {"Space", "motor on / off"},
      {"T", "skin taut / lax (free hand)"},
      {"Right drag", "orbit the camera"},
      {"Middle drag", "pan the camera"},
      {"Wheel", "zoom"},
      {"1 / 2 / 3", "top / oblique / cutaway view"},
      {"V / L", "cutaway on / lock its plane"},
      {"H", "coverage heat map"},
      {"M", "mute sound"},
      {"P", "pause the simulation"},
      {"Ctrl+R", "reset the treatment"},
      {"F1", "this help"},
      {"Ctrl+Q", "quit"},
      {"Gamepad", "right trigger: force; left stick: tilt;"},
      {"", "right stick: move; A: motor; B: taut/lax"},
  };
  if (ImGui::BeginTable("controls", 2, ImGuiTableFlags_RowBg)) {
    for (const auto& row : rows) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(row[0]);
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(row[1]);
    }
    ImGui::EndTable();
  }
  ImGui::End();
}

}  // namespace dermasim::ui
