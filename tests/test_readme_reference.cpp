// Instructors write cases from the README alone: its reference must name every
// instruction, precaution and feedback id the program accepts, and tell the
// truth about each instruction's fact and whether it is harmful.
#include <doctest/doctest.h>

#include <string>

#include "scenario/catalog.hpp"
#include "scenario/scenario_validate.hpp"
#include "scenario/scoring_rules.hpp"
#include "scenario/text_file.hpp"
#include "scenario_helpers.hpp"

using namespace dermasim;
using namespace dermasim::scenario;

namespace {
std::string readme() {
  const auto text = read_text_file(test::source_path("README.md"));
  REQUIRE(text);
  return *text;
}

// The README table row that starts with the id in backticks, or "".
std::string row_of(const std::string& text, std::string_view id) {
  const std::string start = "| `" + std::string(id) + "` |";
  const auto at = text.find(start);
  if (at == std::string::npos) return "";
  return text.substr(at, text.find('\n', at) - at);
}
}  // namespace

TEST_CASE("the README's instruction table matches the catalogue: text, fact and harm") {
  const std::string text = readme();
  for (const Instruction& i : instruction_catalog()) {
    CAPTURE(i.id);
    const std::string row = row_of(text, i.id);
    REQUIRE_FALSE(row.empty());
    CHECK(row.find("| " + std::string(i.text) + " |") != std::string::npos);
    CHECK(row.find("| " + std::string(i.fact) + " |") != std::string::npos);
    CHECK((row.find("**yes**") != std::string::npos) == i.harmful);
  }
}

TEST_CASE("the README's precaution table matches the catalogue") {
  const std::string text = readme();
  for (const Precaution& p : precaution_catalog()) {
    CAPTURE(p.id);
    const std::string row = row_of(text, p.id);
    REQUIRE_FALSE(row.empty());
    CHECK(row.find("| " + std::string(p.text) + " | " + std::string(p.fact) + " |") != std::string::npos);
  }
}

TEST_CASE("the README names every feedback id a scenario may override") {
  const std::string text = readme();
  for (std::string_view id : feedback_ids()) {
    CAPTURE(id);
    CHECK(text.find("`" + std::string(id) + "`") != std::string::npos);
  }
}

TEST_CASE("the README's scoring rules are the grader's: generated from the scoring constants") {
  // Regenerate with `dermasim help scoring` and paste it under "How criteria
  // are scored" when a constant changes.
  const std::string text = readme();
  const std::string rules = scoring::scoring_rules_markdown();
  CHECK_MESSAGE(text.find(rules) != std::string::npos,
                "README.md's \"How criteria are scored\" differs from the grader; it should read:\n" << rules);
}
