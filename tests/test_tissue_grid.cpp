// The tissue state grid and coverage figures.
#include <doctest/doctest.h>

#include <cmath>

#include "tissue/coverage.hpp"
#include "tissue/default_case.hpp"
#include "tissue/tissue_grid.hpp"

using namespace dermasim::tissue;

TEST_CASE("the grid resolves 0.25 mm and ignores points off the patch") {
  TissueGrid g(120, 80);
  CHECK(g.nx() == 480);
  CHECK(g.ny() == 320);
  CHECK(TissueGrid::cell_mm <= 0.25);
  CHECK(g.cell_at(-0.1, 10) == -1);
  CHECK(g.cell_at(10, 80.0) == -1);
  CHECK_FALSE(g.record_puncture(130, 10, 0.5, Layer::reticular_dermis, 0));
  CHECK(g.total_punctures() == 0);
  CHECK(g.cell_at(0.3, 0.1) == 1);
}

TEST_CASE("a puncture records count - depth and layer - bleeding only from the papillary dermis down (P5)") {
  TissueGrid g(120, 80);
  REQUIRE(g.record_puncture(10, 10, 0.10, Layer::viable_epidermis, 0));
  const int epidermal = g.cell_at(10, 10);
  CHECK(g.punctures(epidermal) == 1);
  CHECK(g.deepest_layer(epidermal) == Layer::viable_epidermis);
  CHECK(g.bleeding(epidermal, 0) == 0.0);
  CHECK(g.erythema(epidermal, 0) > 0.0);  // redness alone: epidermal depth

  g.record_puncture(20, 20, 0.6, Layer::reticular_dermis, 0);
  g.record_puncture(20, 20, 0.3, Layer::papillary_dermis, 0);
  const int dermal = g.cell_at(20, 20);
  CHECK(g.punctures(dermal) == 2);
  CHECK(g.deepest_mm(dermal) == doctest::Approx(0.6));
  CHECK(g.deepest_layer(dermal) == Layer::reticular_dermis);
  CHECK(g.bleeding(dermal, 0) > 0.5);
  // Pinpoint bleeding stops within minutes.
  CHECK(g.bleeding(dermal, 1800) < 0.01);
}

TEST_CASE("erythema builds with punctures and fades over hours (E1)") {
  TissueGrid g(120, 80);
  const int c = g.cell_at(50, 50);
  g.record_puncture(50, 50, 0.5, Layer::papillary_dermis, 0);
  const double one = g.erythema(c, 0);
  for (int i = 0; i < 5; ++i) g.record_puncture(50.3, 50.2, 0.5, Layer::papillary_dermis, 0);
  const double six = g.erythema(c, 0);
  CHECK(six > one);
  CHECK(six < 1.0);
  CHECK(g.erythema(c, 3600) < six);
  CHECK(g.erythema(c, 3600) > 0.2 * six);    // still red an hour later
  CHECK(g.erythema(c, 24 * 3600) < 0.05);    // gone by the next day
}

TEST_CASE("coverage finds the density - the marks reached and over-treated spots") {
  const SkinPatch patch(postpartum_abdomen_spec());
  TissueGrid g(patch.width_mm(), patch.height_mm());
  // 3 punctures per mm2 = 300 per cm2 over mark 1, evenly: a row every
  // 0.25 mm (each row of cells), one puncture every 4/3 mm along it.
  const auto& m = patch.marks()[1];
  for (double y = m.center_y_mm - 10 + 0.125; y < m.center_y_mm + 10; y += 0.25)
    for (double x = m.center_x_mm - 40 + std::fmod(y * 7.0, 4.0 / 3.0); x < m.center_x_mm + 40; x += 4.0 / 3.0)
      g.record_puncture(x, y, 0.8, Layer::reticular_dermis, 0);
  CoverageTarget target;
  const DensityMap density(g, target.window_mm);
  const int centre = g.cell_at(m.center_x_mm, m.center_y_mm);
  CHECK(density.per_cm2(centre) == doctest::Approx(300).epsilon(0.1));

  auto report = coverage_report(g, patch, target);
  CHECK(report.marks[1].fraction_at_target > 0.95);
  CHECK(report.marks[1].uniformity_cv < 0.15);
  CHECK(report.marks[4].fraction_at_target == 0.0);
  CHECK(report.over_treated_cells == 0);
  CHECK(report.punctures_outside_marks > 0);
  // Mark 1's own punctures, per cm2 of it: the 300 laid over it.
  CHECK(report.marks[1].density_per_cm2 == doctest::Approx(300).epsilon(0.1));

  // A stamp that stays in one place over-treats it (over 12000 per cm2 in the 3 mm window).
  for (int i = 0; i < 1500; ++i) g.record_puncture(100, 70, 0.8, Layer::reticular_dermis, 0);
  report = coverage_report(g, patch, target);
  CHECK(report.over_treated_cells > 0);
}

TEST_CASE("the grid hash changes with any puncture and returns after clear") {
  TissueGrid g(120, 80);
  const auto empty = g.hash();
  g.record_puncture(30, 30, 0.5, Layer::papillary_dermis, 1.0);
  CHECK(g.hash() != empty);
  g.clear();
  CHECK(g.hash() == empty);
}
