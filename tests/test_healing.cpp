// The healing model on synthetic injuries: phases, depth, spacing, acute
// response, mark recovery, complications, exactness and determinism.
#include <doctest/doctest.h>

#include <cmath>

#include "healing_helpers.hpp"
#include "tissue/healing_params.hpp"
#include "tissue/healing_series.hpp"

using namespace dermasim;
using namespace dermasim::test;

namespace {
constexpr double target_per_cm2 = 2500.0;  // a brisk professional pass: well above the 250/cm2 target
constexpr double pen_depth_mm = 0.9;       // a 1.0-1.25 mm setting as buried
}  // namespace

TEST_CASE("epidermis-only injuries induce no collagen - dermal ones do (P2)") {
  auto patch = healing_patch();
  const double epidermis = patch->normal_layers().epidermis_mm();
  auto shallow = course_after(patch, session_of(uniform_injury(*patch, 0.8 * epidermis, target_per_cm2)), 3, 35, 84);
  auto nick = course_after(patch, session_of(uniform_injury(*patch, epidermis + 0.05, target_per_cm2)), 3, 35, 84);
  auto dermal = course_after(patch, session_of(uniform_injury(*patch, pen_depth_mm, target_per_cm2)), 3, 35, 84);
  CHECK(shallow.state().collagen_index == doctest::Approx(1.0));
  CHECK(nick.state().collagen_index == doctest::Approx(1.0));  // within the first 0.1 mm of the dermis
  CHECK(dermal.state().collagen_index > 1.2);
  CHECK(shallow.state().marks[0].improvement_percent == doctest::Approx(0.0));
}

TEST_CASE("deeper and denser dermal injury does more - up to saturation (H1)") {
  auto patch = healing_patch();
  auto at = [&](double depth, double density) {
    return course_after(patch, session_of(uniform_injury(*patch, depth, density)), 3, 35, 84).state().marks[0].improvement_percent;
  };
  CHECK(at(0.35, target_per_cm2) < at(0.6, target_per_cm2));
  CHECK(at(0.6, target_per_cm2) < at(1.1, target_per_cm2));
  CHECK(at(pen_depth_mm, 60.0) < at(pen_depth_mm, 250.0));
  // Past the target density the response saturates.
  CHECK(at(pen_depth_mm, 5000.0) == doctest::Approx(at(pen_depth_mm, 2500.0)).epsilon(0.02));
}

TEST_CASE("wound-healing phases: inflammation - then collagen III - remodelled into collagen I") {
  auto patch = healing_patch();
  tissue::HealingCourse c(patch, {}, 1);
  c.apply_session(session_of(uniform_injury(*patch, pen_depth_mm, target_per_cm2)));
  c.advance_days(3.0);
  const double day3 = c.state().collagen_index - 1.0;
  c.advance_days(53.0);  // 8 weeks: end of proliferation
  const auto week8 = c.state();
  c.advance_days(365.0 - 56.0);
  const auto year = c.state();
  CHECK(day3 < 0.1 * (week8.collagen_index - 1.0));  // little collagen during inflammation
  CHECK(week8.collagen3_share > 0.5);               // mostly type III at the end of proliferation
  CHECK(year.collagen3_share < 0.1);                // replaced by type I within a year
  CHECK(year.collagen_index > week8.collagen_index);
}

TEST_CASE("advancing is exact: the state depends on the days - not on how they were split") {
  auto patch = healing_patch();
  auto map = uniform_injury(*patch, pen_depth_mm, target_per_cm2);
  tissue::HealingCourse a(patch, {}, 5), b(patch, {}, 5);
  a.apply_session(session_of(map));
  b.apply_session(session_of(map));
  a.advance_days(40.0);
  for (int i = 0; i < 40; ++i) b.advance_days(1.0);
  CHECK(a.state().collagen_index == doctest::Approx(b.state().collagen_index).epsilon(1e-9));
  CHECK(a.state().erythema_mean == doctest::Approx(b.state().erythema_mean).epsilon(1e-9));
  CHECK(a.state().marks[0].improvement_percent == doctest::Approx(b.state().marks[0].improvement_percent).epsilon(1e-9));
}

TEST_CASE("redness fades within hours - swelling in a day or two - heavy treatment lasts up to a week (E1 - E3)") {
  auto patch = healing_patch();
  tissue::HealingCourse good(patch, {}, 1), heavy(patch, {}, 1);
  good.apply_session(session_of(uniform_injury(*patch, pen_depth_mm, target_per_cm2)));
  heavy.apply_session(session_of(uniform_injury(*patch, pen_depth_mm, 20000.0)));
  const double e0 = good.state().erythema_mean;
  const double o_peak = good.state().oedema_mean;
  CHECK(e0 > 0.8);
  good.advance_days(0.25);
  heavy.advance_days(0.25);
  CHECK(good.state().erythema_mean < 0.6 * e0);  // within hours
  good.advance_days(1.75);
  heavy.advance_days(1.75);
  CHECK(good.state().oedema_mean < 0.2 * o_peak);  // swelling a day or two
  good.advance_days(5.0);
  heavy.advance_days(5.0);
  CHECK(good.state().erythema_mean < 0.02);
  CHECK(heavy.state().erythema_mean > 0.05);  // still visible at day 7 (E3)
}

TEST_CASE("pinpoint bleeding crusts and sheds within days (P5)") {
  auto patch = healing_patch();
  tissue::HealingCourse c(patch, {}, 1);
  c.apply_session(session_of(uniform_injury(*patch, pen_depth_mm, target_per_cm2)));
  CHECK(c.state().crust_mean == doctest::Approx(0.0));
  c.advance_days(1.0);
  const double day1 = c.state().crust_mean;
  CHECK(day1 > 0.3);
  c.advance_days(9.0);
  CHECK(c.state().crust_mean < 0.1 * day1);
}

TEST_CASE("sessions a week apart do worse than 4-6 weeks apart (S1)") {
  auto patch = healing_patch();
  auto s = session_of(uniform_injury(*patch, pen_depth_mm, target_per_cm2));
  const double weekly = course_after(patch, s, 4, 7.0, 84.0).state().marks[0].improvement_percent;
  const double monthly = course_after(patch, s, 4, 35.0, 84.0).state().marks[0].improvement_percent;
  const double six_weeks = course_after(patch, s, 4, 42.0, 84.0).state().marks[0].improvement_percent;
  CHECK(weekly + 5.0 < monthly);
  CHECK(six_weeks >= monthly - 1.0);
}

TEST_CASE("rubra responds better than alba - mild better than deep (C3 - C2) - the dermis thickens toward normal") {
  auto result = [](tissue::StriaType type, double severity) {
    auto patch = healing_patch(type, severity);
    return course_after(patch, session_of(uniform_injury(*patch, pen_depth_mm, target_per_cm2)), 4, 35, 84).state().marks[0];
  };
  const auto rubra = result(tissue::StriaType::rubra, 0.3), alba = result(tissue::StriaType::alba, 0.3);
  const auto deep = result(tissue::StriaType::rubra, 0.9);
  CHECK(rubra.improvement_percent > alba.improvement_percent + 5.0);
  CHECK(deep.improvement_percent + 10.0 < rubra.improvement_percent);
  CHECK(rubra.dermal_thickness_mm > rubra.initial_dermis_mm);
  CHECK(rubra.dermal_thickness_mm < rubra.normal_dermis_mm);
  CHECK(alba.texture_recovery > 0.0);
  CHECK(rubra.colour_recovery > alba.colour_recovery);
}

TEST_CASE("RF microneedling induces more collagen (P6)") {
  auto patch = healing_patch();
  auto map = uniform_injury(*patch, pen_depth_mm, target_per_cm2);
  tissue::SessionInput rf{map, {}, tissue::Modality::rf_microneedling};
  const double standard = course_after(patch, session_of(map), 3, 35, 84).state().collagen_index;
  const double with_rf = course_after(patch, rf, 3, 35, 84).state().collagen_index;
  CHECK(with_rf - 1.0 > 1.2 * (standard - 1.0));
}

TEST_CASE("PIH risk rises with darker skin and missing sun protection - falls with precautions (D7)") {
  auto patch = healing_patch();
  auto map = uniform_injury(*patch, pen_depth_mm, target_per_cm2);
  auto pih = [&](int fitz, tissue::CareGiven care) {
    tissue::HealingCourse c(patch, {fitz, 30, 1.0}, 3);
    c.apply_session(session_of(map, care));
    for (const auto& x : c.complications())
      if (x.kind == "pih") return x.probability;
    return -1.0;
  };
  tissue::CareGiven care, no_sun, precautions;
  no_sun.sun_protection = false;
  precautions.pih_precautions = true;
  CHECK(pih(1, care) < pih(3, care));
  CHECK(pih(3, care) < pih(6, care));
  CHECK(pih(4, no_sun) > 1.8 * pih(4, care));
  CHECK(pih(4, precautions) < pih(4, care));
  CHECK(pih(4, care) < pih(4, [] { tissue::CareGiven t; t.tanning_advised = true; t.sun_protection = false; return t; }()));
}

TEST_CASE("infection risk rises tenfold without hygiene instructions and with home tools (E2 - H2)") {
  auto patch = healing_patch();
  auto map = uniform_injury(*patch, pen_depth_mm, target_per_cm2);
  auto risk = [&](tissue::CareGiven care) {
    tissue::HealingCourse c(patch, {}, 3);
    c.apply_session(session_of(map, care));
    for (const auto& x : c.complications())
      if (x.kind == "infection") return x.probability;
    return -1.0;
  };
  tissue::CareGiven care, careless, home;
  careless.hygiene = false;
  home.home_tools = true;
  CHECK(risk(care) == doctest::Approx(tissue::healing::infection_base_risk));
  CHECK(risk(careless) == doctest::Approx(10.0 * risk(care)));
  CHECK(risk(home) == doctest::Approx(10.0 * risk(care)));
}

TEST_CASE("tram-track lines follow clustered drag and nothing else (E3)") {
  auto patch = healing_patch();
  auto dragged = std::make_shared<tissue::InjuryMap>(*uniform_injury(*patch, pen_depth_mm, target_per_cm2));
  for (double x = 5.0; x < 25.0; x += 0.05) dragged->add_drag(x, 15.0, 1.5, 0.01, 100.0, 0.0);
  auto scattered = std::make_shared<tissue::InjuryMap>(*uniform_injury(*patch, pen_depth_mm, target_per_cm2));
  scattered->add_drag(30.0, 5.0, 0.0, 0.5);  // one cell only: not a line
  tissue::HealingCourse a(patch, {}, 1), b(patch, {}, 1);
  a.apply_session(session_of(dragged));
  b.apply_session(session_of(scattered));
  int scarred = 0;
  for (const auto& x : a.complications()) scarred += x.kind == "tram_track" ? x.cells : 0;
  CHECK(scarred >= 20);
  for (const auto& x : b.complications()) CHECK(x.kind != "tram_track");
  const int on_line = a.nx() * 15 + 15;
  CHECK(a.scar(on_line) > 0.9);
  CHECK(a.scar_angle_rad(on_line) == doctest::Approx(0.0).epsilon(1e-6));
  a.advance_days(365.0);
  CHECK(a.scar(on_line) > 0.35);  // scars fade but stay
  CHECK(a.scar(on_line) < 0.6);
}

TEST_CASE("the same sessions and seed give the same outcome - every output is finite") {
  auto patch = healing_patch(tissue::StriaType::alba, 0.5);
  auto map = uniform_injury(*patch, pen_depth_mm, target_per_cm2);
  tissue::CareGiven careless;
  careless.hygiene = false;
  careless.sun_protection = false;
  auto run = [&](std::uint64_t seed) {
    auto c = course_after(patch, session_of(map, careless), 5, 28, 30, {6, 50, 1.3}, seed);
    return c;
  };
  const auto a = run(11), b = run(11);
  CHECK(a.hash() == b.hash());
  int occurred_differs = 0;
  for (std::uint64_t seed = 1; seed < 40; ++seed)
    occurred_differs += run(seed).hash() != a.hash() ? 1 : 0;
  CHECK(occurred_differs > 0);  // the seed does draw the complications
  for (int i = 0; i < a.cell_count(); ++i) {
    CHECK(std::isfinite(a.erythema(i)));
    CHECK(std::isfinite(a.crust(i)));
    CHECK(std::isfinite(a.pigment(i)));
    CHECK(std::isfinite(a.new_collagen(i)));
  }
  const auto s = a.state();
  CHECK(std::isfinite(s.collagen_index));
  CHECK(std::isfinite(s.crust_mean));
  CHECK(std::isfinite(s.marks[0].improvement_percent));
}

TEST_CASE("a series visits each asked day in order and refuses bad days") {
  auto patch = healing_patch();
  tissue::HealingCourse c(patch, {}, 1);
  std::vector<double> seen;
  std::vector<int> sessions;
  tissue::run_series(c, session_of(uniform_injury(*patch, pen_depth_mm, target_per_cm2)), {3, 35.0}, {0, 1, 35, 84},
                     [&](const tissue::HealingCourse& k) {
                       seen.push_back(k.day());
                       sessions.push_back(k.sessions());
                     });
  CHECK(seen == std::vector<double>{0, 1, 35, 84});
  CHECK(sessions == std::vector<int>{1, 1, 2, 3});
  tissue::HealingCourse d(patch, {}, 1);
  CHECK_THROWS_AS(tissue::run_series(d, session_of(uniform_injury(*patch, 1, 100)), {1, 35}, {5, 2}, {}), std::invalid_argument);
  CHECK_THROWS_AS(d.advance_days(-1.0), std::invalid_argument);
  CHECK_THROWS_AS(d.advance_days(std::nan("")), std::invalid_argument);
  tissue::SessionInput wrong{std::make_shared<tissue::InjuryMap>(10.0, 10.0), {}, tissue::Modality::microneedling};
  CHECK_THROWS_AS(d.apply_session(wrong), std::invalid_argument);
}
