#include "scene/skin_tone.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <string>

namespace dermasim::scene {

namespace {

float srgb_to_linear(float c) {
  return c <= 0.04045f ? c / 12.92f : std::pow((c + 0.055f) / 1.055f, 2.4f);
}

// Representative sRGB tones for types I-VI, from the lightest pale pink-ivory to
// deep brown; picked to match the tone swatches commonly printed with the
// Fitzpatrick scale (the scale itself is defined by sun reaction, not colour).
constexpr std::array<std::array<int, 3>, 6> tones_srgb{{
    {{243, 214, 196}},  // I
    {{232, 190, 160}},  // II
    {{212, 166, 128}},  // III
    {{178, 126, 88}},   // IV
    {{128, 84, 56}},    // V
    {{78, 52, 38}},     // VI
}};

}  // namespace

std::array<float, 3> skin_tone_linear(int fitzpatrick) {
  const auto& t = tones_srgb[static_cast<std::size_t>(std::clamp(fitzpatrick, fitzpatrick_min, fitzpatrick_max) - 1)];
  return {srgb_to_linear(static_cast<float>(t[0]) / 255.0f), srgb_to_linear(static_cast<float>(t[1]) / 255.0f),
          srgb_to_linear(static_cast<float>(t[2]) / 255.0f)};
}

std::string_view fitzpatrick_roman(int fitzpatrick) {
  static constexpr std::array<std::string_view, 6> names{"I", "II", "III", "IV", "V", "VI"};
  return names[static_cast<std::size_t>(std::clamp(fitzpatrick, fitzpatrick_min, fitzpatrick_max) - 1)];
}

std::optional<int> parse_fitzpatrick(std::string_view text) {
  std::string upper(text);
  for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  for (int i = fitzpatrick_min; i <= fitzpatrick_max; ++i)
    if (upper == std::to_string(i) || upper == fitzpatrick_roman(i)) return i;
  return std::nullopt;
}

}  // namespace dermasim::scene
