#include "tissue/tissue_grid.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "tissue/fnv1a.hpp"

namespace dermasim::tissue {

TissueGrid::TissueGrid(double width_mm, double height_mm)
    : width_mm_(width_mm),
      height_mm_(height_mm),
      nx_(static_cast<int>(std::ceil(width_mm / cell_mm))),
      ny_(static_cast<int>(std::ceil(height_mm / cell_mm))) {
  clear();
}

void TissueGrid::clear() {
  const std::size_t n = static_cast<std::size_t>(nx_) * static_cast<std::size_t>(ny_);
  total_punctures_ = 0;
  punctures_.assign(n, 0);
  deepest_mm_.assign(n, 0.0f);
  deepest_layer_.assign(n, 0);
  bleeding_level_.assign(n, 0.0f);
  bleeding_time_s_.assign(n, 0.0);
  erythema_dose_.assign(n, 0.0f);
  erythema_time_s_.assign(n, 0.0);
}

int TissueGrid::cell_at(double x_mm, double y_mm) const {
  if (!(x_mm >= 0.0 && y_mm >= 0.0 && x_mm < width_mm_ && y_mm < height_mm_)) return -1;
  const int cx = std::min(nx_ - 1, static_cast<int>(x_mm / cell_mm));
  const int cy = std::min(ny_ - 1, static_cast<int>(y_mm / cell_mm));
  return cy * nx_ + cx;
}

double TissueGrid::decayed_dose(std::size_t i, double time_s) const {
  const double dt = std::max(0.0, time_s - erythema_time_s_[i]);
  return erythema_dose_[i] * std::exp(-dt / erythema_time_constant_s);
}

bool TissueGrid::record_puncture(double x_mm, double y_mm, double depth_mm, Layer deepest, double time_s,
                                 double vascular_reach) {
  const int cell = cell_at(x_mm, y_mm);
  if (cell < 0) return false;
  const auto i = static_cast<std::size_t>(cell);
  if (punctures_[i] < UINT32_MAX) ++punctures_[i];
  ++total_punctures_;
  if (depth_mm > deepest_mm_[i]) deepest_mm_[i] = static_cast<float>(depth_mm);
  deepest_layer_[i] = std::max(deepest_layer_[i], static_cast<std::uint8_t>(deepest));

  erythema_dose_[i] = static_cast<float>(decayed_dose(i, time_s) + 1.0);
  erythema_time_s_[i] = time_s;

  // P5: pinpoint bleeding means the needle reached the vascular papillary
  // dermis. Single capillary loops rise into the papillae from the plexus at
  // its floor, so vessels grow denser with depth through the layer: grazing
  // its top bleeds little (the square of the share crossed), crossing it
  // bleeds fully. Repeated punctures build a cell up to what its reach gives.
  const double share = deepest >= Layer::reticular_dermis ? 1.0 : std::clamp(vascular_reach, 0.0, 1.0);
  const double reach = share * share;
  if (deepest >= Layer::papillary_dermis && reach > 0.0) {
    const double dt = std::max(0.0, time_s - bleeding_time_s_[i]);
    const double now = bleeding_level_[i] * std::exp(-dt / bleeding_time_constant_s);
    bleeding_level_[i] = static_cast<float>(std::max(now, std::min(reach, now + bleeding_per_puncture * reach)));
    bleeding_time_s_[i] = time_s;
  }
  return true;
}

double TissueGrid::bleeding(int cell, double time_s) const {
  const auto i = static_cast<std::size_t>(cell);
  const double dt = std::max(0.0, time_s - bleeding_time_s_[i]);
  return bleeding_level_[i] * std::exp(-dt / bleeding_time_constant_s);
}

double TissueGrid::erythema(int cell, double time_s) const {
  // Sum the decayed dose over the 1 mm x 1 mm (4 x 4 cells) around the cell.
  const int cx = cell % nx_, cy = cell / nx_;
  double dose = 0.0;
  for (int y = std::max(0, cy - 2); y < std::min(ny_, cy + 2); ++y)
    for (int x = std::max(0, cx - 2); x < std::min(nx_, cx + 2); ++x)
      dose += decayed_dose(static_cast<std::size_t>(y * nx_ + x), time_s);
  return 1.0 - std::exp(-erythema_per_puncture_per_mm2 * dose);
}

namespace {
template <typename T>
void fnv_mix(std::uint64_t& h, const std::vector<T>& v) {
  fnv1a_mix(h, v.data(), v.size() * sizeof(T));
}
}  // namespace

std::uint64_t TissueGrid::hash() const {
  std::uint64_t h = fnv1a_offset;
  fnv_mix(h, punctures_);
  fnv_mix(h, deepest_mm_);
  fnv_mix(h, deepest_layer_);
  fnv_mix(h, bleeding_level_);
  fnv_mix(h, bleeding_time_s_);
  fnv_mix(h, erythema_dose_);
  fnv_mix(h, erythema_time_s_);
  return h;
}

}  // namespace dermasim::tissue
