// The debrief's healing time-lapse: the treated patch at day 0, 1, 3, 7, 28
// and 84 (slider and play button), before and after side by side, the cutaway
// with the dermis thickening, and each mark's improvement over time.
#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <string>

#include "ui/panels.hpp"
#include "ui/pixels_draw.hpp"

namespace dermasim::ui {
namespace {

// Each frame of the time-lapse shows this long while playing.
constexpr double play_frame_s = 1.2;
constexpr ImU32 mark_colours[] = {IM_COL32(230, 90, 80, 255), IM_COL32(90, 150, 230, 255), IM_COL32(90, 200, 120, 255),
                                  IM_COL32(230, 170, 60, 255), IM_COL32(190, 120, 220, 255), IM_COL32(80, 200, 200, 255)};


void improvement_plot(const OutcomeFilm& film, float width, float height) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 o = ImGui::GetCursorScreenPos();
  const float left = 34, bottom = 16;
  const double max_day = film.curve.empty() ? 1.0 : std::max(1.0, film.curve.back().day);
  auto px = [&](double day) { return o.x + left + (width - left - 8) * static_cast<float>(day / max_day); };
  auto py = [&](double pct) { return o.y + (height - bottom) * (1.0f - static_cast<float>(std::clamp(pct, 0.0, 100.0) / 100.0)); };
  dl->AddRectFilled(o, ImVec2(o.x + width, o.y + height), IM_COL32(25, 25, 30, 255));
  for (int pct = 0; pct <= 100; pct += 25) {
    dl->AddLine(ImVec2(o.x + left, py(pct)), ImVec2(o.x + width - 8, py(pct)), IM_COL32(70, 70, 80, 255));
    dl->AddText(ImVec2(o.x + 2, py(pct) - 7), IM_COL32(180, 180, 180, 255), (std::to_string(pct) + "%").c_str());
  }
  // Sessions of the series, as ticks.
  for (int k = 0; k < film.sessions; ++k) {
    const double d = k * film.interval_days;
    if (d > max_day) break;
    dl->AddLine(ImVec2(px(d), py(0)), ImVec2(px(d), py(100)), IM_COL32(120, 120, 60, 255));
  }
  const std::size_t marks = film.curve.empty() ? 0 : film.curve.front().marks.size();
  for (std::size_t k = 0; k < marks; ++k) {
    std::vector<ImVec2> pts;
    for (const auto& s : film.curve) pts.emplace_back(px(s.day), py(s.marks[k].improvement_percent));
    dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), mark_colours[k % std::size(mark_colours)], 0, 2.0f);
  }
  if (!film.frames.empty()) {
    const double d = film.frames[static_cast<std::size_t>(film.frame)].state.day;
    dl->AddLine(ImVec2(px(d), py(0)), ImVec2(px(d), py(100)), IM_COL32(255, 255, 255, 160));
  }
  dl->AddText(ImVec2(o.x + left, o.y + height - 14), IM_COL32(180, 180, 180, 255), "days after the first session");
  ImGui::Dummy(ImVec2(width, height));
}

}  // namespace

void outcome_panel(AppState& state) {
  if (!state.clinic.outcome) return;
  OutcomeFilm& film = *state.clinic.outcome;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const float x = vp->WorkPos.x + 640, width = std::max(360.0f, vp->WorkSize.x - 650);
  ImGui::SetNextWindowPos(ImVec2(x, vp->WorkPos.y + 10), ImGuiCond_Always);
  ImGui::SetNextWindowSize(ImVec2(width, vp->WorkSize.y - 20), ImGuiCond_Always);
  if (!ImGui::Begin("Healing", nullptr, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoMove)) {
    ImGui::End();
    return;
  }
  if (!film.problem.empty() || film.frames.empty()) {
    ImGui::TextWrapped("%s", film.problem.c_str());
    ImGui::End();
    return;
  }
  ImGui::TextWrapped("Predicted healing over the planned series: %d session(s), %.0f days apart.", film.sessions,
                     film.interval_days);
  const int last = static_cast<int>(film.frames.size()) - 1;
  if (film.playing) {
    film.shown_s += ImGui::GetIO().DeltaTime;
    if (film.shown_s >= play_frame_s) {
      film.shown_s = 0.0;
      if (film.frame >= last) film.playing = false;
      else ++film.frame;
    }
  }
  if (ImGui::Button(film.playing ? "Pause" : "Play")) {
    if (!film.playing && film.frame >= last) film.frame = 0;
    film.playing = !film.playing;
    film.shown_s = 0.0;
  }
  ImGui::SameLine();
  const OutcomeFrame& now = film.frames[static_cast<std::size_t>(std::clamp(film.frame, 0, last))];
  char label[32];
  std::snprintf(label, sizeof label, "day %.0f", now.state.day);
  ImGui::SetNextItemWidth(std::min(320.0f, width - 120));
  if (ImGui::SliderInt("##day", &film.frame, 0, last, label)) film.playing = false;
  const float scale = std::min(1.5f, (width - 40) / (2.0f * static_cast<float>(film.before.width)));
  ImGui::BeginGroup();
  ImGui::TextDisabled("Before treatment");
  draw_pixels(film.before, scale);
  ImGui::EndGroup();
  ImGui::SameLine();
  ImGui::BeginGroup();
  ImGui::TextDisabled("Day %.0f (%d session(s) so far)", now.state.day, now.state.sessions);
  draw_pixels(now.top, scale);
  ImGui::EndGroup();
  ImGui::Text("Redness %.0f%%, swelling %.0f%%, crusts %.0f%%; collagen over the marks x%.2f", 100 * now.state.erythema_mean,
              100 * now.state.oedema_mean, 100 * now.state.crust_mean, now.state.collagen_index);
  ImGui::TextDisabled("Cutaway across mark 1: epidermis, dermis (pale where new collagen is laid), fat");
  draw_pixels(now.cutaway, std::min(1.0f, (width - 20) / static_cast<float>(now.cutaway.width)));
  for (const auto& m : now.state.marks) {
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(mark_colours[static_cast<std::size_t>(m.index) % std::size(mark_colours)]),
                       "Mark %d (%s): %.0f%% better, dermis %.2f mm (%.2f at start, %.2f around)", m.index + 1,
                       m.type == tissue::StriaType::rubra ? "rubra" : "alba", m.improvement_percent, m.dermal_thickness_mm,
                       m.initial_dermis_mm, m.normal_dermis_mm);
  }
  ImGui::TextDisabled("Each mark's improvement (yellow: sessions, white: the day shown)");
  improvement_plot(film, std::min(width - 20, 560.0f), 150.0f);
  for (const auto& c : film.complications)
    if (c.occurred || c.probability >= 0.05)
      ImGui::TextColored(c.occurred ? ImVec4(1, 0.5f, 0.4f, 1) : ImVec4(0.8f, 0.8f, 0.6f, 1),
                         "%s after session %d: risk %.0f%%%s", c.kind.c_str(), c.session, 100 * c.probability,
                         c.occurred ? ", occurred" : "");
  ImGui::End();
}

}  // namespace dermasim::ui
