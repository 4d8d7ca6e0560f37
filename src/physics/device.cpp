#include "physics/device.hpp"

#include <array>
#include <cmath>
#include <numbers>
#include <sstream>
#include <stdexcept>

namespace dermasim::physics {
namespace {

std::vector<NeedleOffset> ring(int count, double radius_mm, double phase_deg) {
  std::vector<NeedleOffset> out;
  for (int i = 0; i < count; ++i) {
    const double a = (phase_deg + 360.0 * i / count) * std::numbers::pi / 180.0;
    out.push_back({radius_mm * std::cos(a), radius_mm * std::sin(a)});
  }
  return out;
}

std::vector<NeedleOffset> square_grid(int side, double pitch_mm) {
  std::vector<NeedleOffset> out;
  const double origin = -0.5 * pitch_mm * (side - 1);
  for (int y = 0; y < side; ++y)
    for (int x = 0; x < side; ++x) out.push_back({origin + x * pitch_mm, origin + y * pitch_mm});
  return out;
}

// The home roller of Doddaballapur 2009: 192 needles in 8 rings of 24 round
// a drum. The drum is 20 mm long and 18 mm across (rings 2.5 mm apart, needles
// 2.36 mm apart round it), so one pass leaves 192 holes over 20 mm x 56.5 mm
// of skin, about 17 per cm2, and 15 passes the paper's "about 250 holes/cm2".
// Neighbouring rings are set half a needle apart round the drum, as on the
// device, so their channels do not line up across the strip.
constexpr int roller_rings = 8, roller_needles_per_ring = 24;
constexpr double roller_ring_pitch_mm = 2.5, roller_drum_radius_mm = 9.0;

std::vector<NeedleOffset> roller_layout() {
  std::vector<NeedleOffset> out;
  const double circumference_mm = 2.0 * std::numbers::pi * roller_drum_radius_mm;
  const double pitch_mm = circumference_mm / roller_needles_per_ring;
  for (int r = 0; r < roller_rings; ++r)
    for (int k = 0; k < roller_needles_per_ring; ++k)
      out.push_back({roller_ring_pitch_mm * (r - 0.5 * (roller_rings - 1)), pitch_mm * (k + 0.5 * (r % 2))});
  return out;
}

std::vector<NeedleOffset> round_12_layout() {
  auto inner = ring(4, 0.55, 45.0);
  const auto outer = ring(8, 1.35, 0.0);
  inner.insert(inner.end(), outer.begin(), outer.end());
  return inner;
}

// Needle counts: 12 (Rejuvapen, round) and up to 36-42 and "nano" tips
// (docs/SOURCES.md, Devices). Pen needles are 0.2-0.4 mm across. Per-needle
// puncture force is 0.02-0.03 N in arrays (J Pharm Sci 2013;102:1209) and linear
// in the tip's area (Davis 2004), so the finer nano cones sit at the low end.
// The hand stamp reproduces the arrays of Lam et al. 2008 (docs/SOURCES.md:
// needles under 1 mm pressed into skin by hand, buried less than half): the
// pin_36 grid with its needles fixed, no motor and no cap around them.
// The RF cartridge: 25 insulated needles (commercial RF tips carry 24-49,
// at 0.5-3.5 mm; Eubanks & Solomon 2021, Shauly et al. 2023), 5 x 5 at
// 1.0 mm pitch; insulated needles are 0.3 mm across, at the thick end of pen
// needles, so their puncture force sits at the top of the arrays' 0.02-0.03 N.
// The home roller (H1): 0.15 mm needles (rollers carry 0.1-0.25 mm,
// docs/SOURCES.md), between the nano cones and the pin_36 needles in puncture
// force; home rollers are sold at 0.2-0.5 mm, so 0.5 mm is its longest. It is
// a device a patient brings, never a cartridge a plan loads.
const std::array<Cartridge, 6>& table() {
  static const std::array<Cartridge, 6> t{{
      {CartridgeKind::round_12, "round_12", "12-pin round: 4 inner and 8 outer needles, 0.25 mm", 0.25, 3.0, 4.0,
       0.025, round_12_layout()},
      {CartridgeKind::pin_36, "pin_36", "36-pin: 6 x 6 grid at 0.6 mm pitch, 0.20 mm needles", 0.20, 2.5, 4.5,
       0.024, square_grid(6, 0.6)},
      {CartridgeKind::nano, "nano", "nano: 49 silicone cones, 7 x 7 at 0.5 mm pitch, 0.5 mm at most", 0.10, 0.5,
       4.0, 0.020, square_grid(7, 0.5)},
      {CartridgeKind::hand_stamp_36, "hand_stamp_36",
       "hand stamp: 36 fixed 0.20 mm needles, 6 x 6 at 0.6 mm, pressed by hand", 0.20, 2.5, 2.0, 0.024,
       square_grid(6, 0.6), NeedleDrive::hand},
      {CartridgeKind::rf_insulated_25, "rf_insulated_25",
       "RF 25-pin: 5 x 5 insulated 0.30 mm needles at 1.0 mm, heat at the tips (P6)", 0.30, 3.0, 4.5, 0.030,
       square_grid(5, 1.0), NeedleDrive::motor, true},
      {CartridgeKind::home_roller_192, "home_roller_192",
       "home roller: 192 fixed 0.15 mm needles in 8 rings of 24 on an 18 mm drum, rolled by hand (H1)", 0.15, 0.5,
       0.5 * roller_rings * roller_ring_pitch_mm, 0.022, roller_layout(), NeedleDrive::roll, false,
       roller_drum_radius_mm},
  }};
  return t;
}

constexpr std::array<CartridgeKind, 4> kinds{CartridgeKind::round_12, CartridgeKind::pin_36, CartridgeKind::nano,
                                             CartridgeKind::rf_insulated_25};

std::string fmt(double v) {
  std::ostringstream s;
  s << v;
  return s.str();
}

}  // namespace

double needle_protrusion_offset_mm(int index, int count) {
  if (count <= 1) return 0.0;
  // Bit-reversed (van der Corput) order spreads consecutive needles, which sit
  // next to each other in the layouts, across the whole range.
  double scrambled = 0.0, bit = 0.5;
  for (unsigned i = static_cast<unsigned>(index); i != 0; i >>= 1, bit *= 0.5)
    if (i & 1u) scrambled += bit;
  return needle_protrusion_spread_mm * (2.0 * scrambled - 1.0);
}

double stroke_depth_offset_mm(std::uint64_t stroke) {
  // splitmix64: an even spread of 53-bit fractions, the same on every machine.
  std::uint64_t h = stroke + 0x9E3779B97F4A7C15ull;
  h = (h ^ (h >> 30)) * 0xBF58476D1CE4E5B9ull;
  h = (h ^ (h >> 27)) * 0x94D049BB133111EBull;
  h ^= h >> 31;
  const double unit = static_cast<double>(h >> 11) / static_cast<double>(1ull << 53);
  return stroke_depth_spread_mm * (2.0 * unit - 1.0);
}

const Cartridge& cartridge(CartridgeKind kind) {
  for (const auto& c : table())
    if (c.kind == kind) return c;
  return table()[0];
}

std::span<const CartridgeKind> all_cartridges() { return kinds; }

std::optional<CartridgeKind> parse_cartridge(std::string_view name) {
  for (CartridgeKind k : kinds)
    if (cartridge(k).name == name) return k;
  return std::nullopt;
}

std::vector<std::string> DeviceSettings::problems() const {
  std::vector<std::string> out;
  if (!std::isfinite(needle_length_mm)) {
    out.emplace_back("needle_length_mm is not a finite number");
  } else if (needle_length_mm < min_length_mm - 1e-9 || needle_length_mm > max_length_mm + 1e-9) {
    out.push_back("needle_length_mm " + fmt(needle_length_mm) + " is outside the pen's range 0.25..3.0 mm");
  } else {
    const double steps = needle_length_mm / length_step_mm;
    if (std::abs(steps - std::round(steps)) > 1e-6)
      out.push_back("needle_length_mm " + fmt(needle_length_mm) + " is not a 0.25 mm step (0.25, 0.5, 0.75, ...)");
    const Cartridge& c = physics::cartridge(cartridge);
    if (needle_length_mm > c.max_length_mm + 1e-9)
      out.push_back("needle_length_mm " + fmt(needle_length_mm) + " is longer than the " + std::string(c.name) +
                    " cartridge allows (" + fmt(c.max_length_mm) + " mm)");
  }
  if (!std::isfinite(stroke_rate_hz) || stroke_rate_hz < min_stroke_rate_hz - 1e-9 ||
      stroke_rate_hz > max_stroke_rate_hz + 1e-9)
    out.push_back("stroke_rate_hz " + fmt(stroke_rate_hz) + " is outside the pen's range 50..150 Hz");
  bool known = false;
  for (const auto& c : table()) known = known || c.kind == cartridge;
  if (!known) out.emplace_back("cartridge is not one of round_12, pin_36, nano, rf_insulated_25");
  const bool rf = known && physics::cartridge(cartridge).rf_electrodes;
  if (!std::isfinite(rf_energy_mj) || rf_energy_mj < -1e-9 || rf_energy_mj > max_rf_energy_mj + 1e-9)
    out.push_back("rf_energy_mj " + fmt(rf_energy_mj) + " is outside the RF generator's range 0.." +
                  fmt(max_rf_energy_mj) + " mJ per needle");
  else if (rf_energy_mj > 0.0 && !rf)
    out.push_back("rf_energy_mj " + fmt(rf_energy_mj) + " needs the rf_insulated_25 cartridge: the " +
                  std::string(physics::cartridge(cartridge).name) + " needles carry no RF current (P6)");
  if (rf && std::isfinite(needle_length_mm) && needle_length_mm < min_rf_length_mm - 1e-9)
    out.push_back("needle_length_mm " + fmt(needle_length_mm) + " is shorter than the rf_insulated_25 cartridge's " +
                  fmt(min_rf_length_mm) + " mm: the bare tips would heat the epidermis");
  return out;
}

void require_valid(const DeviceSettings& settings) {
  const auto p = settings.problems();
  if (p.empty()) return;
  std::string message = "invalid device settings:";
  for (const auto& line : p) message += "\n  " + line;
  throw SettingsError(message);
}

}  // namespace dermasim::physics
