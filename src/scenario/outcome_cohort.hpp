#pragma once
// A seeded virtual cohort for `dermasim validate outcomes`: patients who vary
// in site, stria type, severity, Fitzpatrick type and age, treated with the
// sessions of shipped good scripts, each held against a published figure.
//
// Simulating the needle physics for every patient and visit would take
// minutes, so each source session is simulated once (with the script's pen
// commands, and again at a 0.25 mm and a home-roller depth) and its injury map
// is reused for every patient drawn on it: the patient changes the biology
// (mark type and severity, skin type, age, own response), not the needle tracks.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "scenario/script.hpp"
#include "scenario/treatment_outcome.hpp"

namespace dermasim::scenario {

struct CohortSource {
  std::string name;
  std::shared_ptr<const Scenario> scenario;
  std::shared_ptr<const tissue::InjuryMap> standard;   // the script's own session
  std::shared_ptr<const tissue::InjuryMap> epidermal;  // the same pen path with 0.25 mm needles (P2)
  std::shared_ptr<const tissue::InjuryMap> shallow;    // a home roller rolled over the same area (H1)
  tissue::CareGiven care;
  tissue::SeriesPlan plan;
  double needle_length_mm = 0.0;  // the script's setting
};

/// Needle length of a home roller in the H1 row: rollers sold for home use are
/// 0.2-0.5 mm (docs/SOURCES.md: roller needles are also finer); the
/// longest of them is taken so the row is not won by the threshold alone.
inline constexpr double home_roller_length_mm = 0.5;

/// Runs `script` on `s` (headless, no grading), re-simulates its pen
/// commands at 0.25 mm and rolls the home roller over the area it treated. Throws FlowError when the script does
/// not treat.
CohortSource cohort_source(const std::shared_ptr<const Scenario>& s, const TraineeScript& script);

struct ValidationRow {
  std::string name;
  std::string source;
  std::string published;  // the published value or statement
  bool published_is_number = false;  // `published` is a plain number (written as one in JSON)
  double simulated = 0.0;
  std::string unit;       // of `simulated`
  std::string tolerance;  // what "within" means
  bool within = false;
  bool calibrated = false;  // a parameter was fitted to this row
};

struct CohortOptions {
  int patients = 120;
  std::uint64_t seed = 2026;
};

/// Every validation row. Throws std::invalid_argument without sources.
std::vector<ValidationRow> validate_outcomes(const std::vector<CohortSource>& sources, const CohortOptions& options);

std::string validation_rows_json(const std::vector<ValidationRow>& rows);
std::string validation_rows_text(const std::vector<ValidationRow>& rows);

}  // namespace dermasim::scenario
