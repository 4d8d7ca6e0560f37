#include "tissue/coverage.hpp"

#include <algorithm>
#include <cmath>

namespace dermasim::tissue {

DensityMap::DensityMap(const TissueGrid& grid, double window_mm) {
  const int nx = grid.nx(), ny = grid.ny();
  // Summed-area table: any window's count in four lookups.
  std::vector<std::uint64_t> sat(static_cast<std::size_t>(nx + 1) * static_cast<std::size_t>(ny + 1), 0);
  auto at = [&](int x, int y) -> std::uint64_t& { return sat[static_cast<std::size_t>(y) * (nx + 1) + x]; };
  for (int y = 0; y < ny; ++y)
    for (int x = 0; x < nx; ++x)
      at(x + 1, y + 1) = grid.punctures(y * nx + x) + at(x, y + 1) + at(x + 1, y) - at(x, y);

  const int half = std::max(0, static_cast<int>(std::lround(window_mm / TissueGrid::cell_mm / 2.0)));
  density_.assign(grid.cell_count(), 0.0);
  for (int y = 0; y < ny; ++y)
    for (int x = 0; x < nx; ++x) {
      const int x0 = std::max(0, x - half), x1 = std::min(nx, x + half + 1);
      const int y0 = std::max(0, y - half), y1 = std::min(ny, y + half + 1);
      const double count = static_cast<double>(at(x1, y1) + at(x0, y0) - at(x0, y1) - at(x1, y0));
      // Windows clipped at the patch edge divide by their real area.
      const double area_cm2 = (x1 - x0) * (y1 - y0) * TissueGrid::cell_mm * TissueGrid::cell_mm / 100.0;
      density_[static_cast<std::size_t>(y * nx + x)] = count / area_cm2;
    }
}

RegionCoverage coverage_of_cells(const TissueGrid& grid, const DensityMap& density, const std::vector<int>& cells,
                                 const CoverageTarget& target) {
  RegionCoverage r;
  r.cells = static_cast<int>(cells.size());
  r.area_cm2 = r.cells * TissueGrid::cell_mm * TissueGrid::cell_mm / 100.0;
  if (cells.empty()) return r;
  std::vector<double> values;
  values.reserve(cells.size());
  int at_target = 0;
  double sum = 0.0, sum_sq = 0.0;
  for (int c : cells) {
    r.punctures += grid.punctures(c);
    const double d = density.per_cm2(c);
    values.push_back(d);
    sum += d;
    sum_sq += d * d;
    if (d >= target.target_per_cm2) ++at_target;
    if (d > target.overtreat_per_cm2) ++r.over_treated_cells;
  }
  const double n = static_cast<double>(cells.size());
  r.mean_density_per_cm2 = sum / n;
  const auto mid = values.begin() + static_cast<std::ptrdiff_t>(values.size() / 2);
  std::nth_element(values.begin(), mid, values.end());
  r.median_density_per_cm2 = *mid;
  r.fraction_at_target = at_target / n;
  const double variance = std::max(0.0, sum_sq / n - r.mean_density_per_cm2 * r.mean_density_per_cm2);
  r.uniformity_cv = r.mean_density_per_cm2 > 0.0 ? std::sqrt(variance) / r.mean_density_per_cm2 : 0.0;
  return r;
}

std::vector<int> cells_in_rect(const TissueGrid& grid, const Rect& rect) {
  std::vector<int> cells;
  for (int c = 0; c < static_cast<int>(grid.cell_count()); ++c) {
    const double x = grid.cell_center_x_mm(c), y = grid.cell_center_y_mm(c);
    if (x >= rect.x0_mm && x <= rect.x1_mm && y >= rect.y0_mm && y <= rect.y1_mm) cells.push_back(c);
  }
  return cells;
}

std::vector<int> cells_of_mark(const TissueGrid& grid, const SkinPatch& patch, int mark_index, double membership) {
  std::vector<int> cells;
  for (int c = 0; c < static_cast<int>(grid.cell_count()); ++c)
    if (patch.influence(mark_index, grid.cell_center_x_mm(c), grid.cell_center_y_mm(c)) >= membership)
      cells.push_back(c);
  return cells;
}

CoverageReport coverage_report(const TissueGrid& grid, const SkinPatch& patch, const CoverageTarget& target) {
  CoverageReport report;
  const DensityMap density(grid, target.window_mm);
  std::vector<int> all(grid.cell_count());
  for (int c = 0; c < static_cast<int>(all.size()); ++c) all[static_cast<std::size_t>(c)] = c;
  report.whole_patch = coverage_of_cells(grid, density, all, target);
  report.over_treated_cells = report.whole_patch.over_treated_cells;

  std::vector<bool> in_mark(grid.cell_count(), false);
  for (int k = 0; k < static_cast<int>(patch.marks().size()); ++k) {
    const auto cells = cells_of_mark(grid, patch, k, target.mark_membership);
    for (int c : cells) in_mark[static_cast<std::size_t>(c)] = true;
    report.marks.push_back(coverage_of_cells(grid, density, cells, target));
  }
  for (int c = 0; c < static_cast<int>(all.size()); ++c)
    if (!in_mark[static_cast<std::size_t>(c)]) report.punctures_outside_marks += grid.punctures(c);
  return report;
}

}  // namespace dermasim::tissue
