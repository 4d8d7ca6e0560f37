#include "tissue/skin_patch.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace dermasim::tissue {

std::vector<std::string> PatchSpec::problems() const {
  std::vector<std::string> out;
  auto size_ok = [](double v) { return std::isfinite(v) && v >= min_size_mm && v <= max_size_mm; };
  if (!size_ok(width_mm)) out.emplace_back("patch width_mm must be within 10..400");
  if (!size_ok(height_mm)) out.emplace_back("patch height_mm must be within 10..400");
  if (!std::isfinite(patient.bmi_kg_m2) || patient.bmi_kg_m2 < PatientBuild::min_bmi_kg_m2 ||
      patient.bmi_kg_m2 > PatientBuild::max_bmi_kg_m2)
    out.emplace_back("patient bmi_kg_m2 must be within 14..60");
  if (marks.size() > 64) out.emplace_back("a patch holds at most 64 stretch marks");
  for (std::size_t i = 0; i < marks.size(); ++i) {
    for (const auto& p : marks[i].problems()) out.push_back("stretch mark " + std::to_string(i) + ": " + p);
    const auto& m = marks[i];
    if (std::isfinite(m.center_x_mm) && std::isfinite(m.center_y_mm) &&
        (m.center_x_mm < 0 || m.center_x_mm > width_mm || m.center_y_mm < 0 || m.center_y_mm > height_mm))
      out.push_back("stretch mark " + std::to_string(i) + ": centre is off the patch");
  }
  return out;
}

SkinPatch::SkinPatch(PatchSpec spec) : spec_(std::move(spec)) {
  const auto problems = spec_.problems();
  if (!problems.empty()) {
    std::string message = "invalid skin patch:";
    for (const auto& p : problems) message += "\n  " + p;
    throw std::invalid_argument(message);
  }
  normal_ = site_layers(spec_.site, spec_.patient);
  for (const auto& m : spec_.marks) effects_.push_back(stria_effect(m, normal_));

  nx_ = static_cast<int>(std::ceil(spec_.width_mm / lookup_cell_mm));
  ny_ = static_cast<int>(std::ceil(spec_.height_mm / lookup_cell_mm));
  lookup_index_.assign(static_cast<std::size_t>(nx_) * static_cast<std::size_t>(ny_), -1);
  lookup_influence_.assign(lookup_index_.size(), 0.0f);
  for (std::size_t k = 0; k < spec_.marks.size(); ++k) {
    const auto& m = spec_.marks[k];
    // Only cells inside the mark's bounding circle can be touched.
    const double r = 0.5 * m.length_mm + m.width_mm;
    const int x0 = std::max(0, static_cast<int>((m.center_x_mm - r) / lookup_cell_mm));
    const int x1 = std::min(nx_ - 1, static_cast<int>((m.center_x_mm + r) / lookup_cell_mm));
    const int y0 = std::max(0, static_cast<int>((m.center_y_mm - r) / lookup_cell_mm));
    const int y1 = std::min(ny_ - 1, static_cast<int>((m.center_y_mm + r) / lookup_cell_mm));
    for (int y = y0; y <= y1; ++y)
      for (int x = x0; x <= x1; ++x) {
        const double w = m.influence((x + 0.5) * lookup_cell_mm, (y + 0.5) * lookup_cell_mm);
        const std::size_t i = static_cast<std::size_t>(y) * static_cast<std::size_t>(nx_) + static_cast<std::size_t>(x);
        if (w > lookup_influence_[i]) {
          lookup_influence_[i] = static_cast<float>(w);
          lookup_index_[i] = static_cast<std::int16_t>(k);
        }
      }
  }
}

bool SkinPatch::contains(double x_mm, double y_mm) const {
  return x_mm >= 0.0 && y_mm >= 0.0 && x_mm <= spec_.width_mm && y_mm <= spec_.height_mm;
}

double SkinPatch::influence(int mark_index, double x_mm, double y_mm) const {
  return spec_.marks[static_cast<std::size_t>(mark_index)].influence(x_mm, y_mm);
}

LocalTissue SkinPatch::at(double x_mm, double y_mm) const {
  LocalTissue local;
  local.layers = normal_;
  if (!std::isfinite(x_mm) || !std::isfinite(y_mm)) return local;
  const int cx = std::clamp(static_cast<int>(x_mm / lookup_cell_mm), 0, nx_ - 1);
  const int cy = std::clamp(static_cast<int>(y_mm / lookup_cell_mm), 0, ny_ - 1);
  const std::size_t i = static_cast<std::size_t>(cy) * static_cast<std::size_t>(nx_) + static_cast<std::size_t>(cx);
  const int k = lookup_index_[i];
  if (k < 0) return local;
  const double w = lookup_influence_[i];
  const StriaEffect& e = effects_[static_cast<std::size_t>(k)];
  local.layers = layers_under_mark(normal_, e, w);
  local.depression_mm = e.depression_mm * w;
  local.stria_influence = w;
  local.stria_index = k;
  return local;
}

}  // namespace dermasim::tissue
