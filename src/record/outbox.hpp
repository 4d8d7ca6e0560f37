#pragma once
// Delivering the xAPI outbox: oldest first, each statement marked sent only
// after the LRS accepted it. A statement whose delivery was not confirmed
// stays and is sent again later with the same id, which the LRS treats as the
// same statement: never lost, never duplicated.
#include <string>

#include "record/lrs_client.hpp"
#include "record/progress_db.hpp"

namespace dermasim::record {

struct SyncReport {
  int sent = 0;
  int rejected = 0;   // refused by the LRS this time; still in the outbox
  int remaining = 0;  // not yet delivered after this run
  bool stopped = false;  // the LRS was unavailable; the rest waits
  std::string last_error;  // redacted by the sender
};

SyncReport sync_outbox(ProgressDb& db, StatementSender& sender);

}  // namespace dermasim::record
