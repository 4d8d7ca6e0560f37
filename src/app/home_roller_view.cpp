// The home roller a patient brings (issue 14, H1-H2): rolled on her own skin
// the standard way when the visit opens, and again as the trainee rolls it.
#include <algorithm>

#include "app/sim_app.hpp"
#include "scene/roller_image.hpp"

namespace dermasim::app {
namespace {

// The pictures, small enough to sit under the skin today in a 720 p window:
// the drum at 5.5 px per mm (an 18 mm drum about 100 px across), the holes
// over a 20 mm square at 7.5 px per mm (a 0.15 mm hole is a pixel).
constexpr double side_px_per_mm = 5.5, holes_span_mm = 20.0, holes_px_per_mm = 7.5;

}  // namespace

void SimulatorApp::show_home_roller(double needle_length_mm) {
  ui::RollerShown shown;
  shown.draft.needle_length_mm = needle_length_mm;
  state_.clinic.home_roller = shown;
  roll_home_roller(shown.draft, true);
}

void SimulatorApp::roll_home_roller(const physics::RollerTechnique& technique, bool hers) {
  ui::CaseState& c = state_.clinic;
  if (!c.home_roller || !c.scenario || !c.scenario->skin) throw scenario::FlowError("She has brought no home roller.");
  const tissue::SkinPatch& skin = *c.scenario->skin;
  physics::RollerTechnique t = technique;
  t.needle_length_mm = c.home_roller->draft.needle_length_mm;  // her roller's, whatever the controls say
  t.passes = std::clamp(t.passes, 1, physics::RollerTechnique::most_passes);
  t.force_n = std::clamp(t.force_n, 0.0, physics::RollerTechnique::most_force_n);
  t.center_x_mm = 0.5 * skin.width_mm();
  t.center_y_mm = 0.5 * skin.height_mm();
  ui::RollerShown& r = *c.home_roller;
  r.rolled = t;
  r.hers = hers;
  r.result = physics::roll(c.scenario->skin, t);
  r.side = scene::roller_side_view(physics::cartridge(physics::CartridgeKind::home_roller_192), t.needle_length_mm,
                                   side_px_per_mm);
  r.holes = scene::roller_holes_view(r.result, t, holes_span_mm, holes_px_per_mm);
}

}  // namespace dermasim::app
