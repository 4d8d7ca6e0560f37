#pragma once
// Radiofrequency (RF) microneedling (P6): the needles are insulated along the
// shaft, so the current leaves only at the bare tips and the heat coagulates a
// column of dermis at the end of each channel while the epidermis the shaft
// passes through is spared (Cohen et al. 2016, insulated microneedles;
// Sasaki 2019, microneedling-radiofrequency channels). Sources in
// docs/SOURCES.md, "RF microneedling".
#include <algorithm>
#include <cmath>

namespace dermasim::tissue::rf {

// Energy per needle per pulse. Bipolar RF microneedle tips deliver up to
// 62 mJ per pin (the 160-pin tip, Eubanks & Solomon, Lasers Surg Med 2021);
// Yeung et al. 2012 treated Fitzpatrick III-IV skin at 50-62 mJ per pin. The
// generator's range here is 0 (RF off: plain microneedling) to that top.
inline constexpr double energy_max_mj = 62.0;

// The thermal zone at the tip is 100-300 um deep, growing with the energy
// (Manuskiatti et al. 2016, in vivo human skin, dark-skinned subjects). The
// heat a pulse leaves is its energy (E = I^2 R t), so the heated volume grows
// in proportion and a zone that keeps its shape grows as the cube root of the
// energy: the top of the generator's range gives the 0.30 mm the study's
// highest settings did, and 1/27 of it the 0.10 mm of its lowest.
inline constexpr double zone_length_at_max_mm = 0.30;
// The zone is drawn (render) as a column around the tip as wide as it is
// deep. Model choice for the picture; nothing is computed from the width.
inline constexpr double zone_width_per_length = 1.0;

/// Length (vertical extent) of the coagulation zone one pulse of `energy_mj`
/// leaves at a needle's tip; 0 with the generator off.
inline double zone_length_mm(double energy_mj) {
  if (!(energy_mj > 0.0)) return 0.0;
  return zone_length_at_max_mm * std::cbrt(std::min(energy_mj, energy_max_mj) / energy_max_mj);
}

/// Whether a zone ending at a tip `tip_depth_mm` below the surface reaches up
/// into an epidermis `epidermis_mm` thick: the insulation protects the
/// epidermis only while the whole zone lies below it; a shallow channel at a
/// high energy heats the epidermis itself (an epidermal burn).
inline bool reaches_epidermis(double tip_depth_mm, double energy_mj, double epidermis_mm) {
  const double length = zone_length_mm(energy_mj);
  return length > 0.0 && tip_depth_mm - length < epidermis_mm;
}

}  // namespace dermasim::tissue::rf
