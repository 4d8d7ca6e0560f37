#pragma once
// A return visit of a course case: what the skin shows today (from the
// healing model) and the case as the trainee meets it today. The visit's
// answer key follows the skin, so every visit is graded by the ordinary
// grader against what was right that day:
//   - an infection in the treated area: do not treat, defer (X1, E2);
//   - hyperpigmentation (PIH) that appeared since the last visit: pause,
//     defer and let it be treated (D7, E2);
//   - PIH seen at an earlier visit: treat with PIH precautions at one pen
//     step (0.25 mm, D6) shallower than the case's first depth (D7);
//   - a concern the case scripts (course_concern.hpp), e.g. disappointment
//     with slow progress while the marks are improved less than it says (C3).
#include <memory>
#include <string_view>

#include "physics/device.hpp"
#include "scenario/scenario.hpp"
#include "tissue/healing_model.hpp"

namespace dermasim::scenario {

/// The history items a return visit may add (their ids, for scripts).
inline constexpr std::string_view visit_item_infection = "infection_in_treated_area";
inline constexpr std::string_view visit_item_pih_new = "pih_since_last_visit";
inline constexpr std::string_view visit_item_pih_earlier = "pih_after_earlier_session";

/// Mean darkening over the treated skin at which PIH is visible to the eye
/// (tissue::HealingCourse::pigment, 0..1; the model's darkening peaks at 0.45).
inline constexpr double pih_visible_level = 0.05;
/// An infection counts as present from its onset for this many days (the
/// model's rise and resolution, healing_model.cpp, then a margin).
inline constexpr double infection_present_days = 10.0;
/// One step of the pens' depth setting (D6): how much shallower after PIH.
inline constexpr double depth_step_after_pih_mm = physics::DeviceSettings::length_step_mm;

struct VisitFindings {
  int visit = 1;              // 1-based
  double day = 0.0;           // since the first visit
  double erythema_mean = 0.0; // over treated skin (E1, E3)
  double pigment_mean = 0.0;  // over treated skin (D7)
  bool infection = false;
  bool pih_new = false;       // visible today, not at the last visit
  bool pih_earlier = false;   // seen at an earlier visit
  double improvement_percent = 0.0;  // mean over the marks so far
};

/// Reads the course's skin at `visit`; `pih_seen_before` is whether an
/// earlier visit found PIH.
VisitFindings read_visit(const tissue::HealingCourse& course, int visit, bool pih_seen_before);

/// The case as it stands at a visit: the first visit is the case itself.
std::shared_ptr<const Scenario> visit_scenario(const std::shared_ptr<const Scenario>& base, const VisitFindings& f);

}  // namespace dermasim::scenario
