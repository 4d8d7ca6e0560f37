// The home roller a patient brings (issue 14, H1-H2): the drum, the holes
// her rolling leaves, and the trainee's own roll of it. Figures only: what
// they mean for her is the trainee's call, and a roll answers nothing.
#include <imgui.h>

#include <algorithm>

#include "scene/roller_image.hpp"
#include "ui/panel_helpers.hpp"
#include "ui/panels.hpp"
#include "ui/pixels_draw.hpp"

namespace dermasim::ui {

void home_roller_section(RollerShown& r, UiActions& actions, float width) {
  const physics::Cartridge& device = physics::cartridge(physics::CartridgeKind::home_roller_192);
  ImGui::TextWrapped("%d needles, %.2f mm long and %.2f mm across, in 8 rings round an %.0f mm drum (drawn with the "
                     "needles %.0f times their length).",
                     device.needle_count(), r.rolled.needle_length_mm, device.needle_diameter_mm,
                     2.0 * device.drum_radius_mm, scene::roller_needle_drawn_scale);
  draw_pixels(r.side, std::min(1.0f, 0.48f * width / static_cast<float>(std::max(1, r.side.width))));
  ImGui::SameLine();
  draw_pixels(r.holes, std::min(1.0f, 0.48f * width / static_cast<float>(std::max(1, r.holes.width))));
  const physics::RollerResult& x = r.result;
  ImGui::TextWrapped("%s: %d passes at %.1f N, skin %s. %.0f holes per cm2 in the circle; channels %.2f mm deep on "
                     "average (%.2f mm at most), going in at %.0f degrees to the skin's normal; unevenness (spread of "
                     "holes between 3 mm squares) %.0f%%.",
                     r.hers ? "Her roller rolled the standard way" : "Your demonstration", r.rolled.passes,
                     r.rolled.force_n, r.rolled.skin_taut ? "stretched" : "lax", x.holes_per_cm2, x.mean_depth_mm,
                     x.deepest_mm, x.mean_channel_angle_deg, 100.0 * x.density_cv);
  ImGui::TextDisabled("Roll it yourself (a demonstration on her skin; not graded):");
  ImGui::SetNextItemWidth(120);
  ImGui::SliderInt("passes", &r.draft.passes, 1, physics::RollerTechnique::most_passes);
  ImGui::SameLine();
  float force = static_cast<float>(r.draft.force_n);
  ImGui::SetNextItemWidth(120);
  if (ImGui::SliderFloat("force (N)", &force, 0.5f, static_cast<float>(physics::RollerTechnique::most_force_n), "%.1f"))
    r.draft.force_n = force;
  ImGui::SameLine();
  ImGui::Checkbox("skin stretched", &r.draft.skin_taut);
  ImGui::SameLine();
  if (ImGui::Button("Roll it")) actions.roll_home_roller = true;
}

void home_roller_panel(AppState& state, UiActions& actions) {
  if (!state.clinic.home_roller) return;
  // Over the 3D view's lower right, clear of the consultation on the left.
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  constexpr float width = 600.0f, height = 360.0f, margin = 10.0f;
  ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x - width - margin,
                                 vp->WorkPos.y + vp->WorkSize.y - height - margin),
                          ImGuiCond_Always);
  ImGui::SetNextWindowSize(ImVec2(width, height), ImGuiCond_Always);
  if (ImGui::Begin("The home roller she brings", nullptr, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoMove))
    home_roller_section(*state.clinic.home_roller, actions, ImGui::GetContentRegionAvail().x);
  ImGui::End();
}

}  // namespace dermasim::ui
