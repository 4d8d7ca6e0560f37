#include "scenario/course_concern.hpp"

#include <algorithm>

namespace dermasim::scenario {
namespace {

void add_unique(std::vector<std::string>& list, const std::string& id) {
  if (std::find(list.begin(), list.end(), id) == list.end()) list.push_back(id);
}

}  // namespace

std::vector<const CourseConcern*> concerns_at(const Scenario& s, int visit, double improvement_percent) {
  std::vector<const CourseConcern*> out;
  if (!s.course) return out;
  for (const CourseConcern& c : s.course->concerns)
    if (visit >= c.at_visit && improvement_percent < c.while_improvement_below_percent) out.push_back(&c);
  return out;
}

void add_concern(Scenario& today, const CourseConcern& c) {
  HistoryItem h;
  h.id = c.id;
  h.label = c.label;
  h.intake = c.intake;
  h.question = c.question;
  h.answer = c.answer;
  h.relevant = true;
  h.fact = c.fact;
  today.history.push_back(std::move(h));
  AnswerKey& k = today.key;
  add_unique(k.findings, c.id);
  for (const auto& id : c.require) add_unique(k.aftercare_required, id);
  for (const auto& id : c.forbid) add_unique(k.aftercare_forbidden, id);
  Rubric& rubric = today.rubric;
  // C2: expectations must be set; a concern treated past is not set.
  CriticalRule heard;
  heard.kind = CriticalKind::missed_finding;
  heard.target = c.id;
  heard.fact = c.fact;
  heard.message = "The patient raised a concern (" + c.label + ") and the session went ahead without taking it up: "
                  "expectations must be set (C2) and she needs the honest answer (" + c.fact + ").";
  rubric.critical.push_back(std::move(heard));
  for (const auto& id : c.forbid) {
    // The concern's rule replaces the case's own for the same line: one
    // mistake, one critical error, in the words of the concern.
    std::erase_if(rubric.critical, [&](const CriticalRule& r) {
      return r.kind == CriticalKind::harmful_instruction && r.target == id;
    });
    const Instruction* ins = find_instruction(id);  // the loader checked it is a harmful catalogue line
    CriticalRule wrong;
    wrong.kind = CriticalKind::harmful_instruction;
    wrong.target = id;
    wrong.fact = c.fact;
    wrong.message = "Answered the patient's concern (" + c.label + ", " + c.fact + ") with \"" +
                    std::string(ins ? ins->text : id) + "\". " + std::string(ins ? ins->why : "");
    rubric.critical.push_back(std::move(wrong));
  }
}

}  // namespace dermasim::scenario
