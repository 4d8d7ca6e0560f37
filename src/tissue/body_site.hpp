#pragma once
// Body sites where stretch marks are treated, and their layer thicknesses.
#include <optional>
#include <span>
#include <string_view>

#include "tissue/layers.hpp"

namespace dermasim::tissue {

enum class BodySite { abdomen, thigh, buttock, breast, hip, upper_arm };
enum class Sex { female, male, unspecified };

std::span<const BodySite> all_body_sites();
std::string_view site_name(BodySite site);
std::optional<BodySite> parse_site(std::string_view name);
std::string_view sex_name(Sex sex);
std::optional<Sex> parse_sex(std::string_view name);

/// What the layer model needs to know about the patient.
struct PatientBuild {
  Sex sex = Sex::unspecified;
  double bmi_kg_m2 = reference_bmi_kg_m2;
  static constexpr double reference_bmi_kg_m2 = 25.0;
  static constexpr double min_bmi_kg_m2 = 14.0;
  static constexpr double max_bmi_kg_m2 = 60.0;
};

/// Layer thicknesses of normal skin (no stretch mark) at a site for a patient.
/// Sources and the derivation are in body_site.cpp.
LayerThickness site_layers(BodySite site, const PatientBuild& patient);

}  // namespace dermasim::tissue
