#pragma once
// The case library: every scenario file in a folder, with the trainee's
// attempts and best score on each, and the course plans that order them.
#include <string>
#include <vector>

#include "record/progress_db.hpp"
#include "ui/case_state.hpp"

namespace dermasim::app {

/// The `.yaml` files of `dir`, sorted; a file that does not load is listed
/// with its first problem. `attempts` are the trainee's (completed ones count).
std::vector<ui::LibraryEntry> scan_case_library(const std::string& dir, const std::vector<record::AttemptRecord>& attempts);

/// The course plans: `pinned` alone when given, else every `.yaml` of
/// `course_dir`, sorted. Each case's standing is the trainee's in `db`
/// (record::course_access); with no database (records off) nothing has been
/// passed, so only the cases without prerequisites are open. Titles come from
/// `library` (scan_case_library of `scenario_dir`).
std::vector<ui::CoursePlanView> scan_course_plans(const std::string& course_dir, const std::string& pinned,
                                                  const std::string& scenario_dir,
                                                  const std::vector<ui::LibraryEntry>& library, record::ProgressDb* db,
                                                  const std::string& trainee);

}  // namespace dermasim::app
