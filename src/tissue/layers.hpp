#pragma once
// Skin strata and their thicknesses. Depths are measured from the skin surface
// downwards, in millimetres.
#include <array>
#include <cstdint>
#include <string_view>

namespace dermasim::tissue {

/// The five strata a needle can reach, from the surface down. `none` means the
/// needle did not get through the stratum corneum.
enum class Layer : std::uint8_t {
  none = 0,
  stratum_corneum,
  viable_epidermis,
  papillary_dermis,
  reticular_dermis,
  hypodermis,
};
inline constexpr int layer_count = 5;  // excluding `none`

std::string_view layer_name(Layer layer);

/// Index 0..4 of a real layer (stratum corneum .. hypodermis).
constexpr int layer_index(Layer layer) { return static_cast<int>(layer) - 1; }
constexpr Layer layer_from_index(int index) { return static_cast<Layer>(index + 1); }

/// Thickness of every stratum at one point of the skin.
struct LayerThickness {
  double stratum_corneum_mm = 0.0;
  double viable_epidermis_mm = 0.0;
  double papillary_dermis_mm = 0.0;
  double reticular_dermis_mm = 0.0;
  double hypodermis_mm = 0.0;

  double epidermis_mm() const { return stratum_corneum_mm + viable_epidermis_mm; }
  double dermis_mm() const { return papillary_dermis_mm + reticular_dermis_mm; }
  /// Epidermis plus dermis: what ultrasound studies report as "skin thickness".
  double skin_mm() const { return epidermis_mm() + dermis_mm(); }
  double total_mm() const { return skin_mm() + hypodermis_mm; }

  double thickness_mm(Layer layer) const;
  /// Depth of the bottom of each layer below the surface, top to bottom.
  std::array<double, layer_count> bottoms_mm() const;
  /// The layer holding a point `depth_mm` below the surface (`none` at or above 0).
  Layer layer_at_depth(double depth_mm) const;
};

}  // namespace dermasim::tissue
