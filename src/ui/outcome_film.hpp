#pragma once
// The debrief's time-lapse of healing: the treated patch at chosen days, the
// cutaway across a mark, and the readouts to plot. Plain data, built once
// when the debrief opens (app/outcome_film.cpp), drawn by panels_outcome.cpp.
#include <string>
#include <vector>

#include "scene/outcome_image.hpp"
#include "tissue/healing_model.hpp"

namespace dermasim::ui {

struct OutcomeFrame {
  tissue::OutcomeState state;
  scene::Pixels top;      // the patch from above
  scene::Pixels cutaway;  // across the first mark
};

struct OutcomeFilm {
  int sessions = 1;
  double interval_days = 0.0;
  scene::Pixels before;
  std::vector<OutcomeFrame> frames;         // the time-lapse days (0, 1, 3, 7, 28, 84)
  std::vector<tissue::OutcomeState> curve;  // weekly, for the improvement plot
  std::vector<tissue::Complication> complications;
  std::string problem;  // why there is no film (nothing treated), shown instead
  // What the panel shows now.
  int frame = 0;
  bool playing = false;
  double shown_s = 0.0;  // how long the current frame has been shown while playing
};

}  // namespace dermasim::ui
