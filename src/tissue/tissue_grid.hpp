#pragma once
// What treatment has done to the skin, cell by cell. This is session data: the
// physics writes it, grading and rendering read it.
#include <cstdint>
#include <vector>

#include "tissue/layers.hpp"

namespace dermasim::tissue {

class TissueGrid {
 public:
  static constexpr double cell_mm = 0.25;
  // Redness appears at once and fades within hours (docs/SOURCES.md E1).
  static constexpr double erythema_time_constant_s = 2.0 * 3600.0;
  // Pinpoint bleeding stops within minutes once the needles leave; a model
  // choice, the references give no figure.
  static constexpr double bleeding_time_constant_s = 300.0;
  // A cell's bleeding (0..1) rises this much per puncture that crosses the
  // papillary dermis: a few punctures make it uniform (P5's endpoint).
  static constexpr double bleeding_per_puncture = 0.6;
  // Erythema seen at a point is 1 - exp(-k * dose), dose being the decayed
  // punctures per mm2 around it: k makes the target density (250-300 per cm2,
  // one pass) read as about half-red.
  static constexpr double erythema_per_puncture_per_mm2 = 0.3;

  TissueGrid(double width_mm, double height_mm);

  int nx() const { return nx_; }
  int ny() const { return ny_; }
  std::size_t cell_count() const { return punctures_.size(); }
  double width_mm() const { return width_mm_; }
  double height_mm() const { return height_mm_; }

  /// Cell index holding a point, or -1 when the point is off the patch.
  int cell_at(double x_mm, double y_mm) const;
  double cell_center_x_mm(int cell) const { return ((cell % nx_) + 0.5) * cell_mm; }
  double cell_center_y_mm(int cell) const { return ((cell / nx_) + 0.5) * cell_mm; }

  /// Records one needle's puncture. Off-patch points are ignored (returns false).
  /// `vascular_reach` (0..1) is how far into the papillary dermis the needle
  /// went (1: down to the subpapillary plexus at its floor or deeper); the
  /// pinpoint bleeding it causes grows with it (P5).
  bool record_puncture(double x_mm, double y_mm, double depth_mm, Layer deepest, double time_s,
                       double vascular_reach = 1.0);

  std::uint32_t punctures(int cell) const { return punctures_[static_cast<std::size_t>(cell)]; }
  float deepest_mm(int cell) const { return deepest_mm_[static_cast<std::size_t>(cell)]; }
  Layer deepest_layer(int cell) const { return static_cast<Layer>(deepest_layer_[static_cast<std::size_t>(cell)]); }
  /// Pinpoint bleeding 0..1 in a cell at `time_s` (P5: needles reached the papillary dermis).
  double bleeding(int cell, double time_s) const;
  /// Erythema 0..1 seen at a cell at `time_s`, from the punctures within 1 mm around it.
  double erythema(int cell, double time_s) const;
  std::uint64_t total_punctures() const { return total_punctures_; }
  const std::vector<std::uint32_t>& puncture_counts() const { return punctures_; }

  /// FNV-1a over every recorded value, for determinism checks.
  std::uint64_t hash() const;
  void clear();

 private:
  double decayed_dose(std::size_t i, double time_s) const;

  double width_mm_, height_mm_;
  int nx_, ny_;
  std::uint64_t total_punctures_ = 0;
  std::vector<std::uint32_t> punctures_;
  std::vector<float> deepest_mm_;
  std::vector<std::uint8_t> deepest_layer_;
  // Bleeding and erythema decay continuously; each cell keeps its level at the
  // time it last changed and is decayed lazily when read, so a physics step
  // touches only the cells it punctures.
  std::vector<float> bleeding_level_;
  std::vector<double> bleeding_time_s_;
  std::vector<float> erythema_dose_;
  std::vector<double> erythema_time_s_;
};

}  // namespace dermasim::tissue
