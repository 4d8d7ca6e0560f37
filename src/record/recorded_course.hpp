#pragma once
// Storing a treatment course attempt (issue 14): a course's grade and its
// course recording become one attempt (one UUID, the xAPI registration) with
// every visit as a child row. The UUID is name-based on the recording's bytes
// and the trainee, so storing the same course twice (`records add` again, the
// GUI and then a script) stores it once.
#include <memory>
#include <string>
#include <vector>

#include "record/course_recording.hpp"
#include "record/progress_db.hpp"
#include "scenario/course_attempt.hpp"

namespace dermasim::record {

/// Plays a course again from its recording: each visit's recorded answers
/// and commands, on the case as the skin made it that day. Throws
/// RecordError naming `name` when the course goes on past the last visit.
scenario::PlayedCourse play_recorded_course(const std::shared_ptr<const scenario::Scenario>& s,
                                            const CourseRecording& rec, const std::string& name);

struct StoredCourseAttempt {
  std::string attempt_uuid;
  bool added = false;  // false: it was already in the database
};

/// The attempt as the database holds it once stored (no database needed):
/// what store_course_attempt writes and course_attempt_statements tells.
/// `trainee` empty uses the recording's own. Throws std::invalid_argument for
/// a grade and recording that do not belong together or name no trainee.
AttemptRecord course_attempt_record(const scenario::CourseGrade& grade, const CourseRecording& rec,
                                    const std::string& recording_path, const std::string& trainee = {});

/// Stores a finished (or, when a visit was interrupted, interrupted) course:
/// the course total, verdict, `series` and `outcome`, and every visit's
/// grade, screening decision and return interval, with the course's xAPI
/// statements queued in the same transaction. What `records add` and the
/// simulator's course flow call at the end of a course.
StoredCourseAttempt store_course_attempt(ProgressDb& db, const scenario::CourseGrade& grade,
                                         const CourseRecording& rec, const std::string& recording_path,
                                         const std::string& trainee = {});

/// The statements the stored course would queue, without a database
/// (`records statements --session` on a course recording).
std::vector<XapiStatement> course_attempt_statements(const scenario::CourseGrade& grade, const CourseRecording& rec,
                                                     const XapiSettings& xapi, const std::string& trainee = {});

}  // namespace dermasim::record
