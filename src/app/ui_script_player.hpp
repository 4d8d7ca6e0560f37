#pragma once
// Plays trainee scripts through the simulator the way the panels do (the same
// UiActions, the same stage checks): `dermasim screenshot --ui` and the GUI
// tests reach a stage of a case, or a visit of a course case, this way.
#include "app/sim_app.hpp"
#include "scenario/course_script.hpp"
#include "scenario/script.hpp"

namespace dermasim::app {

/// Plays `t` on the open case up to `stop`, running at most `procedure_s` of
/// the procedure when `stop` is the procedure. Throws std::runtime_error
/// with the app's message when a step is refused.
void play_script_in_app(SimulatorApp& app, const scenario::TraineeScript& t, ui::Stage stop, double procedure_s);

/// Plays the visits of a course script on the open course case, each to its
/// debrief and its return choice, up to visit `stop_visit` (1-based), which is
/// played up to `stop`; `stop_visit` past the last visit plays the whole
/// course to its debrief.
void play_course_in_app(SimulatorApp& app, const scenario::CourseScript& script, int stop_visit, ui::Stage stop,
                        double procedure_s);

}  // namespace dermasim::app
