#pragma once
// The fixed vocabulary scenarios and trainees choose from: screening
// decisions, precautions, aftercare and counselling instructions. Every item
// carries the clinical fact it teaches (docs/SOURCES.md).
#include <optional>
#include <span>
#include <string_view>

namespace dermasim::scenario {

enum class Decision { proceed, proceed_with_precautions, defer, refer };
std::string_view decision_name(Decision d);
std::string_view decision_text(Decision d);
std::optional<Decision> parse_decision(std::string_view name);
std::span<const Decision> all_decisions();
/// Decisions that lead to a procedure today.
inline bool treats_today(Decision d) { return d == Decision::proceed || d == Decision::proceed_with_precautions; }

enum class InstructionKind { aftercare, counselling, home_care };

struct Instruction {
  std::string_view id;
  InstructionKind kind;
  std::string_view text;  // what the trainee reads in the list
  std::string_view fact;  // docs/SOURCES.md id
  bool harmful;           // a plausible wrong option
  std::string_view why;   // what the guideline says, for feedback
};
std::span<const Instruction> instruction_catalog();
const Instruction* find_instruction(std::string_view id);

struct Precaution {
  std::string_view id;
  std::string_view text;
  std::string_view fact;
};
std::span<const Precaution> precaution_catalog();
const Precaution* find_precaution(std::string_view id);

/// Whether `id` names a fact in docs/SOURCES.md (P1, D2, X9, ...).
bool is_clinical_fact(std::string_view id);

}  // namespace dermasim::scenario
