#pragma once
// A course recording (issue 14): every visit's recording (answers and pen
// commands, each checksummed as a single recording is) and when the patient
// was to come back, in one file with its own checksum. The format is in the
// README (Course cases).
#include <optional>
#include <string>
#include <vector>

#include "record/recording.hpp"

namespace dermasim::record {

struct RecordedVisit {
  Recording attempt;
  std::optional<double> return_in_weeks;  // empty: the course ended after this visit
};

struct CourseRecording {
  std::vector<RecordedVisit> visits;
  double course_total = 0.0;  // the course grade when it was recorded (replay --verify compares)
  bool course_passed = false;
};

/// Empty when every visit of `r` is of the case `scenario_id`; else what is
/// wrong, naming the first visit of another case ("visit 2 is of scenario
/// 'a', not 'b'"). One check for grade, replay, records add and storage.
std::string visit_of_other_case(const CourseRecording& r, const std::string& scenario_id);

/// Whether `bytes` start as a course recording does.
bool is_course_recording(const std::string& bytes);

std::string encode_course_recording(const CourseRecording& r);
/// Throws RecordError naming `name` and the byte where the file is wrong.
CourseRecording decode_course_recording(const std::string& bytes, const std::string& name);

void write_course_recording(const CourseRecording& r, const std::string& path);
CourseRecording read_course_recording(const std::string& path);

}  // namespace dermasim::record
