#pragma once
// The attempts as CSV (RFC 4180): one row per attempt, for course tooling and
// spreadsheets.
#include <string>
#include <vector>

#include "record/progress_db.hpp"

namespace dermasim::record {

/// A field quoted when it holds a comma, quote, CR or LF (quotes doubled),
/// or leading/trailing spaces that a reader would otherwise trim.
std::string csv_field(const std::string& v);

/// Header plus one CRLF-terminated row per attempt. Columns: attempt_uuid,
/// trainee, scenario_id, scenario_hash, started_utc, ended_utc, duration_s,
/// status, total, passed (effective, after overrides), graded_total,
/// graded_passed, one <criterion>_score per criterion (empty when it did not
/// apply), critical_errors ("kind: message" joined by "; "), overridden,
/// override_total, override_passed, override_instructor, override_utc,
/// override_reason (the latest), override_count, recording_path.
std::string attempts_csv(const std::vector<AttemptRecord>& attempts);

}  // namespace dermasim::record
