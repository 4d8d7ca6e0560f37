#pragma once
// The home roller a patient brings (H1-H2) on screen: the device, what her
// rolling leaves in her skin, and the trainee's own demonstration of it.
// Plain data; app/home_roller_view.cpp fills it.
#include "physics/roller_passes.hpp"
#include "scene/outcome_image.hpp"

namespace dermasim::ui {

/// Measurements only, never a verdict, and not graded: what to tell her
/// about it is the trainee's to decide.
struct RollerShown {
  physics::RollerTechnique rolled;  // what `result` was rolled with
  physics::RollerTechnique draft;   // the demonstration's controls
  bool hers = true;                 // `result` is her roller rolled the standard way
  physics::RollerResult result;
  scene::Pixels side;
  scene::Pixels holes;
};

}  // namespace dermasim::ui
