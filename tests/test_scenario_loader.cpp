// Scenario loading: parse then validate, every problem at once, located.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>

#include "scenario/scenario_loader.hpp"

using namespace dermasim::scenario;

namespace {
std::string default_text() {
  std::ifstream in(std::string(DERMASIM_SOURCE_DIR) + "/scenarios/postpartum_abdomen_rubra.yaml");
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}
// Replaces the first `from` in the default scenario.
std::string edited(const std::string& from, const std::string& to) {
  std::string t = default_text();
  const auto at = t.find(from);
  REQUIRE(at != std::string::npos);
  return t.replace(at, from.size(), to);
}
int line_of(const std::string& text, const std::string& needle) {
  const auto at = text.find(needle);
  REQUIRE(at != std::string::npos);
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
}
bool has_error(const ScenarioLoad& l, int line, const std::string& words) {
  for (const auto& e : l.errors)
    if (e.line == line && e.message.find(words) != std::string::npos) return true;
  return false;
}
std::string all(const ScenarioLoad& l) {
  std::string s;
  for (const auto& e : l.errors) s += e.str() + "\n";
  return s;
}
}  // namespace

TEST_CASE("the bundled default scenario loads with its patient - marks and key") {
  const auto l = load_scenario_text(default_text(), "default.yaml");
  INFO(all(l));
  REQUIRE(l.scenario);
  const Scenario& s = *l.scenario;
  CHECK(s.id == "postpartum_abdomen_rubra");
  CHECK(s.patch.marks.size() == 5);
  CHECK(s.patient.fitzpatrick == 3);
  CHECK(s.key.needle_depth_mm.contains(1.0));
  CHECK(s.source_hash.size() == 16);
  CHECK(s.find_item("blood_thinners")->medication);
}

TEST_CASE("a YAML syntax error is reported at its line and column") {
  const std::string text = edited("  age_years: 31\n", "  age_years: [31\n");
  const auto l = load_scenario_text(text, "case.yaml");
  REQUIRE(l.errors.size() == 1);
  CHECK(l.errors[0].message.find("YAML syntax") == 0);
  CHECK(l.errors[0].str().rfind("case.yaml:", 0) == 0);
  CHECK(l.errors[0].line > 0);
}

TEST_CASE("an unknown key gets a did-you-mean and its exact position") {
  const std::string text = edited("  fitzpatrick: 3", "  fitzpatric: 3");
  const auto l = load_scenario_text(text, "case.yaml");
  const int line = line_of(text, "fitzpatric:");
  CHECK(has_error(l, line, "unknown key 'fitzpatric' in patient (did you mean 'fitzpatrick'?)"));
  CHECK(l.errors[0].column == 3);
  CHECK(l.errors[0].str() == "case.yaml:" + std::to_string(line) + ":3: error: " + l.errors[0].message);
}

TEST_CASE("wrong types and out-of-range values name the field") {
  std::string text = edited("  bmi_kg_m2: 26", "  bmi_kg_m2: heavy");
  auto l = load_scenario_text(text, "case.yaml");
  CHECK(has_error(l, line_of(text, "bmi_kg_m2: heavy"), "bmi_kg_m2 must be a number"));
  text = edited("  fitzpatrick: 3", "  fitzpatrick: 7");
  l = load_scenario_text(text, "case.yaml");
  CHECK(has_error(l, line_of(text, "fitzpatrick: 7"), "fitzpatrick 7 is out of range 1..6"));
  text = edited("severity: 0.45}", "severity: 1.45}");
  l = load_scenario_text(text, "case.yaml");
  CHECK(has_error(l, line_of(text, "severity: 1.45"), "severity 1.45 is out of range 0..1"));
}

TEST_CASE("every problem in a file is reported at once") {
  std::string text = edited("  fitzpatrick: 3", "  fitzpatrick: 9");
  text.replace(text.find("body_site: abdomen"), 18, "body_site: abdomne");
  text.replace(text.find("decision: proceed"), 17, "decision: procede");
  const auto l = load_scenario_text(text, "case.yaml");
  INFO(all(l));
  CHECK(l.errors.size() >= 3);
  CHECK(has_error(l, line_of(text, "abdomne"), "did you mean 'abdomen'?"));
  CHECK(has_error(l, line_of(text, "procede"), "did you mean 'proceed'?"));
  CHECK(!l.scenario);
}

TEST_CASE("references to things that do not exist are errors with a suggestion") {
  const std::string text = edited("  findings: []", "  findings: [blood_thinner]");
  const auto l = load_scenario_text(text, "case.yaml");
  INFO(all(l));
  CHECK(has_error(l, line_of(text, "[blood_thinner]"), "did you mean 'blood_thinners'?"));
  const std::string t2 = edited("required: [avoid_sun_week,", "required: [avoid_sun_wek,");
  CHECK(has_error(load_scenario_text(t2, "c.yaml"), line_of(t2, "avoid_sun_wek"), "did you mean 'avoid_sun_week'?"));
}

TEST_CASE("an answer key that contradicts itself or the device is refused") {
  std::string text = edited("needle_depth_mm: [0.75, 1.25]", "needle_depth_mm: [2.5, 3.5]");
  auto l = load_scenario_text(text, "case.yaml");
  CHECK(has_error(l, line_of(text, "[2.5, 3.5]"), "outside the device's range"));
  text = edited("needle_depth_mm: [0.75, 1.25]", "needle_depth_mm: [1.25, 0.75]");
  l = load_scenario_text(text, "case.yaml");
  CHECK(has_error(l, line_of(text, "[1.25, 0.75]"), "is above its high end"));
  text = edited("    forbidden: [start_retinoids_now,", "    forbidden: [sunscreen_spf30, start_retinoids_now,");
  l = load_scenario_text(text, "case.yaml");
  CHECK(has_error(l, line_of(text, "forbidden: [sunscreen_spf30"), "is a correct instruction; it cannot be forbidden"));
  text = edited("  decision: proceed\n", "  decision: proceed_with_precautions\n");
  l = load_scenario_text(text, "case.yaml");
  CHECK(has_error(l, line_of(text, "proceed_with_precautions"), "needs at least one precaution"));
  text = edited("    relevant: false\n  - id: hay_fever", "    relevant: true\n  - id: hay_fever");
  l = load_scenario_text(text, "case.yaml");
  CHECK(l.errors.size() >= 1);
}

TEST_CASE("a home roller she brings must be a home roller's length, and on the intake form, not hidden behind a question") {
  std::ifstream in(std::string(DERMASIM_SOURCE_DIR) + "/scenarios/buttock_home_roller.yaml");
  std::ostringstream read;
  read << in.rdbuf();
  const std::string text = read.str();
  auto replaced = [](std::string t, const std::string& from, const std::string& to) {
    const auto at = t.find(from);
    REQUIRE(at != std::string::npos);
    return t.replace(at, from.size(), to);
  };
  REQUIRE(text.find("home_roller_mm: 0.5") != std::string::npos);
  auto l = load_scenario_text(text, "case.yaml");
  CHECK(all(l).empty());
  std::string bad = replaced(text, "home_roller_mm: 0.5", "home_roller_mm: 0.3");
  l = load_scenario_text(bad, "case.yaml");
  CHECK(has_error(l, line_of(bad, "home_roller_mm: 0.3"), "must be 0.25 or 0.5"));
  bad = replaced(text, "home_roller_mm: 0.5", "home_roller_mm: 1.0");
  l = load_scenario_text(bad, "case.yaml");
  CHECK(has_error(l, line_of(bad, "home_roller_mm: 1.0"), "out of range"));
  // The roller taken off the intake form: the panel would give it away.
  bad = replaced(text, "intake: \"Home treatments: derma roller, 0.5 mm, every night\"", "intake: \"\"");
  l = load_scenario_text(bad, "case.yaml");
  CHECK(has_error(l, line_of(bad, "home_roller_mm: 0.5"), "reveals 'home_roller'"));
}

TEST_CASE("a missing file and a non-map file are clear errors") {
  const auto l = load_scenario_file("/nonexistent/case.yaml");
  REQUIRE(l.errors.size() == 1);
  CHECK(l.errors[0].str() == "/nonexistent/case.yaml: error: cannot open the file");
  const auto l2 = load_scenario_text("- just\n- a list\n", "list.yaml");
  REQUIRE(!l2.errors.empty());
  CHECK(l2.errors[0].message.find("must be a map") != std::string::npos);
}

TEST_CASE("a stretch-mark generator gives the same marks from the same seed") {
  std::string text = default_text();
  const auto start = text.find("stretch_marks:");
  const auto end = text.find("history:");
  text.replace(start, end - start,
               "stretch_marks:\n  generate: {seed: 7, count: 6, type: alba, severity: [0.5, 0.8], length_mm: [30, 60], "
               "width_mm: [2, 5], angle_deg: [-10, 10]}\n\n");
  const auto a = load_scenario_text(text, "gen.yaml");
  const auto b = load_scenario_text(text, "gen.yaml");
  INFO(all(a));
  REQUIRE(a.scenario);
  REQUIRE(a.scenario->patch.marks.size() == 6);
  for (std::size_t i = 0; i < 6; ++i) {
    const auto& m = a.scenario->patch.marks[i];
    CHECK(m.center_x_mm == b.scenario->patch.marks[i].center_x_mm);
    CHECK(m.type == dermasim::tissue::StriaType::alba);
    CHECK(m.severity >= 0.5);
    CHECK(m.severity <= 0.8);
    CHECK(m.center_y_mm >= 0.0);
    CHECK(m.center_y_mm <= 80.0);
  }
}

TEST_CASE("a title that gives away the decision or a hidden finding is refused - the trainee reads it first") {
  {
    const std::string text = edited("title: Postpartum striae rubra on the abdomen",
                                    "title: Postpartum striae rubra on the abdomen (Proceed)");
    const auto l = load_scenario_text(text, "case.yaml");
    CHECK(has_error(l, line_of(text, "title:"), "gives away the decision ('proceed')"));
  }
  {
    // "preferred" holds "refer" but not as a word.
    const std::string text = edited("title: Postpartum striae rubra on the abdomen",
                                    "title: Postpartum striae rubra, her preferred site");
    INFO(all(load_scenario_text(text, "case.yaml")));
    CHECK(load_scenario_text(text, "case.yaml").scenario);
  }
  {
    std::ifstream in(std::string(DERMASIM_SOURCE_DIR) + "/scenarios/upper_arm_isotretinoin.yaml");
    std::ostringstream s;
    s << in.rdbuf();
    std::string text = s.str();
    const std::string from = "title: Growth-spurt striae on the upper arms";
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), "title: Upper-arm striae after Isotretinoin");
    const auto l = load_scenario_text(text, "arm.yaml");
    CHECK(has_error(l, line_of(text, "title:"), "names 'isotretinoin', which only a follow-up question reveals"));
  }
}
