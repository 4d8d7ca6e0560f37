#pragma once
// What one treatment session did to the skin, summarised on 1 mm cells for
// the healing model: how many needles reached the dermis and how far into it,
// and where the pen was dragged with needles in the skin. Built from the
// physics' puncture events (or, lacking them, from a TissueGrid), so it
// follows whatever depths the needle physics produces.
#include <cstdint>
#include <vector>

#include "tissue/layers.hpp"
#include "tissue/skin_patch.hpp"
#include "tissue/tissue_grid.hpp"

namespace dermasim::tissue {

struct InjuryCell {
  std::uint32_t punctures = 0;
  std::uint32_t dermal_punctures = 0;      // reached the papillary dermis or deeper
  std::uint32_t hypodermis_punctures = 0;
  double dermal_track_mm = 0.0;            // summed effective track in the dermis
  double drag_s = 0.0;                     // time dragged over with needles in the skin
  // Direction of the drag, summed over time as a doubled-angle vector so that
  // passes back and forth along one line add up instead of cancelling.
  double drag_cos2_s = 0.0, drag_sin2_s = 0.0;
  // RF microneedling (P6): every tip that fired, the dermal channels whose
  // tip left a coagulation zone and the RF energy they carried, and the tips
  // whose zone reached up into the epidermis (tissue/rf_coagulation.hpp).
  std::uint32_t rf_pulses = 0;
  std::uint32_t rf_channels = 0;
  double rf_energy_mj = 0.0;
  double rf_zone_length_mm = 0.0;  // summed over the RF channels
  std::uint32_t rf_epidermal_burns = 0;
  /// The drag's direction from the patch's +x axis, radians in (-pi/2, pi/2].
  double drag_angle_rad() const;
};

class InjuryMap {
 public:
  static constexpr double cell_mm = 1.0;
  static constexpr double cell_area_cm2 = cell_mm * cell_mm / 100.0;

  InjuryMap() = default;
  InjuryMap(double width_mm, double height_mm);

  int nx() const { return nx_; }
  int ny() const { return ny_; }
  int cell_count() const { return nx_ * ny_; }
  double width_mm() const { return width_mm_; }
  double height_mm() const { return height_mm_; }
  int cell_at(double x_mm, double y_mm) const;
  double center_x_mm(int cell) const { return ((cell % nx_) + 0.5) * cell_mm; }
  double center_y_mm(int cell) const { return ((cell / nx_) + 0.5) * cell_mm; }
  const InjuryCell& cell(int i) const { return cells_[static_cast<std::size_t>(i)]; }

  /// One needle's puncture: `depth_mm` below the surface, ending in `deepest`.
  /// The dermal track is measured against the patch's layers at that point.
  /// With `rf_energy_mj` > 0 the tip also left a coagulation zone (P6).
  void add_puncture(const SkinPatch& patch, double x_mm, double y_mm, double depth_mm, Layer deepest,
                    double rf_energy_mj = 0.0);
  /// The cap, `radius_mm` round, dragged sideways at (`vx`, `vy`) mm/s for
  /// `dt_s` with needles in the skin.
  void add_drag(double x_mm, double y_mm, double radius_mm, double dt_s, double vx_mm_s = 1.0, double vy_mm_s = 0.0);

  /// Punctures per cm2 in a cell.
  double density_per_cm2(int i) const { return cell(i).punctures / cell_area_cm2; }
  /// 0..1: how strongly the cell's dermal wounds drive collagen induction,
  /// the density term times the depth term (healing_params.hpp).
  double dermal_stimulus(int i) const;
  /// 0..1: how heavy the treatment was, by total density (E3).
  double heaviness(int i) const;
  /// 0..1: how much RF heat the cell's dermal wounds carried, as a share of
  /// every dermal channel at the generator's full energy (P6).
  double rf_heat_share(int i) const;
  /// Over the whole map: RF channels, their mean energy per needle, and the
  /// share whose coagulation zone reached the epidermis.
  std::uint64_t rf_channels() const;
  double rf_mean_energy_mj() const;
  double rf_epidermal_burn_share() const;
  /// Mean coagulation zone length over the RF channels, mm (0 without RF).
  double rf_mean_zone_length_mm() const;
  /// Cells with any puncture.
  int treated_cells() const;
  std::uint64_t total_punctures() const;

  /// A map from a tissue grid alone: each cell's punctures are taken to reach
  /// the grid's deepest layer and depth there (an upper bound on the dermal
  /// track; events give the true one). Drag is unknown.
  static InjuryMap from_grid(const SkinPatch& patch, const TissueGrid& grid);

  /// FNV-1a over every value, for determinism checks.
  std::uint64_t hash() const;

 private:
  double width_mm_ = 0.0, height_mm_ = 0.0;
  int nx_ = 0, ny_ = 0;
  std::vector<InjuryCell> cells_;
};

}  // namespace dermasim::tissue
