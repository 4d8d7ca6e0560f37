#pragma once
// Synthetic injury maps for the healing tests: a patch with one mark and
// punctures laid on a regular grid at a chosen depth and density, no physics.
#include <cmath>
#include <memory>

#include "tissue/healing_model.hpp"
#include "tissue/injury_map.hpp"

namespace dermasim::test {

inline std::shared_ptr<const tissue::SkinPatch> healing_patch(tissue::StriaType type = tissue::StriaType::rubra,
                                                              double severity = 0.3) {
  tissue::PatchSpec spec;
  spec.site = tissue::BodySite::abdomen;
  spec.width_mm = 40.0;
  spec.height_mm = 30.0;
  spec.marks.push_back({20.0, 15.0, 0.0, 30.0, 6.0, type, severity});
  return std::make_shared<const tissue::SkinPatch>(spec);
}

/// Punctures `per_cm2` over the whole patch, each `depth_mm` deep; the layer
/// reached is the patch's layer at that depth, as the physics would report.
inline std::shared_ptr<const tissue::InjuryMap> uniform_injury(const tissue::SkinPatch& patch, double depth_mm,
                                                               double per_cm2) {
  auto map = std::make_shared<tissue::InjuryMap>(patch.width_mm(), patch.height_mm());
  const double spacing_mm = 10.0 / std::sqrt(per_cm2);
  for (double y = 0.5 * spacing_mm; y < patch.height_mm(); y += spacing_mm)
    for (double x = 0.5 * spacing_mm; x < patch.width_mm(); x += spacing_mm)
      map->add_puncture(patch, x, y, depth_mm, patch.at(x, y).layers.layer_at_depth(depth_mm));
  return map;
}

inline tissue::SessionInput session_of(std::shared_ptr<const tissue::InjuryMap> map, tissue::CareGiven care = {}) {
  return {std::move(map), care, tissue::Modality::microneedling};
}

/// A course after `sessions` sessions `interval_days` apart, read `after_days` after the last.
inline tissue::HealingCourse course_after(std::shared_ptr<const tissue::SkinPatch> patch, const tissue::SessionInput& s,
                                          int sessions, double interval_days, double after_days,
                                          tissue::PatientProfile patient = {}, std::uint64_t seed = 1) {
  tissue::HealingCourse c(std::move(patch), patient, seed);
  for (int k = 0; k < sessions; ++k) {
    if (k > 0) c.advance_days(interval_days);
    c.apply_session(s);
  }
  c.advance_days(after_days);
  return c;
}

}  // namespace dermasim::test
