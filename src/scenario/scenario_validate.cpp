#include "scenario/scenario_validate.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include "tissue/healing_params.hpp"

namespace dermasim::scenario {
namespace {

using Names = std::vector<std::string_view>;

bool contains(const std::vector<std::string>& v, std::string_view x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

// The node of list[key][index] if it exists, else list[key], else the map
// (else the document's start: a section may be missing altogether).
YAML::Mark entry_mark(const YamlReader& r, const YAML::Node& map, std::string_view key, std::size_t index) {
  const YAML::Node list = get(map, key);
  if (is_sequence(list) && index < list.size()) return r.mark(list[index]);
  if (list.IsDefined()) return r.mark(list);
  return r.mark(map);
}

void check_history(const Scenario& s, const YAML::Node& root, YamlReader& r) {
  std::set<std::string> seen;
  std::size_t history_index = 0, medication_index = 0;
  for (const HistoryItem& item : s.history) {
    const std::string_view list = item.medication ? "medications" : "history";
    const std::size_t index = item.medication ? medication_index++ : history_index++;
    const YAML::Mark at = entry_mark(r, root, list, index);
    if (!seen.insert(item.id).second) r.error(at, "id '" + item.id + "' is used twice");
    if (item.intake.empty() && item.question.empty())
      r.error(at, "'" + item.id + "' can never be found: give it intake text or a follow_up question");
    if (!item.fact.empty() && !is_clinical_fact(item.fact))
      r.error(at, "fact '" + item.fact + "' is not an id of docs/SOURCES.md (P1..H3)");
    if (item.relevant && item.fact.empty())
      r.error(at, "'" + item.id + "' is relevant to screening: cite the clinical fact it depends on (fact: X4)");
  }
}

void check_key(const Scenario& s, const YAML::Node& root, YamlReader& r) {
  const AnswerKey& k = s.key;
  const YAML::Node key = get(root, "answer_key");
  Names item_ids;
  for (const auto& i : s.history) item_ids.push_back(i.id);

  for (std::size_t i = 0; i < k.findings.size(); ++i) {
    const HistoryItem* item = s.find_item(k.findings[i]);
    const YAML::Mark at = entry_mark(r, key, "findings", i);
    if (!item) {
      const std::string guess = did_you_mean(k.findings[i], item_ids);
      r.error(at, "finding '" + k.findings[i] + "' names no history item or medication" +
                      (guess.empty() ? "" : " (did you mean '" + guess + "'?)"));
    } else if (!item->relevant) {
      r.error(at, "finding '" + k.findings[i] + "' is marked relevant: false in the history: the key contradicts it");
    }
  }
  for (const auto& item : s.history)
    if (item.relevant && !contains(k.findings, item.id))
      r.error(r.mark_of(key, "findings"), "history item '" + item.id + "' is relevant but not in the findings");

  Names precaution_ids;
  for (const auto& p : precaution_catalog()) precaution_ids.push_back(p.id);
  for (std::size_t i = 0; i < k.precautions.size(); ++i)
    if (!find_precaution(k.precautions[i])) {
      const std::string guess = did_you_mean(k.precautions[i], precaution_ids);
      r.error(entry_mark(r, key, "precautions", i), "precaution '" + k.precautions[i] + "' is not one of " +
                                                     join_names(precaution_ids) +
                                                     (guess.empty() ? "" : " (did you mean '" + guess + "'?)"));
    }
  if (k.decision == Decision::proceed_with_precautions && k.precautions.empty())
    r.error(r.mark_of(key, "decision"), "decision proceed_with_precautions needs at least one precaution");
  if (k.decision == Decision::proceed && !k.precautions.empty())
    r.error(r.mark_of(key, "precautions"), "precautions are listed but the decision is plain 'proceed'");

  if (treats_today(k.decision)) {
    const double lo = physics::DeviceSettings::min_length_mm, hi = physics::DeviceSettings::max_length_mm;
    // Each bound is reported at its own element, naming which end is wrong.
    auto outside = [&](std::size_t end, double v) {
      r.error(entry_mark(r, key, "needle_depth_mm", end),
              std::string("needle_depth_mm ") + (end == 0 ? "low" : "high") + " end " + number_text(v) +
                  " goes outside the device's range 0.25..3.0 mm");
    };
    if (k.needle_depth_mm.lo < lo) outside(0, k.needle_depth_mm.lo);
    if (k.needle_depth_mm.hi > hi) outside(1, k.needle_depth_mm.hi);
    bool reachable = false;
    for (auto c : k.cartridges) reachable = reachable || physics::cartridge(c).max_length_mm >= k.needle_depth_mm.lo;
    if (!reachable)
      r.error(r.mark_of(key, "cartridges"), "no listed cartridge reaches the lowest acceptable needle depth");
    if (k.cartridges.empty()) r.error(r.mark_of(key, "cartridges"), "cartridges must list at least one");
    // P6: an RF plan names its energy, inside the generator's range; in
    // darker skin (D7) not above the energy from which PIH rises.
    bool rf_cartridge = false;
    for (auto c : k.cartridges) rf_cartridge = rf_cartridge || physics::cartridge(c).rf_electrodes;
    if (rf_cartridge && !k.rf_energy_mj)
      r.error(r.mark_of(key, "cartridges"), "an RF cartridge is listed, so the key needs rf_energy_mj: the energy "
                                            "range per needle this case accepts (P6)");
    if (k.rf_energy_mj) {
      if (!rf_cartridge)
        r.error(r.mark_of(key, "rf_energy_mj"), "rf_energy_mj needs an RF cartridge (rf_insulated_25) in cartridges");
      if (k.rf_energy_mj->hi > physics::DeviceSettings::max_rf_energy_mj)
        r.error(entry_mark(r, key, "rf_energy_mj", 1),
                "rf_energy_mj high end " + number_text(k.rf_energy_mj->hi) + " goes outside the RF generator's range 0.." +
                    number_text(physics::DeviceSettings::max_rf_energy_mj) + " mJ per needle");
      else if (s.patient.fitzpatrick >= tissue::healing::rf_pih_min_fitzpatrick &&
               k.rf_energy_mj->hi > tissue::healing::rf_pih_onset_mj)
        r.error(entry_mark(r, key, "rf_energy_mj", 1),
                "rf_energy_mj high end " + number_text(k.rf_energy_mj->hi) + " is above " +
                    number_text(tissue::healing::rf_pih_onset_mj) + " mJ, where PIH risk rises in Fitzpatrick " +
                    "IV-VI skin (D7, P6): the key would teach a setting the outcome model punishes");
    }
    if (key["target_layers"].IsDefined() && k.target_layers.empty())
      r.error(r.mark_of(key, "target_layers"), "target_layers must list at least one (or leave it out)");
    if (k.coverage.max_per_cm2 <= k.coverage.target_per_cm2)
      r.error(r.mark_of(key, "coverage"), "coverage max_per_cm2 must be above target_per_cm2");
    if (k.technique.force_n && k.technique.force_n->hi <= k.technique.force_n->lo)
      r.error(r.mark_of(key, "technique"), "technique force_n must be a band with its high end above its low end");
  }

  Names instruction_ids;
  for (const auto& i : instruction_catalog()) instruction_ids.push_back(i.id);
  const YAML::Node after = get(key, "aftercare");
  auto check_instructions = [&](const std::vector<std::string>& list, std::string_view name, bool want_harmful) {
    for (std::size_t i = 0; i < list.size(); ++i) {
      const Instruction* ins = find_instruction(list[i]);
      const YAML::Mark at = entry_mark(r, after, name, i);
      if (!ins) {
        const std::string guess = did_you_mean(list[i], instruction_ids);
        r.error(at, "instruction '" + list[i] + "' is not in the catalogue" +
                        (guess.empty() ? " (see the README's list)" : " (did you mean '" + guess + "'?)"));
      } else if (ins->harmful != want_harmful) {
        r.error(at, "'" + list[i] + "' is " + (ins->harmful ? "a harmful" : "a correct") + " instruction; it cannot be " +
                        std::string(name));
      }
    }
  };
  check_instructions(k.aftercare_required, "required", false);
  check_instructions(k.aftercare_forbidden, "forbidden", true);
}

void check_rubric(const Scenario& s, const YAML::Node& root, YamlReader& r) {
  const YAML::Node rubric = get(root, "rubric");
  double total = 0.0;
  for (double w : s.rubric.weights) total += w;
  if (total <= 0.0) r.error(r.mark_of(rubric, "weights"), "the criterion weights add up to 0");
  for (std::size_t i = 0; i < s.rubric.critical.size(); ++i) {
    const CriticalRule& c = s.rubric.critical[i];
    const YAML::Mark at = entry_mark(r, rubric, "critical_errors", i);
    if (c.kind == CriticalKind::missed_finding && !contains(s.key.findings, c.target))
      r.error(at, "critical error names finding '" + c.target + "', which is not in the answer key's findings");
    if (c.kind == CriticalKind::harmful_instruction) {
      const Instruction* ins = find_instruction(c.target);
      if (!ins || !ins->harmful)
        r.error(at, "critical error names '" + c.target + "', which is not a harmful instruction in the catalogue");
    }
    if (c.kind == CriticalKind::missing_instruction && !contains(s.key.aftercare_required, c.target))
      r.error(at, "critical error names instruction '" + c.target + "', which is not in the answer key's required aftercare");
    if (!c.fact.empty() && !is_clinical_fact(c.fact))
      r.error(at, "critical error cites fact '" + c.fact + "', which is not a fact id of the clinical reference");
  }
}

// Whether `text` holds `phrase` as whole words, ignoring case.
bool has_words(std::string_view text, std::string_view phrase) {
  auto lower = [](std::string_view v) {
    std::string out(v);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
  };
  const std::string t = lower(text), p = lower(phrase);
  auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
  for (auto at = t.find(p); at != std::string::npos; at = t.find(p, at + 1)) {
    const bool starts = at == 0 || !word(t[at - 1]);
    const bool ends = at + p.size() == t.size() || !word(t[at + p.size()]);
    if (starts && ends) return true;
  }
  return false;
}

// The trainee reads the title before the consultation: it must not give away
// the decision, nor a finding that only a follow-up question reveals (X7).
void check_title(const Scenario& s, const YAML::Node& root, YamlReader& r) {
  const YAML::Mark at = r.mark_of(root, "title");
  for (std::string_view word : {"proceed", "defer", "refer", "contraindicated", "contraindication"})
    if (has_words(s.title, word))
      r.error(at, "the title is shown to the trainee and gives away the decision ('" + std::string(word) +
                      "'): describe the patient; put the answer in the summary");
  for (const HistoryItem& item : s.history) {
    if (!item.relevant || !item.intake.empty()) continue;
    std::string words = item.id;
    std::replace(words.begin(), words.end(), '_', ' ');
    if (has_words(s.title, words))
      r.error(at, "the title names '" + item.id + "', which only a follow-up question reveals: the trainee should find it");
  }
}

bool mentions(const HistoryItem& item, std::initializer_list<std::string_view> stems) {
  std::string text = item.id + " " + item.label;
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (std::string_view stem : stems)
    if (text.find(stem) != std::string::npos) return true;
  return false;
}

// The patient's `pregnant` and `nursing` fields state a finding outright.
// The trainee sees only the presentation, the intake form and the answers to
// questions asked, so a true field must match a history item the intake form
// shows; otherwise it would give away (in any view of the patient) a finding
// the case hides behind a follow-up question (X7).
void check_patient_findings(const Scenario& s, const YAML::Node& root, YamlReader& r) {
  struct Flag {
    bool on;
    const char* key;
    std::initializer_list<std::string_view> stems;
  };
  for (const Flag& f : {Flag{s.patient.pregnant, "pregnant", {"pregnan"}},
                        Flag{s.patient.nursing, "nursing", {"nursing", "breastfe", "lactat"}}}) {
    if (!f.on) continue;
    const HistoryItem* hidden = nullptr;
    bool on_form = false;
    for (const HistoryItem& item : s.history) {
      if (!item.relevant || !mentions(item, f.stems)) continue;  // a finding, not a red herring like vitamins
      if (!item.intake.empty()) on_form = true;
      else if (!hidden) hidden = &item;
    }
    if (on_form) continue;
    const std::string key(f.key);
    r.error(r.mark_of(root["patient"], key),
            hidden ? key + ": true reveals '" + hidden->id +
                         "', which the case hides behind a follow-up question (it has no intake text): leave " + key +
                         " false and let the question reveal it, or put it on the intake form"
                   : key + ": true states a finding no relevant history item shows: add one with intake text (what the "
                         "intake form says), or leave " + key + " false");
  }
}

void check_patch(const Scenario& s, const YAML::Node& root, YamlReader& r) {
  const YAML::Node marks = get(root, "stretch_marks");
  // Whatever the skin patch (and so the simulator) refuses, check refuses
  // first: the patch's own rules, once for the whole patch (the number of
  // marks) and per mark at the mark's line.
  const std::string per_mark = "stretch mark ";
  for (const auto& p : s.patch.problems())
    if (p.rfind(per_mark, 0) != 0) r.error(marks, p);
  for (std::size_t i = 0; i < s.patch.marks.size(); ++i) {
    const YAML::Mark at = is_sequence(marks) && i < marks.size() ? r.mark(marks[i]) : r.mark(marks);
    tissue::PatchSpec single = s.patch;
    single.marks = {s.patch.marks[i]};
    for (const auto& p : single.problems())
      if (p.rfind(per_mark, 0) == 0) r.error(at, "stretch mark " + std::to_string(i + 1) + ": " + p.substr(p.find(": ") + 2));
  }
  if (s.patch.marks.empty()) r.error(marks, "a case needs at least one stretch mark");
  if (s.patient.pregnant && s.patient.sex == tissue::Sex::male)
    r.error(r.mark_of(get(root, "patient"), "pregnant"), "a male patient cannot be pregnant");
  for (char c : s.id)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
      r.error(r.mark_of(root, "id"), "id must be lower_snake_case (it names files): '" + s.id + "'");
      break;
    }
}

}  // namespace

const std::vector<std::string_view>& feedback_ids() {
  static const std::vector<std::string_view> ids{
      "depth", "coverage", "technique", "screening", "aftercare",
      "setting_too_shallow", "setting_too_deep", "wrong_cartridge", "not_reaching_dermis", "into_fat",
      "rf_energy_too_high", "rf_energy_too_low",
      "coverage_low", "outside_target", "over_treated", "uneven",
      "tilt", "force_low", "force_high", "speed", "lax_skin", "drag", "dwell", "no_numbing",
      "missed_finding", "false_alarm", "wrong_decision", "missing_precaution", "no_treatment",
      "missing_instruction", "harmful_instruction", "schedule_count", "schedule_interval", "schedule_maintenance"};
  return ids;
}

void validate_scenario(const Scenario& s, const YAML::Node& root, YamlReader& r) {
  check_patch(s, root, r);
  check_title(s, root, r);
  check_patient_findings(s, root, r);
  check_history(s, root, r);
  check_key(s, root, r);
  check_rubric(s, root, r);
}

}  // namespace dermasim::scenario
