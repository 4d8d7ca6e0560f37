#include "tissue/stretch_mark.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace dermasim::tissue {
namespace {

// High-frequency ultrasound (Skin Res Technol 2020;26:465): dermis under striae
// measures 0.35-1.33 mm against 1.07-1.65 mm for normal dermis nearby. Severity
// maps linearly across most of that published range (never thicker than the
// surrounding dermis).
constexpr double mildest_stria_dermis_mm = 1.30;
constexpr double most_severe_stria_dermis_mm = 0.40;
// Late striae have a thin, flattened epidermis with rete ridges lost (Zheng
// 1985); early striae are mostly dermal oedema and inflammation. The fractions
// keep the viable epidermis inside the 77-267 um histology range.
constexpr double alba_epidermis_loss = 0.35;
constexpr double rubra_epidermis_loss = 0.15;
// Alba is depressed and finely wrinkled; rubra is raised or flat (oedema).
constexpr double alba_depression_base_mm = 0.05;
constexpr double alba_depression_per_severity_mm = 0.15;
constexpr double rubra_raise_mm = 0.03;

double smoothstep01(double t) {
  t = std::clamp(t, 0.0, 1.0);
  return t * t * (3.0 - 2.0 * t);
}

Rgb mix(const Rgb& a, const Rgb& b, double t) {
  return {a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t};
}

bool finite_all(std::initializer_list<double> values) {
  return std::all_of(values.begin(), values.end(), [](double v) { return std::isfinite(v); });
}

}  // namespace

std::string_view stria_type_name(StriaType type) { return type == StriaType::rubra ? "rubra" : "alba"; }

std::optional<StriaType> parse_stria_type(std::string_view name) {
  if (name == "rubra") return StriaType::rubra;
  if (name == "alba") return StriaType::alba;
  return std::nullopt;
}

double StretchMark::influence(double x_mm, double y_mm) const {
  const double a = angle_deg * std::numbers::pi / 180.0;
  const double dx = x_mm - center_x_mm;
  const double dy = y_mm - center_y_mm;
  const double along = dx * std::cos(a) + dy * std::sin(a);
  const double across = -dx * std::sin(a) + dy * std::cos(a);
  const double half_length = 0.5 * length_mm;
  const double t = along / half_length;
  if (t <= -1.0 || t >= 1.0) return 0.0;
  // Spindle: the half-width follows an ellipse along the axis.
  const double half_width = 0.5 * width_mm * std::sqrt(1.0 - t * t);
  if (half_width <= 0.0) return 0.0;
  const double r = std::abs(across) / half_width;
  // Flat core over the inner 60% of the width, smooth shoulder to the edge.
  return 1.0 - smoothstep01((r - 0.6) / 0.4);
}

std::vector<std::string> StretchMark::problems() const {
  std::vector<std::string> out;
  if (!finite_all({center_x_mm, center_y_mm, angle_deg, length_mm, width_mm, severity})) {
    out.emplace_back("stretch mark has a value that is not a finite number");
    return out;
  }
  if (length_mm < min_length_mm || length_mm > max_length_mm)
    out.emplace_back("length_mm " + std::to_string(length_mm) + " is outside " + std::to_string(min_length_mm) +
                     ".." + std::to_string(max_length_mm));
  if (width_mm < min_width_mm || width_mm > max_width_mm)
    out.emplace_back("width_mm " + std::to_string(width_mm) + " is outside " + std::to_string(min_width_mm) + ".." +
                     std::to_string(max_width_mm));
  if (width_mm > length_mm) out.emplace_back("width_mm is larger than length_mm: a stretch mark is a long band");
  if (severity < 0.0 || severity > 1.0)
    out.emplace_back("severity " + std::to_string(severity) + " is outside 0..1");
  return out;
}

StriaEffect stria_effect(const StretchMark& mark, const LayerThickness& normal) {
  const double s = std::clamp(mark.severity, 0.0, 1.0);
  StriaEffect e;
  const double stria_dermis = mildest_stria_dermis_mm + (most_severe_stria_dermis_mm - mildest_stria_dermis_mm) * s;
  e.dermis_mm = std::min(normal.dermis_mm(), stria_dermis);
  const double loss = mark.type == StriaType::alba ? alba_epidermis_loss : rubra_epidermis_loss;
  e.viable_epidermis_mm = normal.viable_epidermis_mm * (1.0 - loss * s);
  if (mark.type == StriaType::alba) {
    e.depression_mm = alba_depression_base_mm + alba_depression_per_severity_mm * s;
    // Pale, silvery, a little darker as the atrophy deepens.
    e.colour = mix({0.95, 0.92, 0.90}, {0.84, 0.82, 0.84}, s);
  } else {
    e.depression_mm = -rubra_raise_mm * (1.0 - s);
    // Pink-red when mild, deep red to purple when severe.
    e.colour = mix({0.86, 0.42, 0.44}, {0.52, 0.20, 0.42}, s);
  }
  if (mark.colour) e.colour = *mark.colour;
  return e;
}

LayerThickness layers_under_mark(const LayerThickness& normal, const StriaEffect& effect, double influence) {
  const double w = std::clamp(influence, 0.0, 1.0);
  LayerThickness t = normal;
  t.viable_epidermis_mm = normal.viable_epidermis_mm + (effect.viable_epidermis_mm - normal.viable_epidermis_mm) * w;
  const double dermis = normal.dermis_mm() + (effect.dermis_mm - normal.dermis_mm()) * w;
  // The papillary dermis keeps its thickness while it fits; the atrophy takes
  // the reticular dermis first.
  t.papillary_dermis_mm = std::min(normal.papillary_dermis_mm, 0.5 * dermis);
  t.reticular_dermis_mm = dermis - t.papillary_dermis_mm;
  return t;
}

}  // namespace dermasim::tissue
