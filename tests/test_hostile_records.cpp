// Issue 11: hostile recordings, journals, LRS configurations and imported
// databases, and writes that fail (a full disk: /dev/full).
#include <doctest/doctest.h>

#include <sqlite3.h>

#include <filesystem>
#include <cstdlib>
#include <fstream>

#include "record/csv.hpp"
#include "record/journal.hpp"
#include "record/lrs_config.hpp"
#include "record/progress_db.hpp"
#include "records_helpers.hpp"
#include "scenario/input_limits.hpp"
#include "tissue/fnv1a.hpp"

using namespace dermasim;
namespace fs = std::filesystem;

namespace {

void put_u64(std::string& bytes, std::size_t at, std::uint64_t v) {
  for (int i = 0; i < 8; ++i) bytes[at + static_cast<std::size_t>(i)] = static_cast<char>((v >> (8 * i)) & 0xff);
}

// A recording whose header claims `count` commands, with a valid checksum.
std::string forged_recording(std::uint64_t count) {
  std::string bytes = record::encode_recording(record::Recording{.scenario_id = "x", .scenario_hash = "0"});
  const std::size_t meta = static_cast<std::uint8_t>(bytes[12]) | (static_cast<std::uint8_t>(bytes[13]) << 8);
  put_u64(bytes, 16 + meta, count);
  put_u64(bytes, bytes.size() - 8, fnv1a(std::string_view(bytes).substr(0, bytes.size() - 8)));
  return bytes;
}

std::string journal_with_runs(std::uint32_t run, int runs) {
  const std::string header = record::encode_recording(record::Recording{.scenario_id = "x", .scenario_hash = "0"});
  std::string j("DSJRN\x01\r\n", 8);
  for (int i = 0; i < 4; ++i) j += static_cast<char>((header.size() >> (8 * i)) & 0xff);
  j += header;
  for (int r = 0; r < runs; ++r) {
    for (int i = 0; i < 4; ++i) j += static_cast<char>((run >> (8 * i)) & 0xff);
    j += std::string(20, '\0');
    j += '\x03';
  }
  return j;
}

}  // namespace

TEST_CASE("a recording claiming 720 M commands with a valid checksum is refused - naming the file - before any memory") {
  try {
    record::decode_recording(forged_recording(720'000'000), "big.dsrec");
    FAIL("accepted");
  } catch (const record::RecordError& e) {
    const std::string m = e.what();
    CHECK(m.rfind("big.dsrec: the header claims 720000000 commands, more than the longest attempt", 0) == 0);
  }
  // At the limit the header is believed, and the short stream then refused.
  CHECK_THROWS_WITH_AS(record::decode_recording(forged_recording(scenario::max_attempt_steps), "r.dsrec"),
                       doctest::Contains("fewer commands than its header says"), record::RecordError);
}

TEST_CASE("a journal's counts are bounded by what its size can hold - and by the longest attempt") {
  // Twenty records of 10 M repeats in 1 KB: damage from the first record on.
  CHECK(record::decode_journal(journal_with_runs(10'000'000, 20), "j.journal").commands.empty());
  CHECK(record::decode_journal(journal_with_runs(1001, 3), "j.journal").commands.empty());
  const record::Recording ok = record::decode_journal(journal_with_runs(1000, 20), "j.journal");
  CHECK(ok.commands.size() == 20'000);  // at most 1,000 steps per 25-byte record
  CHECK(!ok.completed);
  // The writer splits a long batch of one command into records the reader trusts.
  test::ScratchDir dir;
  const std::string path = dir.file("still.journal");
  {
    record::RecordingJournal journal(path, record::Recording{.scenario_id = "x", .scenario_hash = "0"});
    journal.append(std::vector<physics::PenCommand>(4500, physics::PenCommand{.x_mm = 5, .y_mm = 5}));
  }
  CHECK(record::recover_journal(path).commands.size() == 4500);
  CHECK(fs::file_size(path) > 5 * 25);  // five records
}

TEST_CASE("a recording never grows past the longest attempt on the way out either") {
  record::Recording r{.scenario_id = "x", .scenario_hash = "0"};
  r.commands.resize(scenario::max_attempt_steps + 1);
  CHECK_THROWS_WITH_AS(record::encode_recording(r), doctest::Contains("longer than the longest a recording may hold"),
                       record::RecordError);
}

TEST_CASE("recordings and journals read from a device with no end are refused by size - naming the file") {
  CHECK_THROWS_WITH_AS(record::read_recording("/dev/zero"),
                       "/dev/zero: the file is larger than the 512 MiB limit for a recording", record::RecordError);
  CHECK_THROWS_WITH_AS(record::recover_journal("/dev/zero"),
                       "/dev/zero: the file is larger than the 512 MiB limit for an attempt journal", record::RecordError);
}

TEST_CASE("a full disk leaves no partial recording and no headless journal behind") {
  test::ScratchDir dir;
  const std::string path = dir.file("attempt.dsrec");
  // Writing the temporary file goes to /dev/full: every write fails ENOSPC.
  fs::create_symlink("/dev/full", path + ".partial");
  CHECK_THROWS_WITH_AS(record::write_recording(record::Recording{.scenario_id = "x"}, path),
                       doctest::Contains("writing the recording failed: No space left on device"), record::RecordError);
  CHECK(!fs::exists(fs::symlink_status(path + ".partial")));
  CHECK(!fs::exists(path));
  const std::string journal = dir.file("attempt.dsrec.journal");
  fs::create_symlink("/dev/full", journal);
  CHECK_THROWS_WITH_AS(record::RecordingJournal(journal, record::Recording{.scenario_id = "x"}),
                       doctest::Contains("writing the attempt's journal failed"), record::RecordError);
  CHECK(!fs::exists(fs::symlink_status(journal)));
}

TEST_CASE("an LRS configuration's timeout must be a whole number of seconds - never NaN or words") {
  for (const char* text : {"timeout_s = nan\n", "timeout_s = inf\n", "timeout_s = 5 minutes\n", "timeout_s = 0\n"}) {
    CAPTURE(text);
    CHECK_THROWS_WITH_AS(record::parse_lrs_config_text(text, "lrs.conf"), "lrs.conf:1: timeout_s must be 0..600 seconds",
                         record::LrsConfigError);
  }
  CHECK(record::parse_lrs_config_text("timeout_s = 2.5\n", "lrs.conf").timeout_s == 2.5);
}

TEST_CASE("an imported database with a view - or a row that is not an attempt - is refused and nothing merges") {
  test::ScratchDir dir;
  const std::string station = dir.file("station.db"), other = dir.file("other.db");
  {
    record::ProgressDb db(other);
    db.record_attempt_started({.trainee = "Ana", .scenario_id = "s", .recording_path = "r.dsrec"});
  }
  auto exec = [](const std::string& file, const char* sql) {
    sqlite3* h = nullptr;
    REQUIRE(sqlite3_open(file.c_str(), &h) == SQLITE_OK);
    CHECK(sqlite3_exec(h, sql, nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(h);
  };
  record::ProgressDb db(station);
  exec(other, "CREATE VIEW slow AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c");
  CHECK_THROWS_WITH_AS(db.import_from(other), doctest::Contains("not a dermasim progress database"), record::DbError);
  exec(other, "DROP VIEW slow; UPDATE attempts SET uuid = 'not-a-uuid'");
  CHECK_THROWS_WITH_AS(db.import_from(other), doctest::Contains("an attempt's id is not a UUID; nothing was imported"),
                       record::DbError);
  CHECK(db.attempts().empty());
}

TEST_CASE("a database opened read-only exports - and refuses any write") {
  test::ScratchDir dir;
  const std::string path = dir.file("progress.db");
  {
    record::ProgressDb db(path);
    db.record_attempt_started({.trainee = "Ana, \"the\" trainee", .scenario_id = "s", .recording_path = "r.dsrec"});
  }
  record::ProgressDb reader(path, record::ProgressDb::ReadOnly{});
  const auto attempts = reader.attempts();
  REQUIRE(attempts.size() == 1);
  CHECK(record::attempts_csv(attempts).find("\"Ana, \"\"the\"\" trainee\"") != std::string::npos);
  CHECK_THROWS_AS(reader.record_attempt_started({.trainee = "Bo", .scenario_id = "s"}), record::DbError);
  CHECK_THROWS_WITH_AS(record::ProgressDb(dir.file("none.db"), record::ProgressDb::ReadOnly{}),
                       doctest::Contains("no such progress database"), record::DbError);
}

// Run by tests/faults/disk_full.sh with DERMASIM_FULL_DIR on a small tmpfs;
// without it (no mount allowed) there is nothing to fill, and it says so.
TEST_CASE("a journal on a disk that fills keeps whole frames - and takes the next frame once there is room") {
  const char* dir = std::getenv("DERMASIM_FULL_DIR");
  if (!dir) {
    MESSAGE("DERMASIM_FULL_DIR not set: run tests/faults/disk_full.sh for this test");
    return;
  }
  const std::string path = std::string(dir) + "/attempt.dsrec.journal", filler = std::string(dir) + "/filler";
  std::vector<physics::PenCommand> commands;
  {
    record::RecordingJournal journal(path, record::Recording{.scenario_id = "x", .scenario_hash = "0"});
    for (int frame = 0; frame < 50; ++frame) {
      for (int s = 0; s < 17; ++s) commands.push_back({.x_mm = frame + 0.01 * s, .y_mm = 10, .force_n = 2});
      journal.append(commands);
    }
    {  // Fill the disk to the last byte.
      std::FILE* f = std::fopen(filler.c_str(), "wb");
      REQUIRE(f);
      const std::string block(4096, 'x');
      while (std::fwrite(block.data(), 1, block.size(), f) == block.size() && std::fflush(f) == 0) {
      }
      std::fclose(f);
      f = std::fopen(filler.c_str(), "ab");
      while (std::fputc('x', f) != EOF && std::fflush(f) == 0) {
      }
      std::fclose(f);
    }
    for (int s = 0; s < 4000; ++s) commands.push_back({.x_mm = 60 + 0.01 * s, .y_mm = 20, .force_n = 2});
    CHECK_THROWS_WITH_AS(journal.append(commands), doctest::Contains("No space left on device"), record::RecordError);
    const record::Recording mid = record::recover_journal(path);
    CHECK(mid.commands.size() == 50 * 17);  // whole frames only, none torn
    fs::remove(filler);
    journal.append(commands);  // room again: the frame that failed is written now
  }
  const record::Recording r = record::recover_journal(path);
  CHECK(r.commands.size() == commands.size());
  CHECK(r.commands.back().x_mm == doctest::Approx(60 + 0.01 * 3999));
}
