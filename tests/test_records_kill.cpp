// Killing the program in the middle of recording loses nothing that was
// finished: a child process records attempts as fast as it can and is
// SIGKILLed mid-write; every attempt it reported committed is intact.
#include <doctest/doctest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <set>
#include <string>

#include "record/progress_db.hpp"
#include "records_helpers.hpp"

using namespace dermasim;

namespace {

// The child: record attempts forever, telling the parent each UUID only after
// its commit returned. Never returns.
[[noreturn]] void record_until_killed(const std::string& path, int report_fd) {
  try {
    record::ProgressDb db(path);
    const scenario::Grade grade = test::made_up_grade(77.0, true, 80.0, true);
    for (int i = 0;; ++i) {
      record::AttemptStart s;
      s.trainee = "trainee " + std::to_string(i % 7);
      s.scenario_id = "postpartum_abdomen_rubra";
      s.scenario_hash = "h";
      s.recording_path = "/r/" + std::to_string(i) + ".dsrec";
      const std::string id = db.record_attempt_started(s);
      db.record_attempt_finished(id, grade);
      if (write(report_fd, id.data(), id.size()) != static_cast<ssize_t>(id.size())) _exit(4);
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "recording child: %s\n", e.what());
    _exit(3);
  }
}

// One round: start a child recording into `path`, SIGKILL it once it reported
// `kill_after` commits, and return every UUID it reported.
std::set<std::string> record_then_kill(const std::string& path, std::size_t kill_after) {
  int fds[2];
  REQUIRE(pipe(fds) == 0);
  const pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    close(fds[0]);
    record_until_killed(path, fds[1]);
  }
  close(fds[1]);
  std::set<std::string> committed;
  std::string buffer;
  char chunk[512];
  bool killed = false;
  for (;;) {
    const ssize_t n = read(fds[0], chunk, sizeof chunk);
    if (n <= 0) break;  // EOF: the child is gone
    buffer.append(chunk, static_cast<std::size_t>(n));
    while (buffer.size() >= 36) {
      committed.insert(buffer.substr(0, 36));
      buffer.erase(0, 36);
    }
    if (!killed && committed.size() >= kill_after) {
      kill(child, SIGKILL);  // wherever it is: inside a transaction, most likely
      killed = true;
    }
  }
  close(fds[0]);
  int status = 0;
  REQUIRE(waitpid(child, &status, 0) == child);
  REQUIRE_MESSAGE(killed, "the child stopped by itself (exit status " << status << ")");
  REQUIRE(WIFSIGNALED(status));
  CHECK(WTERMSIG(status) == SIGKILL);
  return committed;
}

}  // namespace

TEST_CASE("SIGKILL mid-write loses no committed attempt and leaves at most one interrupted per kill") {
  test::ScratchDir dir;
  const std::string path = dir.file("progress.db");
  // Several rounds on one file: each kill lands somewhere else in a write,
  // and each restart must cope with what the last kill left.
  constexpr int rounds = 3;
  std::set<std::string> committed;
  for (int round = 0; round < rounds; ++round) {
    const auto got = record_then_kill(path, 30);
    committed.insert(got.begin(), got.end());
  }

  record::ProgressDb db(path);
  {
    record::Statement check(db.sqlite(), "PRAGMA integrity_check");
    REQUIRE(check.step());
    CHECK(check.text(0) == "ok");
  }
  for (const auto& id : committed) {
    const auto a = db.attempt(id);
    REQUIRE_MESSAGE(a, "committed attempt " << id << " is missing");
    CHECK(a->status == record::AttemptStatus::completed);
    CHECK(*a->total == 77.0);
    CHECK(a->criteria.size() == 5);
    CHECK(a->critical_errors.size() == 1);
    CHECK(db.statements(id).size() == 4);
  }
  // Everything in the file is whole: completed attempts with all their rows
  // (even one committed after its UUID was last reported), and at most the one
  // attempt each kill interrupted, with nothing half-written.
  int interrupted = 0;
  for (const auto& a : db.attempts()) {
    if (a.status == record::AttemptStatus::completed) {
      CHECK(a.criteria.size() == 5);
      CHECK(db.statements(a.uuid).size() == 4);
    } else {
      ++interrupted;
      CHECK(!a.ended_utc);
      CHECK(a.criteria.empty());
      CHECK(db.statements(a.uuid).empty());
    }
  }
  CHECK(interrupted <= rounds);
  CHECK(db.attempts().size() >= committed.size());
}

TEST_CASE("a forked child draws different attempt UUIDs from its parent") {
  (void)record::uuid_v4();  // whatever state the parent has, the child must not repeat it
  int fds[2];
  REQUIRE(pipe(fds) == 0);
  const pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    close(fds[0]);
    const std::string id = record::uuid_v4();
    _exit(write(fds[1], id.data(), id.size()) == 36 ? 0 : 1);
  }
  close(fds[1]);
  const std::string mine = record::uuid_v4();
  char theirs[36];
  std::size_t got = 0;
  for (ssize_t n; got < sizeof theirs && (n = read(fds[0], theirs + got, sizeof theirs - got)) > 0;)
    got += static_cast<std::size_t>(n);
  close(fds[0]);
  int status = 0;
  waitpid(child, &status, 0);
  REQUIRE(got == 36);
  CHECK(std::string(theirs, 36) != mine);
}
