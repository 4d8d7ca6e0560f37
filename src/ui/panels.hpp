#pragma once
// ImGui panels. Each draws from AppState, edits only presentation and hand
// controls in it, and reports anything else as a UiAction.
#include "ui/app_state.hpp"

namespace dermasim::ui {

/// Every panel for the current stage.
UiActions draw_ui(AppState& state);

void stage_bar(AppState& state, UiActions& actions);
void view_panel(AppState& state, UiActions& actions);
void gauges_panel(AppState& state);
void cue_banner(const AppState& state);
void help_panel(AppState& state);
// The scenario stages.
void library_panel(AppState& state, UiActions& actions);
void consultation_panel(AppState& state, UiActions& actions);
void plan_panel(AppState& state, UiActions& actions);
void procedure_panel(AppState& state, UiActions& actions);
void aftercare_panel(AppState& state, UiActions& actions);
void debrief_panel(AppState& state, UiActions& actions);
void progress_panel(AppState& state, UiActions& actions);
void instructor_panel(AppState& state, UiActions& actions);
void replay_panel(AppState& state, UiActions& actions);
/// The debrief's healing time-lapse (issue 13), beside the debrief.
void outcome_panel(AppState& state);
/// A grade's critical errors and criteria, every point lost explained.
void grade_criteria(const scenario::Grade& g);
// Course cases (issue 14): which visit it is, the skin the patient brings
// back, the return choice at a visit's end, the course's debrief.
void course_visit_line(const AppState& state);
void course_skin_panel(const AppState& state);
void course_return_panel(AppState& state, UiActions& actions);
void course_debrief_panel(AppState& state, UiActions& actions);

/// How long a cue stays lit after physics raised it.
inline constexpr double cue_flash_s = 0.8;

}  // namespace dermasim::ui
