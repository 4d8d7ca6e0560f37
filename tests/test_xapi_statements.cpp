// xAPI statements: cmi5's verbs in order, the registration, the score and
// per-criterion extensions, deterministic ids; and the identifiers beneath
// them (SHA-1, name-based UUIDs) against published test vectors.
#include <doctest/doctest.h>

#include "record/progress_db.hpp"
#include "record/utc_time.hpp"
#include "record/uuid.hpp"
#include "record/xapi_statements.hpp"
#include "records_helpers.hpp"

using namespace dermasim;

namespace {

record::AttemptFacts facts(bool passed, bool completed = true) {
  record::AttemptFacts f;
  f.attempt_uuid = "6f1c1f5e-36f5-4b47-9d8e-0c4b8b1b2a10";
  f.trainee = "Ana Souza";
  f.scenario_id = "postpartum_abdomen_rubra";
  f.scenario_title = "Postpartum abdomen";
  f.started_utc = "2024-03-01T09:00:00Z";
  f.ended_utc = "2024-03-01T09:12:30Z";
  f.duration_s = 750.25;
  f.completed = completed;
  f.total = passed ? 82.5 : 41.0;
  f.passed = passed;
  f.criteria = {{"depth", 90, true}, {"coverage", 75.5, true}, {"aftercare", 0, false}};
  if (!passed) f.critical_errors = {"hypodermis_punctures"};
  return f;
}

bool has(const std::string& json, const std::string& fragment) { return json.find(fragment) != std::string::npos; }

// Ana's ten-minute attempt on the default case, graded `total`, not passed.
std::string finished_attempt(record::ProgressDb& db, double total) {
  record::AttemptStart start;
  start.trainee = "Ana";
  start.scenario_id = "postpartum_abdomen_rubra";
  start.started_utc = "2024-03-01T09:00:00Z";
  const auto id = db.record_attempt_started(start);
  record::AttemptEnd end;
  end.ended_utc = "2024-03-01T09:10:00Z";
  db.record_attempt_finished(id, test::made_up_grade(total, false), end);
  return id;
}

}  // namespace

TEST_CASE("sha1 and name-based uuids match published vectors") {
  CHECK(record::sha1_hex("abc") == "a9993e364706816aba3e25717850c26c9cd0d89d");
  CHECK(record::sha1_hex("") == "da39a3ee5e6b4b0d3255bfef95601890afd80709");
  CHECK(record::sha1_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
  // Python: uuid.uuid5(uuid.NAMESPACE_DNS, "python.org")
  CHECK(record::uuid_v5("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "python.org") == "886313e1-3b8a-5372-9b90-0c9aee199e5d");
  const auto v4 = record::uuid_v4();
  CHECK(record::is_uuid(v4));
  CHECK(v4[14] == '4');
  CHECK(v4 != record::uuid_v4());
  CHECK(!record::is_uuid("not-a-uuid"));
}

TEST_CASE("iso 8601 times and durations") {
  CHECK(record::iso8601_duration(750.25) == "PT12M30.25S");
  CHECK(record::iso8601_duration(3600) == "PT1H");
  CHECK(record::iso8601_duration(3723.5) == "PT1H2M3.50S");
  CHECK(record::iso8601_duration(0) == "PT0S");
  CHECK(*record::parse_utc("2024-03-01T09:12:30Z") - *record::parse_utc("2024-03-01T09:00:00Z") == 750.0);
  CHECK(record::format_utc(*record::parse_utc("2024-02-29T23:59:59Z")) == "2024-02-29T23:59:59Z");
  CHECK(!record::parse_utc("2024-03-01 09:00"));
  CHECK(!record::parse_utc("2024-03-01T09:00:00+02:00"));
}

TEST_CASE("a passed attempt gives initialized - passed - completed - terminated with cmi5 context") {
  record::XapiSettings s;
  s.activity_base = "https://courses.example.org/derm/";
  s.actor_home_page = "https://courses.example.org";
  const auto st = record::attempt_statements(facts(true), s);
  REQUIRE(st.size() == 4);
  CHECK(st[0].verb == "initialized");
  CHECK(st[1].verb == "passed");
  CHECK(st[2].verb == "completed");
  CHECK(st[3].verb == "terminated");
  for (const auto& x : st) {
    CHECK(record::is_uuid(x.id));
    CHECK(has(x.json, "\"id\":\"" + x.id + "\""));
    CHECK(has(x.json, "\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/" + x.verb + "\""));
    CHECK(has(x.json, "\"registration\":\"6f1c1f5e-36f5-4b47-9d8e-0c4b8b1b2a10\""));
    CHECK(has(x.json, "\"id\":\"https://courses.example.org/derm/scenarios/postpartum_abdomen_rubra\""));
    CHECK(has(x.json, "\"account\":{\"homePage\":\"https://courses.example.org\",\"name\":\"Ana Souza\"}"));
    CHECK(has(x.json, "https://w3id.org/xapi/cmi5/context/categories/cmi5"));
    CHECK(has(x.json, "\"https://w3id.org/xapi/cmi5/context/extensions/sessionid\":\"6f1c1f5e"));
  }
  CHECK(!has(st[0].json, "\"result\""));
  CHECK(has(st[0].json, "\"timestamp\":\"2024-03-01T09:00:00Z\""));
  const auto& passed = st[1].json;
  CHECK(has(passed, "\"score\":{\"scaled\":0.825,\"raw\":82.5,\"min\":0,\"max\":100}"));
  CHECK(has(passed, "\"success\":true"));
  CHECK(has(passed, "\"duration\":\"PT12M30.25S\""));
  CHECK(has(passed, "\"https://courses.example.org/derm/xapi/extensions/criterion/depth\":90"));
  CHECK(has(passed, "\"https://courses.example.org/derm/xapi/extensions/criterion/coverage\":75.5"));
  CHECK(!has(passed, "criterion/aftercare"));  // not applicable: no score to report
  CHECK(has(passed, "https://w3id.org/xapi/cmi5/context/categories/moveon"));
  CHECK(has(passed, "\"https://w3id.org/xapi/cmi5/context/extensions/masteryscore\":0.7"));
  CHECK(has(passed, "\"timestamp\":\"2024-03-01T09:12:30Z\""));
  CHECK(has(st[2].json, "\"completion\":true"));
  CHECK(has(st[3].json, "\"duration\":\"PT12M30.25S\""));
  CHECK(!has(st[3].json, "moveon"));
}

TEST_CASE("a failed attempt says failed with its critical errors - an interrupted one only starts and stops") {
  const auto failed = record::attempt_statements(facts(false), {});
  REQUIRE(failed.size() == 4);
  CHECK(failed[1].verb == "failed");
  CHECK(has(failed[1].json, "\"success\":false"));
  CHECK(has(failed[1].json, "\"scaled\":0.41"));
  CHECK(has(failed[1].json, "\"https://dermasim.example/xapi/extensions/critical-errors\":[\"hypodermis_punctures\"]"));
  const auto interrupted = record::attempt_statements(facts(false, false), {});
  REQUIRE(interrupted.size() == 2);
  CHECK(interrupted[0].verb == "initialized");
  CHECK(interrupted[1].verb == "terminated");
}

TEST_CASE("statement ids are deterministic per attempt and verb - and an email trainee is an mbox") {
  const auto a = record::attempt_statements(facts(true), {});
  const auto b = record::attempt_statements(facts(true), {});
  for (std::size_t i = 0; i < a.size(); ++i) CHECK(a[i].id == b[i].id);
  CHECK(a[0].id != a[1].id);
  CHECK(a[0].id == record::uuid_v5(record::dermasim_uuid_namespace, "6f1c1f5e-36f5-4b47-9d8e-0c4b8b1b2a10/initialized"));
  auto other = facts(true);
  other.attempt_uuid = "7f1c1f5e-36f5-4b47-9d8e-0c4b8b1b2a10";
  CHECK(record::attempt_statements(other, {})[0].id != a[0].id);
  auto mail = facts(true);
  mail.trainee = "ana@clinic.example";
  CHECK(has(record::attempt_statements(mail, {})[0].json, "\"mbox\":\"mailto:ana@clinic.example\""));
  auto odd = facts(true);
  odd.scenario_id = "a b/c";
  CHECK(has(record::attempt_statements(odd, {})[0].json, "/scenarios/a%20b%2Fc\""));
}

TEST_CASE("the statements queued with an attempt use the database's xAPI settings") {
  test::ScratchDir dir;
  record::XapiSettings s;
  s.activity_base = "https://lms.example.net/course-7";
  record::ProgressDb db(dir.file("p.db"), s);
  const auto id = finished_attempt(db, 50);
  const auto st = db.statements(id);
  REQUIRE(st.size() == 4);
  CHECK(has(st[1].body, "\"https://lms.example.net/course-7/scenarios/postpartum_abdomen_rubra\""));
  CHECK(has(st[1].body, "\"duration\":\"PT10M\""));
  CHECK(st[1].verb == "failed");
}

TEST_CASE("an override voids the verdict it replaces and queues the new one - a second override voids the first's") {
  test::ScratchDir dir;
  record::ProgressDb db(dir.file("p.db"));
  const auto id = finished_attempt(db, 64);
  const std::string graded_verdict = db.statements(id)[1].statement_id;
  REQUIRE(graded_verdict == record::verdict_statement_id(id, false));

  const auto first = db.override_grade(id, 72, true, "tilt sensor fault on station 3", "Dr Okafor");
  auto st = db.statements(id);
  REQUIRE(st.size() == 6);
  CHECK(st[4].verb == "voided");
  CHECK(st[4].seq == 4);
  CHECK(has(st[4].body, "\"object\":{\"objectType\":\"StatementRef\",\"id\":\"" + graded_verdict + "\"}"));
  CHECK(has(st[4].body, "\"name\":\"Dr Okafor\""));
  CHECK(st[5].verb == "passed");
  CHECK(st[5].statement_id == record::verdict_statement_id(first.uuid, true));
  CHECK(st[5].statement_id != graded_verdict);
  CHECK(has(st[5].body, "\"raw\":72"));
  CHECK(has(st[5].body, "\"success\":true"));
  CHECK(has(st[5].body, "\"registration\":\"" + id + "\""));
  CHECK(has(st[5].body, "\"reason\":\"tilt sensor fault on station 3\""));
  CHECK(has(st[5].body, "\"graded_total\":64"));

  db.override_grade(id, 60, false, "second review: the tilt was real", "Dr Okafor");
  st = db.statements(id);
  REQUIRE(st.size() == 8);
  CHECK(st[6].verb == "voided");
  CHECK(has(st[6].body, "\"id\":\"" + record::verdict_statement_id(first.uuid, true) + "\"}"));
  CHECK(st[7].verb == "failed");
  CHECK(db.pending_statements().size() == 8);
}
