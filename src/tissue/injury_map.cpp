#include "tissue/injury_map.hpp"

#include <algorithm>
#include <cmath>

#include "tissue/fnv1a.hpp"
#include "tissue/healing_params.hpp"
#include "tissue/rf_coagulation.hpp"

namespace dermasim::tissue {

InjuryMap::InjuryMap(double width_mm, double height_mm)
    : width_mm_(width_mm),
      height_mm_(height_mm),
      nx_(std::max(1, static_cast<int>(std::ceil(width_mm / cell_mm)))),
      ny_(std::max(1, static_cast<int>(std::ceil(height_mm / cell_mm)))),
      cells_(static_cast<std::size_t>(nx_) * static_cast<std::size_t>(ny_)) {}

int InjuryMap::cell_at(double x_mm, double y_mm) const {
  if (!(x_mm >= 0.0 && y_mm >= 0.0 && x_mm < width_mm_ && y_mm < height_mm_)) return -1;
  const int cx = std::min(nx_ - 1, static_cast<int>(x_mm / cell_mm));
  const int cy = std::min(ny_ - 1, static_cast<int>(y_mm / cell_mm));
  return cy * nx_ + cx;
}

void InjuryMap::add_puncture(const SkinPatch& patch, double x_mm, double y_mm, double depth_mm, Layer deepest,
                             double rf_energy_mj) {
  const int i = cell_at(x_mm, y_mm);
  if (i < 0 || !std::isfinite(depth_mm)) return;
  InjuryCell& c = cells_[static_cast<std::size_t>(i)];
  ++c.punctures;
  if (deepest == Layer::hypodermis) ++c.hypodermis_punctures;
  const LayerThickness layers = patch.at(x_mm, y_mm).layers;
  const double energy = std::isfinite(rf_energy_mj) ? std::clamp(rf_energy_mj, 0.0, rf::energy_max_mj) : 0.0;
  // A tip that stopped in the epidermis heats the epidermis whatever the
  // insulation: counted as a burn, and as no dermal channel (P2).
  if (energy > 0.0) ++c.rf_pulses;
  if (energy > 0.0 && rf::reaches_epidermis(depth_mm, energy, layers.epidermis_mm())) ++c.rf_epidermal_burns;
  if (deepest < Layer::papillary_dermis) return;  // P2: epidermal injuries induce no collagen
  ++c.dermal_punctures;
  if (energy > 0.0) {
    ++c.rf_channels;
    c.rf_energy_mj += energy;
    c.rf_zone_length_mm += rf::zone_length_mm(energy);
  }
  const double in_dermis = std::clamp(depth_mm - layers.epidermis_mm(), 0.0, layers.dermis_mm());
  c.dermal_track_mm += std::max(0.0, in_dermis - healing::dermal_track_threshold_mm);
}

double InjuryCell::drag_angle_rad() const { return 0.5 * std::atan2(drag_sin2_s, drag_cos2_s); }

void InjuryMap::add_drag(double x_mm, double y_mm, double radius_mm, double dt_s, double vx_mm_s, double vy_mm_s) {
  if (!std::isfinite(x_mm) || !std::isfinite(y_mm) || !(dt_s > 0.0)) return;
  const double a = std::isfinite(vx_mm_s) && std::isfinite(vy_mm_s) ? std::atan2(vy_mm_s, vx_mm_s) : 0.0;
  const double c2 = std::cos(2.0 * a) * dt_s, s2 = std::sin(2.0 * a) * dt_s;
  const double r = std::max(0.0, radius_mm);
  const int x0 = static_cast<int>(std::floor((x_mm - r) / cell_mm)), x1 = static_cast<int>(std::floor((x_mm + r) / cell_mm));
  const int y0 = static_cast<int>(std::floor((y_mm - r) / cell_mm)), y1 = static_cast<int>(std::floor((y_mm + r) / cell_mm));
  for (int y = std::max(0, y0); y <= std::min(ny_ - 1, y1); ++y)
    for (int x = std::max(0, x0); x <= std::min(nx_ - 1, x1); ++x) {
      const double dx = (x + 0.5) * cell_mm - x_mm, dy = (y + 0.5) * cell_mm - y_mm;
      if (dx * dx + dy * dy > r * r + 0.25 * cell_mm * cell_mm) continue;
      InjuryCell& c = cells_[static_cast<std::size_t>(y * nx_ + x)];
      c.drag_s += dt_s;
      c.drag_cos2_s += c2;
      c.drag_sin2_s += s2;
    }
}

double InjuryMap::dermal_stimulus(int i) const {
  const InjuryCell& c = cell(i);
  if (c.dermal_punctures == 0) return 0.0;
  const double density = c.dermal_punctures / cell_area_cm2;
  const double mean_track = c.dermal_track_mm / c.dermal_punctures;
  return (1.0 - std::exp(-density / healing::dermal_density_reference_per_cm2)) *
         (1.0 - std::exp(-mean_track / healing::dermal_track_reference_mm));
}

double InjuryMap::heaviness(int i) const {
  return std::clamp(density_per_cm2(i) / healing::heavy_density_per_cm2, 0.0, 1.0);
}

double InjuryMap::rf_heat_share(int i) const {
  const InjuryCell& c = cell(i);
  if (c.dermal_punctures == 0) return 0.0;
  return std::clamp(c.rf_energy_mj / (rf::energy_max_mj * c.dermal_punctures), 0.0, 1.0);
}

std::uint64_t InjuryMap::rf_channels() const {
  std::uint64_t n = 0;
  for (const auto& c : cells_) n += c.rf_channels;
  return n;
}

double InjuryMap::rf_mean_energy_mj() const {
  double e = 0.0;
  for (const auto& c : cells_) e += c.rf_energy_mj;
  const std::uint64_t n = rf_channels();
  return n ? e / static_cast<double>(n) : 0.0;
}

double InjuryMap::rf_mean_zone_length_mm() const {
  double l = 0.0;
  for (const auto& c : cells_) l += c.rf_zone_length_mm;
  const std::uint64_t n = rf_channels();
  return n ? l / static_cast<double>(n) : 0.0;
}

double InjuryMap::rf_epidermal_burn_share() const {
  std::uint64_t burns = 0, pulses = 0;
  for (const auto& c : cells_) {
    burns += c.rf_epidermal_burns;
    pulses += c.rf_pulses;
  }
  return pulses ? static_cast<double>(burns) / static_cast<double>(pulses) : 0.0;
}

int InjuryMap::treated_cells() const {
  return static_cast<int>(std::count_if(cells_.begin(), cells_.end(), [](const InjuryCell& c) { return c.punctures > 0; }));
}

std::uint64_t InjuryMap::total_punctures() const {
  std::uint64_t n = 0;
  for (const auto& c : cells_) n += c.punctures;
  return n;
}

InjuryMap InjuryMap::from_grid(const SkinPatch& patch, const TissueGrid& grid) {
  InjuryMap m(grid.width_mm(), grid.height_mm());
  for (int g = 0; g < static_cast<int>(grid.cell_count()); ++g) {
    const std::uint32_t n = grid.punctures(g);
    for (std::uint32_t k = 0; k < n; ++k)
      m.add_puncture(patch, grid.cell_center_x_mm(g), grid.cell_center_y_mm(g), grid.deepest_mm(g), grid.deepest_layer(g));
  }
  return m;
}

std::uint64_t InjuryMap::hash() const {
  std::uint64_t h = fnv1a_offset;
  for (const auto& c : cells_) {
    fnv1a_mix(h, &c.punctures, sizeof c.punctures);
    fnv1a_mix(h, &c.dermal_punctures, sizeof c.dermal_punctures);
    fnv1a_mix(h, &c.hypodermis_punctures, sizeof c.hypodermis_punctures);
    fnv1a_mix(h, &c.dermal_track_mm, sizeof c.dermal_track_mm);
    fnv1a_mix(h, &c.drag_s, sizeof c.drag_s);
    fnv1a_mix(h, &c.drag_cos2_s, sizeof c.drag_cos2_s);
    fnv1a_mix(h, &c.drag_sin2_s, sizeof c.drag_sin2_s);
    // RF fields only where RF was used, so the hashes of plain microneedling
    // maps stay what recordings stored.
    if (c.rf_pulses == 0) continue;
    fnv1a_mix(h, &c.rf_pulses, sizeof c.rf_pulses);
    fnv1a_mix(h, &c.rf_channels, sizeof c.rf_channels);
    fnv1a_mix(h, &c.rf_energy_mj, sizeof c.rf_energy_mj);
    fnv1a_mix(h, &c.rf_zone_length_mm, sizeof c.rf_zone_length_mm);
    fnv1a_mix(h, &c.rf_epidermal_burns, sizeof c.rf_epidermal_burns);
  }
  return h;
}

}  // namespace dermasim::tissue
