// Layer thicknesses, patient adjustment and stretch marks against
// docs/SOURCES.md.
#include <doctest/doctest.h>

#include <stdexcept>

#include "tissue/body_site.hpp"
#include "tissue/default_case.hpp"
#include "tissue/skin_patch.hpp"

using namespace dermasim::tissue;

TEST_CASE("every site's strata sit inside the published ranges") {
  for (BodySite site : all_body_sites()) {
    CAPTURE(site_name(site));
    const LayerThickness t = site_layers(site, {});
    CHECK(t.stratum_corneum_mm >= 0.010);
    CHECK(t.stratum_corneum_mm <= 0.015);
    CHECK(t.viable_epidermis_mm >= 0.0769);  // Oltulu 2018: 76.9-267 um
    CHECK(t.viable_epidermis_mm <= 0.267);
    CHECK(t.papillary_dermis_mm >= 0.1);
    CHECK(t.papillary_dermis_mm <= 0.3);
    CHECK(t.reticular_dermis_mm > t.papillary_dermis_mm);
    CHECK(t.skin_mm() >= 1.07);  // second ultrasound study: 1.07-3.82 mm
    CHECK(t.skin_mm() <= 3.82);
    CHECK(t.hypodermis_mm > 5.0);
  }
}

TEST_CASE("measured sites reproduce Gibney 2010 skin and fat thickness") {
  struct Row {
    BodySite site;
    double skin_mm, fat_mm;
  };
  for (const Row& row : {Row{BodySite::upper_arm, 2.2, 10.8}, Row{BodySite::thigh, 1.9, 10.4},
                         Row{BodySite::abdomen, 2.2, 13.9}, Row{BodySite::buttock, 2.4, 15.4}}) {
    const LayerThickness t = site_layers(row.site, {Sex::unspecified, PatientBuild::reference_bmi_kg_m2});
    CHECK(t.skin_mm() == doctest::Approx(row.skin_mm).epsilon(1e-9));
    CHECK(t.hypodermis_mm == doctest::Approx(row.fat_mm).epsilon(1e-9));
  }
}

TEST_CASE("sex and BMI change fat and skin as Gibney 2010 reports") {
  const auto female = site_layers(BodySite::abdomen, {Sex::female, 25.0});
  const auto male = site_layers(BodySite::abdomen, {Sex::male, 25.0});
  CHECK(female.hypodermis_mm - male.hypodermis_mm == doctest::Approx(5.1));
  const auto heavier = site_layers(BodySite::abdomen, {Sex::female, 35.0});
  CHECK(heavier.hypodermis_mm - female.hypodermis_mm == doctest::Approx(4.0));
  CHECK(heavier.skin_mm() - female.skin_mm() == doctest::Approx(0.2));
}

TEST_CASE("layer_at_depth walks the strata in order") {
  const LayerThickness t = site_layers(BodySite::abdomen, {});
  const auto b = t.bottoms_mm();
  CHECK(t.layer_at_depth(0.0) == Layer::none);
  CHECK(t.layer_at_depth(0.005) == Layer::stratum_corneum);
  CHECK(t.layer_at_depth(b[0] + 0.01) == Layer::viable_epidermis);
  CHECK(t.layer_at_depth(b[1] + 0.01) == Layer::papillary_dermis);
  CHECK(t.layer_at_depth(b[2] + 0.01) == Layer::reticular_dermis);
  CHECK(t.layer_at_depth(b[3] + 0.01) == Layer::hypodermis);
  CHECK(b[4] == doctest::Approx(t.total_mm()));
}

TEST_CASE("a stretch mark thins the dermis into the published 0.35-1.33 mm and flattens the epidermis") {
  for (BodySite site : all_body_sites()) {
    const LayerThickness normal = site_layers(site, {});
    for (double severity : {0.0, 0.3, 0.6, 1.0})
      for (StriaType type : {StriaType::rubra, StriaType::alba}) {
        CAPTURE(site_name(site));
        CAPTURE(severity);
        const StretchMark mark{50, 40, 0, 40, 5, type, severity};
        const StriaEffect e = stria_effect(mark, normal);
        CHECK(e.dermis_mm >= 0.35);
        CHECK(e.dermis_mm <= 1.33);
        CHECK(e.dermis_mm < normal.dermis_mm());
        CHECK(e.viable_epidermis_mm <= normal.viable_epidermis_mm);
        CHECK(e.viable_epidermis_mm >= 0.0769 * 0.6);
      }
  }
  const LayerThickness normal = site_layers(BodySite::thigh, {});
  const auto mild = stria_effect({50, 40, 0, 40, 5, StriaType::alba, 0.2}, normal);
  const auto severe = stria_effect({50, 40, 0, 40, 5, StriaType::alba, 0.9}, normal);
  CHECK(severe.dermis_mm < mild.dermis_mm);
  CHECK(severe.depression_mm > mild.depression_mm);
}

TEST_CASE("rubra is red-purple and raised or flat - alba is pale and depressed") {
  const LayerThickness normal = site_layers(BodySite::abdomen, {});
  const auto rubra = stria_effect({50, 40, 0, 40, 5, StriaType::rubra, 0.5}, normal);
  const auto alba = stria_effect({50, 40, 0, 40, 5, StriaType::alba, 0.5}, normal);
  CHECK(rubra.colour.r > rubra.colour.g + 0.2);  // red dominates
  CHECK(alba.colour.g > 0.75);                   // pale: all channels high
  CHECK(alba.colour.b > 0.75);
  CHECK(rubra.depression_mm <= 0.0);
  CHECK(alba.depression_mm > 0.0);
}

TEST_CASE("a mark's influence is a spindle: full on its axis - none beyond its edges and ends") {
  const StretchMark m{60, 40, 30, 50, 6, StriaType::alba, 0.5};
  CHECK(m.influence(60, 40) == doctest::Approx(1.0));
  // 20 mm along the axis (0.8 of the half length) the band is narrower.
  const double ax = 60 + 20 * 0.8660254, ay = 40 + 20 * 0.5;
  CHECK(m.influence(ax, ay) == doctest::Approx(1.0));
  const double nx = -0.5, ny = 0.8660254;  // across the axis
  CHECK(m.influence(60 + 2.0 * nx, 40 + 2.0 * ny) > 0.5);
  CHECK(m.influence(60 + 3.1 * nx, 40 + 3.1 * ny) == 0.0);
  CHECK(m.influence(ax + 2.0 * nx, ay + 2.0 * ny) == 0.0);  // the spindle has narrowed here
  CHECK(m.influence(60 + 26 * 0.8660254, 40 + 26 * 0.5) == 0.0);
}

TEST_CASE("the patch looks up the tissue under a mark and beside it") {
  const SkinPatch patch(postpartum_abdomen_spec());
  const auto& m = patch.marks()[1];
  const LocalTissue inside = patch.at(m.center_x_mm, m.center_y_mm);
  const LocalTissue beside = patch.at(m.center_x_mm, m.center_y_mm + 6.5);
  CHECK(inside.stria_index == 1);
  CHECK(inside.layers.dermis_mm() < beside.layers.dermis_mm());
  CHECK(beside.stria_index == -1);
  CHECK(beside.layers.dermis_mm() == doctest::Approx(patch.normal_layers().dermis_mm()));
}

TEST_CASE("an invalid patch is rejected naming every problem") {
  PatchSpec spec;
  spec.width_mm = 5.0;
  spec.marks.push_back({500, 40, 0, 40, 50, StriaType::rubra, 1.5});
  const auto problems = spec.problems();
  CHECK(problems.size() >= 4);
  CHECK_THROWS_AS(SkinPatch{spec}, std::invalid_argument);
  try {
    SkinPatch patch{spec};
  } catch (const std::invalid_argument& e) {
    const std::string what = e.what();
    CHECK(what.find("width_mm") != std::string::npos);
    CHECK(what.find("severity") != std::string::npos);
    CHECK(what.find("off the patch") != std::string::npos);
  }
}
