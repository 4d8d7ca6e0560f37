#pragma once
// Coverage figures from the tissue grid, the one computation that grading,
// the demo and the reports use: how densely each stretch mark's own tissue was
// punctured, how much of each mark reached the target density, how many
// punctures landed outside every mark, and over-treated spots.
#include <cstdint>
#include <vector>

#include "tissue/skin_patch.hpp"
#include "tissue/tissue_grid.hpp"

namespace dermasim::tissue {

struct CoverageTarget {
  // PRIME journal: 250-300 punctures per cm2 (docs/SOURCES.md).
  double target_per_cm2 = 250.0;
  // Density is counted over a square window of this side around each cell:
  // a pen's cap (2.7-3.6 mm across) lays its needles over about this much.
  double window_mm = 3.0;
  // A spot is over-treated above this density. No source gives a ceiling:
  // a pen lays thousands of punctures per cm2 in a pass, and this is about
  // five brisk passes of a 12-pin cartridge.
  double overtreat_per_cm2 = 12000.0;
  // Cells with at least this much of a mark's influence belong to the mark:
  // the flat core and the inner half of its shoulder.
  double mark_membership = 0.5;
};

/// Punctures per cm2 around every cell of the grid, counting every puncture
/// (for over-treatment and for maps of the whole patch).
class DensityMap {
 public:
  DensityMap(const TissueGrid& grid, double window_mm);
  double per_cm2(int cell) const { return density_[static_cast<std::size_t>(cell)]; }
  const std::vector<double>& values() const { return density_; }

 private:
  std::vector<double> density_;
};

/// Coverage of one stretch mark (or of all marks together), measured on the
/// mark's own tissue: only punctures that entered the skin inside the mark
/// count, and density is per cm2 of the mark, so needles that land beside a
/// mark narrower than the cartridge do not cover it.
struct MarkCoverage {
  int cells = 0;
  double area_cm2 = 0.0;
  std::uint64_t punctures = 0;            // that entered inside the mark
  double density_per_cm2 = 0.0;           // punctures / area
  double median_density_per_cm2 = 0.0;    // of the local (windowed) density over its cells
  double fraction_at_target = 0.0;        // of its area at the target density or more
  double uniformity_cv = 0.0;             // coefficient of variation of the local density (0: even)
};

/// Every coverage figure for a treated patch at once.
struct CoverageReport {
  std::vector<MarkCoverage> marks;  // one per stretch mark, in patch order
  MarkCoverage all_marks;           // every mark's cells together
  std::uint64_t punctures = 0;
  std::uint64_t punctures_outside_marks = 0;
  int over_treated_cells = 0;       // anywhere on the patch
  /// Share of all punctures that entered outside every mark (0 with none).
  double outside_fraction() const;
};

/// The cells that belong to each mark, indexed by cell: bit k set for mark k
/// (at most 64 marks per patch).
std::vector<std::uint64_t> mark_membership_bits(const TissueGrid& grid, const SkinPatch& patch, double membership);

CoverageReport coverage_report(const TissueGrid& grid, const SkinPatch& patch, const CoverageTarget& target);

}  // namespace dermasim::tissue
