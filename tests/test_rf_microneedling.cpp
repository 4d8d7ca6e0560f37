// RF microneedling (P6): the insulated RF cartridge and its energy setting,
// the coagulation zone at each channel's tip in the injury map, more collagen
// per channel, PIH and burns in darker skin when the energy is too high (D7),
// and the grading of the energy, gamed every way a plan can game it.
#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "healing_helpers.hpp"
#include "record/recording.hpp"
#include "scenario/course_attempt.hpp"
#include "scenario/course_script.hpp"
#include "scenario/scenario_loader.hpp"
#include "scenario/outcome_report.hpp"
#include "scenario/scripted_attempt.hpp"
#include "scenario/treatment_outcome.hpp"
#include "scenario/text_file.hpp"
#include "scenario_helpers.hpp"
#include "tissue/healing_params.hpp"
#include "tissue/rf_coagulation.hpp"

using namespace dermasim;
using namespace dermasim::test;
namespace h = tissue::healing;

namespace {

constexpr double brisk_per_cm2 = 2500.0;  // a brisk professional pass, as the healing tests use
constexpr double buried_mm = 0.9;         // a 1.0-1.25 mm setting as buried
constexpr const char* rf_case = "course_rf_alba_fitzpatrick_v";

std::string read_text(const std::string& path) {
  const auto text = scenario::read_text_file(path);
  REQUIRE(text);
  return *text;
}

/// test::uniform_injury with every tip firing `energy_mj` of RF.
std::shared_ptr<const tissue::InjuryMap> rf_injury(const tissue::SkinPatch& patch, double depth_mm, double per_cm2,
                                                   double energy_mj) {
  auto map = std::make_shared<tissue::InjuryMap>(patch.width_mm(), patch.height_mm());
  const double spacing_mm = 10.0 / std::sqrt(per_cm2);
  for (double y = 0.5 * spacing_mm; y < patch.height_mm(); y += spacing_mm)
    for (double x = 0.5 * spacing_mm; x < patch.width_mm(); x += spacing_mm)
      map->add_puncture(patch, x, y, depth_mm, patch.at(x, y).layers.layer_at_depth(depth_mm), energy_mj);
  return map;
}

double pih_probability(const std::shared_ptr<const tissue::SkinPatch>& patch,
                       const std::shared_ptr<const tissue::InjuryMap>& map, int fitzpatrick) {
  tissue::HealingCourse c(patch, {fitzpatrick, 30, 1.0}, 3);
  c.apply_session({map, {}, map->rf_channels() ? tissue::Modality::rf_microneedling : tissue::Modality::microneedling});
  for (const auto& x : c.complications())
    if (x.kind == "pih") return x.probability;
  return -1.0;
}

scenario::TraineeScript first_visit_of_good_rf_course() {
  auto load = scenario::load_course_script_file(
      source_path(std::string("scenarios/scripts/") + rf_case + "/good.yaml"));
  REQUIRE(load.script);
  return load.script->visits.front().attempt;
}

const scenario::CriterionResult& depth_of(const scenario::Grade& g) { return g.criteria.front(); }

bool says(const scenario::CriterionResult& c, const std::string& text) {
  for (const auto& f : c.feedback)
    if (f.find(text) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("the RF cartridge: 25 insulated needles, 0-62 mJ per needle only on it, from 0.5 mm (Eubanks 2021)") {
  const auto& rf = physics::cartridge(physics::CartridgeKind::rf_insulated_25);
  CHECK(rf.rf_electrodes);
  CHECK(rf.needle_count() == 25);  // commercial RF tips carry 24-49 needles
  CHECK(physics::parse_cartridge("rf_insulated_25") == physics::CartridgeKind::rf_insulated_25);
  for (auto k : {physics::CartridgeKind::round_12, physics::CartridgeKind::pin_36, physics::CartridgeKind::nano})
    CHECK_FALSE(physics::cartridge(k).rf_electrodes);
  CHECK(physics::DeviceSettings::max_rf_energy_mj == doctest::Approx(62.0));

  physics::DeviceSettings ok{1.0, physics::CartridgeKind::rf_insulated_25, 100.0, 40.0};
  CHECK(ok.problems().empty());
  ok.rf_energy_mj = 0.0;  // the generator off: plain microneedling with insulated needles
  CHECK(ok.problems().empty());
  auto problem = [](physics::DeviceSettings d) { return d.problems().empty() ? std::string() : d.problems().front(); };
  CHECK(problem({1.0, physics::CartridgeKind::rf_insulated_25, 100.0, 70.0}).find("0..62 mJ") != std::string::npos);
  CHECK(problem({1.0, physics::CartridgeKind::rf_insulated_25, 100.0, -1.0}).find("rf_energy_mj") == 0);
  CHECK(problem({1.0, physics::CartridgeKind::rf_insulated_25, 100.0, NAN}).find("rf_energy_mj") == 0);
  CHECK(problem({1.0, physics::CartridgeKind::round_12, 100.0, 20.0}).find("needs the rf_insulated_25") !=
        std::string::npos);
  CHECK(problem({0.25, physics::CartridgeKind::rf_insulated_25, 100.0, 20.0}).find("0.5 mm") != std::string::npos);
  CHECK_THROWS_AS(physics::require_valid({1.0, physics::CartridgeKind::pin_36, 100.0, 30.0}), physics::SettingsError);
}

TEST_CASE("RF coagulation zones at the tips are 100-300 um deep and grow with the energy (Manuskiatti 2016)") {
  namespace rf = tissue::rf;
  CHECK(rf::zone_length_mm(0.0) == 0.0);
  CHECK(rf::zone_length_mm(rf::energy_max_mj) == doctest::Approx(0.30));
  CHECK(rf::zone_length_mm(rf::energy_max_mj / 27.0) == doctest::Approx(0.10));
  CHECK(rf::zone_length_mm(20.0) < rf::zone_length_mm(40.0));
  CHECK(rf::zone_length_mm(1000.0) == doctest::Approx(0.30));  // the generator's top is the top

  auto patch = healing_patch();
  const auto plain = uniform_injury(*patch, buried_mm, brisk_per_cm2);
  const auto heated = rf_injury(*patch, buried_mm, brisk_per_cm2, 40.0);
  CHECK(heated->rf_channels() == [&] {
    std::uint64_t n = 0;
    for (int i = 0; i < heated->cell_count(); ++i) n += heated->cell(i).dermal_punctures;
    return n;
  }());
  CHECK(heated->rf_mean_energy_mj() == doctest::Approx(40.0));
  CHECK(heated->rf_mean_zone_length_mm() == doctest::Approx(rf::zone_length_mm(40.0)));
  CHECK(heated->rf_mean_zone_length_mm() > 0.10);
  CHECK(heated->rf_mean_zone_length_mm() < 0.30);
  CHECK(plain->rf_channels() == 0);
  // RF is in the map's hash; a plain map hashes as it did before RF existed.
  CHECK(heated->hash() != plain->hash());
  CHECK(rf_injury(*patch, buried_mm, brisk_per_cm2, 0.0)->hash() == plain->hash());
}

TEST_CASE("insulated needles spare the epidermis unless the zone reaches up into it (Cohen 2016)") {
  auto patch = healing_patch();
  const double epidermis = patch->normal_layers().epidermis_mm();
  CHECK(rf_injury(*patch, buried_mm, brisk_per_cm2, 62.0)->rf_epidermal_burn_share() == 0.0);
  // A shallow channel: a 0.30 mm zone at 62 mJ reaches the epidermis, a low-energy one does not.
  const double shallow = epidermis + 0.2;
  CHECK(rf_injury(*patch, shallow, brisk_per_cm2, 62.0)->rf_epidermal_burn_share() == doctest::Approx(1.0));
  CHECK(rf_injury(*patch, shallow, brisk_per_cm2, 5.0)->rf_epidermal_burn_share() == 0.0);
  // A tip that stopped in the epidermis heats it whatever the energy.
  CHECK(rf_injury(*patch, 0.8 * epidermis, brisk_per_cm2, 5.0)->rf_epidermal_burn_share() == doctest::Approx(1.0));
  // Burns raise the PIH odds and show as pinpoint burns (P6, D7).
  const auto burnt = rf_injury(*patch, shallow, brisk_per_cm2, 62.0);
  const auto spared = rf_injury(*patch, shallow, brisk_per_cm2, 5.0);
  CHECK(pih_probability(patch, burnt, 3) > 2.0 * pih_probability(patch, spared, 3));
  tissue::HealingCourse c(patch, {3, 30, 1.0}, 3);
  c.apply_session({burnt, {}, tissue::Modality::rf_microneedling});
  bool burn = false;
  for (const auto& x : c.complications()) burn = burn || (x.kind == "rf_burn" && x.occurred && x.cells > 0);
  CHECK(burn);
  tissue::HealingCourse d(patch, {3, 30, 1.0}, 3);
  d.apply_session({spared, {}, tissue::Modality::rf_microneedling});
  for (const auto& x : d.complications()) CHECK(x.kind != "rf_burn");
}

TEST_CASE("RF adds collagen per channel in proportion to its heat - up to 30% at full energy (P6, Hantash 2009)") {
  auto patch = healing_patch();
  auto gain = [&](double energy_mj) {
    return course_after(patch, {rf_injury(*patch, buried_mm, brisk_per_cm2, energy_mj), {},
                                energy_mj > 0 ? tissue::Modality::rf_microneedling : tissue::Modality::microneedling},
                        1, 35, 70)  // Hantash 2009: the zones are replaced by new collagen within ten weeks
               .state()
               .collagen_index -
           1.0;
  };
  const double plain = gain(0.0), half = gain(31.0), full = gain(62.0);
  CHECK(plain > 0.05);
  CHECK(half / plain == doctest::Approx(1.0 + 0.5 * h::rf_collagen_extra_at_full_energy).epsilon(1e-6));
  CHECK(full / plain == doctest::Approx(1.0 + h::rf_collagen_extra_at_full_energy).epsilon(1e-6));
  CHECK(full > half);
  // The outcome cohort's RF arm (a plain map marked RF) is the full-energy figure.
  const auto map = uniform_injury(*patch, buried_mm, brisk_per_cm2);
  const double marked = course_after(patch, {map, {}, tissue::Modality::rf_microneedling}, 1, 35, 70).state().collagen_index - 1.0;
  CHECK(marked == doctest::Approx(full));
}

TEST_CASE("RF PIH at 50-62 mJ per needle in Fitzpatrick III-IV: 6.5% of sessions (Yeung 2012)") {
  auto patch = healing_patch();
  const auto session = rf_injury(*patch, buried_mm, brisk_per_cm2, 56.0);  // the middle of the series' band
  const double mix = 0.5 * (pih_probability(patch, session, 3) + pih_probability(patch, session, 4));
  CAPTURE(mix);
  CHECK(mix > 0.060);
  CHECK(mix < 0.070);
}

TEST_CASE("RF energy raises PIH only above 50 mJ and only in Fitzpatrick IV-VI (D7)") {
  auto patch = healing_patch();
  const auto plain = uniform_injury(*patch, buried_mm, brisk_per_cm2);
  const auto moderate = rf_injury(*patch, buried_mm, brisk_per_cm2, 40.0);
  const auto high = rf_injury(*patch, buried_mm, brisk_per_cm2, 62.0);
  for (int fitz : {1, 2, 3}) CHECK(pih_probability(patch, high, fitz) == doctest::Approx(pih_probability(patch, plain, fitz)));
  for (int fitz : {4, 5, 6}) {
    CAPTURE(fitz);
    CHECK(pih_probability(patch, moderate, fitz) == doctest::Approx(pih_probability(patch, plain, fitz)));
    CHECK(pih_probability(patch, high, fitz) > 2.0 * pih_probability(patch, moderate, fitz));
  }
  CHECK(pih_probability(patch, high, 6) > pih_probability(patch, high, 5));
}

TEST_CASE("an RF plan states its energy in scripts and recordings - a bad one is refused at its line and column") {
  auto plan_with = [](const std::string& energy) {
    std::string text = read_text(source_path(std::string("scenarios/scripts/") + rf_case + "/good.yaml"));
    const std::string from = "rf_energy_mj: 40";
    text.replace(text.find(from), from.size(), "rf_energy_mj: " + energy);
    return scenario::load_course_script_text(text, "rf.yaml");
  };
  CHECK(plan_with("45").errors.empty());
  for (const std::string bad : {"70", "-5"}) {
    const auto load = plan_with(bad);
    REQUIRE_FALSE(load.errors.empty());
    CAPTURE(load.errors.front().str());
    CHECK(load.errors.front().str().find("rf.yaml:15:") == 0);
    CHECK(load.errors.front().str().find("rf_energy_mj " + bad) != std::string::npos);
  }
  // Energy on a cartridge without RF electrodes.
  std::string text = read_text(source_path(std::string("scenarios/scripts/") + rf_case + "/good.yaml"));
  const std::string from = "cartridge: rf_insulated_25";
  text.replace(text.find(from), from.size(), "cartridge: round_12");
  const auto load = scenario::load_course_script_text(text, "rf.yaml");
  REQUIRE_FALSE(load.errors.empty());
  CHECK(load.errors.front().str().find("needs the rf_insulated_25 cartridge") != std::string::npos);

  // A recording carries the energy; a plain plan writes no RF field at all.
  record::Recording rec;
  rec.scenario_id = "x";
  rec.answers.plan = scenario::PlanAnswers{{1.0, physics::CartridgeKind::rf_insulated_25, 100.0, 37.5}, true, 2};
  const std::string bytes = record::encode_recording(rec);
  CHECK(record::decode_recording(bytes, "mem").answers.plan->device.rf_energy_mj == 37.5);
  rec.answers.plan = scenario::PlanAnswers{{1.0, physics::CartridgeKind::round_12, 100.0}, true, 2};
  CHECK(record::encode_recording(rec).find("rf_energy_mj") == std::string::npos);
}

TEST_CASE("an RF key names its energy inside the generator and below 50 mJ for Fitzpatrick IV-VI (P6, D7)") {
  const std::string original = read_text(source_path(std::string("scenarios/") + rf_case + ".yaml"));
  auto load_with = [&](const std::string& from, const std::string& to) {
    std::string text = original;
    REQUIRE(text.find(from) != std::string::npos);
    text.replace(text.find(from), from.size(), to);
    return scenario::load_scenario_text(text, "rf.yaml");
  };
  auto first_error = [](const scenario::ScenarioLoad& l) { return l.errors.empty() ? std::string() : l.errors.front().str(); };
  CHECK(scenario::load_scenario_text(original, "rf.yaml").errors.empty());
  // Too high for her skin: located at the high end.
  const auto dark = load_with("rf_energy_mj: [30, 45]", "rf_energy_mj: [30, 55]");
  CHECK(first_error(dark).find("rf.yaml:") == 0);
  CHECK(first_error(dark).find("Fitzpatrick IV-VI") != std::string::npos);
  // 55 mJ is a key for Fitzpatrick III skin, but nothing is above the generator.
  {
    std::string text = original;
    text.replace(text.find("rf_energy_mj: [30, 45]"), 22, "rf_energy_mj: [30, 55]");
    text.replace(text.find("  fitzpatrick: 5\n"), 17, "  fitzpatrick: 3\n");
    CHECK(scenario::load_scenario_text(text, "rf.yaml").errors.empty());
  }
  CHECK(first_error(load_with("rf_energy_mj: [30, 45]", "rf_energy_mj: [30, 70]")).find("0..62 mJ") != std::string::npos);
  // The RF cartridge and the energy come together.
  CHECK(first_error(load_with("  rf_energy_mj: [30, 45]\n", "")).find("needs rf_energy_mj") != std::string::npos);
  CHECK(first_error(load_with("cartridges: [rf_insulated_25]", "cartridges: [round_12]"))
            .find("rf_energy_mj needs an RF cartridge") != std::string::npos);
}

TEST_CASE("grading the RF energy: too high for Fitzpatrick V fails with D7, no heat fails with P6 - no plan games it") {
  const auto s = shipped_scenario(rf_case);
  REQUIRE(s);
  const scenario::TraineeScript good = first_visit_of_good_rf_course();
  auto graded = [&](double energy_mj, physics::CartridgeKind cartridge = physics::CartridgeKind::rf_insulated_25) {
    scenario::TraineeScript t = good;
    t.plan->device.rf_energy_mj = energy_mj;
    t.plan->device.cartridge = cartridge;
    return scenario::run_scripted_attempt(s, t).grade;
  };
  const auto right = graded(40.0);
  CHECK(right.passed);
  CHECK(depth_of(right).score > 60.0);
  CHECK_FALSE(says(depth_of(right), "RF energy"));

  // Her request, the highest setting: the depth criterion fails, citing D7.
  const auto highest = graded(62.0);
  CHECK_FALSE(highest.passed);
  CHECK(depth_of(highest).score == 0.0);
  CHECK(says(depth_of(highest), "(D7)"));
  // One step (5 mJ) over costs 40% of the setting, as a needle step does.
  const auto over = graded(50.0);
  CHECK(depth_of(over).score == doctest::Approx(0.6 * depth_of(right).score).epsilon(0.02));
  CHECK(says(depth_of(over), "30-45 mJ here"));
  // The generator off, or a plain cartridge: no heat is not RF microneedling (P6).
  const auto off = graded(0.0);
  CHECK_FALSE(off.passed);
  CHECK(depth_of(off).score == 0.0);
  CHECK(says(depth_of(off), "(P6)"));
  const auto plain = graded(0.0, physics::CartridgeKind::round_12);
  CHECK_FALSE(plain.passed);
  CHECK(says(depth_of(plain), "this case plans RF microneedling (P6)"));

  // A key without RF cannot be gamed with RF on darker skin: the 50 mJ cap
  // holds whatever the key says, and the RF cartridge is a wrong cartridge.
  const auto v = shipped_scenario("course_fitzpatrick_v_pih");
  REQUIRE(v);
  auto load = scenario::load_course_script_file(source_path("scenarios/scripts/course_fitzpatrick_v_pih/good.yaml"));
  REQUIRE(load.script);
  scenario::TraineeScript t = load.script->visits.front().attempt;
  t.plan->device = {0.75, physics::CartridgeKind::rf_insulated_25, 100.0, 62.0};
  const auto g = scenario::run_scripted_attempt(v, t).grade;
  CHECK(says(depth_of(g), "RF microneedling (P6) is not part of this case's plan"));
  CHECK(says(depth_of(g), "above the 50 mJ"));
  CHECK(depth_of(g).score == 0.0);
}

TEST_CASE("the RF course case: her requested 62 mJ darkens Fitzpatrick V skin where 40 mJ does not (D7, P6)") {
  const auto s = shipped_scenario(rf_case);
  REQUIRE(s);
  auto script = [](const std::string& name) {
    auto load = scenario::load_course_script_file(source_path(std::string("scenarios/scripts/") + rf_case + "/" + name + ".yaml"));
    REQUIRE(load.script);
    return *load.script;
  };
  const auto high = scenario::grade_course(s, scenario::play_course_script(s, script("highest_energy")));
  CHECK(high.outcome.pih == 1);
  CHECK(high.key_outcome.pih == 0);
  REQUIRE(high.visits.size() >= 2);
  CHECK(high.visits[1].findings.pih_new);  // seen at the next visit, and the pause was right
  CHECK(high.visits[1].grade.passed);
  CHECK_FALSE(high.visits[0].grade.passed);
}

TEST_CASE("the outcome readout reports the RF channels, energy, zones and burns of a session (P6)") {
  const auto s = shipped_scenario(rf_case);
  REQUIRE(s);
  const auto attempt = scenario::run_scripted_attempt(s, first_visit_of_good_rf_course());
  const auto treated = scenario::treated_session(*s, attempt.answers, attempt.commands);
  CHECK(treated.session.modality == tissue::Modality::rf_microneedling);
  const auto timeline = scenario::predict_outcome(treated, {0, 84}, 1);
  CHECK(timeline.rf.channels > 1000);
  CHECK(timeline.rf.mean_energy_mj == doctest::Approx(40.0));
  CHECK(timeline.rf.mean_zone_length_mm == doctest::Approx(tissue::rf::zone_length_mm(40.0)));
  CHECK(timeline.rf.epidermal_burn_share < 0.01);  // 1.0 mm needles keep the zones under the epidermis
  CHECK(scenario::outcome_text(timeline).find("RF (P6): ") != std::string::npos);
  CHECK(scenario::outcome_json(timeline, *s).find("\"mean_zone_length_mm\"") != std::string::npos);
  // The same strokes with a plain cartridge: no RF block at all.
  scenario::Answers plain = attempt.answers;
  plain.plan->device = {1.0, physics::CartridgeKind::round_12, 100.0};
  const auto plain_timeline = scenario::predict_outcome(scenario::treated_session(*s, plain, attempt.commands), {0, 84}, 1);
  CHECK(plain_timeline.rf.channels == 0);
  CHECK(scenario::outcome_text(plain_timeline).find("RF (P6)") == std::string::npos);
  CHECK(scenario::outcome_json(plain_timeline, *s).find("\"rf\"") == std::string::npos);
}
