#pragma once
// The journal of an attempt in progress: the answers so far and every pen
// command, appended once per frame with a plain write(), so a killed program
// leaves everything up to its last frame in the file (the kernel keeps what
// was written). A finished attempt becomes a recording and its journal is
// removed; a journal found at start-up is an interrupted attempt.
#include <cstdio>
#include <string>
#include <vector>

#include "record/recording.hpp"

namespace dermasim::record {

class RecordingJournal {
 public:
  /// Starts `path` with the attempt's identity and answers in `header`
  /// (its commands are ignored). Throws RecordError.
  RecordingJournal(const std::string& path, const Recording& header);
  ~RecordingJournal();
  RecordingJournal(const RecordingJournal&) = delete;
  RecordingJournal& operator=(const RecordingJournal&) = delete;

  /// Appends commands[from..] (the ones not yet written). Throws RecordError.
  void append(const std::vector<physics::PenCommand>& commands);
  /// Closes and deletes the journal once the finished recording is safe.
  void discard();
  const std::string& path() const { return path_; }

 private:
  std::string path_;
  std::FILE* file_ = nullptr;
  std::size_t written_ = 0;  // commands in the file
  std::size_t bytes_ = 0;    // its length after the last whole frame
};

/// Reads a journal left by an interrupted attempt: a Recording with
/// completed = false and every whole command (a torn last record is dropped).
/// Throws RecordError for a file that is not a journal.
Recording recover_journal(const std::string& path);
/// The same from the journal's bytes; `name` names it in messages.
Recording decode_journal(const std::string& bytes, const std::string& name);

}  // namespace dermasim::record
