#pragma once
// The microneedling pen's settings and cartridges.
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace dermasim::physics {

enum class CartridgeKind { round_12, pin_36, nano };

struct NeedleOffset {
  double x_mm = 0.0, y_mm = 0.0;  // in the cap face, pen frame
};

/// A needle cartridge: needle count, layout and the figures that set its
/// mechanics. Sources in device.cpp.
struct Cartridge {
  CartridgeKind kind;
  std::string_view name;
  std::string_view description;
  double needle_diameter_mm;
  double max_length_mm;         // longest setting the cartridge allows
  double cap_radius_mm;         // radius of the cap face that rests on the skin
  double puncture_force_n;      // per needle, to break the stratum corneum
  std::vector<NeedleOffset> needles;

  int needle_count() const { return static_cast<int>(needles.size()); }
};

const Cartridge& cartridge(CartridgeKind kind);
std::span<const CartridgeKind> all_cartridges();
std::optional<CartridgeKind> parse_cartridge(std::string_view name);

struct DeviceSettings {
  double needle_length_mm = 1.0;
  CartridgeKind cartridge = CartridgeKind::round_12;
  double stroke_rate_hz = 100.0;

  // Pens set depth from 0.25 mm in 0.25 mm steps (SkinPen 0-2.5 mm, docs/SOURCES.md
  // D6); 3.0 mm is the longest length in practice (D4). Pens stamp 50-150 times
  // a second (docs/SOURCES.md, Devices).
  static constexpr double min_length_mm = 0.25;
  static constexpr double max_length_mm = 3.0;
  static constexpr double length_step_mm = 0.25;
  static constexpr double min_stroke_rate_hz = 50.0;
  static constexpr double max_stroke_rate_hz = 150.0;

  /// Every problem with the settings, each a sentence naming the field; empty
  /// when the settings are valid.
  std::vector<std::string> problems() const;
};

/// Thrown when a simulator is built with invalid settings.
struct SettingsError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// Throws SettingsError listing every problem.
void require_valid(const DeviceSettings& settings);

}  // namespace dermasim::physics
