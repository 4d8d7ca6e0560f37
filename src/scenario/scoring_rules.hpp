#pragma once
// Every number the grader scores with, in one place, named with its unit and
// the reason or clinical fact behind it (ids of the project's clinical
// reference, listed in the README). The README's "How criteria are scored" is
// generated from these (scoring_rules_markdown) and a test holds the two
// equal, so the documented rules are the rules.
#include <string>

namespace dermasim::scenario::scoring {

// ---- depth -----------------------------------------------------------------
// Choosing the length for the severity is the skill (D1-D5): each 0.25 mm step
// outside the key's range takes this share of the criterion away ...
inline constexpr double depth_step_mm = 0.25;
inline constexpr double depth_share_lost_per_step = 0.4;
// ... and a setting this far or further outside the key fails the criterion
// outright (score 0): a 0.5 mm needle on a case that needs 1.5 mm never
// reaches the marks' deep dermis (P2, D3).
inline constexpr double depth_fail_off_key_mm = 0.5;
// A key whose shallowest acceptable length is at least this treats moderate
// or severe marks (D2, D3): the injury belongs in the reticular dermis; below
// it (D1, fine striae) the papillary dermis is enough.
inline constexpr double deep_key_from_mm = 1.0;
// RF energy (P6): each step of this many mJ per needle outside the key's
// `rf_energy_mj` takes this share of the setting away, as a needle step does,
// and this far outside fails the criterion. In Fitzpatrick IV-VI skin the
// range ends at the energy from which the healing model's PIH risk rises
// (D7), whatever the key says.
inline constexpr double rf_energy_step_mj = 5.0;
inline constexpr double rf_share_lost_per_step = depth_share_lost_per_step;
inline constexpr double rf_fail_off_key_mj = 10.0;
// Points off for a cartridge the key does not accept.
inline constexpr double wrong_cartridge_points = 15.0;
// Feedback thresholds (shares of the punctures inside the marks).
inline constexpr double epidermal_feedback_share = 0.2;  // P5: redness alone means epidermal depth
inline constexpr double fat_feedback_share = 0.05;       // P3, P5: deeper bleeding and more pain

// ---- coverage ----------------------------------------------------------------
// The criterion blends the mean and the worst of the marks' ratios (each
// mark's share at the target density over the required share, capped at 1):
// a mark left untreated takes the worst to 0 and the criterion with it below
// half, whatever the others did.
inline constexpr double coverage_mean_weight = 0.5;
inline constexpr double coverage_worst_weight = 0.5;
// Punctures outside the marks beyond the key's allowance cost points in
// proportion, with no cap: all of them outside costs all 100.
// Over-treated area: this many points per mm2 above the ceiling, at most ...
inline constexpr double over_treated_points_per_mm2 = 1.0;
inline constexpr double over_treated_points_max = 25.0;
inline constexpr double over_treated_free_mm2 = 1.0;
// Uneven density over the marks (coefficient of variation above this) ...
inline constexpr double uneven_cv = 0.6;
inline constexpr double uneven_points_per_cv = 30.0;
inline constexpr double uneven_points_max = 15.0;

// ---- technique -------------------------------------------------------------
// Shares of the treating time within each tolerance (P4 perpendicular and
// taut, the key's force and speed bands).
inline constexpr double tilt_share = 0.3;
inline constexpr double force_share = 0.3;
inline constexpr double speed_share = 0.2;
inline constexpr double taut_share = 0.2;
// Dragging tears tram-track lines (E3): sustained dragging alone fails.
inline constexpr double drag_points_each = 5.0;
inline constexpr double drag_points_max = 60.0;
// Dwelling on one spot over-treats it.
inline constexpr double dwell_points_each = 5.0;
inline constexpr double dwell_points_max = 20.0;
// A plan without the numbing cream (P3) when the key requires it.
inline constexpr double no_numbing_points = 15.0;
// Feedback thresholds (shares of the treating time).
inline constexpr double technique_feedback_share = 0.05;
inline constexpr double speed_feedback_share = 0.2;
inline constexpr double taut_feedback_share = 0.95;

// ---- screening -------------------------------------------------------------
inline constexpr double decision_points = 50.0;
inline constexpr double decision_right_kind_points = 25.0;  // treat vs wait right, its form wrong
inline constexpr double findings_points = 35.0;
inline constexpr double false_alarm_points = 5.0;
inline constexpr double precautions_points = 15.0;

// ---- aftercare -------------------------------------------------------------
inline constexpr double required_instructions_points = 60.0;
inline constexpr double harmful_instruction_points = 20.0;
inline constexpr double series_count_points = 10.0;       // S1
inline constexpr double series_interval_points = 15.0;    // S1
inline constexpr double maintenance_points = 15.0;        // S2

/// The README's "How criteria are scored", generated from the constants above.
std::string scoring_rules_markdown();

}  // namespace dermasim::scenario::scoring
