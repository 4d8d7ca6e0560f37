#pragma once
// Stretch marks (striae distensae) as parametric bands on a skin patch.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tissue/layers.hpp"

namespace dermasim::tissue {

/// Early, red-purple, inflamed (rubra) or late, white, atrophic (alba).
enum class StriaType { rubra, alba };
std::string_view stria_type_name(StriaType type);
std::optional<StriaType> parse_stria_type(std::string_view name);

/// Linear RGB in 0..1.
struct Rgb {
  double r = 0.0, g = 0.0, b = 0.0;
};

/// One stretch mark: a spindle-shaped band, widest at its centre and tapering
/// to its ends, as striae look on skin. Coordinates are on the patch, in mm.
struct StretchMark {
  double center_x_mm = 0.0;
  double center_y_mm = 0.0;
  double angle_deg = 0.0;   // direction of the long axis, from the patch's +x axis
  double length_mm = 40.0;  // end to end
  double width_mm = 4.0;    // at the widest point
  StriaType type = StriaType::rubra;
  double severity = 0.5;    // 0 (barely visible) .. 1 (the most atrophic published)
  std::optional<Rgb> colour;  // an instructor's colour instead of the one type and severity give

  static constexpr double min_width_mm = 0.5;
  static constexpr double max_width_mm = 20.0;
  static constexpr double min_length_mm = 2.0;
  static constexpr double max_length_mm = 300.0;

  /// How much of the mark's effect applies at a patch point: 1 on the axis at
  /// the centre, falling smoothly to 0 at the band's edge and ends.
  double influence(double x_mm, double y_mm) const;
  /// Problems with the parameters, empty when valid.
  std::vector<std::string> problems() const;
};

/// How a mark changes the skin under its centre line, at full influence.
struct StriaEffect {
  double dermis_mm = 0.0;            // papillary + reticular dermis under the mark
  double viable_epidermis_mm = 0.0;  // flattened epidermis
  double depression_mm = 0.0;        // surface below the surrounding skin (negative: raised)
  Rgb colour;                        // the mark's own colour, before blending with skin tone
};

/// The effect of a mark on skin whose normal layers are `normal`.
StriaEffect stria_effect(const StretchMark& mark, const LayerThickness& normal);

/// Layers under a point with a mark at `influence` (0..1) over normal skin.
LayerThickness layers_under_mark(const LayerThickness& normal, const StriaEffect& effect, double influence);

}  // namespace dermasim::tissue
