#include "physics/events.hpp"

#include <string>

namespace dermasim::physics {

std::string_view cue_name(Cue cue) {
  switch (cue) {
    case cue_bottomed_out: return "bottomed_out";
    case cue_pressure_low: return "pressure_low";
    case cue_pressure_high: return "pressure_high";
    case cue_tilt: return "tilt";
    case cue_drag: return "drag";
    case cue_dwell: return "dwell";
    case cue_input_corrected: return "input_corrected";
    case cue_none: break;
  }
  return "none";
}

std::string cue_list(std::uint32_t cues) {
  std::string out;
  for (int i = 0; i < cue_count; ++i) {
    const auto c = static_cast<Cue>(1u << i);
    if (cues & c) {
      if (!out.empty()) out += ",";
      out += cue_name(c);
    }
  }
  return out;
}

void StepEvents::clear() {
  punctures.clear();
  crossings.clear();
  input_issues.clear();
  puncture_forces_n.clear();
  feedback = HapticFeedback{};
}

}  // namespace dermasim::physics
