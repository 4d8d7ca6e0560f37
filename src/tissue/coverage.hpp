#pragma once
// Coverage figures from the tissue grid: puncture density, how much of each
// stretch mark reached the target density, and over-treated spots.
#include <vector>

#include "tissue/skin_patch.hpp"
#include "tissue/tissue_grid.hpp"

namespace dermasim::tissue {

struct CoverageTarget {
  // PRIME journal: 250-300 punctures per cm2 (tissue-mechanics.md, Devices).
  double target_per_cm2 = 250.0;
  // Density is counted over a square window of this side around each cell.
  double window_mm = 3.0;
  // A cell is over-treated above this density. No source gives a ceiling:
  // pens lay thousands of punctures per cm2 per pass, so scenarios set it.
  double overtreat_per_cm2 = 750.0;
  // Cells with at least this much of a mark's influence belong to the mark.
  double mark_membership = 0.5;
};

/// Punctures per cm2 around every cell of the grid.
class DensityMap {
 public:
  DensityMap(const TissueGrid& grid, double window_mm);
  double per_cm2(int cell) const { return density_[static_cast<std::size_t>(cell)]; }
  const std::vector<double>& values() const { return density_; }

 private:
  std::vector<double> density_;
};

/// Coverage of one region (a stretch mark, a rectangle, the whole patch).
struct RegionCoverage {
  int cells = 0;
  double area_cm2 = 0.0;
  std::uint64_t punctures = 0;
  double mean_density_per_cm2 = 0.0;
  double median_density_per_cm2 = 0.0;
  double fraction_at_target = 0.0;  // of the region's area
  double uniformity_cv = 0.0;       // coefficient of variation of density (0: even)
  int over_treated_cells = 0;
};

struct Rect {
  double x0_mm = 0, y0_mm = 0, x1_mm = 0, y1_mm = 0;
};

RegionCoverage coverage_of_cells(const TissueGrid& grid, const DensityMap& density, const std::vector<int>& cells,
                                 const CoverageTarget& target);
std::vector<int> cells_in_rect(const TissueGrid& grid, const Rect& rect);
std::vector<int> cells_of_mark(const TissueGrid& grid, const SkinPatch& patch, int mark_index, double membership);

/// Every coverage figure for a treated patch at once.
struct CoverageReport {
  RegionCoverage whole_patch;
  std::vector<RegionCoverage> marks;      // one per stretch mark, in patch order
  std::uint64_t punctures_outside_marks = 0;
  int over_treated_cells = 0;             // anywhere on the patch
};

CoverageReport coverage_report(const TissueGrid& grid, const SkinPatch& patch, const CoverageTarget& target);

}  // namespace dermasim::tissue
