#pragma once
// xAPI 1.0.3 statements for one attempt, following cmi5's pattern:
// initialized, passed or failed, completed, terminated (an interrupted attempt:
// initialized, terminated). The registration is the attempt's UUID; statement
// ids are name-based on (attempt, verb), so a retried PUT is harmless.
#include <optional>
#include <string>
#include <vector>

#include "scenario/mode.hpp"

namespace dermasim::record {

/// Where statements point. Configurable (lrs.conf / environment) because a
/// course's activity ids live under the course's own domain.
struct XapiSettings {
  std::string activity_base = "https://dermasim.example";  // activities are <base>/scenarios/<id>
  std::string actor_home_page = "https://dermasim.example";  // the trainee is an account on this system
};

struct XapiCriterion {
  std::string name;  // depth, coverage, technique, screening, aftercare
  double score = 0.0;  // 0..100
  bool applicable = true;
};

/// One visit of a treatment course (issue 14) as its statement tells it.
struct XapiVisit {
  int visit = 1;  // 1-based
  double day = 0.0;
  std::string ended_utc;
  double duration_s = 0.0;
  std::string decision;
  double total = 0.0;  // 0..100
  bool passed = false;
  std::optional<double> return_in_weeks;  // empty: the course ended after it
  std::vector<XapiCriterion> criteria;
  std::vector<std::string> critical_errors;  // kinds
};

/// What a course attempt adds: its visits and its outcome against the key's protocol.
struct XapiTreatmentCourse {
  std::vector<XapiVisit> visits;
  int treatments = 0;
  double outcome_day = 0.0;
  double improvement_percent = 0.0;
  double key_improvement_percent = 0.0;
};

/// What the statements say about an attempt (from the database or a grade).
struct AttemptFacts {
  std::string attempt_uuid;
  std::string trainee;
  std::string scenario_id;
  std::string scenario_title;
  std::string started_utc;
  std::string ended_utc;
  double duration_s = 0.0;
  bool completed = true;  // false: interrupted
  scenario::Mode mode = scenario::Mode::practice;  // with hints, or an assessment without
  double total = 0.0;     // 0..100
  double pass_mark = 70.0;
  bool passed = false;
  std::vector<XapiCriterion> criteria;
  std::vector<std::string> critical_errors;  // kinds
  /// Set: a treatment course. One registration (the attempt's UUID) for the
  /// whole course: initialized, a passed/failed per visit (cmi5 "allowed":
  /// the visit activity, parent the course's), the course's verdict with its
  /// criteria and outcome, completed, terminated.
  std::optional<XapiTreatmentCourse> treatment_course;
};

struct XapiStatement {
  std::string id;
  std::string verb;  // short name: initialized, passed, failed, completed, terminated, voided
  std::string json;
};

std::vector<XapiStatement> attempt_statements(const AttemptFacts& a, const XapiSettings& s);

/// An instructor's override of an attempt's verdict, as the LRS must hear it.
struct OverrideFacts {
  std::string override_uuid;
  std::string instructor;
  std::string reason;
  std::string at_utc;
  double new_total = 0.0;  // 0..100
  bool new_passed = false;
  double graded_total = 0.0;       // what the grading said, kept for the record
  std::string voids_statement_id;  // the verdict it replaces; empty when none was sent (interrupted)
};

/// The id of a verdict statement (passed or failed). `source` is the attempt's
/// UUID for the graded verdict, an override's UUID for the verdict it sets.
std::string verdict_statement_id(const std::string& source, bool passed);

/// An override: the instructor voids the verdict it replaces (xAPI's voided
/// verb, so reports stop counting it) and the attempt gets a new verdict with
/// the overridden score, the instructor and the reason as a result extension.
std::vector<XapiStatement> override_statements(const AttemptFacts& a, const OverrideFacts& o, const XapiSettings& s);

/// Proficiency reached on a case (issue 15): the `mastered` verb in the
/// registration of the attempt that reached it, with a result extension
/// (benchmark_extension_iri) holding the benchmark id.
XapiStatement proficiency_statement(const AttemptFacts& a, const std::string& benchmark_id,
                                    int attempts_to_proficiency, const XapiSettings& s);
std::string benchmark_extension_iri(const XapiSettings& s);

/// Verb and extension IRIs, exposed for tests and documentation.
std::string verb_iri(const std::string& verb);
std::string scenario_activity_id(const XapiSettings& s, const std::string& scenario_id);
std::string criterion_extension_iri(const XapiSettings& s, const std::string& criterion);
std::string critical_errors_extension_iri(const XapiSettings& s);
std::string override_extension_iri(const XapiSettings& s);
/// The context extension holding the attempt's mode: "practice" or "assessment".
std::string mode_extension_iri(const XapiSettings& s);
/// Treatment courses: a visit's activity ({activity_base}/scenarios/<id>/visits/<n>),
/// the context extension with the visit number, the visit's result extension
/// (decision, day, return_in_weeks) and the course verdict's outcome extension
/// (improvement_percent, key_improvement_percent, treatments, day).
std::string visit_activity_id(const XapiSettings& s, const std::string& scenario_id, int visit);
std::string visit_extension_iri(const XapiSettings& s);
std::string visit_result_extension_iri(const XapiSettings& s);
std::string course_outcome_extension_iri(const XapiSettings& s);

}  // namespace dermasim::record
