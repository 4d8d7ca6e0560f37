// Gauges, cue flashes and the help panel.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>

#include "tissue/layers.hpp"
#include "ui/panels.hpp"

namespace dermasim::ui {

namespace {

const ImVec4 good_colour(0.35f, 0.85f, 0.45f, 1.0f);
const ImVec4 warn_colour(1.0f, 0.72f, 0.2f, 1.0f);
const ImVec4 bad_colour(1.0f, 0.3f, 0.25f, 1.0f);

const ImVec4 neutral_colour(0.45f, 0.55f, 0.7f, 1.0f);

// Full scales of the gauges that have no device limit to borrow: well past
// anything a pen stroke or a cartridge's load reaches.
constexpr double speed_full_scale_mm_s = 60.0;
constexpr double needle_load_full_scale_n = 4.0;

struct Band {
  double lo, hi;
};

// A horizontal bar; with a band (practice), the band is marked and the bar
// coloured by it; without (assessment), a plain bar.
void gauge(const char* label, double value, double max_value, std::optional<Band> band, const char* text) {
  const float fraction = static_cast<float>(std::clamp(value / max_value, 0.0, 1.0));
  const bool ok = band && value >= band->lo && value <= band->hi;
  ImGui::PushStyleColor(ImGuiCol_PlotHistogram,
                        !band ? neutral_colour : ok ? good_colour : (value > band->hi ? bad_colour : warn_colour));
  ImGui::ProgressBar(fraction, ImVec2(-90.0f, 0.0f), text);
  ImGui::PopStyleColor();
  if (!band) {
    ImGui::SameLine();
    ImGui::TextUnformatted(label);
    return;
  }
  const double ok_low = band->lo, ok_high = band->hi;
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

void gauges_panel(AppState& state) {
  const ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x - 370.0f, 30.0f), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowSize(ImVec2(360, 0), ImGuiCond_FirstUseEver);
  if (!ImGui::Begin("Gauges")) {
    ImGui::End();
    return;
  }
  const auto& t = state.telemetry;
  // Practice shows the key's bands (the same the grade holds); assessment none.
  const bool hints = shows_hints(state.mode) && state.clinic.scenario;
  if (hints) state.hints_drawn |= hint_gauge_bands;
  const auto band = [&](Band b) { return hints ? std::optional<Band>(b) : std::nullopt; };
  const scenario::TechniqueKey technique = state.clinic.scenario ? state.clinic.scenario->key.technique : scenario::TechniqueKey{};
  char text[96];
  std::snprintf(text, sizeof text, "%.2f N", t.pressing_force_n);
  // The force band the grade holds: the key's, else the cartridge's own (the simulator's limits).
  gauge("Force", t.pressing_force_n, PenControls::max_force_n, band({state.limits.force_min_n, state.limits.force_max_n}),
        text);

  // Depth against the target layer, at the pen.
  const double depth = t.stroke_depth_mm;
  const auto target = state.target_shallowest;
  const bool in_target = t.stroke_layer >= state.target_shallowest && t.stroke_layer <= state.target_deepest;
  std::snprintf(text, sizeof text, "%.2f mm", depth);
  ImGui::PushStyleColor(ImGuiCol_PlotHistogram,
                        depth <= 0.0 ? ImVec4(0.4f, 0.4f, 0.45f, 1.0f)
                        : !hints     ? neutral_colour
                                     : (in_target ? good_colour : (t.stroke_layer < target ? warn_colour : bad_colour)));
  ImGui::ProgressBar(static_cast<float>(std::clamp(depth / physics::DeviceSettings::max_length_mm, 0.0, 1.0)),
                     ImVec2(-90.0f, 0.0f), text);
  ImGui::PopStyleColor();
  ImGui::SameLine();
  ImGui::TextUnformatted("Depth");
  const std::string target_label = state.target_shallowest == state.target_deepest
                                       ? layer_label(target)
                                       : layer_label(state.target_shallowest) + " to " + layer_label(state.target_deepest);
  if (hints)
    ImGui::TextWrapped("reached %s; target %s", depth > 0.0 ? layer_label(t.stroke_layer).c_str() : "-",
                       target_label.c_str());
  else
    ImGui::TextWrapped("reached %s", depth > 0.0 ? layer_label(t.stroke_layer).c_str() : "-");

  std::snprintf(text, sizeof text, "%.1f deg", t.pose.tilt_deg);
  gauge("Tilt", t.pose.tilt_deg, PenControls::max_tilt_deg, band({0.0, technique.tilt_max_deg}), text);
  std::snprintf(text, sizeof text, "%.1f mm/s", t.lateral_speed_mm_s);
  gauge("Speed", t.lateral_speed_mm_s, speed_full_scale_mm_s, band({technique.speed_mm_s.lo, technique.speed_mm_s.hi}), text);
  // Shaft friction on the way out pulls back by a hair; "-0.00 N" would only confuse.
  std::snprintf(text, sizeof text, "%.2f N", std::abs(t.needle_load_n) < 0.005 ? 0.0 : t.needle_load_n);
  gauge("Needle load", t.needle_load_n, needle_load_full_scale_n, std::nullopt, text);

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
  // Anchored at the bottom-right corner and sized to its rows, so no line is
  // cut off at the default window size.
  ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x - 10.0f, io.DisplaySize.y - 10.0f), ImGuiCond_FirstUseEver,
                          ImVec2(1.0f, 1.0f));
  if (!ImGui::Begin("Controls (F1)", &state.show_help, ImGuiWindowFlags_AlwaysAutoResize)) {
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
      {"Ctrl+R", "start the case again"},
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
