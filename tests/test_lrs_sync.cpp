// Sending the outbox to an LRS: a receiver on 127.0.0.1 that refuses, then
// fails with 500s, then loses a response, then recovers. Statements wait in
// the outbox and each is accepted exactly once; retries reuse the same id and
// body. Credentials never show in any error.
#include <doctest/doctest.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>

#include "lrs_receiver.hpp"
#include "record/lrs_client.hpp"
#include "record/lrs_config.hpp"
#include "record/outbox.hpp"
#include "record/progress_db.hpp"
#include "records_helpers.hpp"

using namespace dermasim;

namespace {

constexpr const char* user = "station-7-key";
constexpr const char* secret = "s3cr3t-PASSWORD-xyz";
// base64("station-7-key:s3cr3t-PASSWORD-xyz")
constexpr const char* basic = "Basic c3RhdGlvbi03LWtleTpzM2NyM3QtUEFTU1dPUkQteHl6";

record::LrsConfig config_for(const std::string& endpoint) {
  record::LrsConfig c;
  c.endpoint = endpoint;
  while (!c.endpoint.empty() && c.endpoint.back() == '/') c.endpoint.pop_back();
  c.username = user;
  c.password = secret;
  c.timeout_s = 5.0;
  return c;
}

void fill(record::ProgressDb& db, int attempts) {
  for (int i = 0; i < attempts; ++i) {
    record::AttemptStart s;
    s.trainee = "trainee " + std::to_string(i);
    s.scenario_id = "postpartum_abdomen_rubra";
    s.started_utc = "2024-03-01T09:00:00Z";
    const auto id = db.record_attempt_started(s);
    record::AttemptEnd e;
    e.ended_utc = "2024-03-01T09:10:00Z";
    db.record_attempt_finished(id, test::made_up_grade(60.0 + i * 10, i % 2 == 0), e);
  }
}

bool leaks(const std::string& text) {
  return text.find(secret) != std::string::npos || text.find(user) != std::string::npos ||
         text.find("c3RhdGlvbi03LWtleTpzM2NyM3QtUEFTU1dPUkQteHl6") != std::string::npos;
}

std::string statement_id_of(const test::HttpRequest& r) {
  const auto at = r.target.find("statementId=");
  return at == std::string::npos ? std::string() : r.target.substr(at + 12);
}

}  // namespace

TEST_CASE("an LRS that refuses - fails - loses a reply and recovers receives every statement exactly once") {
  test::ScratchDir dir;
  record::ProgressDb db(dir.file("p.db"));
  fill(db, 3);
  const auto all = db.pending_statements();
  REQUIRE(all.size() == 12);
  std::vector<std::string> errors;

  // 1. Nothing listening: connection refused. Everything stays.
  {
    record::LrsClient refused(config_for("http://127.0.0.1:" + std::to_string(test::LrsReceiver::closed_port()) + "/xapi"));
    const auto r = record::sync_outbox(db, refused);
    CHECK(r.sent == 0);
    CHECK(r.stopped);
    CHECK(r.remaining == 12);
    CHECK(!r.last_error.empty());
    errors.push_back(r.last_error);
  }

  // The receiver: accepted (id -> body) is what an LRS would store.
  std::map<std::string, std::string> stored;
  std::map<std::string, int> accepted_puts;
  std::atomic<int> mode{500};
  test::LrsReceiver lrs([&](const test::HttpRequest& r) -> test::LrsReceiver::Reply {
    // An LRS echoing the request in its error page must not leak it through us.
    if (mode == 500) return {500, "internal error; you sent " + r.header("authorization") + " " + secret};
    const std::string id = statement_id_of(r);
    if (stored.count(id)) {
      ++accepted_puts[id];
      return {stored[id] == r.body ? 204 : 409, ""};
    }
    stored[id] = r.body;
    ++accepted_puts[id];
    if (mode == 1) {  // accept the first one, then lose its reply
      mode = 204;
      return {0, ""};
    }
    return {204, ""};
  });
  record::LrsClient client(config_for(lrs.endpoint()));

  // 2. 500s: the first statement is tried, the run stops, nothing is marked.
  auto r = record::sync_outbox(db, client);
  CHECK(r.sent == 0);
  CHECK(r.stopped);
  CHECK(r.remaining == 12);
  CHECK(r.last_error.find("HTTP 500") != std::string::npos);
  errors.push_back(r.last_error);
  r = record::sync_outbox(db, client);
  CHECK(r.remaining == 12);
  CHECK(lrs.requests().size() == 2);

  // 3. The LRS stores the next statement but the reply is lost: it stays in
  //    the outbox and goes again, with the same id and body.
  mode = 1;
  r = record::sync_outbox(db, client);
  CHECK(r.sent == 0);
  CHECK(r.remaining == 12);
  errors.push_back(r.last_error);

  // 4. Recovered: everything goes, in order, and the outbox empties.
  r = record::sync_outbox(db, client);
  CHECK(r.sent == 12);
  CHECK(r.remaining == 0);
  CHECK(!r.stopped);
  CHECK(db.pending_statements().empty());
  // 5. Nothing left: a further sync sends nothing.
  const auto before = lrs.requests().size();
  r = record::sync_outbox(db, client);
  CHECK(r.sent == 0);
  CHECK(lrs.requests().size() == before);

  // Exactly once in the store; the single retry was the same statement.
  CHECK(stored.size() == 12);
  for (const auto& s : all) {
    REQUIRE(stored.count(s.statement_id));
    CHECK(stored[s.statement_id] == s.body);
    CHECK(accepted_puts[s.statement_id] == (s.statement_id == all[0].statement_id ? 2 : 1));
  }
  // Sent in outbox order: each attempt's initialized ... terminated in sequence.
  std::vector<std::string> order;
  for (const auto& q : lrs.requests()) {
    const std::string id = statement_id_of(q);
    if (order.empty() || order.back() != id) order.push_back(id);
  }
  REQUIRE(order.size() == 12);
  for (std::size_t i = 0; i < all.size(); ++i) CHECK(order[i] == all[i].statement_id);

  // Every request was a proper xAPI PUT.
  for (const auto& q : lrs.requests()) {
    CHECK(q.method == "PUT");
    CHECK(q.target.rfind("/xapi/statements?statementId=", 0) == 0);
    CHECK(q.header("x-experience-api-version") == "1.0.3");
    CHECK(q.header("content-type") == "application/json");
    CHECK(q.header("authorization") == basic);
  }
  for (const auto& e : db.statements()) {
    CHECK(e.sent_utc);
    CHECK(!e.last_error);
  }

  // No credential in any error the sender produced or the outbox kept.
  for (const auto& e : errors) {
    CHECK_MESSAGE(!leaks(e), "credential leaked in: " << e);
    CHECK((e.find("***") != std::string::npos || e.find("127.0.0.1") != std::string::npos));
  }
}

TEST_CASE("a 409 counts as delivered and a statement the LRS rejects stays without blocking the others") {
  test::ScratchDir dir;
  record::ProgressDb db(dir.file("p.db"));
  fill(db, 1);
  const auto all = db.pending_statements();
  REQUIRE(all.size() == 4);
  test::LrsReceiver lrs([&](const test::HttpRequest& r) -> test::LrsReceiver::Reply {
    const std::string id = statement_id_of(r);
    if (id == all[0].statement_id) return {409, "already have it"};
    if (id == all[1].statement_id) return {400, "bad statement"};
    return {204, ""};
  });
  record::LrsClient client(config_for(lrs.endpoint()));
  auto r = record::sync_outbox(db, client);
  CHECK(r.sent == 3);
  CHECK(r.rejected == 1);
  CHECK(r.remaining == 1);
  const auto left = db.pending_statements();
  REQUIRE(left.size() == 1);
  CHECK(left[0].statement_id == all[1].statement_id);
  CHECK(left[0].tries == 1);
  CHECK(left[0].last_error->find("HTTP 400") != std::string::npos);
  CHECK(record::classify_http_status(204) == record::SendResult::Outcome::delivered);
  CHECK(record::classify_http_status(503) == record::SendResult::Outcome::unavailable);
  CHECK(record::classify_http_status(401) == record::SendResult::Outcome::unavailable);
  CHECK(record::classify_http_status(302) == record::SendResult::Outcome::unavailable);
}

TEST_CASE("credentials never appear in errors - messages or the outbox") {
  test::ScratchDir dir;
  record::ProgressDb db(dir.file("p.db"));
  fill(db, 1);
  // Wrong credentials answer 401 with a body quoting them back.
  test::LrsReceiver lrs([&](const test::HttpRequest& r) -> test::LrsReceiver::Reply {
    return {401, "bad login " + r.header("authorization") + " user=" + user + " password=" + secret};
  });
  // Credentials in the URL too, as some people write them.
  std::string endpoint = lrs.endpoint();
  endpoint.insert(7, std::string(user) + ":" + secret + "@");
  record::LrsClient client(config_for(endpoint));
  const auto r = record::sync_outbox(db, client);
  CHECK(r.remaining == 4);
  CHECK_MESSAGE(!leaks(r.last_error), r.last_error);
  for (const auto& e : db.statements()) {
    if (e.last_error) CHECK_MESSAGE(!leaks(*e.last_error), *e.last_error);
  }
  CHECK(record::printable_endpoint(endpoint).find(secret) == std::string::npos);
  CHECK(!leaks(record::redact(std::string("x ") + secret + " " + user, config_for(endpoint))));

  // An incomplete configuration says what is missing, never the values.
  record::LrsConfig partial;
  partial.endpoint = "https://lrs.example.org/xapi";
  partial.password = secret;
  try {
    record::LrsClient c(partial);
    FAIL("an incomplete configuration was accepted");
  } catch (const record::LrsConfigError& e) {
    CHECK(std::string(e.what()).find("username") != std::string::npos);
    CHECK(!leaks(e.what()));
  }
}

TEST_CASE("the LRS configuration comes from lrs.conf and the environment - which wins") {
  test::ScratchDir dir;
  {
    std::ofstream f(dir.file("lrs.conf"));
    f << "# course LRS\nendpoint = https://lrs.example.org/xapi/\nusername = key\npassword = " << secret
      << "\nactivity_base = https://course.example.org/derm/\ntimeout_s = 3\n";
  }
  auto save = [](const char* n) { const char* v = std::getenv(n); return v ? std::optional<std::string>(v) : std::nullopt; };
  const char* names[] = {"DERMASIM_LRS_CONFIG", "DERMASIM_LRS_ENDPOINT", "DERMASIM_LRS_USERNAME", "DERMASIM_LRS_PASSWORD",
                         "DERMASIM_XAPI_ACTIVITY_BASE", "DERMASIM_XAPI_HOME_PAGE", "XDG_CONFIG_HOME"};
  std::vector<std::optional<std::string>> saved;
  for (const char* n : names) saved.push_back(save(n));
  for (const char* n : names) unsetenv(n);

  setenv("XDG_CONFIG_HOME", dir.path.c_str(), 1);
  CHECK(record::default_lrs_config_path() == dir.file("dermasim/lrs.conf"));
  CHECK(!record::load_lrs_config().configured());  // no file there, no variables: nothing is sent
  CHECK(record::load_lrs_config().problem().empty());

  setenv("DERMASIM_LRS_CONFIG", dir.file("lrs.conf").c_str(), 1);
  auto c = record::load_lrs_config();
  CHECK(c.configured());
  CHECK(c.endpoint == "https://lrs.example.org/xapi");
  CHECK(c.username == "key");
  CHECK(c.timeout_s == 3.0);
  CHECK(c.xapi.activity_base == "https://course.example.org/derm");
  setenv("DERMASIM_LRS_USERNAME", "other-key", 1);
  setenv("DERMASIM_LRS_ENDPOINT", "https://lrs2.example.org/xapi", 1);
  c = record::load_lrs_config();
  CHECK(c.username == "other-key");
  CHECK(c.endpoint == "https://lrs2.example.org/xapi");

  {
    std::ofstream f(dir.file("bad.conf"));
    f << "endpoint = https://x\n" << secret << "\n";
  }
  setenv("DERMASIM_LRS_CONFIG", dir.file("bad.conf").c_str(), 1);
  try {
    record::load_lrs_config();
    FAIL("a malformed file was accepted");
  } catch (const record::LrsConfigError& e) {
    CHECK(std::string(e.what()).find("bad.conf:2") != std::string::npos);
    CHECK(!leaks(e.what()));
  }
  for (std::size_t i = 0; i < std::size(names); ++i) {
    if (saved[i]) setenv(names[i], saved[i]->c_str(), 1); else unsetenv(names[i]);
  }
}

TEST_CASE("redact: a mask beside the text never spells the password again (fuzz_lrs_conf finding)") {
  record::LrsConfig c;
  c.endpoint = "https://lrs.example.org/xapi";
  c.username = "trainer";
  c.password = "sending with ***";
  // One pass turns "sending with sending with ***" into "sending with ***".
  const std::string shown = record::redact("sending with " + c.password, c);
  CHECK_MESSAGE(shown.find(c.password) == std::string::npos, shown);
  // A username that, once masked, completes the password.
  c.password = "x***";
  c.username = "yz";
  CHECK(record::redact("xyz", c).find(c.password) == std::string::npos);
  // A password the mask contains cannot be masked: the message is withheld.
  c.password = "*";
  const std::string withheld = record::redact("status *", c);
  CHECK(withheld.find('*') == std::string::npos);
  CHECK(withheld.find("withheld") != std::string::npos);
  // Nor does the withholding text spell one (fuzz_lrs_conf: password "tained").
  c.password = "tained";
  c.username = "**";
  const std::string withheld_again = record::redact("sending with tained", c);
  CHECK(withheld_again.find("tained") == std::string::npos);
  CHECK(withheld_again.find("**") == std::string::npos);
  // An ordinary message keeps its words.
  c.password = "hunter22";
  c.username = "yz";
  CHECK(record::redact("401 for hunter22 at trainer", c) == "401 for *** at trainer");
}
