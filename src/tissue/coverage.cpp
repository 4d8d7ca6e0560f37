#include "tissue/coverage.hpp"

#include <algorithm>
#include <cmath>

namespace dermasim::tissue {
namespace {

constexpr double cell_area_cm2 = TissueGrid::cell_mm * TissueGrid::cell_mm / 100.0;

int window_half_cells(double window_mm) {
  return std::max(0, static_cast<int>(std::lround(window_mm / TissueGrid::cell_mm / 2.0)));
}

struct CellBox {
  int x0, y0, x1, y1;  // half-open
};

// Coverage of the cells whose membership bits intersect `mask`, inside `box`.
// Local density counts only punctures inside the same cells, over only their
// area within the window: a mark's own tissue.
MarkCoverage masked_coverage(const TissueGrid& grid, const std::vector<std::uint64_t>& bits, std::uint64_t mask,
                             const CellBox& box, const CoverageTarget& target) {
  MarkCoverage r;
  const int w = box.x1 - box.x0, h = box.y1 - box.y0;
  if (w <= 0 || h <= 0) return r;
  const auto stride = static_cast<std::size_t>(w + 1);
  std::vector<std::uint64_t> count_sat(stride * static_cast<std::size_t>(h + 1), 0);
  std::vector<std::uint32_t> cell_sat(count_sat.size(), 0);
  auto idx = [&](int x, int y) { return static_cast<std::size_t>(y) * stride + static_cast<std::size_t>(x); };
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      const int cell = (box.y0 + y) * grid.nx() + box.x0 + x;
      const bool in = (bits[static_cast<std::size_t>(cell)] & mask) != 0;
      const std::uint64_t p = in ? grid.punctures(cell) : 0;
      count_sat[idx(x + 1, y + 1)] = p + count_sat[idx(x, y + 1)] + count_sat[idx(x + 1, y)] - count_sat[idx(x, y)];
      cell_sat[idx(x + 1, y + 1)] =
          (in ? 1u : 0u) + cell_sat[idx(x, y + 1)] + cell_sat[idx(x + 1, y)] - cell_sat[idx(x, y)];
      if (in) {
        ++r.cells;
        r.punctures += p;
      }
    }
  if (r.cells == 0) return r;
  r.area_cm2 = r.cells * cell_area_cm2;
  r.density_per_cm2 = static_cast<double>(r.punctures) / r.area_cm2;

  const int half = window_half_cells(target.window_mm);
  std::vector<double> local;
  local.reserve(static_cast<std::size_t>(r.cells));
  double sum = 0.0, sum_sq = 0.0;
  int at_target = 0;
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      const int cell = (box.y0 + y) * grid.nx() + box.x0 + x;
      if ((bits[static_cast<std::size_t>(cell)] & mask) == 0) continue;
      const int x0 = std::max(0, x - half), x1 = std::min(w, x + half + 1);
      const int y0 = std::max(0, y - half), y1 = std::min(h, y + half + 1);
      const auto n = static_cast<double>(count_sat[idx(x1, y1)] + count_sat[idx(x0, y0)] - count_sat[idx(x0, y1)] -
                                         count_sat[idx(x1, y0)]);
      const auto cells = static_cast<double>(cell_sat[idx(x1, y1)] + cell_sat[idx(x0, y0)] - cell_sat[idx(x0, y1)] -
                                             cell_sat[idx(x1, y0)]);
      const double d = n / (cells * cell_area_cm2);
      local.push_back(d);
      sum += d;
      sum_sq += d * d;
      at_target += d >= target.target_per_cm2 ? 1 : 0;
    }
  const double n = static_cast<double>(local.size());
  const double mean = sum / n;
  const auto mid = local.begin() + static_cast<std::ptrdiff_t>(local.size() / 2);
  std::nth_element(local.begin(), mid, local.end());
  r.median_density_per_cm2 = *mid;
  r.fraction_at_target = at_target / n;
  const double variance = std::max(0.0, sum_sq / n - mean * mean);
  r.uniformity_cv = mean > 0.0 ? std::sqrt(variance) / mean : 0.0;
  return r;
}

}  // namespace

DensityMap::DensityMap(const TissueGrid& grid, double window_mm) {
  const int nx = grid.nx(), ny = grid.ny();
  // Summed-area table: any window's count in four lookups.
  std::vector<std::uint64_t> sat(static_cast<std::size_t>(nx + 1) * static_cast<std::size_t>(ny + 1), 0);
  auto at = [&](int x, int y) -> std::uint64_t& { return sat[static_cast<std::size_t>(y) * (nx + 1) + x]; };
  for (int y = 0; y < ny; ++y)
    for (int x = 0; x < nx; ++x)
      at(x + 1, y + 1) = grid.punctures(y * nx + x) + at(x, y + 1) + at(x + 1, y) - at(x, y);

  const int half = window_half_cells(window_mm);
  density_.assign(grid.cell_count(), 0.0);
  for (int y = 0; y < ny; ++y)
    for (int x = 0; x < nx; ++x) {
      const int x0 = std::max(0, x - half), x1 = std::min(nx, x + half + 1);
      const int y0 = std::max(0, y - half), y1 = std::min(ny, y + half + 1);
      const double count = static_cast<double>(at(x1, y1) + at(x0, y0) - at(x0, y1) - at(x1, y0));
      // Windows clipped at the patch edge divide by their real area.
      density_[static_cast<std::size_t>(y * nx + x)] = count / ((x1 - x0) * (y1 - y0) * cell_area_cm2);
    }
}

double CoverageReport::outside_fraction() const {
  return punctures ? static_cast<double>(punctures_outside_marks) / static_cast<double>(punctures) : 0.0;
}

std::vector<std::uint64_t> mark_membership_bits(const TissueGrid& grid, const SkinPatch& patch, double membership) {
  std::vector<std::uint64_t> bits(grid.cell_count(), 0);
  const int marks = std::min<int>(64, static_cast<int>(patch.marks().size()));
  for (int c = 0; c < static_cast<int>(grid.cell_count()); ++c)
    for (int k = 0; k < marks; ++k)
      if (patch.influence(k, grid.cell_center_x_mm(c), grid.cell_center_y_mm(c)) >= membership)
        bits[static_cast<std::size_t>(c)] |= std::uint64_t{1} << k;
  return bits;
}

CoverageReport coverage_report(const TissueGrid& grid, const SkinPatch& patch, const CoverageTarget& target) {
  CoverageReport report;
  const auto bits = mark_membership_bits(grid, patch, target.mark_membership);
  const int nx = grid.nx(), ny = grid.ny();
  const int marks = std::min<int>(64, static_cast<int>(patch.marks().size()));

  // Each mark's bounding box in cells, so its tables cover only where it is.
  std::vector<CellBox> boxes(static_cast<std::size_t>(marks), CellBox{nx, ny, 0, 0});
  std::uint64_t any = 0;
  for (int c = 0; c < static_cast<int>(bits.size()); ++c) {
    const std::uint64_t b = bits[static_cast<std::size_t>(c)];
    report.punctures += grid.punctures(c);
    if (b == 0) {
      report.punctures_outside_marks += grid.punctures(c);
      continue;
    }
    any |= b;
    const int x = c % nx, y = c / nx;
    for (int k = 0; k < marks; ++k)
      if (b & (std::uint64_t{1} << k)) {
        CellBox& box = boxes[static_cast<std::size_t>(k)];
        box = {std::min(box.x0, x), std::min(box.y0, y), std::max(box.x1, x + 1), std::max(box.y1, y + 1)};
      }
  }
  for (int k = 0; k < marks; ++k)
    report.marks.push_back(masked_coverage(grid, bits, std::uint64_t{1} << k, boxes[static_cast<std::size_t>(k)], target));
  report.all_marks = masked_coverage(grid, bits, any, CellBox{0, 0, nx, ny}, target);

  const DensityMap density(grid, target.window_mm);
  for (double d : density.values()) report.over_treated_cells += d > target.overtreat_per_cm2 ? 1 : 0;
  return report;
}

}  // namespace dermasim::tissue
