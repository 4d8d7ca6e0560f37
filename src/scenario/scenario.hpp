#pragma once
// A loaded scenario: read-only model data (MuJoCo's mjModel to the session's
// mjData). Everything that changes during an attempt lives in Session.
#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "physics/device.hpp"
#include "physics/technique.hpp"
#include "scenario/catalog.hpp"
#include "scenario/mode.hpp"
#include "tissue/coverage.hpp"
#include "tissue/layers.hpp"
#include "tissue/skin_patch.hpp"

namespace dermasim::scenario {

/// A closed interval, e.g. an acceptable needle depth.
struct Range {
  double lo = 0.0, hi = 0.0;
  bool contains(double v) const { return v >= lo - 1e-9 && v <= hi + 1e-9; }
};

struct Patient {
  std::string name;
  int age_years = 30;
  tissue::Sex sex = tissue::Sex::female;
  int fitzpatrick = 2;  // I..VI as 1..6
  double bmi_kg_m2 = 24.0;
  bool pregnant = false;
  bool nursing = false;
  std::string goals;
  std::string expectations;
  std::string presentation;
};

/// One item of the medical history or medication list.
struct HistoryItem {
  std::string id;
  std::string label;            // short name for lists
  std::string intake;           // what the intake form shows; empty: not on the form
  std::string question;         // a follow-up question the trainee can ask; empty: none
  std::string answer;           // what the patient says to it
  bool relevant = false;        // matters for screening (else a red herring)
  std::string fact;             // fact id (docs/SOURCES.md) when relevant
  bool medication = false;
};

struct CoverageKey {
  // Target density and over-treatment ceiling: tissue::CoverageTarget's.
  double target_per_cm2 = tissue::CoverageTarget{}.target_per_cm2;
  double max_per_cm2 = tissue::CoverageTarget{}.overtreat_per_cm2;
  double fraction_of_each_mark = 0.8;       // of each mark's area at the target density
  // Of all punctures, the share that may enter outside every mark: a 2.7-3.6 mm
  // cartridge over a 3-5 mm mark lays most of its needles beside it.
  double max_outside_fraction = 0.75;
};
/// The coverage computation's settings for a key.
tissue::CoverageTarget coverage_target(const CoverageKey& key);

struct TechniqueKey {
  double tilt_max_deg = physics::perpendicular_tilt_max_deg;  // P4
  // Unset: the planned cartridge's own band (physics::TechniqueLimits::for_cartridge).
  std::optional<Range> force_n;
  Range speed_mm_s{3.0, 30.0};
  bool numbing_required = true;  // P3: topical numbing cream is applied before treatment
};

struct SessionPlanKey {
  Range count{3, 6};              // S1
  Range interval_weeks{4, 6};     // S1
  Range maintenance_months{4, 12};  // S2: every 4-6 months or once or twice a year
};

struct AnswerKey {
  std::vector<std::string> findings;     // history ids that matter
  Decision decision = Decision::proceed;
  std::vector<std::string> precautions;  // precaution ids expected with the decision
  Range needle_depth_mm{0.75, 1.25};
  std::vector<physics::CartridgeKind> cartridges{physics::CartridgeKind::round_12, physics::CartridgeKind::pin_36};
  // Set: the case plans RF microneedling (P6) at this energy per needle, mJ;
  // the RF cartridge must be among `cartridges`.
  std::optional<Range> rf_energy_mj;
  // Empty: derived from the needle depth (target_layers_for).
  std::vector<tissue::Layer> target_layers;
  CoverageKey coverage;
  TechniqueKey technique;
  std::vector<std::string> aftercare_required;
  std::vector<std::string> aftercare_forbidden;
  SessionPlanKey sessions;
};

enum class CriterionId { depth, coverage, technique, screening, aftercare };
inline constexpr int criterion_count = 5;
std::string_view criterion_name(CriterionId c);
std::optional<CriterionId> parse_criterion(std::string_view name);

enum class CriticalKind {
  treated_despite_contraindication,  // always on: the key says defer or refer, the trainee treated
  missed_finding,                    // a named finding was not identified and the trainee treated
  harmful_instruction,               // a named harmful instruction was given
  hypodermis_punctures,              // more than a fraction of punctures reached the fat beside the marks
  wrong_decision,                    // any decision other than the key's (e.g. defer where the key refers)
  missing_instruction,               // a named required instruction was not given at a visit that treated
};
std::string_view critical_kind_name(CriticalKind k);
std::optional<CriticalKind> parse_critical_kind(std::string_view name);

struct CriticalRule {
  CriticalKind kind = CriticalKind::missed_finding;
  std::string target;        // finding or instruction id
  double max_fraction = 0.0; // hypodermis_punctures
  std::string fact;          // the clinical fact behind a rule that names none itself
  std::string message;       // what the debrief says
};

struct Rubric {
  std::array<double, criterion_count> weights{25, 20, 20, 20, 15};
  // A pass needs every applicable criterion at or above its threshold, so a
  // strong total cannot hide, say, four untreated stretch marks.
  std::array<double, criterion_count> thresholds{50, 50, 50, 50, 50};
  double pass_mark = 70.0;
  std::vector<CriticalRule> critical;
};

/// Where a case's marks need the injury: the key's own list, or from its
/// depth: the reticular dermis for moderate and severe marks (key from 1.0 mm,
/// D2-D3), the papillary and reticular dermis for fine ones (D1, P2).
std::vector<tissue::Layer> target_layers_for(const AnswerKey& key);

/// What the patient does at home after a visit of a course case (issue 14):
/// the lapses a case scripts, applied to the care the skin gets after that
/// visit's session (tissue::CareGiven).
struct HomeLapse {
  int after_visit = 1;         // 1-based
  bool sun_exposure = false;   // outdoors without sunscreen (A1, A2 not kept)
  bool picking = false;        // picked at the crusts (A5 not kept)
  // Rolled daily with a home derma roller until the next visit (H2: an
  // unsterilised roller, overuse; H1: no extra collagen): tissue::CareGiven::home_tools.
  bool home_roller = false;
};

/// Something the patient raises at a return visit of a course case (issue
/// 14, `concerns:`), e.g. disappointment with slow progress on white marks
/// (C3). It appears at every visit from `at_visit` while the mean improvement
/// read that day is below the threshold; that visit's key then expects it as
/// a finding, the `require` counselling, and none of the `forbid` lines.
struct CourseConcern {
  std::string id;              // its history item id that visit
  std::string label;
  int at_visit = 2;            // 1-based: the first visit it may appear at
  double while_improvement_below_percent = 0.0;  // of the marks' mean improvement
  std::string intake;          // what the patient says
  std::string question, answer;
  std::string fact;            // docs/SOURCES.md id, e.g. C3
  std::vector<std::string> require;  // counselling the trainee must give that visit
  std::vector<std::string> forbid;   // harmful lines that fail the visit (critical)
};

/// A case that spans visits (`course:`): the patient comes back after the
/// interval the trainee chose with the skin the healing model predicts.
struct CourseSpec {
  static constexpr int most_visits = 8;  // S1's 6 sessions, a pause and a maintenance visit
  static constexpr double most_return_weeks = 104.0;  // two years: beyond it there is no course left to grade
  int max_visits = 7;
  std::uint64_t seed = 1;      // the patient's own draws (complications, response), same for the key's protocol
  std::vector<HomeLapse> home;
  std::vector<CourseConcern> concerns;
};

struct Scenario {
  std::string file;      // where it was loaded from
  std::string id;
  std::string title;
  std::string summary;
  std::string source_hash;  // FNV-1a 64 of the file's bytes, hex
  Mode mode = Mode::practice;  // the default for attempts (`mode:`); `gui --assessment` forces assessment
  Patient patient;
  tissue::PatchSpec patch;
  /// `patch` compiled once when the file loads; every simulator of the case
  /// shares it (scenario/simulation_builder.hpp). Null for a scenario
  /// assembled in code.
  std::shared_ptr<const tissue::SkinPatch> skin;
  std::vector<HistoryItem> history;  // history and medications together, in file order
  AnswerKey key;
  Rubric rubric;
  std::optional<CourseSpec> course;  // set: a course case played visit after visit
  /// Feedback text by criterion or mistake id, overriding the built-in text.
  std::vector<std::pair<std::string, std::string>> feedback;

  const HistoryItem* find_item(std::string_view item_id) const;
  /// The scenario's text for a feedback id, or `fallback`.
  std::string feedback_for(std::string_view feedback_id, std::string_view fallback) const;
};

}  // namespace dermasim::scenario
