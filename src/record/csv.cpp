#include "record/csv.hpp"

#include <cstdio>

#include "scenario/scenario.hpp"

namespace dermasim::record {
namespace {

std::string number(const std::optional<double>& v, const char* format = "%.2f") {
  if (!v) return {};
  char buf[40];
  std::snprintf(buf, sizeof buf, format, *v);
  return buf;
}

std::string boolean(const std::optional<bool>& v) { return v ? (*v ? "true" : "false") : ""; }

}  // namespace

std::string csv_field(const std::string& v) {
  const bool padded = !v.empty() && (v.front() == ' ' || v.back() == ' ');
  if (!padded && v.find_first_of(",\"\r\n") == std::string::npos) return v;
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string attempts_csv(const std::vector<AttemptRecord>& attempts) {
  std::vector<std::string> header = {"attempt_uuid", "trainee",      "scenario_id",  "scenario_hash", "started_utc",
                                     "ended_utc",    "duration_s",   "status",       "mode",          "total",
                                     "passed",       "graded_total", "graded_passed"};
  for (int c = 0; c < scenario::criterion_count; ++c) {
    std::string name(scenario::criterion_name(static_cast<scenario::CriterionId>(c)));
    header.push_back(name.append("_score"));
  }
  for (const char* h : {"critical_errors", "overridden", "override_total", "override_passed", "override_instructor",
                        "override_utc", "override_reason", "override_count", "recording_path"})
    header.push_back(h);
  // Issue 14: a treatment course's own columns, after every older one so
  // existing readers keep their columns; empty for a single attempt.
  for (const char* h : {"course_visits", "course_treatments", "course_improvement_percent",
                        "key_improvement_percent", "visit_totals", "visit_decisions"})
    header.push_back(h);

  std::string out;
  auto emit = [&out](const std::vector<std::string>& row) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i) out += ',';
      out += csv_field(row[i]);
    }
    out += "\r\n";
  };
  emit(header);
  for (const auto& a : attempts) {
    std::vector<std::string> row = {a.uuid,
                                    a.trainee,
                                    a.scenario_id,
                                    a.scenario_hash,
                                    a.started_utc,
                                    a.ended_utc.value_or(""),
                                    number(a.duration_s, "%.3f"),
                                    std::string(attempt_status_name(a.status)),
                                    std::string(scenario::mode_name(a.mode)),
                                    number(a.total),
                                    boolean(a.passed),
                                    number(a.graded_total),
                                    boolean(a.graded_passed)};
    for (int c = 0; c < scenario::criterion_count; ++c) {
      const std::string name(scenario::criterion_name(static_cast<scenario::CriterionId>(c)));
      std::string cell;
      for (const auto& s : a.criteria)
        if (s.criterion == name && s.applicable) cell = number(s.score, "%.1f");
      row.push_back(cell);
    }
    std::string errors;
    for (const auto& e : a.critical_errors) {
      if (!errors.empty()) errors += "; ";
      errors.append(e.kind).append(": ").append(e.message);
    }
    row.push_back(errors);
    const OverrideRecord* o = a.overrides.empty() ? nullptr : &a.overrides.back();
    row.push_back(o ? "true" : "false");
    row.push_back(o ? number(o->new_total) : "");
    row.push_back(o ? boolean(o->new_passed) : "");
    row.push_back(o ? o->instructor : "");
    row.push_back(o ? o->at_utc : "");
    row.push_back(o ? o->reason : "");
    row.push_back(std::to_string(a.overrides.size()));
    row.push_back(a.recording_path);
    const TreatmentCourseRecord* c = a.treatment_course ? &*a.treatment_course : nullptr;
    row.push_back(c ? std::to_string(c->visits.size()) : "");
    row.push_back(c ? std::to_string(c->treatments) : "");
    row.push_back(c ? number(c->improvement_percent) : "");
    row.push_back(c ? number(c->key_improvement_percent) : "");
    std::string totals, decisions;  // "1: 82.50 pass; 2: ..." and "1: proceed; 2: ..."
    for (const auto& v : c ? c->visits : std::vector<VisitRecord>{}) {
      if (!totals.empty()) totals += "; ", decisions += "; ";
      totals.append(std::to_string(v.visit)).append(": ").append(number(v.total)).append(v.passed ? " pass" : " fail");
      decisions.append(std::to_string(v.visit)).append(": ").append(v.decision);
    }
    row.push_back(totals);
    row.push_back(decisions);
    emit(row);
  }
  return out;
}

}  // namespace dermasim::record
