#pragma once
// Constitutive skin colour by Fitzpatrick phototype.
#include <array>
#include <optional>
#include <string_view>

namespace dermasim::scene {

inline constexpr int fitzpatrick_min = 1;
inline constexpr int fitzpatrick_max = 6;

/// Linear RGB albedo of unaffected skin for Fitzpatrick type 1..6 (clamped).
std::array<float, 3> skin_tone_linear(int fitzpatrick);
/// "I" .. "VI".
std::string_view fitzpatrick_roman(int fitzpatrick);
/// Accepts 1..6 or I..VI (any case).
std::optional<int> parse_fitzpatrick(std::string_view text);

}  // namespace dermasim::scene
