// The course grade (issue 14): every visit graded as an ordinary attempt on
// the case as it stood that day, plus two course-level criteria:
//   series  (S1, S2, D7, C3): how many sessions, how far apart, a
//            maintenance plan, a shallower depth after PIH, and no deeper
//            than the key once the patient raised a concern (C3, D4);
//   outcome (S3): the improvement three months after the last session
//            against the key's own protocol on the same patient and seed,
//            less any complication the protocol did not have (D7, E2, E3).
#include <algorithm>
#include <cmath>
#include <string>

#include "scenario/course_attempt.hpp"
#include "scenario/course_concern.hpp"
#include "scenario/json_writer.hpp"
#include "scenario/report.hpp"

namespace dermasim::scenario {
namespace {

// A share of the course total: the visits carry most of it, the series and
// the outcome the rest.
constexpr double visits_weight = 70.0;
constexpr double series_weight = 15.0;
constexpr double outcome_weight = 15.0;
// Every part of the series rule is a published range (S1, S2): missing any
// one of them is a course-level mistake, so the series passes only whole.
constexpr double series_threshold = 100.0;
// The outcome passes at half of what the key's protocol achieves.
constexpr double outcome_threshold = 50.0;
// Points lost for each kind of complication the key's protocol did not have.
constexpr double complication_penalty = 25.0;

std::string num(double v, int decimals = 1) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

CourseCriterion series_criterion(const Scenario& s, const PlayedCourse& p) {
  const SessionPlanKey& k = s.key.sessions;
  CourseCriterion c;
  c.id = std::string(course_criterion_series);
  c.weight = series_weight;
  c.threshold = series_threshold;
  int met = 0;
  const int treatments = p.outcome.treatments;
  c.evidence.push_back({"sessions", treatments});
  if (k.count.contains(treatments)) ++met;
  else
    c.feedback.push_back("The course had " + std::to_string(treatments) + " session(s); a series is " + num(k.count.lo, 0) +
                         "-" + num(k.count.hi, 0) + " sessions (S1).");
  double shortest = 1e9, longest = 0.0;
  for (const auto& v : p.visits)
    if (v.attempt.return_in_weeks) {
      shortest = std::min(shortest, *v.attempt.return_in_weeks);
      longest = std::max(longest, *v.attempt.return_in_weeks);
    }
  if (longest > 0.0) {
    c.evidence.push_back({"shortest_interval_weeks", shortest});
    c.evidence.push_back({"longest_interval_weeks", longest});
  }
  if (longest == 0.0 || (k.interval_weeks.contains(shortest) && k.interval_weeks.contains(longest))) ++met;
  else
    c.feedback.push_back("Visits were " + num(shortest) + "-" + num(longest) + " weeks apart; sessions are " +
                         num(k.interval_weeks.lo, 0) + "-" + num(k.interval_weeks.hi, 0) +
                         " weeks apart so the skin heals and remodels in between (S1, E3).");
  double maintenance = 0.0;
  for (const auto& v : p.visits)
    if (v.attempt.answers.aftercare) maintenance = v.attempt.answers.aftercare->maintenance_months;
  c.evidence.push_back({"maintenance_months", maintenance});
  if (k.maintenance_months.contains(maintenance)) ++met;
  else
    c.feedback.push_back(maintenance <= 0.0
                             ? std::string("No maintenance plan was given at the end of the series: maintenance "
                                           "sessions every 4-6 months or once or twice a year (S2).")
                             : "A maintenance visit every " + num(maintenance) + " months; the guideline gives " +
                                   num(k.maintenance_months.lo, 0) + "-" + num(k.maintenance_months.hi, 0) + " months (S2).");
  int parts = 3;
  // D7: after PIH the course goes on shallower (course_visit.hpp); a course
  // that never adjusts its depth repeats what caused it.
  double deepest_after_pih = 0.0, allowed_after_pih = 0.0;
  for (const auto& v : p.visits)
    if (v.findings.pih_earlier && v.attempt.answers.plan) {
      deepest_after_pih = std::max(deepest_after_pih, v.attempt.answers.plan->device.needle_length_mm);
      allowed_after_pih = v.scenario->key.needle_depth_mm.hi;
    }
  if (deepest_after_pih > 0.0) {
    ++parts;
    c.evidence.push_back({"needle_length_after_pih_mm", deepest_after_pih});
    if (deepest_after_pih <= allowed_after_pih + 1e-9) ++met;
    else
      c.feedback.push_back("After the hyperpigmentation the sessions went on at " + num(deepest_after_pih, 2) +
                           " mm; go on with PIH precautions at " + num(allowed_after_pih, 2) +
                           " mm or less, one pen step shallower, so the injury that caused it is not repeated (D7).");
  }
  // C3, D4: a patient disappointed by slow progress on white marks is
  // answered with counselling; a longer needle does not hurry them and
  // 2-3 mm is for extensive scarring.
  bool concern_seen = false;
  double deepest_after_concern = 0.0, allowed_after_concern = 0.0;
  for (const auto& v : p.visits) {
    concern_seen = concern_seen || !concerns_at(s, v.findings.visit, v.findings.improvement_percent).empty();
    if (!concern_seen || !v.attempt.answers.plan) continue;
    const double length = v.attempt.answers.plan->device.needle_length_mm;
    const double allowed = v.scenario->key.needle_depth_mm.hi;
    if (deepest_after_concern == 0.0 || length - allowed > deepest_after_concern - allowed_after_concern) {
      deepest_after_concern = length;
      allowed_after_concern = allowed;
    }
  }
  if (deepest_after_concern > 0.0) {
    ++parts;
    c.evidence.push_back({"needle_length_after_concern_mm", deepest_after_concern});
    if (deepest_after_concern <= allowed_after_concern + 1e-9) ++met;
    else
      c.feedback.push_back("After the patient's disappointment with slow progress the sessions went to " +
                           num(deepest_after_concern, 2) + " mm, deeper than the " + num(allowed_after_concern, 2) +
                           " mm the case allows: white marks respond more slowly whatever the needle (C3), and "
                           "2-3 mm is for extensive scarring (D4). Answer the concern with counselling, not depth.");
  }
  c.score = 100.0 * met / parts;
  return c;
}

CourseCriterion outcome_criterion(const CourseOutcome& got, const CourseOutcome& key) {
  CourseCriterion c;
  c.id = std::string(course_criterion_outcome);
  c.weight = outcome_weight;
  c.threshold = outcome_threshold;
  c.evidence = {{"improvement_percent", got.improvement_percent},
                {"key_improvement_percent", key.improvement_percent},
                {"pih", got.pih},
                {"infection", got.infection},
                {"tram_track", got.tram_track},
                {"rf_burn", got.rf_burn},
                {"key_pih", key.pih},
                {"key_infection", key.infection},
                {"key_tram_track", key.tram_track},
                {"key_rf_burn", key.rf_burn}};
  const double ratio = key.improvement_percent > 0.0 ? got.improvement_percent / key.improvement_percent
                                                     : (got.improvement_percent >= 0.0 ? 1.0 : 0.0);
  c.score = 100.0 * std::clamp(ratio, 0.0, 1.0);
  if (ratio < 1.0)
    c.feedback.push_back("Three months after the last session (S3) the marks improved " + num(got.improvement_percent) +
                         "%; the guideline's protocol on the same patient reaches " + num(key.improvement_percent) + "%.");
  const auto extra = [&](int mine, int theirs, const char* what) {
    if (mine <= theirs) return;
    c.score -= complication_penalty;
    c.feedback.push_back(std::string(what));
  };
  extra(got.pih, key.pih, "Post-inflammatory hyperpigmentation that the guideline's protocol avoided (D7, E2).");
  extra(got.infection, key.infection, "An infection that the guideline's protocol avoided (E2).");
  extra(got.tram_track, key.tram_track, "Tram-track marks from dragging the pen (E3).");
  extra(got.rf_burn, key.rf_burn, "RF burns from too much energy per needle, which the guideline's protocol avoided (P6, D7).");
  c.score = std::max(0.0, c.score);
  return c;
}

}  // namespace

CourseGrade grade_course(const std::shared_ptr<const Scenario>& s, const PlayedCourse& played) {
  CourseGrade g;
  g.scenario_id = s->id;
  g.scenario_title = s->title;
  g.visits = played.visits;
  g.outcome = played.outcome;
  g.key_outcome = play_key_protocol(s).outcome;
  g.criteria.push_back(series_criterion(*s, played));
  g.criteria.push_back(outcome_criterion(g.outcome, g.key_outcome));
  g.pass_mark = s->rubric.pass_mark;
  double visit_sum = 0.0;
  for (const auto& v : g.visits) {
    visit_sum += v.grade.total;
    if (!v.grade.passed)
      g.why_not.push_back("visit " + std::to_string(v.findings.visit) + " did not pass (" + num(v.grade.total) + ")");
    for (const auto& e : v.grade.critical_errors)
      g.why_not.push_back("visit " + std::to_string(v.findings.visit) + ": critical " + std::string(e.name()) + ": " + e.message);
  }
  const double visits_mean = g.visits.empty() ? 0.0 : visit_sum / static_cast<double>(g.visits.size());
  g.total = (visits_weight * visits_mean + series_weight * g.criteria[0].score + outcome_weight * g.criteria[1].score) /
            (visits_weight + series_weight + outcome_weight);
  for (const auto& c : g.criteria)
    if (c.score < c.threshold - 1e-9)
      g.why_not.push_back(c.id + " " + num(c.score) + " is below its threshold " + num(c.threshold, 0));
  if (g.total < g.pass_mark - 1e-9) g.why_not.push_back("total " + num(g.total) + " is below the pass mark");
  g.passed = g.why_not.empty();
  return g;
}

std::string course_grade_json(const CourseGrade& g) {
  JsonWriter j;
  j.begin_object();
  j.field("scenario", g.scenario_id).field("title", g.scenario_title).field("course", true);
  j.field("total", g.total).field("pass_mark", g.pass_mark).field("passed", g.passed);
  j.key("why_not").begin_array();
  for (const auto& w : g.why_not) j.value(w);
  j.end_array();
  j.key("criteria").begin_array();
  for (const auto& c : g.criteria) {
    j.begin_object().field("id", c.id).field("score", c.score).field("weight", c.weight).field("threshold", c.threshold);
    j.key("evidence").begin_object();
    for (const auto& [k, v] : c.evidence) j.field(k, v);
    j.end_object();
    j.key("feedback").begin_array();
    for (const auto& f : c.feedback) j.value(f);
    j.end_array().end_object();
  }
  j.end_array();
  const auto outcome = [&](const char* key, const CourseOutcome& o) {
    j.key(key).begin_object().field("day", o.day).field("improvement_percent", o.improvement_percent);
    j.field("sessions", o.treatments).field("pih", o.pih).field("infection", o.infection).field("tram_track", o.tram_track);
    j.field("rf_burn", o.rf_burn);
    j.end_object();
  };
  outcome("outcome", g.outcome);
  outcome("key_outcome", g.key_outcome);
  j.key("visits").begin_array();
  for (const auto& v : g.visits) {
    const VisitFindings& f = v.findings;
    j.begin_object().field("visit", f.visit).field("day", f.day);
    j.key("skin").begin_object().field("erythema_mean", f.erythema_mean).field("pigment_mean", f.pigment_mean);
    j.field("infection", f.infection).field("pih_new", f.pih_new).field("pih_earlier", f.pih_earlier);
    j.field("improvement_percent", f.improvement_percent).end_object();
    j.key("concerns").begin_array();
    for (const CourseConcern* c : concerns_at(*v.scenario, f.visit, f.improvement_percent)) j.value(c->id);
    j.end_array();
    if (v.attempt.return_in_weeks) j.field("return_in_weeks", *v.attempt.return_in_weeks);
    j.key("grade").raw(grade_json(v.grade));
    j.end_object();
  }
  j.end_array().end_object();
  return j.str() + "\n";
}

std::string course_grade_text(const CourseGrade& g) {
  std::string t = g.scenario_title + " (" + g.scenario_id + "), a course of " + std::to_string(g.visits.size()) + " visit(s)\n";
  t += "total " + num(g.total) + " / 100, pass mark " + num(g.pass_mark, 0) + ": " + (g.passed ? "PASSED" : "NOT PASSED") + "\n";
  for (const auto& v : g.visits) {
    const auto& f = v.findings;
    t += "  visit " + std::to_string(f.visit) + " (day " + num(f.day, 0) + "): " +
         std::string(decision_name(v.attempt.answers.consultation ? v.attempt.answers.consultation->decision : Decision::defer)) +
         ", " + num(v.grade.total) + (v.grade.passed ? " passed" : " NOT passed");
    if (f.infection) t += "; infection in the treated area";
    if (f.pih_new) t += "; new PIH";
    for (const CourseConcern* c : concerns_at(*v.scenario, f.visit, f.improvement_percent)) t += "; concern: " + c->label;
    if (v.attempt.return_in_weeks) t += "; back in " + num(*v.attempt.return_in_weeks) + " weeks";
    t += "\n";
    for (const auto& e : v.grade.critical_errors) t += "    CRITICAL " + std::string(e.name()) + ": " + e.message + "\n";
    for (const auto& c : v.grade.criteria)
      for (const auto& fb : c.feedback) t += "    " + std::string(criterion_name(c.id)) + ": " + fb + "\n";
  }
  for (const auto& c : g.criteria) {
    t += "  " + c.id + " " + num(c.score) + " (threshold " + num(c.threshold, 0) + ")\n";
    for (const auto& f : c.feedback) t += "    " + f + "\n";
  }
  t += "  outcome at day " + num(g.outcome.day, 0) + ": " + num(g.outcome.improvement_percent) + "% improvement (key's protocol " +
       num(g.key_outcome.improvement_percent) + "%)\n";
  for (const auto& w : g.why_not) t += "  not passed: " + w + "\n";
  return t;
}

}  // namespace dermasim::scenario
