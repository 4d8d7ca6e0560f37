// Trainee-script YAML: any bytes give located errors or a script, never an
// exception. A script that passes the check against its (shipped) scenario
// is played through the session and the physics for a bounded number of
// steps, and nothing there may refuse it: check refuses first.
#include <filesystem>
#include <map>
#include <memory>

#include "fuzz_support.hpp"
#include "physics/scripted_pen.hpp"
#include "scenario/grading.hpp"
#include "scenario/scenario_loader.hpp"
#include "scenario/script.hpp"
#include "scenario/session.hpp"

using namespace dermasim;

namespace {

// Enough steps to land the pen and press it along a stroke; the attempt's length
// is bounded by check (max_attempt_s), which this target also exercises.
constexpr int max_fuzz_steps = 500;

const std::map<std::string, std::shared_ptr<const scenario::Scenario>>& shipped() {
  static const auto all = [] {
    std::map<std::string, std::shared_ptr<const scenario::Scenario>> m;
    for (const auto& e : std::filesystem::directory_iterator(fuzz::source_path("scenarios"))) {
      if (e.path().extension() != ".yaml") continue;
      auto l = scenario::load_scenario_file(e.path().string());
      if (!l.scenario) continue;
      const std::string id = l.scenario->id;  // before the move below
      m[id] = std::make_shared<const scenario::Scenario>(std::move(*l.scenario));
    }
    return m;
  }();
  return all;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text = fuzz::bytes_of(data, size);
  scenario::ScriptLoad load;
  try {
    load = scenario::load_script_text(text, "fuzz.yaml");
  } catch (const std::exception& e) {
    fuzz::fuzz_fail(std::string("load_script_text threw: ") + e.what());
  }
  for (const auto& e : load.errors) fuzz::fuzz_check(e.line >= 1 && e.column >= 1, "an error without line:col: " + e.str());
  if (!load.script) return 0;
  const scenario::TraineeScript& t = *load.script;
  const auto found = shipped().find(t.scenario_id);
  if (found == shipped().end()) return 0;
  const auto& s = found->second;
  if (!scenario::check_script_against(t, *s).empty()) return 0;
  try {
    scenario::Session session(s);
    for (const auto& id : t.consultation.asked) session.ask(id);
    session.set_findings(t.consultation.findings);
    session.decide(t.consultation.decision, t.consultation.precautions);
    if (session.stage() == scenario::Stage::plan) {
      fuzz::fuzz_check(t.plan.has_value(), "check accepted a treating script without a plan");
      session.set_plan(*t.plan);
      physics::ScriptedPen pen(scenario::procedure_path(t, *s));
      fuzz::fuzz_check(pen.duration_s() <= scenario::procedure_seconds_bound(t, *s),
                       "the procedure runs longer than its bound");
      for (int i = 0; i < max_fuzz_steps && !pen.finished(); ++i) session.step(pen.next());
      session.finish_procedure();
      if (t.aftercare) session.set_aftercare(*t.aftercare);
    }
    const scenario::Grade g = scenario::grade_attempt(*s, session.answers(), session.commands());
    fuzz::fuzz_check(g.total >= 0.0 && g.total <= 100.0, "a grade total outside 0..100");
  } catch (const std::exception& e) {
    fuzz::fuzz_fail(std::string("check accepted a script the simulator refuses: ") + e.what());
  }
  return 0;
}
