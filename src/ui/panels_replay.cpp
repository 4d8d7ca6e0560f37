// Replay of a recorded attempt: play, pause, speed, a scrubber, and the
// moments mistakes began.
#include <imgui.h>

#include "ui/panels.hpp"

namespace dermasim::ui {

void replay_panel(AppState& state, UiActions& actions) {
  ReplayView& r = state.replay;
  ImGui::SetNextWindowPos(ImVec2(10, 30), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowSize(ImVec2(360, 0), ImGuiCond_FirstUseEver);
  if (!ImGui::Begin("Replay")) {
    ImGui::End();
    return;
  }
  ImGui::TextWrapped("%s", r.title.c_str());
  if (ImGui::Button(r.playing ? "Pause" : "Play")) r.playing = !r.playing;
  ImGui::SameLine();
  ImGui::SetNextItemWidth(140);
  ImGui::SliderFloat("Speed", &r.speed, 0.25f, 8.0f, "x%.2f", ImGuiSliderFlags_Logarithmic);
  float at = static_cast<float>(r.position_s);
  ImGui::SetNextItemWidth(-1);
  if (ImGui::SliderFloat("##position", &at, 0.0f, static_cast<float>(r.length_s), "%.1f s"))
    actions.replay_seek_s = static_cast<double>(at);
  if (!r.moments.empty()) {
    ImGui::TextDisabled("Where mistakes began:");
    for (std::size_t i = 0; i < r.moments.size() && i < 20; ++i) {
      ImGui::PushID(static_cast<int>(i));
      const std::string label = r.moments[i].second + " at " + std::to_string(static_cast<int>(r.moments[i].first)) + " s";
      if (ImGui::SmallButton(label.c_str())) actions.replay_seek_s = std::max(0.0, r.moments[i].first - 1.0);
      ImGui::PopID();
    }
  }
  if (ImGui::Button("Close the replay")) actions.close_replay = true;
  ImGui::End();
}

}  // namespace dermasim::ui
