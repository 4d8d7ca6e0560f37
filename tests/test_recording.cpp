// Session recordings: round trip, replay to the same state, clear errors.
#include <doctest/doctest.h>

#include <cstdio>
#include <cstring>
#include <fstream>

#include "record/recording.hpp"
#include "scenario/scripted_attempt.hpp"
#include "scenario_helpers.hpp"

using namespace dermasim;

namespace {
record::Recording sample() {
  auto s = test::shipped_scenario("postpartum_abdomen_rubra");
  REQUIRE(s);
  const auto r = scenario::run_scripted_attempt(s, test::shipped_script("postpartum_abdomen_rubra", "tilted_pen"));
  record::Recording rec;
  rec.scenario_id = s->id;
  rec.scenario_hash = s->source_hash;
  rec.trainee = "trainee \"quoted\" name";
  rec.answers = r.answers;
  rec.commands = r.commands;
  rec.final_state_hash = r.final_state_hash;
  rec.grade_total = r.grade.total;
  return rec;
}
}  // namespace

TEST_CASE("a recording round-trips every command bit for bit and replays to the same state") {
  const record::Recording rec = sample();
  const std::string bytes = record::encode_recording(rec);
  const record::Recording back = record::decode_recording(bytes, "mem");
  REQUIRE(back.commands.size() == rec.commands.size());
  for (std::size_t i = 0; i < rec.commands.size(); ++i) {
    const auto &a = rec.commands[i], &b = back.commands[i];
    REQUIRE(std::memcmp(&a.x_mm, &b.x_mm, sizeof(double)) == 0);
    REQUIRE(a.force_n == b.force_n);
    REQUIRE(a.tilt_deg == b.tilt_deg);
    REQUIRE(a.motor_on == b.motor_on);
    REQUIRE(a.skin_taut == b.skin_taut);
  }
  CHECK(back.trainee == rec.trainee);
  CHECK(back.answers.plan->device.needle_length_mm == rec.answers.plan->device.needle_length_mm);
  CHECK(back.answers.aftercare->instructions == rec.answers.aftercare->instructions);
  CHECK(back.final_state_hash == rec.final_state_hash);
  // Compact: a few bytes per 1 kHz step for a scripted path that moves every step.
  CHECK(bytes.size() < rec.commands.size() * 6);
  auto s = test::shipped_scenario("postpartum_abdomen_rubra");
  const auto regraded = scenario::grade_attempt(*s, back.answers, back.commands);
  CHECK(regraded.metrics->final_state_hash == rec.final_state_hash);
}

TEST_CASE("a deferred attempt with no plan and no procedure round-trips") {
  auto s = test::shipped_scenario("postpartum_abdomen_rubra");
  REQUIRE(s);
  const auto r =
      scenario::run_scripted_attempt(s, test::shipped_script("postpartum_abdomen_rubra", "deferred_a_candidate"));
  record::Recording rec;
  rec.scenario_id = s->id;
  rec.answers = r.answers;
  rec.grade_total = r.grade.total;
  const record::Recording back = record::decode_recording(record::encode_recording(rec), "mem");
  CHECK(back.commands.empty());
  CHECK(!back.answers.plan);
  CHECK(!back.answers.aftercare);
  REQUIRE(back.answers.consultation);
  CHECK(back.answers.consultation->decision == scenario::Decision::defer);
  CHECK(back.answers.consultation->findings == std::vector<std::string>{"hay_fever"});
  CHECK(back.grade_total == rec.grade_total);  // bit for bit, so --verify can compare
}

TEST_CASE("truncated - corrupted and foreign files get a clear error and never crash") {
  const std::string bytes = record::encode_recording(sample());
  auto error_of = [](const std::string& b) -> std::string {
    try {
      record::decode_recording(b, "x.dsrec");
    } catch (const record::RecordError& e) {
      return e.what();
    }
    return "";
  };
  CHECK(error_of("hello world, not a recording").find("x.dsrec: not a dermasim session recording") == 0);
  CHECK(error_of("").find("not a dermasim session recording") != std::string::npos);
  for (std::size_t cut : {std::size_t{9}, std::size_t{40}, bytes.size() / 2, bytes.size() - 1})
    CHECK(error_of(bytes.substr(0, cut)).find("truncated") != std::string::npos);
  std::string flipped = bytes;
  flipped[flipped.size() / 2] = static_cast<char>(flipped[flipped.size() / 2] ^ 0x10);
  CHECK(error_of(flipped).find("corrupted") != std::string::npos);
  std::string crlf = bytes;
  crlf.erase(6, 1);  // what a text-mode transfer does to "\r\n"
  CHECK(error_of(crlf).find("text-mode") != std::string::npos);
  // Every single-byte truncation and many corruptions: an error, never a crash.
  for (std::size_t cut = 0; cut < bytes.size(); cut += 97) CHECK(!error_of(bytes.substr(0, cut)).empty());
  CHECK_THROWS_AS(record::read_recording("/nonexistent.dsrec"), record::RecordError);
}
