// Issue 11 and issue 9 point 8: hostile scenario and script YAML. Every
// problem is a located error (file:line:col), never an exception; every
// number is finite and in range; check refuses what the simulator refuses.
#include <doctest/doctest.h>

#include <fstream>

#include "physics/scripted_pen.hpp"
#include "scenario/input_limits.hpp"
#include "scenario/json_writer.hpp"
#include "scenario/scripted_attempt.hpp"
#include "scenario/text_file.hpp"
#include "scenario_helpers.hpp"

using namespace dermasim;
using namespace dermasim::scenario;

namespace {

std::string shipped_text() {
  return read_text_file(test::source_path("scenarios/postpartum_abdomen_rubra.yaml")).value_or("");
}

// The error whose message contains `part`, or nullptr.
const Diagnostic* find(const Diagnostics& errors, const std::string& part) {
  for (const auto& e : errors)
    if (e.message.find(part) != std::string::npos) return &e;
  return nullptr;
}

int line_of(const std::string& text, const std::string& part) {
  const auto at = text.find(part);
  REQUIRE(at != std::string::npos);
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
}

int column_of(const std::string& text, const std::string& part) {
  const auto at = text.find(part);
  REQUIRE(at != std::string::npos);
  const auto line_start = text.rfind('\n', at);
  return static_cast<int>(at - (line_start == std::string::npos ? 0 : line_start + 1)) + 1;
}

const std::string script_head =
    "dermasim_script: 1\n"
    "scenario: postpartum_abdomen_rubra\n"
    "consultation: {ask: [], findings: [], decision: proceed, precautions: []}\n"
    "plan: {needle_length_mm: 1.0, cartridge: round_12, stroke_rate_hz: 100, numbing: true, passes: 2}\n"
    "aftercare: {instructions: [], sessions: 4, interval_weeks: 5, maintenance_months: 6}\n"
    "procedure:\n";

}  // namespace

TEST_CASE("a scenario missing a required key - or holding only a colon - gets located errors, never an exception") {
  for (const std::string& text : {std::string(":"), std::string("- a\n- b\n"), std::string(""), std::string("x: {y: [1, {z: ]}"),
                                 std::string("? [a, b]\n: c\n"), std::string("answer_key: 3\nstretch_marks: {}\n")}) {
    CAPTURE(text);
    ScenarioLoad l;
    CHECK_NOTHROW(l = load_scenario_text(text, "case.yaml"));
    CHECK(!l.scenario);
    REQUIRE(!l.errors.empty());
    for (const auto& e : l.errors) CHECK(e.line >= 1);
  }
  std::string text = shipped_text();
  const auto from = text.find("stretch_marks:"), to = text.find("\nhistory:");
  REQUIRE(from != std::string::npos);
  REQUIRE(to != std::string::npos);
  text.erase(from, to + 1 - from);
  const auto l = load_scenario_text(text, "case.yaml");
  const Diagnostic* e = find(l.errors, "missing required key 'stretch_marks'");
  REQUIRE(e);
  // Reported where the document's map begins: every message has a line.
  CHECK(e->str().rfind("case.yaml:" + std::to_string(line_of(text, "dermasim_scenario:")) + ":1: error:", 0) == 0);
  CHECK(find(l.errors, "a case needs at least one stretch mark"));
}

TEST_CASE("check refuses more than 64 stretch marks - as the skin model does") {
  std::string text = shipped_text();
  const auto from = text.find("stretch_marks:"), to = text.find("\nhistory:");
  std::string marks = "stretch_marks:\n";
  for (int i = 0; i < 65; ++i)
    marks += "  - {type: rubra, x_mm: " + std::to_string(5 + i) + ", y_mm: 40, length_mm: 10, width_mm: 1, severity: 0.3}\n";
  text.replace(from, to + 1 - from, marks);
  const auto l = load_scenario_text(text, "case.yaml");
  const Diagnostic* e = find(l.errors, "a patch holds at most 64 stretch marks");
  REQUIRE(e);
  CHECK(e->line == line_of(text, "stretch_marks:") + 1);  // the list itself
}

TEST_CASE("a bad element of a flow list is located at the element and names the bound it breaks") {
  std::string text = shipped_text();
  const auto at = text.find("needle_depth_mm: [");
  REQUIRE(at != std::string::npos);
  text.replace(at, text.find(']', at) + 1 - at, "needle_depth_mm: [0.75, 3.5]");
  const auto l = load_scenario_text(text, "case.yaml");
  const Diagnostic* e = find(l.errors, "needle_depth_mm high end 3.5 goes outside the device's range 0.25..3.0 mm");
  REQUIRE(e);
  CHECK(e->line == line_of(text, "[0.75, 3.5]"));
  CHECK(e->column == column_of(text, "3.5]"));
  // A generator's region: a NaN is an error at that element.
  std::string gen = shipped_text();
  const auto m0 = gen.find("stretch_marks:"), m1 = gen.find("\nhistory:");
  gen.replace(m0, m1 + 1 - m0,
              "stretch_marks:\n  generate: {seed: 7, count: 6, type: alba, severity: [0.5, 0.8], length_mm: [30, 60],\n"
              "             width_mm: [2, 5], region: [.nan, 0, 50, 50]}\n");
  const auto g = load_scenario_text(gen, "case.yaml");
  const Diagnostic* r = find(g.errors, "region x0 must be a finite number");
  REQUIRE(r);
  CHECK(r->column == column_of(gen, ".nan"));
}

TEST_CASE("every number of a script is finite and in range - each error at its own line and column") {
  struct Case {
    std::string stroke, at, message;
  };
  const Case cases[] = {
      {"  - raster: {region: [.nan, 0, 50, 50]}\n    force_n: 2\n", ".nan", "region x0 must be a finite number"},
      {"  - raster: {region: [0, 0, 1e308, 50]}\n    force_n: 2\n", "1e308", "region x1 1e+308 is above the maximum 400"},
      {"  - line: {from: [.nan, 1e308], to: [10, 10]}\n    force_n: 2\n", "1e308", "from y_mm 1e+308 is above the maximum 400"},
      {"  - raster: {mark: all, angles_deg: [0, .inf]}\n    force_n: 2\n", ".inf", "angles_deg entry must be a finite number"},
      {"  - stamp: {at: [10, 10], duration_s: .nan}\n    force_n: 2\n", ".nan", "duration_s must be a number"},
      {"  - stamp: {at: [10, 10]}\n    force_n: 2\n    tilt_direction_deg: -.inf\n", "-.inf", "tilt_direction_deg must be a number"},
      {"  - raster: {region: [50, 0, 10, 50]}\n    force_n: 2\n", "[50,", "needs x1 above x0"},
  };
  for (const Case& c : cases) {
    const std::string text = script_head + c.stroke;
    CAPTURE(text);
    ScriptLoad l;
    CHECK_NOTHROW(l = load_script_text(text, "s.yaml"));
    CHECK(!l.script);
    const Diagnostic* e = find(l.errors, c.message);
    REQUIRE(e);
    CHECK(e->line == line_of(text, c.at));
    CHECK(e->column == column_of(text, c.at));
  }
}

TEST_CASE("check_script_against locates ask - findings and points off the patch") {
  const auto s = test::shipped_scenario("postpartum_abdomen_rubra");
  REQUIRE(s);
  const std::string text =
      "dermasim_script: 1\nscenario: postpartum_abdomen_rubra\n"
      "consultation: {ask: [breastfeeding, no_such_question], findings: [nothing_here], decision: proceed}\n"
      "plan: {needle_length_mm: 1.0, cartridge: round_12, stroke_rate_hz: 100, numbing: true, passes: 2}\n"
      "aftercare: {instructions: [], sessions: 4, interval_weeks: 5, maintenance_months: 6}\n"
      "procedure:\n  - stamp: {at: [300, 20], duration_s: 1}\n    force_n: 2\n";
  const auto l = load_script_text(text, "s.yaml");
  REQUIRE(l.script);
  const auto errors = check_script_against(*l.script, *s);
  const Diagnostic* ask = find(errors, "ask: the scenario has no item 'no_such_question'");
  REQUIRE(ask);
  CHECK(ask->line == 3);
  CHECK(ask->column == column_of(text, "no_such_question"));
  const Diagnostic* finding = find(errors, "findings: the scenario has no item 'nothing_here'");
  REQUIRE(finding);
  CHECK(finding->column == column_of(text, "nothing_here"));
  const Diagnostic* off = find(errors, "at is off the 120 x 80 mm patch");
  REQUIRE(off);
  CHECK(off->line == line_of(text, "[300, 20]"));
}

TEST_CASE("a procedure longer than an attempt may last is refused by check - and by the scripted attempt") {
  const auto s = test::shipped_scenario("postpartum_abdomen_rubra");
  REQUIRE(s);
  const std::string text = script_head +
                           "  - raster: {region: [0, 0, 120, 80], spacing_mm: 0.2, angles_deg: [0, 45, 90, 135]}\n"
                           "    force_n: 2\n    speed_mm_s: 0.5\n    passes: 20\n";
  const auto l = load_script_text(text, "s.yaml");
  REQUIRE(l.script);
  CHECK(procedure_seconds_bound(*l.script, *s) > max_attempt_s);
  CHECK(find(check_script_against(*l.script, *s), "more than an attempt may last"));
  CHECK_THROWS_AS(run_scripted_attempt(s, *l.script), FlowError);
  // The bound is an upper bound: every shipped script's real length is under it.
  const auto good = test::shipped_script("postpartum_abdomen_rubra", "good");
  CHECK(physics::ScriptedPen(procedure_path(good, *s)).duration_s() <= procedure_seconds_bound(good, *s));
}

TEST_CASE("check SCRIPT finds its scenario by id - and an id is never a path") {
  CHECK(scenario_path_for_script("scenarios/scripts/x/good.yaml", "postpartum_abdomen_rubra") ==
        "scenarios/postpartum_abdomen_rubra.yaml");
  CHECK(scenario_path_for_script("/a/b/c/d.yaml", "case_1") == "/a/case_1.yaml");
  CHECK(scenario_path_for_script("s/scripts/x/y.yaml", "../../etc/passwd").empty());
  CHECK(scenario_path_for_script("s/scripts/x/y.yaml", "").empty());
}

TEST_CASE("a YAML file that is not UTF-8 is refused at the byte - and JSON never carries invalid UTF-8") {
  std::string text = shipped_text();
  const auto at = text.find("title: ") + 7;
  text.insert(at, "Caf\xe9 ");
  const auto l = load_scenario_text(text, "case.yaml");
  REQUIRE(l.errors.size() == 1);
  CHECK(l.errors[0].message.find("not UTF-8 text (byte " + std::to_string(at + 3) + " is 0xe9)") != std::string::npos);
  CHECK(l.errors[0].line == line_of(text, "title: "));
  CHECK(first_invalid_utf8("caf\xc3\xa9") == std::string_view::npos);
  CHECK(first_invalid_utf8("\xed\xa0\x80") == 0);  // a surrogate
  CHECK(utf8_sanitized("a\xffz") == "a\xef\xbf\xbdz");
  JsonWriter j;
  j.begin_object().field("title", std::string("Caf\xe9")).end_object();
  CHECK(j.str() == "{\"title\":\"Caf\xef\xbf\xbd\"}");
}

TEST_CASE("a file larger than its limit - or a device with no end - is refused with the file named") {
  auto r = read_bounded_file("/dev/zero", 1024, "a test");
  REQUIRE(r.index() == 1);
  CHECK(std::get<1>(r) == "the file is larger than the 1 KiB limit for a test");
  const auto l = load_scenario_file("/dev/zero");
  REQUIRE(l.errors.size() == 1);
  CHECK(l.errors[0].str() == "/dev/zero: error: the file is larger than the 1 MiB limit for a scenario or script");
}
