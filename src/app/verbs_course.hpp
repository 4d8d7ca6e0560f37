#pragma once
// simulate, grade and replay for course cases (issue 14): the scenario verbs
// hand a course script or a course recording to these.
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "scenario/scenario.hpp"

namespace dermasim::app {

/// Whether the file at `path` is a course script / a course recording.
bool is_course_script_file(const std::string& path);
bool is_course_recording_file(const std::string& path);

int simulate_course(const std::shared_ptr<const scenario::Scenario>& s, const std::string& scenario_path,
                    const std::string& script_path, const std::string& out_path);
int grade_course_recording(const std::shared_ptr<const scenario::Scenario>& s, const std::string& session_path,
                           std::span<const std::string_view> args);
int replay_course_recording(const std::string& session_path, std::span<const std::string_view> args);

}  // namespace dermasim::app
