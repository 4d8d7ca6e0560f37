#pragma once
// What the trainee (or a script) asks the pen to do, once per physics step.
#include <cstdint>
#include <string_view>

namespace dermasim::physics {

struct PenCommand {
  double x_mm = 60.0;            // position on the patch
  double y_mm = 40.0;
  double force_n = 0.0;          // pressing force; 0 lifts the pen off the skin
  double tilt_deg = 0.0;         // from perpendicular
  double tilt_direction_deg = 0.0;  // azimuth the pen leans toward, from +x
  bool skin_taut = true;         // the free hand stretches the skin (P4)
  bool motor_on = false;
};

/// Which field of a command was corrected, and how.
enum class InputField : std::uint8_t { x_mm, y_mm, force_n, tilt_deg, tilt_direction_deg };
enum class InputAction : std::uint8_t {
  not_finite_held,   // NaN or infinite: the previous valid value was kept
  clamped_low,       // below the accepted range: set to its lower bound
  clamped_high,      // above the accepted range: set to its upper bound
  off_patch_clamped  // a position off the patch: moved to the nearest edge
};

struct InputIssue {
  InputField field;
  InputAction action;
  double given = 0.0;  // what was asked (may be NaN)
  double used = 0.0;   // what the physics used instead
};

std::string_view input_field_name(InputField field);
std::string_view input_action_text(InputAction action);

/// Limits on commands. Forces above these are not hand forces on skin.
struct CommandLimits {
  double max_force_n = 20.0;
  double max_tilt_deg = 60.0;
};

/// Makes `command` safe to simulate. Non-finite fields keep the value from
/// `previous`; out-of-range fields are clamped. Writes at most 5 issues into
/// `issues` and returns how many.
int sanitize_command(PenCommand& command, const PenCommand& previous, double patch_width_mm, double patch_height_mm,
                     const CommandLimits& limits, InputIssue* issues);

}  // namespace dermasim::physics

namespace dermasim::physics {

/// The resolution commands are recorded at: 0.01 mm, 1 mN, 0.01 degrees.
/// The steps commands are quantized to, one definition for the physics, the
/// recording format and the journal: 0.01 mm, 1 mN, 0.01 degrees (finer than
/// any hand, coarse enough that a recording stores small integer deltas).
inline constexpr double position_quantum_mm = 0.01;
inline constexpr double force_quantum_n = 0.001;
inline constexpr double angle_quantum_deg = 0.01;
/// The quanta of the five numeric fields in stored order: x, y, force, tilt, tilt direction.
inline constexpr double command_quanta[5] = {position_quantum_mm, position_quantum_mm, force_quantum_n,
                                             angle_quantum_deg, angle_quantum_deg};

/// Sessions feed the physics the quantized command, so a recording replays
/// bit for bit. Non-finite fields keep `previous`'s value.
PenCommand quantize_command(const PenCommand& command, const PenCommand& previous);

}  // namespace dermasim::physics
