// The instructor's and course tooling's records verbs. Each opens the progress
// database (--db PATH, else the XDG data directory), does one thing in one
// transaction and reports what changed.
#include "app/records_verbs.hpp"

#include <charconv>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "app/cli_args.hpp"
#include "app/verbs_proficiency.hpp"
#include "record/csv.hpp"
#include "record/lrs_client.hpp"
#include "record/lrs_config.hpp"
#include "record/outbox.hpp"
#include "record/progress_db.hpp"
#include "record/recorded_attempt.hpp"
#include "record/recorded_course.hpp"
#include "scenario/scenario_loader.hpp"

namespace dermasim::app {
namespace {
namespace fs = std::filesystem;

constexpr const char* usage =
    "usage: dermasim records export --csv FILE [--db PATH]\n"
    "       dermasim records import FILE... [--db PATH]\n"
    "       dermasim records add --session R --scenario S --trainee NAME [--db PATH]\n"
    "       dermasim records override --attempt UUID --total X --passed true|false --reason TEXT\n"
    "                                 --instructor NAME [--db PATH]\n"
    "       dermasim records sync [--db PATH]\n"
    "       dermasim records statements (--session R --scenario S [--trainee NAME] | [--attempt UUID] [--db PATH])\n"
    "       dermasim records cohort [--db PATH]\n"
    "       dermasim records benchmark import FILE [--instructor NAME] [--db PATH]\n"
    "       dermasim records proficiency [--db PATH] [--json] [--trainee NAME] [--scenario ID]\n"
    "                                    [--acceptable-rate P0] [--unacceptable-rate P1] [--html FILE]\n"
    "       dermasim records course --course FILE.yaml --trainee NAME [--db PATH]\n"
    "The database defaults to $XDG_DATA_HOME/dermasim/progress.db (~/.local/share/dermasim/progress.db).";

struct UsageError : std::invalid_argument {
  using std::invalid_argument::invalid_argument;
};

/// Options that take a value; anything else starting with -- is refused, so a
/// typo never silently falls back to a default.
struct Parsed {
  std::vector<std::string> positional;
  std::vector<std::pair<std::string, std::string>> options;
  std::optional<std::string> get(std::string_view name) const {
    for (const auto& [k, v] : options)
      if (k == name) return v;
    return std::nullopt;
  }
  std::string need(std::string_view name) const {
    auto v = get(name);
    if (!v) throw UsageError("missing " + std::string(name));
    return *v;
  }
};

Parsed parse(std::span<const std::string_view> args, std::set<std::string_view> allowed, bool positional_ok) {
  Parsed p;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string_view a = args[i];
    if (a.starts_with("--")) {
      if (!allowed.count(a)) throw UsageError("unknown option " + std::string(a));
      if (i + 1 >= args.size()) throw UsageError(std::string(a) + " needs a value");
      if (p.get(a)) throw UsageError(std::string(a) + " given twice");
      p.options.emplace_back(std::string(a), std::string(args[i + 1]));
      ++i;
    } else {
      if (!positional_ok) throw UsageError("unexpected argument '" + std::string(a) + "'");
      p.positional.emplace_back(a);
    }
  }
  return p;
}

std::string db_path(const Parsed& p) { return p.get("--db").value_or(record::default_db_path()); }

/// For verbs that only read or amend: a mistyped --db must not quietly
/// create an empty database and report nothing.
std::string existing_db_path(const Parsed& p) {
  const std::string path = db_path(p);
  std::error_code ec;
  if (!fs::exists(path, ec)) throw std::runtime_error(path + ": no progress database here (check --db)");
  return path;
}

/// The xAPI identity only: statements are built even with no LRS configured.
record::XapiSettings xapi_settings() { return record::load_lrs_config().xapi; }

std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path + ": cannot read");
  return std::string(std::istreambuf_iterator<char>(in), {});
}

scenario::Scenario load_scenario(const std::string& path) {
  auto load = scenario::load_scenario_file(path);
  for (const auto& e : load.errors) std::fprintf(stderr, "%s\n", e.str().c_str());
  if (!load.scenario) throw std::runtime_error(path + ": the scenario does not load");
  return std::move(*load.scenario);
}

/// A course recording (issue 14) graded again on its case, as `replay
/// --verify` plays it: what `records add` stores and `records statements
/// --session` tells.
struct GradedCourse {
  record::CourseRecording rec;
  scenario::CourseGrade grade;
};

GradedCourse grade_course_file(const std::string& bytes, const std::string& session, const std::string& scenario_path) {
  GradedCourse out;
  out.rec = record::decode_course_recording(bytes, session);
  const auto s = std::make_shared<const scenario::Scenario>(load_scenario(scenario_path));
  // Before playing it: a course of another case is refused at once.
  if (const std::string wrong = record::visit_of_other_case(out.rec, s->id); !wrong.empty())
    throw std::runtime_error(session + ": " + wrong);
  if (out.rec.visits.front().attempt.scenario_hash != s->source_hash)
    std::fprintf(stderr, "%s: warning: %s changed since this course; grading against the current file\n",
                 session.c_str(), scenario_path.c_str());
  try {
    out.grade = scenario::grade_course(s, record::play_recorded_course(s, out.rec, session));
  } catch (const std::invalid_argument& e) {
    throw std::runtime_error(session + ": " + e.what());
  }
  return out;
}

/// Writes next to the target, then renames: a failed export never leaves half a file.
void write_atomically(const std::string& path, const std::string& text) {
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) throw std::runtime_error(path + ": cannot write");
    out << text;
    out.flush();
    if (!out) {
      std::error_code ec;
      fs::remove(tmp, ec);
      throw std::runtime_error(path + ": writing failed");
    }
  }
  std::error_code ec;
  fs::rename(tmp, path, ec);
  if (ec) throw std::runtime_error(path + ": cannot write: " + ec.message());
}

std::string json_array(const std::vector<std::string>& bodies) {
  std::string out = "[";
  for (std::size_t i = 0; i < bodies.size(); ++i) {
    if (i) out += ",\n ";
    out += bodies[i];
  }
  return out + "]\n";
}

/// Sends the outbox when an LRS is configured; says why not otherwise.
/// Returns false when statements could not all be delivered.
bool deliver(record::ProgressDb& db, bool quiet_when_unconfigured) {
  const record::LrsConfig config = record::load_lrs_config();
  const auto pending = db.pending_statements().size();
  if (!config.configured()) {
    if (!config.problem().empty()) {
      std::fprintf(stderr, "dermasim: %s\n", config.problem().c_str());
      return false;
    }
    if (!quiet_when_unconfigured)
      std::printf("no LRS configured (DERMASIM_LRS_ENDPOINT/USERNAME/PASSWORD or %s): nothing sent; %zu statement(s) "
                  "wait in the outbox\n",
                  record::default_lrs_config_path().c_str(), pending);
    return true;
  }
  record::LrsClient client(config);
  const record::SyncReport r = record::sync_outbox(db, client);
  std::printf("LRS %s: %d statement(s) sent, %d remain in the outbox\n",
              record::printable_endpoint(config.endpoint).c_str(), r.sent, r.remaining);
  if (!r.last_error.empty()) std::fprintf(stderr, "dermasim: LRS: %s\n", r.last_error.c_str());
  return r.remaining == 0;
}

int records_export(std::span<const std::string_view> args) {
  const Parsed p = parse(args, {"--csv", "--db"}, false);
  const std::string out = p.need("--csv");
  // Export only reads: a database on read-only media or in a read-only
  // folder still exports.
  record::ProgressDb db(existing_db_path(p), record::ProgressDb::ReadOnly{});
  const auto attempts = db.attempts();
  const std::string csv = record::attempts_csv(attempts);
  if (out == "-") {
    std::fputs(csv.c_str(), stdout);
  } else {
    write_atomically(out, csv);
    std::printf("%zu attempt(s) exported to %s\n", attempts.size(), out.c_str());
  }
  return 0;
}

int records_import(std::span<const std::string_view> args) {
  const Parsed p = parse(args, {"--db"}, true);
  if (p.positional.empty()) throw UsageError("name at least one database file to import");
  record::ProgressDb db(db_path(p));
  int failures = 0;
  for (const auto& file : p.positional) {
    try {
      const auto s = db.import_from(file);
      std::printf("%s: %d attempt(s) added, %d updated, %d already here; %d override(s), %d statement(s) added\n",
                  file.c_str(), s.attempts_added, s.attempts_updated, s.attempts_skipped, s.overrides_added,
                  s.statements_added);
    } catch (const std::exception& e) {
      // One bad file does not stop the others; its own transaction rolled back.
      ++failures;
      std::fprintf(stderr, "dermasim: error: %s (nothing imported from it)\n", e.what());
    }
  }
  return failures ? 1 : 0;
}

int add_course(const Parsed& p, const std::string& session, const std::string& bytes,
               const std::string& scenario_path, const std::string& trainee) {
  const GradedCourse c = grade_course_file(bytes, session, scenario_path);
  record::ProgressDb db(db_path(p), xapi_settings());
  record::StoredCourseAttempt stored;
  try {
    stored = record::store_course_attempt(db, c.grade, c.rec, fs::absolute(session).string(), trainee);
  } catch (const std::invalid_argument& e) {
    throw std::runtime_error(session + ": " + e.what());
  }
  std::printf("%s: course attempt %s %s (%zu visit(s), %d session(s), total %.1f, %s)\n", session.c_str(),
              stored.attempt_uuid.c_str(), stored.added ? "recorded" : "was already recorded", c.rec.visits.size(),
              c.grade.outcome.treatments, c.grade.total, c.grade.passed ? "passed" : "not passed");
  deliver(db, true);
  return 0;
}

int records_add(std::span<const std::string_view> args) {
  const Parsed p = parse(args, {"--session", "--scenario", "--trainee", "--db"}, false);
  const std::string session = p.need("--session");
  const std::string scenario_path = p.need("--scenario");
  const std::string trainee = p.need("--trainee");
  const std::string bytes = read_bytes(session);
  if (record::is_course_recording(bytes)) return add_course(p, session, bytes, scenario_path, trainee);
  const record::Recording rec = record::decode_recording(bytes, session);
  const scenario::Scenario s = load_scenario(scenario_path);
  if (rec.scenario_hash != s.source_hash)
    std::fprintf(stderr, "%s: warning: %s changed since this attempt; grading against the current file\n",
                 session.c_str(), scenario_path.c_str());
  record::ProgressDb db(db_path(p), xapi_settings());
  record::StoredRecording stored;
  try {
    stored = record::store_recording(db, rec, bytes, s, fs::absolute(session).string(), trainee);
  } catch (const std::invalid_argument& e) {
    throw std::runtime_error(session + ": " + e.what());
  }
  std::printf("%s: attempt %s %s (%s, total %.1f, %s)\n", session.c_str(), stored.attempt_uuid.c_str(),
              stored.added ? "recorded" : "was already recorded", rec.completed ? "completed" : "interrupted",
              stored.grade.total, stored.grade.passed ? "passed" : "not passed");
  // Delivery is best effort here: what is not sent waits for `records sync`.
  deliver(db, true);
  return 0;
}

double parse_total(const std::string& v) {
  double out = 0.0;
  const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
  if (ec != std::errc{} || end != v.data() + v.size() || !(out >= 0.0 && out <= 100.0))
    throw UsageError("--total must be a number in 0..100, got '" + v + "'");
  return out;
}

int records_override(std::span<const std::string_view> args) {
  const Parsed p = parse(args, {"--attempt", "--total", "--passed", "--reason", "--instructor", "--db"}, false);
  const std::string attempt = p.need("--attempt");
  const double total = parse_total(p.need("--total"));
  const std::string passed = p.need("--passed");
  if (passed != "true" && passed != "false") throw UsageError("--passed must be true or false, got '" + passed + "'");
  const std::string reason = p.get("--reason").value_or("");
  if (reason.find_first_not_of(" \t\r\n") == std::string::npos)
    throw std::invalid_argument("--reason is required and must not be empty: every override is kept, with its reason, "
                                "in the audit trail");
  const std::string instructor = p.need("--instructor");
  record::ProgressDb db(existing_db_path(p));
  const auto o = db.override_grade(attempt, total, passed == "true", reason, instructor);
  std::printf("attempt %s: overridden by %s at %s: %.2f %s -> %.2f %s\n", attempt.c_str(), o.instructor.c_str(),
              o.at_utc.c_str(), o.old_total.value_or(0.0), o.old_passed.value_or(false) ? "passed" : "not passed",
              o.new_total, o.new_passed ? "passed" : "not passed");
  return 0;
}

int records_sync(std::span<const std::string_view> args) {
  const Parsed p = parse(args, {"--db"}, false);
  record::ProgressDb db(existing_db_path(p));
  return deliver(db, false) ? 0 : 1;
}

int records_statements(std::span<const std::string_view> args) {
  const Parsed p = parse(args, {"--session", "--scenario", "--trainee", "--attempt", "--db"}, false);
  std::vector<std::string> bodies;
  if (p.get("--session")) {
    const std::string session = p.need("--session");
    const std::string bytes = read_bytes(session);
    if (record::is_course_recording(bytes)) {
      const GradedCourse c = grade_course_file(bytes, session, p.need("--scenario"));
      try {
        for (auto& st : record::course_attempt_statements(c.grade, c.rec, xapi_settings(), p.get("--trainee").value_or("")))
          bodies.push_back(std::move(st.json));
      } catch (const std::invalid_argument& e) {
        throw std::runtime_error(session + ": " + e.what());
      }
      std::fputs(json_array(bodies).c_str(), stdout);
      return 0;
    }
    const record::Recording rec = record::decode_recording(bytes, session);
    const scenario::Scenario s = load_scenario(p.need("--scenario"));
    try {
      for (auto& st : record::recording_statements(rec, bytes, s, xapi_settings(), p.get("--trainee").value_or("")))
        bodies.push_back(std::move(st.json));
    } catch (const std::invalid_argument& e) {
      throw std::runtime_error(session + ": " + e.what());
    }
  } else {
    record::ProgressDb db(existing_db_path(p));
    for (auto& e : db.statements(p.get("--attempt").value_or(""))) bodies.push_back(std::move(e.body));
  }
  std::fputs(json_array(bodies).c_str(), stdout);
  return 0;
}

int records_cohort(std::span<const std::string_view> args) {
  const Parsed p = parse(args, {"--db"}, false);
  record::ProgressDb db(existing_db_path(p));
  // `latest`: "course N" when the latest attempt is a treatment course of N
  // visits (issue 14), "single" for one visit; the last column, so readers of
  // the older columns are not disturbed.
  std::printf("%-24s %-32s %8s %8s %8s %-6s %9s %11s %8s %-10s %-10s\n", "trainee", "scenario", "attempts", "latest",
              "best", "pass", "critical", "interrupted", "assessed", "mode", "latest");
  for (const auto& c : db.cohort()) {
    const std::string kind = !c.attempts ? "-" : c.latest_visits ? "course " + std::to_string(c.latest_visits) : "single";
    std::printf("%-24s %-32s %8d %8.1f %8.1f %-6s %9d %11d %8d %-10s %-10s\n", c.trainee.c_str(), c.scenario_id.c_str(),
                c.attempts, c.latest_total, c.best_total, c.attempts ? (c.latest_passed ? "pass" : "fail") : "-",
                c.latest_critical_errors, c.interrupted, c.assessed,
                c.attempts ? std::string(scenario::mode_name(c.latest_mode)).c_str() : "-", kind.c_str());
  }
  return 0;
}

}  // namespace

int run_records(std::span<const std::string_view> args) {
  if (args.empty()) {
    std::fprintf(stderr, "%s\n", usage);
    return 2;
  }
  const std::string_view verb = args[0];
  const auto rest = args.subspan(1);
  try {
    if (verb == "export") return records_export(rest);
    if (verb == "import") return records_import(rest);
    if (verb == "add") return records_add(rest);
    if (verb == "override") return records_override(rest);
    if (verb == "sync") return records_sync(rest);
    if (verb == "statements") return records_statements(rest);
    if (verb == "cohort") return records_cohort(rest);
    if (verb == "benchmark") return records_benchmark(rest);      // issue 15
    if (verb == "proficiency") return records_proficiency(rest);  // issue 15
    if (verb == "course") return records_course(rest);            // issue 15
  } catch (const UsageError& e) {
    std::fprintf(stderr, "dermasim records %.*s: %s\n%s\n", static_cast<int>(verb.size()), verb.data(), e.what(), usage);
    return 2;
  }
  std::fprintf(stderr, "dermasim records: unknown verb '%.*s'\n%s\n", static_cast<int>(verb.size()), verb.data(), usage);
  return 2;
}

}  // namespace dermasim::app
