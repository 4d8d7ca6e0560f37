#include "tissue/default_case.hpp"

namespace dermasim::tissue {

PatchSpec postpartum_abdomen_spec() {
  PatchSpec spec;
  spec.site = BodySite::abdomen;
  spec.patient = {Sex::female, 26.0};
  spec.width_mm = 120.0;
  spec.height_mm = 80.0;
  // Postpartum striae on the lower abdomen run roughly across the direction of
  // stretch: thin parallel bands, 1-10 mm wide and several cm long
  // (docs/SOURCES.md, Stretch marks).
  spec.marks = {
      {30.0, 22.0, 12.0, 55.0, 4.0, StriaType::rubra, 0.45},
      {62.0, 30.0, 8.0, 70.0, 5.5, StriaType::rubra, 0.60},
      {55.0, 44.0, 4.0, 62.0, 4.5, StriaType::rubra, 0.50},
      {70.0, 57.0, -3.0, 48.0, 3.5, StriaType::rubra, 0.35},
      {88.0, 68.0, -8.0, 40.0, 3.0, StriaType::rubra, 0.30},
  };
  return spec;
}

}  // namespace dermasim::tissue
