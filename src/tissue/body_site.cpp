#include "tissue/body_site.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace dermasim::tissue {
namespace {

struct SiteFigures {
  BodySite site;
  std::string_view name;
  double skin_mm;              // epidermis + dermis
  double fat_mm;               // subcutaneous fat
  double viable_epidermis_mm;  // site-specific living epidermis
};

// Skin and fat: ultrasound of 388 adults, Gibney et al. 2010 (PubMed 20429833),
// as listed in docs/SOURCES.md. Breast and hip are not in
// that table: hip is taken halfway between thigh and buttock, breast skin as the
// thigh's (the thinnest measured site) with the viable epidermis Oltulu 2018
// measured on the female breast (76.9 um). Other sites use 100-150 um.
constexpr std::array<SiteFigures, 6> site_table{{
    {BodySite::abdomen, "abdomen", 2.2, 13.9, 0.120},
    {BodySite::thigh, "thigh", 1.9, 10.4, 0.120},
    {BodySite::buttock, "buttock", 2.4, 15.4, 0.140},
    {BodySite::breast, "breast", 1.9, 12.0, 0.077},
    {BodySite::hip, "hip", 2.15, 12.9, 0.130},
    {BodySite::upper_arm, "upper_arm", 2.2, 10.8, 0.110},
}};

constexpr std::array<BodySite, 6> site_list{BodySite::abdomen, BodySite::thigh,  BodySite::buttock,
                                            BodySite::breast,  BodySite::hip,    BodySite::upper_arm};

// Stratum corneum 10-15 um; papillary dermis 0.1-0.3 mm (docs/SOURCES.md).
constexpr double stratum_corneum_mm = 0.012;
constexpr double papillary_dermis_mm = 0.25;
// Gibney 2010: women carry about 5.1 mm more fat than men; the site figures are
// for the mixed cohort, so each sex sits half the gap from the mean.
constexpr double sex_fat_offset_mm = 5.1 / 2.0;
// Gibney 2010: +10 kg/m2 of BMI adds about 4 mm of fat and 0.2 mm of skin.
constexpr double fat_mm_per_bmi = 0.4;
constexpr double skin_mm_per_bmi = 0.02;
constexpr double min_fat_mm = 2.0;

const SiteFigures& figures(BodySite site) {
  for (const auto& f : site_table)
    if (f.site == site) return f;
  return site_table[0];
}

}  // namespace

std::span<const BodySite> all_body_sites() { return site_list; }

std::string_view site_name(BodySite site) { return figures(site).name; }

std::optional<BodySite> parse_site(std::string_view name) {
  for (const auto& f : site_table)
    if (f.name == name) return f.site;
  return std::nullopt;
}

std::string_view sex_name(Sex sex) {
  switch (sex) {
    case Sex::female: return "female";
    case Sex::male: return "male";
    case Sex::unspecified: break;
  }
  return "unspecified";
}

std::optional<Sex> parse_sex(std::string_view name) {
  if (name == "female") return Sex::female;
  if (name == "male") return Sex::male;
  if (name == "unspecified") return Sex::unspecified;
  return std::nullopt;
}

LayerThickness site_layers(BodySite site, const PatientBuild& patient) {
  const SiteFigures& f = figures(site);
  const double bmi = std::clamp(patient.bmi_kg_m2, PatientBuild::min_bmi_kg_m2, PatientBuild::max_bmi_kg_m2);
  const double bmi_delta = bmi - PatientBuild::reference_bmi_kg_m2;

  double fat_mm = f.fat_mm + fat_mm_per_bmi * bmi_delta;
  if (patient.sex == Sex::female) fat_mm += sex_fat_offset_mm;
  if (patient.sex == Sex::male) fat_mm -= sex_fat_offset_mm;

  const double skin_mm = f.skin_mm + skin_mm_per_bmi * bmi_delta;
  LayerThickness t;
  t.stratum_corneum_mm = stratum_corneum_mm;
  t.viable_epidermis_mm = f.viable_epidermis_mm;
  t.papillary_dermis_mm = papillary_dermis_mm;
  // The reticular dermis is the rest of the measured skin thickness.
  t.reticular_dermis_mm = skin_mm - stratum_corneum_mm - f.viable_epidermis_mm - papillary_dermis_mm;
  t.hypodermis_mm = std::max(min_fat_mm, fat_mm);
  return t;
}

std::string_view layer_name(Layer layer) {
  switch (layer) {
    case Layer::none: return "none";
    case Layer::stratum_corneum: return "stratum_corneum";
    case Layer::viable_epidermis: return "viable_epidermis";
    case Layer::papillary_dermis: return "papillary_dermis";
    case Layer::reticular_dermis: return "reticular_dermis";
    case Layer::hypodermis: return "hypodermis";
  }
  return "none";
}

double LayerThickness::thickness_mm(Layer layer) const {
  switch (layer) {
    case Layer::stratum_corneum: return stratum_corneum_mm;
    case Layer::viable_epidermis: return viable_epidermis_mm;
    case Layer::papillary_dermis: return papillary_dermis_mm;
    case Layer::reticular_dermis: return reticular_dermis_mm;
    case Layer::hypodermis: return hypodermis_mm;
    case Layer::none: break;
  }
  return 0.0;
}

std::array<double, layer_count> LayerThickness::bottoms_mm() const {
  std::array<double, layer_count> b{};
  double depth = 0.0;
  for (int i = 0; i < layer_count; ++i) {
    depth += thickness_mm(layer_from_index(i));
    b[static_cast<std::size_t>(i)] = depth;
  }
  return b;
}

Layer LayerThickness::layer_at_depth(double depth_mm) const {
  if (!(depth_mm > 0.0)) return Layer::none;
  const auto b = bottoms_mm();
  for (int i = 0; i < layer_count; ++i)
    if (depth_mm <= b[static_cast<std::size_t>(i)]) return layer_from_index(i);
  return Layer::hypodermis;
}

}  // namespace dermasim::tissue
