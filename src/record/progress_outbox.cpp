// The progress database's xAPI outbox: statements wait here, in the order
// they were queued, until an LRS has accepted them.
#include "record/progress_db.hpp"
#include "record/utc_time.hpp"

namespace dermasim::record {

void ProgressDb::queue_statements(const std::string& attempt_uuid, const std::vector<XapiStatement>& statements,
                                  const std::string& created_utc) {
  Statement next(db_, "SELECT COALESCE(MAX(seq) + 1, 0) FROM xapi_outbox WHERE attempt_uuid = ?1");
  next.bind(1, attempt_uuid).step();
  std::int64_t seq = next.integer(0);
  Statement out(db_,
                "INSERT INTO xapi_outbox (statement_id, attempt_uuid, seq, verb, body, created_utc) "
                "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  for (const auto& st : statements) {
    out.reset();
    out.bind(1, st.id).bind(2, attempt_uuid).bind(3, seq++).bind(4, st.verb).bind(5, st.json).bind(6, created_utc).run();
  }
}

namespace {
std::vector<OutboxEntry> read_outbox(Statement& sel) {
  std::vector<OutboxEntry> out;
  while (sel.step()) {
    OutboxEntry e;
    e.statement_id = sel.text(0);
    e.attempt_uuid = sel.text(1);
    e.seq = static_cast<int>(sel.integer(2));
    e.verb = sel.text(3);
    e.body = sel.text(4);
    e.tries = static_cast<int>(sel.integer(5));
    e.last_error = sel.opt_text(6);
    e.sent_utc = sel.opt_text(7);
    out.push_back(std::move(e));
  }
  return out;
}
constexpr const char* outbox_columns =
    "SELECT statement_id, attempt_uuid, seq, verb, body, tries, last_error, sent_utc FROM xapi_outbox ";
}  // namespace

std::vector<OutboxEntry> ProgressDb::pending_statements() {
  // Insertion order keeps each attempt's initialized ... terminated in order.
  Statement sel(db_, std::string(outbox_columns) + "WHERE sent_utc IS NULL ORDER BY rowid");
  return read_outbox(sel);
}

std::vector<OutboxEntry> ProgressDb::statements(const std::string& attempt_uuid) {
  Statement sel(db_, std::string(outbox_columns) + "WHERE (?1 = '' OR attempt_uuid = ?1) ORDER BY rowid");
  sel.bind(1, attempt_uuid);
  return read_outbox(sel);
}

void ProgressDb::mark_statement_sent(const std::string& statement_id) {
  Statement upd(db_,
                "UPDATE xapi_outbox SET sent_utc = ?2, tries = tries + 1, last_error = NULL "
                "WHERE statement_id = ?1 AND sent_utc IS NULL");
  upd.bind(1, statement_id).bind(2, utc_now()).run();
}

void ProgressDb::mark_statement_failed(const std::string& statement_id, const std::string& error) {
  Statement upd(db_, "UPDATE xapi_outbox SET tries = tries + 1, last_error = ?2 WHERE statement_id = ?1");
  upd.bind(1, statement_id).bind(2, error).run();
}

}  // namespace dermasim::record
