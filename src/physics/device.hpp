#pragma once
// The microneedling pen's settings and cartridges.
#include <cstdint>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "tissue/rf_coagulation.hpp"

namespace dermasim::physics {

enum class CartridgeKind { round_12, pin_36, nano, hand_stamp_36, rf_insulated_25, home_roller_192 };

/// How the needles move: a pen's motor strokes them out of the cap and back
/// 50-150 times a second; a hand stamp's needles stand fixed and go in only as
/// fast as the hand presses; a roller's needles stand out of a drum that
/// turns as the hand rolls it, so each needle swings in and out of the skin
/// at an angle (H1-H2, Doddaballapur 2009).
enum class NeedleDrive { motor, hand, roll };

struct NeedleOffset {
  // In the cap face, pen frame. On a roller: x along the drum's axle, y the
  // arc length round the drum from its reference needle.
  double x_mm = 0.0, y_mm = 0.0;
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
  NeedleDrive drive = NeedleDrive::motor;
  // Insulated needles that carry RF current to their tips (P6); the others
  // are bare steel or silicone and take no current.
  bool rf_electrodes = false;
  // Rollers only: the radius of the drum the needles stand out of.
  double drum_radius_mm = 0.0;

  int needle_count() const { return static_cast<int>(needles.size()); }
};

/// Pens are cleared with a depth tolerance of +/-0.15 mm (Exceed, FDA K182407;
/// D6): the needles do not reach exactly the set length on every
/// stroke. Most of the tolerance is spent stroke to stroke (the whole
/// cartridge, up to this much either side of the setting); the needles of one
/// cartridge differ far less, since they are ground to one plane: if they
/// differed by more than the surface tents before it breaks (about 0.1 mm at a
/// pen's speed), a few needles would carry the whole load and an array would
/// no longer need the per-needle force times its count to puncture
/// (J Pharm Sci 2013;102:1209).
inline constexpr double stroke_depth_spread_mm = 0.07;
inline constexpr double needle_protrusion_spread_mm = 0.01;
/// How far needle `index` of `count` stands out beyond the set length, in
/// -spread..+spread; fixed per needle, scrambled so neighbours differ.
double needle_protrusion_offset_mm(int index, int count);
/// How far stroke number `stroke` overshoots the setting, in
/// -stroke_depth_spread_mm..+stroke_depth_spread_mm; a fixed function of the
/// stroke's number, so a replay strokes exactly alike.
double stroke_depth_offset_mm(std::uint64_t stroke);

const Cartridge& cartridge(CartridgeKind kind);
/// The pen cartridges a plan offers (the hand stamp is a physics reference
/// device, not one a trainee loads into a pen).
std::span<const CartridgeKind> all_cartridges();
std::optional<CartridgeKind> parse_cartridge(std::string_view name);

struct DeviceSettings {
  double needle_length_mm = 1.0;
  CartridgeKind cartridge = CartridgeKind::round_12;
  double stroke_rate_hz = 100.0;
  // RF energy per needle per pulse (P6), only with an RF cartridge; 0: off.
  double rf_energy_mj = 0.0;

  // Pens set depth from 0.25 mm in 0.25 mm steps (SkinPen 0-2.5 mm, docs/SOURCES.md
  // D6); 3.0 mm is the longest length in practice (D4). Pens stamp 50-150 times
  // a second (docs/SOURCES.md, Devices).
  static constexpr double min_length_mm = 0.25;
  static constexpr double max_length_mm = 3.0;
  static constexpr double length_step_mm = 0.25;
  static constexpr double min_stroke_rate_hz = 50.0;
  static constexpr double max_stroke_rate_hz = 150.0;
  // RF generators deliver up to 62 mJ per needle (tissue/rf_coagulation.hpp);
  // insulated RF needles are set from 0.5 mm, the shortest length RF
  // microneedling uses (perioral skin, Shauly et al. 2023): shorter, the bare
  // tip would sit in the epidermis.
  static constexpr double max_rf_energy_mj = tissue::rf::energy_max_mj;
  static constexpr double min_rf_length_mm = 0.5;

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
