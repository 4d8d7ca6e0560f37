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

double PenControls::tilt_deg() const { return std::hypot(tilt_x_deg, tilt_y_deg); }

double PenControls::tilt_direction_deg() const {
  if (tilt_deg() < 1e-9) return 0.0;
  return std::atan2(tilt_y_deg, tilt_x_deg) * 180.0 / std::numbers::pi;
}

}  // namespace dermasim::ui
