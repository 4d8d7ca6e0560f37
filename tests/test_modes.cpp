// Practice and assessment modes, choices a script must state, and findings a
// patient's fields must not give away (issue 9, points 5 and 6). Each test
// makes the attempt that would game the rule and shows it is refused or recorded.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "record/csv.hpp"
#include "record/migrations.hpp"
#include "record/progress_db.hpp"
#include "record/recording.hpp"
#include "records_helpers.hpp"
#include "scenario/grading.hpp"
#include "scenario/report.hpp"
#include "scenario/scripted_attempt.hpp"
#include "scenario_helpers.hpp"

using namespace dermasim;

namespace {

std::string file_text(const std::string& relative) {
  std::ifstream in(test::source_path(relative), std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

std::string all_errors(const scenario::Diagnostics& d) {
  std::string out;
  for (const auto& e : d) out += e.str() + "\n";
  return out;
}

const std::string good_script = "scenarios/scripts/postpartum_abdomen_rubra/good.yaml";

}  // namespace

TEST_CASE("a scenario sets its default mode - and a misspelt mode is refused where it is written") {
  const std::string text = file_text("scenarios/postpartum_abdomen_rubra.yaml");
  auto plain = scenario::load_scenario_text(text, "case.yaml");
  REQUIRE(plain.scenario);
  CHECK(plain.scenario->mode == scenario::Mode::practice);
  auto assessed = scenario::load_scenario_text(replaced(text, "\nsummary:", "\nmode: assessment\nsummary:"), "case.yaml");
  REQUIRE(assessed.scenario);
  CHECK(assessed.scenario->mode == scenario::Mode::assessment);
  auto bad = scenario::load_scenario_text(replaced(text, "\nsummary:", "\nmode: exam\nsummary:"), "case.yaml");
  CHECK_FALSE(bad.scenario);
  const std::string errors = all_errors(bad.errors);
  CHECK(errors.find("case.yaml:") == 0);
  CHECK(errors.find("mode: 'exam' is not one of") != std::string::npos);
}

TEST_CASE("a script runs in the scenario's mode unless it names one - and the recording and reports carry it") {
  auto s = test::shipped_scenario("postpartum_abdomen_rubra");
  REQUIRE(s);
  const std::string text = file_text(good_script);
  auto plain = scenario::load_script_text(text, "good.yaml");
  REQUIRE(plain.script);
  CHECK_FALSE(plain.script->mode);
  auto assessed = scenario::load_script_text(replaced(text, "\ntrainee:", "\nmode: assessment\ntrainee:"), "good.yaml");
  REQUIRE(assessed.script);
  const scenario::AttemptResult result = scenario::run_scripted_attempt(s, *assessed.script);
  CHECK(result.answers.mode == scenario::Mode::assessment);
  CHECK(result.grade.answers.mode == scenario::Mode::assessment);
  CHECK(scenario::grade_json(result.grade).find("\"mode\":\"assessment\"") != std::string::npos);
  CHECK(scenario::grade_html(result.grade, *s).find("assessment mode") != std::string::npos);

  record::Recording rec;
  rec.scenario_id = s->id;
  rec.scenario_hash = s->source_hash;
  rec.answers = result.answers;
  rec.commands = result.commands;
  const record::Recording back = record::decode_recording(record::encode_recording(rec), "r.dsrec");
  CHECK(back.answers.mode == scenario::Mode::assessment);
  rec.answers.mode = scenario::Mode::practice;
  CHECK(record::decode_recording(record::encode_recording(rec), "r.dsrec").answers.mode == scenario::Mode::practice);
}

TEST_CASE("a script that leaves out a graded choice is refused with its place - nothing is filled in for it") {
  const std::string text = file_text(good_script);
  struct Gap {
    const char* from;
    const char* to;
    const char* message;
  };
  for (const Gap& gap : {Gap{"  stroke_rate_hz: 100\n", "", "missing required key 'stroke_rate_hz'"},
                         Gap{"  numbing: true\n", "", "missing required key 'numbing'"},
                         Gap{"  passes: 2\n", "", "missing required key 'passes'"},
                         Gap{"  findings: []\n", "", "missing required key 'findings'"},
                         Gap{"  decision: proceed\n", "", "missing required key 'decision'"}}) {
    CAPTURE(gap.message);
    const auto load = scenario::load_script_text(replaced(text, gap.from, gap.to), "good.yaml");
    CHECK_FALSE(load.script);
    const std::string errors = all_errors(load.errors);
    CHECK(errors.find(gap.message) != std::string::npos);
    CHECK(errors.find("good.yaml:") == 0);  // file:line:col
    CHECK(errors.find("good.yaml:0") == std::string::npos);
  }
  const auto no_aftercare = scenario::load_script_text(text.substr(0, text.find("aftercare:")), "good.yaml");
  CHECK_FALSE(no_aftercare.script);
  CHECK(all_errors(no_aftercare.errors).find("needs aftercare") != std::string::npos);
}

TEST_CASE("a refer case cannot be passed by a decision the script never made") {
  const std::string text = file_text("scenarios/scripts/abdomen_rivaroxaban_postpartum/good.yaml");
  const auto made = scenario::load_script_text(text, "good.yaml");
  REQUIRE(made.script);
  CHECK(made.script->consultation.decision == scenario::Decision::refer);
  // Without its decision the script is refused, not defaulted to "proceed" (or anything else).
  const auto unmade = scenario::load_script_text(replaced(text, "  decision: refer\n", ""), "good.yaml");
  CHECK_FALSE(unmade.script);
  CHECK(all_errors(unmade.errors).find("missing required key 'decision'") != std::string::npos);
}

TEST_CASE("check refuses a patient field that gives away a finding hidden behind a follow-up question") {
  const std::string text = file_text("scenarios/abdomen_pregnant_rubra.yaml");
  CHECK(scenario::load_scenario_text(text, "p.yaml").scenario);  // pregnancy is on the intake form: fine
  // The same case with pregnancy only revealed by asking: `pregnant: true` would give it away.
  const std::string hidden = replaced(replaced(text, "intake: \"Pregnant: yes, 22 weeks\"", "intake: \"\""),
                                      "title: New striae in pregnancy", "title: New red striae on the abdomen");
  const auto load = scenario::load_scenario_text(hidden, "p.yaml");
  CHECK_FALSE(load.scenario);
  const std::string errors = all_errors(load.errors);
  CHECK(errors.find("p.yaml:18:") == 0);  // the `pregnant` line
  CHECK(errors.find("pregnant: true reveals 'pregnancy'") != std::string::npos);
  // Leaving the field false lets the question reveal it.
  CHECK(scenario::load_scenario_text(replaced(hidden, "pregnant: true", "pregnant: false"), "p.yaml").scenario);
  // Nursing with no item at all is refused too.
  const auto nursing = scenario::load_scenario_text(replaced(text, "nursing: false", "nursing: true"), "p.yaml");
  CHECK(all_errors(nursing.errors).find("nursing: true states a finding no relevant history item shows") != std::string::npos);
}

TEST_CASE("the progress database stores the mode - migrates older files - and exports and reports it") {
  test::ScratchDir dir;
  const std::string path = dir.file("modes.db");
  {
    // A version 2 database, as the build before modes left it.
    record::SqliteDb old(path, true);
    old.exec(record::migration_sql(1));
    old.exec(record::migration_sql(2));
    old.exec("PRAGMA user_version = 2");
    old.exec("INSERT INTO trainees (name, created_utc) VALUES ('Ana', '2024-01-01T00:00:00Z')");
    old.exec("INSERT INTO attempts (uuid, trainee_id, scenario_id, scenario_hash, started_utc, ended_utc, status, total, "
             "passed) VALUES ('11111111-2222-4333-8444-555555555555', 1, 'postpartum_abdomen_rubra', 'h', "
             "'2024-01-01T10:00:00Z', '2024-01-01T10:20:00Z', 'completed', 81.5, 1)");
  }
  record::ProgressDb db(path);
  CHECK(db.sqlite().user_version() == record::latest_schema_version);
  CHECK(db.attempt("11111111-2222-4333-8444-555555555555")->mode == scenario::Mode::practice);
  record::AttemptStart start{"Ana", "postpartum_abdomen_rubra", "t", "h", "", "2024-02-01T10:00:00Z", "",
                             scenario::Mode::assessment};
  const std::string id = db.record_attempt_started(start);
  db.record_attempt_finished(id, test::made_up_grade(75, true), {.ended_utc = "2024-02-01T10:20:00Z"});
  CHECK(db.attempt(id)->mode == scenario::Mode::assessment);
  // The database itself refuses a mode outside the set.
  CHECK_THROWS(db.sqlite().exec("UPDATE attempts SET mode = 'exam'"));
  const auto cohort = db.cohort();
  REQUIRE(cohort.size() == 1);
  CHECK(cohort[0].attempts == 2);
  CHECK(cohort[0].assessed == 1);
  CHECK(cohort[0].latest_mode == scenario::Mode::assessment);
  const std::string csv = record::attempts_csv(db.attempts());
  CHECK(csv.find(",status,mode,") != std::string::npos);
  CHECK(csv.find(",assessment,") != std::string::npos);
  bool extension = false;
  for (const auto& st : db.statements(id)) extension = extension || st.body.find("/xapi/extensions/mode\":\"assessment\"") != std::string::npos;
  CHECK(extension);
}
