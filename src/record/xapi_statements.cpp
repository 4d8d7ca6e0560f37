#include "record/xapi_statements.hpp"

#include <cctype>
#include <cstdio>

#include "record/utc_time.hpp"
#include "record/uuid.hpp"
#include "scenario/json_writer.hpp"

namespace dermasim::record {
namespace {

constexpr const char* cmi5_category = "https://w3id.org/xapi/cmi5/context/categories/cmi5";
constexpr const char* moveon_category = "https://w3id.org/xapi/cmi5/context/categories/moveon";
constexpr const char* sessionid_extension = "https://w3id.org/xapi/cmi5/context/extensions/sessionid";
constexpr const char* masteryscore_extension = "https://w3id.org/xapi/cmi5/context/extensions/masteryscore";
constexpr const char* simulation_type = "http://adlnet.gov/expapi/activities/simulation";

std::string trim_slash(std::string s) {
  while (!s.empty() && s.back() == '/') s.pop_back();
  return s;
}

// Scenario ids and criterion names are snake_case, but percent-encode anything
// else so the activity id stays a valid IRI.
std::string iri_segment(const std::string& s) {
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

bool looks_like_email(const std::string& s) {
  const auto at = s.find('@');
  return at != std::string::npos && at > 0 && s.find('.', at) != std::string::npos &&
         s.find_first_of(" \t<>\"") == std::string::npos && s.find('@', at + 1) == std::string::npos;
}

// A person on this system: the trainee, or the instructor who overrides.
void actor(scenario::JsonWriter& w, const std::string& person, const XapiSettings& s) {
  w.key("actor").begin_object().field("objectType", "Agent").field("name", person);
  if (looks_like_email(person)) {
    std::string mbox = "mailto:";
    mbox.append(person);
    w.field("mbox", mbox);
  } else {
    w.key("account").begin_object().field("homePage", s.actor_home_page).field("name", person).end_object();
  }
  w.end_object();
}

void verb_of(scenario::JsonWriter& w, const std::string& verb) {
  w.key("verb").begin_object().field("id", verb_iri(verb));
  w.key("display").begin_object().field("en-US", verb).end_object().end_object();
}

void object(scenario::JsonWriter& w, const AttemptFacts& a, const XapiSettings& s) {
  w.key("object").begin_object().field("objectType", "Activity").field("id", scenario_activity_id(s, a.scenario_id));
  w.key("definition").begin_object().field("type", simulation_type);
  w.key("name").begin_object().field("en-US", a.scenario_title.empty() ? a.scenario_id : a.scenario_title).end_object();
  w.end_object().end_object();
}

void context(scenario::JsonWriter& w, const AttemptFacts& a, const XapiSettings& s, bool moveon, bool mastery) {
  w.key("context").begin_object().field("registration", a.attempt_uuid);
  w.key("contextActivities").begin_object().key("category").begin_array();
  w.begin_object().field("objectType", "Activity").field("id", cmi5_category).end_object();
  if (moveon) w.begin_object().field("objectType", "Activity").field("id", moveon_category).end_object();
  w.end_array();
  w.key("grouping").begin_array();
  w.begin_object().field("objectType", "Activity").field("id", trim_slash(s.activity_base)).end_object();
  w.end_array().end_object();
  w.field("platform", "dermasim").field("language", "en-US");
  w.key("extensions").begin_object().field(sessionid_extension, a.attempt_uuid);
  if (mastery) w.field(masteryscore_extension, a.pass_mark / 100.0);
  // Whether the attempt was practice (with hints) or an assessment (without).
  w.field(mode_extension_iri(s), scenario::mode_name(a.mode));
  w.end_object().end_object();
}

std::string statement_id(const std::string& source, const std::string& verb) {
  std::string name = source;
  name.append("/").append(verb);
  return uuid_v5(dermasim_uuid_namespace, name);
}

// One of the attempt's statements; `o` marks a verdict set by an override.
XapiStatement make(const AttemptFacts& a, const XapiSettings& s, const std::string& verb,
                   const OverrideFacts* o = nullptr) {
  XapiStatement st;
  st.verb = verb;
  st.id = statement_id(o ? o->override_uuid : a.attempt_uuid, verb);
  const bool judged = verb == "passed" || verb == "failed";
  const bool moveon = judged || verb == "completed";

  scenario::JsonWriter w;
  w.begin_object().field("id", st.id);
  actor(w, a.trainee, s);
  verb_of(w, verb);
  object(w, a, s);
  if (verb != "initialized") {
    w.key("result").begin_object();
    if (judged) {
      w.key("score").begin_object().field("scaled", a.total / 100.0).field("raw", a.total).field("min", 0).field("max", 100);
      w.end_object();
      w.field("success", a.passed);
    }
    if (verb == "completed") w.field("completion", true);
    w.field("duration", iso8601_duration(a.duration_s));
    if (judged) {
      w.key("extensions").begin_object();
      for (const auto& c : a.criteria)
        if (c.applicable) w.field(criterion_extension_iri(s, c.name), c.score);
      w.key(critical_errors_extension_iri(s)).begin_array();
      for (const auto& e : a.critical_errors) w.value(e);
      w.end_array();
      if (a.treatment_course) {
        // The course's own result beyond its criteria: the outcome (S3) and
        // what the key's protocol reaches on the same patient and seed.
        const XapiTreatmentCourse& c = *a.treatment_course;
        w.key(course_outcome_extension_iri(s)).begin_object().field("improvement_percent", c.improvement_percent);
        w.field("key_improvement_percent", c.key_improvement_percent).field("treatments", c.treatments);
        w.field("day", c.outcome_day).field("visits", static_cast<int>(c.visits.size())).end_object();
      }
      if (o) {
        w.key(override_extension_iri(s)).begin_object().field("instructor", o->instructor).field("reason", o->reason);
        w.field("at", o->at_utc).field("graded_total", o->graded_total).end_object();
      }
      w.end_object();
    }
    w.end_object();
  }
  context(w, a, s, moveon, judged);
  w.field("timestamp", verb == "initialized" ? a.started_utc : a.ended_utc);
  w.end_object();
  st.json = w.str();
  return st;
}

// A visit of a treatment course: a cmi5 "allowed" statement (no cmi5
// category) in the course's registration, between its initialized and its
// verdict; the object is the visit's activity, its parent the course's. Its
// verb is ADL's "scored", never passed/failed: cmi5 allows one verdict per
// registration, and that is the course's (a visit's pass is result.success).
XapiStatement visit_statement(const AttemptFacts& a, const XapiVisit& v, const XapiSettings& s) {
  XapiStatement st;
  st.verb = "scored";
  std::string source = a.attempt_uuid;
  source.append("/visits/").append(std::to_string(v.visit));
  st.id = statement_id(source, st.verb);
  scenario::JsonWriter w;
  w.begin_object().field("id", st.id);
  actor(w, a.trainee, s);
  verb_of(w, st.verb);
  std::string name = a.scenario_title.empty() ? a.scenario_id : a.scenario_title;
  name.append(", visit ").append(std::to_string(v.visit));
  w.key("object").begin_object().field("objectType", "Activity").field("id", visit_activity_id(s, a.scenario_id, v.visit));
  w.key("definition").begin_object().field("type", simulation_type);
  w.key("name").begin_object().field("en-US", name).end_object().end_object().end_object();
  w.key("result").begin_object();
  w.key("score").begin_object().field("scaled", v.total / 100.0).field("raw", v.total).field("min", 0).field("max", 100);
  w.end_object().field("success", v.passed).field("duration", iso8601_duration(v.duration_s));
  w.key("extensions").begin_object();
  for (const auto& c : v.criteria)
    if (c.applicable) w.field(criterion_extension_iri(s, c.name), c.score);
  w.key(critical_errors_extension_iri(s)).begin_array();
  for (const auto& e : v.critical_errors) w.value(e);
  w.end_array();
  w.key(visit_result_extension_iri(s)).begin_object().field("decision", v.decision).field("day", v.day);
  if (v.return_in_weeks) w.field("return_in_weeks", *v.return_in_weeks);
  w.end_object().end_object().end_object();
  w.key("context").begin_object().field("registration", a.attempt_uuid);
  w.key("contextActivities").begin_object().key("parent").begin_array();
  w.begin_object().field("objectType", "Activity").field("id", scenario_activity_id(s, a.scenario_id)).end_object();
  w.end_array().key("grouping").begin_array();
  w.begin_object().field("objectType", "Activity").field("id", trim_slash(s.activity_base)).end_object();
  w.end_array().end_object();
  w.field("platform", "dermasim").field("language", "en-US");
  w.key("extensions").begin_object().field(sessionid_extension, a.attempt_uuid);
  w.field(visit_extension_iri(s), v.visit).field(mode_extension_iri(s), scenario::mode_name(a.mode));
  w.end_object().end_object();
  w.field("timestamp", v.ended_utc.empty() ? a.ended_utc : v.ended_utc);
  w.end_object();
  st.json = w.str();
  return st;
}

XapiStatement voiding(const OverrideFacts& o, const XapiSettings& s) {
  XapiStatement st;
  st.verb = "voided";
  st.id = statement_id(o.override_uuid, st.verb);
  scenario::JsonWriter w;
  w.begin_object().field("id", st.id);
  actor(w, o.instructor, s);
  verb_of(w, st.verb);
  w.key("object").begin_object().field("objectType", "StatementRef").field("id", o.voids_statement_id).end_object();
  w.field("timestamp", o.at_utc);
  w.end_object();
  st.json = w.str();
  return st;
}

}  // namespace

std::string verdict_statement_id(const std::string& source, bool passed) {
  return statement_id(source, passed ? "passed" : "failed");
}

std::vector<XapiStatement> override_statements(const AttemptFacts& a, const OverrideFacts& o, const XapiSettings& s) {
  std::vector<XapiStatement> out;
  if (!o.voids_statement_id.empty()) out.push_back(voiding(o, s));
  AttemptFacts now = a;
  now.total = o.new_total;
  now.passed = o.new_passed;
  out.push_back(make(now, s, o.new_passed ? "passed" : "failed", &o));
  return out;
}

std::string override_extension_iri(const XapiSettings& s) {
  std::string id = trim_slash(s.activity_base);
  return id.append("/xapi/extensions/override");
}

std::string verb_iri(const std::string& verb) {
  std::string iri = "http://adlnet.gov/expapi/verbs/";
  return iri.append(verb);
}

std::string scenario_activity_id(const XapiSettings& s, const std::string& scenario_id) {
  std::string id = trim_slash(s.activity_base);
  return id.append("/scenarios/").append(iri_segment(scenario_id));
}

std::string criterion_extension_iri(const XapiSettings& s, const std::string& criterion) {
  std::string id = trim_slash(s.activity_base);
  return id.append("/xapi/extensions/criterion/").append(iri_segment(criterion));
}

std::string mode_extension_iri(const XapiSettings& s) {
  std::string id = trim_slash(s.activity_base);
  return id.append("/xapi/extensions/mode");
}

std::string visit_activity_id(const XapiSettings& s, const std::string& scenario_id, int visit) {
  return scenario_activity_id(s, scenario_id).append("/visits/").append(std::to_string(visit));
}

std::string visit_extension_iri(const XapiSettings& s) {
  std::string id = trim_slash(s.activity_base);
  return id.append("/xapi/extensions/visit");
}

std::string visit_result_extension_iri(const XapiSettings& s) {
  std::string id = trim_slash(s.activity_base);
  return id.append("/xapi/extensions/visit-result");
}

std::string course_outcome_extension_iri(const XapiSettings& s) {
  std::string id = trim_slash(s.activity_base);
  return id.append("/xapi/extensions/course-outcome");
}

std::string critical_errors_extension_iri(const XapiSettings& s) {
  std::string id = trim_slash(s.activity_base);
  return id.append("/xapi/extensions/critical-errors");
}

std::string benchmark_extension_iri(const XapiSettings& s) {
  std::string id = trim_slash(s.activity_base);
  return id.append("/xapi/extensions/benchmark");
}

// Not one of cmi5's verbs, and cmi5 allows nothing in a session after
// `terminated`: so a "cmi5 allowed" statement (no cmi5 category) in a
// registration of its own (the trainee's proficiency on the case against this
// benchmark), pointing at the attempt's `completed` statement.
XapiStatement proficiency_statement(const AttemptFacts& a, const std::string& benchmark_id,
                                    int attempts_to_proficiency, const XapiSettings& s) {
  XapiStatement st;
  st.verb = "mastered";
  st.id = statement_id(a.attempt_uuid, st.verb);
  scenario::JsonWriter w;
  w.begin_object().field("id", st.id);
  actor(w, a.trainee, s);
  verb_of(w, st.verb);
  object(w, a, s);
  w.key("result").begin_object().field("success", true).field("completion", true);
  w.key("extensions").begin_object().key(benchmark_extension_iri(s)).begin_object();
  w.field("benchmark_id", benchmark_id).field("attempts_to_proficiency", attempts_to_proficiency);
  w.end_object().end_object().end_object();
  std::string registration = "proficiency/";
  registration.append(a.trainee).append("/").append(a.scenario_id).append("/").append(benchmark_id);
  w.key("context").begin_object().field("registration", uuid_v5(dermasim_uuid_namespace, registration));
  w.key("contextActivities").begin_object().key("grouping").begin_array();
  w.begin_object().field("objectType", "Activity").field("id", trim_slash(s.activity_base)).end_object();
  w.end_array().end_object();
  w.field("platform", "dermasim").field("language", "en-US");
  w.key("statement").begin_object().field("objectType", "StatementRef");
  w.field("id", statement_id(a.attempt_uuid, "completed")).end_object();
  w.end_object();
  w.field("timestamp", a.ended_utc);
  w.end_object();
  st.json = w.str();
  return st;
}

std::vector<XapiStatement> attempt_statements(const AttemptFacts& a, const XapiSettings& s) {
  std::vector<XapiStatement> out;
  out.push_back(make(a, s, "initialized"));
  if (a.treatment_course)
    for (const auto& v : a.treatment_course->visits) out.push_back(visit_statement(a, v, s));
  if (a.completed) {
    out.push_back(make(a, s, a.passed ? "passed" : "failed"));
    out.push_back(make(a, s, "completed"));
  }
  out.push_back(make(a, s, "terminated"));
  return out;
}

}  // namespace dermasim::record
