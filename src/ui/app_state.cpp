#include "ui/app_state.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace dermasim::ui {

const char* stage_name(Stage stage) {
  switch (stage) {
    case Stage::library: return "Cases";
    case Stage::progress: return "Progress";
    case Stage::instructor: return "Instructor";
    case Stage::replay: return "Replay";
    case Stage::screening: return "Consultation";
    case Stage::plan: return "Plan";
    case Stage::procedure: return "Procedure";
    case Stage::aftercare: return "Aftercare";
    case Stage::debrief: return "Debrief";
  }
  return "?";
}

bool contains(const std::vector<std::string>& list, const std::string& id) {
  return std::find(list.begin(), list.end(), id) != list.end();
}

void set_member(std::vector<std::string>& list, const std::string& id, bool on) {
  const auto it = std::find(list.begin(), list.end(), id);
  if (on && it == list.end()) list.push_back(id);
  if (!on && it != list.end()) list.erase(it);
}

std::vector<std::string> PlanDraft::missing() const {
  std::vector<std::string> out;
  if (!needle_length_mm) out.emplace_back("needle length");
  if (!cartridge) out.emplace_back("cartridge");
  if (!stroke_rate_hz) out.emplace_back("stroke rate");
  if (!numbing) out.emplace_back("numbing cream (yes or no)");
  if (!passes) out.emplace_back("passes");
  if (cartridge && physics::cartridge(*cartridge).rf_electrodes && !rf_energy_mj) out.emplace_back("RF energy");
  return out;
}

std::optional<scenario::PlanAnswers> PlanDraft::complete() const {
  if (!missing().empty()) return std::nullopt;
  scenario::PlanAnswers p;
  p.device.needle_length_mm = *needle_length_mm;
  p.device.cartridge = *cartridge;
  p.device.stroke_rate_hz = *stroke_rate_hz;
  p.numbing = *numbing;
  p.passes = *passes;
  // P6: the energy goes with the RF cartridge only; another clears it.
  p.device.rf_energy_mj = physics::cartridge(*cartridge).rf_electrodes ? *rf_energy_mj : 0.0;
  return p;
}

PlanDraft PlanDraft::of(const scenario::PlanAnswers& plan) {
  PlanDraft d{plan.device.needle_length_mm, plan.device.cartridge, plan.device.stroke_rate_hz, plan.numbing, plan.passes};
  if (physics::cartridge(plan.device.cartridge).rf_electrodes) d.rf_energy_mj = plan.device.rf_energy_mj;
  return d;
}

std::vector<std::string> ScheduleDraft::missing() const {
  std::vector<std::string> out;
  if (!sessions) out.emplace_back("sessions in the series");
  if (!interval_weeks) out.emplace_back("weeks between sessions");
  if (!maintenance_months) out.emplace_back("maintenance interval");
  return out;
}

const CoursePlanEntry* CoursePlanView::find_path(const std::string& path) const {
  for (const auto& c : cases)
    if (c.path == path) return &c;
  return nullptr;
}

const CoursePlanView* CourseBrowser::current() const {
  return shown >= 0 && shown < static_cast<int>(plans.size()) ? &plans[static_cast<std::size_t>(shown)] : nullptr;
}

bool CaseState::asked(const std::string& item_id) const {
  return answers && answers->consultation && contains(answers->consultation->asked, item_id);
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) out += (i == 0 ? "" : i + 1 == items.size() ? " and " : ", ") + items[i];
  return out;
}

double PenControls::tilt_deg() const { return std::hypot(tilt_x_deg, tilt_y_deg); }

double PenControls::tilt_direction_deg() const {
  if (tilt_deg() < 1e-9) return 0.0;
  return std::atan2(tilt_y_deg, tilt_x_deg) * 180.0 / std::numbers::pi;
}

}  // namespace dermasim::ui
