#pragma once
// Storing a recorded attempt: grade the recording against its scenario and
// record it as one finished attempt. The attempt's UUID is name-based on the
// recording's bytes and the trainee, so adding the same recording twice (a
// retried script, a second import) stores it once.
#include <string>
#include <vector>

#include "record/progress_db.hpp"
#include "record/recording.hpp"
#include "scenario/scenario.hpp"

namespace dermasim::record {

struct StoredRecording {
  std::string attempt_uuid;
  bool added = false;  // false: it was already in the database
  scenario::Grade grade;
};

/// `recording_bytes` are the file's bytes (for the UUID); `trainee` empty uses
/// the recording's own. Throws std::invalid_argument when the recording is of
/// another scenario.
StoredRecording store_recording(ProgressDb& db, const Recording& rec, const std::string& recording_bytes,
                                const scenario::Scenario& s, const std::string& recording_path,
                                const std::string& trainee = {});

/// The statements the attempt would produce, without a database (for
/// `records statements --session` and the validator test).
std::vector<XapiStatement> recording_statements(const Recording& rec, const std::string& recording_bytes,
                                                const scenario::Scenario& s, const XapiSettings& xapi,
                                                const std::string& trainee = {});

}  // namespace dermasim::record
