// One needle's force model: Okamura 2004's phases, in SI units.
#include <doctest/doctest.h>

#include "physics/device.hpp"
#include "physics/needle_mechanics.hpp"
#include "tissue/body_site.hpp"

using namespace dermasim::physics;
using dermasim::tissue::Layer;

namespace {
LayerBottoms abdomen_bottoms() {
  return dermasim::tissue::site_layers(dermasim::tissue::BodySite::abdomen, {}).bottoms_mm();
}
const NeedleMechanics& mech() {
  static const NeedleMechanics m = NeedleMechanics::for_cartridge(cartridge(CartridgeKind::round_12));
  return m;
}
// Advances a needle in small steps to `advance_mm`, returning each step.
std::vector<NeedleStep> push(double advance_mm, double tension, int steps = 200) {
  std::vector<NeedleStep> out;
  NeedleState s;
  for (int i = 1; i <= steps; ++i) {
    out.push_back(evaluate_needle(s, advance_mm * i / steps, abdomen_bottoms(), tension, mech()));
    s = out.back().state;
  }
  return out;
}
}  // namespace

TEST_CASE("before puncture the surface tents like a nonlinear spring and the force rises") {
  const auto steps = push(0.3, 1.0);
  double previous = 0.0;
  for (const auto& s : steps) {
    if (s.state.phase != NeedlePhase::tenting) break;
    CHECK(s.state.force_n > previous);
    CHECK(s.state.depth_mm == 0.0);
    CHECK(s.state.tent_mm == doctest::Approx(s.state.advance_mm));
    previous = s.state.force_n;
  }
  // Nonlinear: doubling the deflection more than doubles the force.
  const NeedleState at = evaluate_needle({}, 0.1, abdomen_bottoms(), 1.0, mech()).state;
  const NeedleState at2 = evaluate_needle({}, 0.2, abdomen_bottoms(), 1.0, mech()).state;
  CHECK(at2.force_n > 2.0 * at.force_n);
}

TEST_CASE("the needle punctures at its puncture force - then the force drops and it cuts on") {
  const auto steps = push(1.0, 3.0);
  int puncture = -1;
  for (int i = 0; i < static_cast<int>(steps.size()); ++i)
    if (steps[static_cast<std::size_t>(i)].punctured) {
      puncture = i;
      break;
    }
  REQUIRE(puncture > 0);
  const auto& at = steps[static_cast<std::size_t>(puncture)];
  CHECK(at.peak_force_n == doctest::Approx(mech().layers[0].rupture_force_n));
  CHECK(at.state.force_n < at.peak_force_n);  // the drop
  CHECK(steps[static_cast<std::size_t>(puncture - 1)].state.force_n < mech().layers[0].rupture_force_n);
  // After the puncture the tip goes deeper as the needle advances.
  CHECK(steps.back().state.depth_mm > at.state.depth_mm);
  CHECK(steps.back().state.phase == NeedlePhase::inserted);
}

TEST_CASE("the tip enters the layers in order and never goes past the needle's advance") {
  const auto steps = push(2.8, 4.0, 400);
  std::vector<int> entered;
  for (const auto& s : steps) {
    for (int i = 0; i < dermasim::tissue::layer_count; ++i)
      if (s.entered_mask & (1 << i)) entered.push_back(i);
    CHECK(s.state.depth_mm <= s.state.advance_mm + 1e-12);
    CHECK(s.state.depth_mm >= 0.0);
  }
  CHECK(entered == std::vector<int>{0, 1, 2, 3, 4});
  CHECK(steps.back().state.deepest_layer == static_cast<std::uint8_t>(Layer::hypodermis));
}

TEST_CASE("shaft friction grows with the length inserted - less in fat") {
  const auto b = abdomen_bottoms();
  CHECK(shaft_friction_n(0.0, b, mech()) == 0.0);
  const double half = shaft_friction_n(0.5, b, mech());
  const double one = shaft_friction_n(1.0, b, mech());
  CHECK(one > half);
  const double in_fat = shaft_friction_n(b[3] + 1.0, b, mech()) - shaft_friction_n(b[3], b, mech());
  const double in_dermis = shaft_friction_n(1.5, b, mech()) - shaft_friction_n(0.5, b, mech());
  CHECK(in_fat < in_dermis);
}

TEST_CASE("withdrawing - the skin grips the shaft and the needle comes out") {
  auto steps = push(1.0, 3.0);
  NeedleState s = steps.back().state;
  const NeedleStep back = evaluate_needle(s, 0.5, abdomen_bottoms(), 3.0, mech());
  CHECK(back.state.force_n < 0.0);
  CHECK(back.state.depth_mm <= 0.5);
  const NeedleStep out = evaluate_needle(back.state, -0.1, abdomen_bottoms(), 3.0, mech());
  CHECK(out.withdrawn);
  CHECK(out.state.phase == NeedlePhase::out);
  CHECK(out.state.max_depth_mm == doctest::Approx(s.max_depth_mm));
}

TEST_CASE("taut skin and pressure stiffen the surface") {
  const NeedleMechanics& m = mech();
  CHECK(m.tension_factor(true, 1.0) > m.tension_factor(false, 1.0));
  CHECK(m.tension_factor(false, 3.0) > m.tension_factor(false, 1.0));
  CHECK(m.tension_factor(false, 0.0) == 1.0);
}
