#pragma once
// Session recordings: which scenario (and its exact text), the trainee's
// answers, and every quantized pen command at the physics rate. The format is
// documented in the README (Session recordings).
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "physics/pen_command.hpp"
#include "scenario/answers.hpp"

namespace dermasim::record {

struct Recording {
  std::string scenario_id;
  std::string scenario_hash;  // content_hash of the scenario file the attempt used
  std::string scenario_file;
  std::string trainee;
  std::string started_utc;    // ISO 8601
  bool completed = true;      // false: interrupted, kept up to its last step
  scenario::Answers answers;
  std::vector<physics::PenCommand> commands;  // quantized, one per 1 kHz step
  std::uint64_t final_state_hash = 0;
  double grade_total = 0.0;
  bool passed = false;
};

/// A file that is not a recording, or is damaged: the message names the file
/// and, where it applies, the byte offset.
struct RecordError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// Writes `bytes` to `path` through `path`.partial and a rename, so a failed
/// write leaves no partial file and the earlier file stands. Throws RecordError
/// naming `what` ("recording").
void write_file_atomically(const std::string& bytes, const std::string& path, const std::string& what);
/// Writes atomically (to a temporary file, then renamed). Throws RecordError.
void write_recording(const Recording& r, const std::string& path);
/// Throws RecordError for a missing, foreign, truncated or corrupted file.
Recording read_recording(const std::string& path);

/// The byte encoding, exposed for tests.
std::string encode_recording(const Recording& r);
Recording decode_recording(const std::string& bytes, const std::string& name);

std::string utc_now_iso8601();

}  // namespace dermasim::record
