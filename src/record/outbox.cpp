#include "record/outbox.hpp"

namespace dermasim::record {

SyncReport sync_outbox(ProgressDb& db, StatementSender& sender) {
  SyncReport report;
  for (const auto& e : db.pending_statements()) {
    const SendResult r = sender.put_statement(e.statement_id, e.body);
    if (r.outcome == SendResult::Outcome::delivered) {
      db.mark_statement_sent(e.statement_id);
      ++report.sent;
      continue;
    }
    db.mark_statement_failed(e.statement_id, r.detail);
    report.last_error = r.detail;
    if (r.outcome == SendResult::Outcome::rejected) {
      ++report.rejected;
      continue;
    }
    // Unreachable or failing LRS: stop, so statements keep their order and
    // one outage does not cost a timeout per statement.
    report.stopped = true;
    break;
  }
  report.remaining = static_cast<int>(db.pending_statements().size());
  return report;
}

}  // namespace dermasim::record
