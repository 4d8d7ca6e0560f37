#include "scenario/course_visit.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "scenario/course_concern.hpp"

namespace dermasim::scenario {
namespace {

void add_unique(std::vector<std::string>& list, std::string_view id) {
  if (std::find(list.begin(), list.end(), id) == list.end()) list.emplace_back(id);
}

HistoryItem exam_item(std::string_view id, std::string label, std::string intake, std::string question,
                      std::string answer, std::string fact) {
  HistoryItem h;
  h.id = std::string(id);
  h.label = std::move(label);
  h.intake = std::move(intake);
  h.question = std::move(question);
  h.answer = std::move(answer);
  h.relevant = true;
  h.fact = std::move(fact);
  return h;
}

std::string depth_text(const Range& r) {
  char buf[64];
  if (r.hi - r.lo < 1e-9) std::snprintf(buf, sizeof buf, "%.2f mm", r.lo);
  else std::snprintf(buf, sizeof buf, "%.2f-%.2f mm", r.lo, r.hi);
  return buf;
}

std::string whole(double v) { return std::to_string(static_cast<long>(std::lround(v))); }

}  // namespace

VisitFindings read_visit(const tissue::HealingCourse& course, int visit, bool pih_seen_before) {
  VisitFindings f;
  f.visit = visit;
  f.day = course.day();
  int treated = 0;
  for (int i = 0; i < course.cell_count(); ++i) {
    if (!course.treated(i)) continue;
    ++treated;
    f.erythema_mean += course.erythema(i);
    f.pigment_mean += course.pigment(i);
  }
  if (treated > 0) {
    f.erythema_mean /= treated;
    f.pigment_mean /= treated;
  }
  for (const auto& c : course.complications())
    // One kept going by daily home rolling (H2) lasts until the rolling stopped.
    if (c.kind == "infection" && c.occurred && f.day >= c.onset_day &&
        f.day <= std::max(c.onset_day, c.kept_until_day) + infection_present_days)
      f.infection = true;
  const bool pih_visible = f.pigment_mean >= pih_visible_level;
  f.pih_new = pih_visible && !pih_seen_before;
  f.pih_earlier = pih_seen_before;
  const auto state = course.state();
  for (const auto& m : state.marks) f.improvement_percent += m.improvement_percent;
  if (!state.marks.empty()) f.improvement_percent /= static_cast<double>(state.marks.size());
  return f;
}

std::shared_ptr<const Scenario> visit_scenario(const std::shared_ptr<const Scenario>& base, const VisitFindings& f) {
  if (f.visit <= 1) return base;
  auto s = std::make_shared<Scenario>(*base);
  s->title = base->title + " - visit " + std::to_string(f.visit);
  AnswerKey& k = s->key;
  const std::string since = "day " + whole(f.day) + " of the course";
  if (f.pih_earlier) {
    // D7: after PIH the course goes on more gently: precautions and one
    // pen step shallower than the case's first depth (never below its floor).
    s->history.push_back(exam_item(visit_item_pih_earlier, "PIH after an earlier session",
                                   "On examination (" + since + "): the darker patches from an earlier session are fading",
                                   "Have the darker patches changed since we paused?",
                                   "They're lighter than they were. I've kept to the sunscreen and the cream.", "D7"));
    add_unique(k.findings, visit_item_pih_earlier);
    k.decision = Decision::proceed_with_precautions;
    add_unique(k.precautions, "pih_precautions");
    add_unique(k.precautions, "conservative_depth");
    k.needle_depth_mm.hi = std::max(k.needle_depth_mm.lo, base->key.needle_depth_mm.hi - depth_step_after_pih_mm);
    // The case's own depth feedback was written for the first visit.
    std::erase_if(s->feedback, [](const auto& entry) { return entry.first == "setting_too_deep"; });
    s->feedback.emplace_back("setting_too_deep",
                             "After post-inflammatory hyperpigmentation the course goes on more gently (D7): PIH "
                             "precautions and a needle one pen step (0.25 mm, D6) shallower than before it, " +
                                 depth_text(k.needle_depth_mm) + " here.");
  }
  if (f.pih_new) {
    // D7, E2: a colour change after a session is treated and allowed to
    // settle before the next one; needling through it feeds it.
    s->history.push_back(exam_item(visit_item_pih_new, "Darkening since the last session (PIH)",
                                   "On examination (" + since + "): brown patches over the skin treated last time",
                                   "When did the darker patches appear, and have they changed?",
                                   "About ten days after the last session. They haven't faded yet.", "D7"));
    add_unique(k.findings, visit_item_pih_new);
    k.decision = Decision::defer;
    k.precautions.clear();
  }
  if (f.infection) {
    // X1, E2: an active infection in the area is not treated.
    s->history.push_back(exam_item(visit_item_infection, "Infection in the treated area",
                                   "On examination (" + since + "): the treated skin is red, warm and weeping in places",
                                   "How has the treated area been since the last session?",
                                   "It got sore and hot a few days ago and there's some yellow crust.", "X1"));
    add_unique(k.findings, visit_item_infection);
    k.decision = Decision::defer;
    k.precautions.clear();
  }
  // C2, C3: what the patient raises today, from the case's `concerns:`.
  for (const CourseConcern* c : concerns_at(*base, f.visit, f.improvement_percent)) add_concern(*s, *c);
  return s;
}

}  // namespace dermasim::scenario
