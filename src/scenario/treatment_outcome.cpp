#include "scenario/treatment_outcome.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "scenario/session.hpp"

namespace dermasim::scenario {
namespace {

bool has(const std::vector<std::string>& list, std::string_view id) {
  return std::find(list.begin(), list.end(), id) != list.end();
}

}  // namespace

InjuryRecorder::InjuryRecorder(std::shared_ptr<const tissue::SkinPatch> patch)
    : patch_(std::move(patch)), map_(std::make_shared<tissue::InjuryMap>(patch_->width_mm(), patch_->height_mm())) {}

void InjuryRecorder::observe(const physics::Simulator& sim, const physics::StepEvents& ev) {
  // P6: an RF cartridge fires its energy at every tip that enters the skin.
  const double rf_energy_mj = sim.cartridge().rf_electrodes ? sim.device().rf_energy_mj : 0.0;
  for (const auto& p : ev.punctures) map_->add_puncture(*patch_, p.x_mm, p.y_mm, p.depth_mm, p.deepest, rf_energy_mj);
  // E3: dragging with needles in the skin draws the tram-track lines.
  if ((ev.feedback.cues & physics::cue_drag) != 0)
    map_->add_drag(sim.pose().cap_center_mm.x, sim.pose().cap_center_mm.y, sim.cartridge().cap_radius_mm,
                   physics::Simulator::dt_s, sim.pose().velocity_mm_s.x, sim.pose().velocity_mm_s.y);
}

tissue::CareGiven care_given(const Answers& answers) {
  tissue::CareGiven care;
  const std::vector<std::string> none;
  const auto& given = answers.aftercare ? answers.aftercare->instructions : none;
  care.sun_protection = has(given, "avoid_sun_week") && has(given, "sunscreen_spf30");  // A1, A2
  care.tanning_advised = has(given, "tan_no_sunscreen");
  care.hygiene = has(given, "keep_clean_hands_off");  // A5
  care.picking_allowed = has(given, "pick_scratch_ok");
  if (answers.consultation) {
    const auto& p = answers.consultation->precautions;
    care.pih_precautions = has(p, "pih_precautions") || has(p, "test_spot") || has(p, "conservative_depth");  // D7
  }
  return care;
}

tissue::PatientProfile patient_profile(const Scenario& s) {
  tissue::PatientProfile p;
  p.fitzpatrick = s.patient.fitzpatrick;
  p.age_years = s.patient.age_years;
  return p;
}

tissue::SeriesPlan planned_series(const Answers& answers) {
  tissue::SeriesPlan plan;
  if (answers.aftercare && answers.aftercare->sessions > 0 && answers.aftercare->interval_weeks > 0.0) {
    plan.sessions = std::clamp(answers.aftercare->sessions, 1, 12);
    plan.interval_days = 7.0 * std::clamp(answers.aftercare->interval_weeks, 0.5, 52.0);
  }
  return plan;
}

TreatedSession treated_session(const Scenario& s, const Answers& answers, const std::vector<physics::PenCommand>& commands,
                               const physics::DeviceSettings* device) {
  if (!answers.plan) throw std::invalid_argument("the attempt treated nothing: no outcome to predict");
  TreatedSession t;
  t.patch = std::make_shared<const tissue::SkinPatch>(s.patch);
  const physics::DeviceSettings settings = device ? *device : answers.plan->device;
  physics::Simulator sim(t.patch, settings, technique_limits(s, settings));
  InjuryRecorder recorder(t.patch);
  for (const auto& c : commands) recorder.observe(sim, sim.step(c));
  t.patient = patient_profile(s);
  t.session.injury = recorder.map();
  t.session.care = care_given(answers);
  if (settings.rf_energy_mj > 0.0) t.session.modality = tissue::Modality::rf_microneedling;  // P6
  t.plan = planned_series(answers);
  return t;
}

RfReadout rf_readout(const tissue::InjuryMap& map) {
  return {map.rf_channels(), map.rf_mean_energy_mj(), map.rf_mean_zone_length_mm(), map.rf_epidermal_burn_share()};
}

OutcomeTimeline predict_outcome(const TreatedSession& t, const std::vector<double>& days, std::uint64_t seed,
                                const std::function<void(const tissue::HealingCourse&)>& visit) {
  OutcomeTimeline out;
  if (t.session.injury) out.rf = rf_readout(*t.session.injury);
  out.plan = t.plan;
  out.seed = seed;
  tissue::HealingCourse course(t.patch, t.patient, seed);
  tissue::run_series(course, t.session, t.plan, days, [&](const tissue::HealingCourse& c) {
    out.states.push_back(c.state());
    if (visit) visit(c);
  });
  out.complications = course.complications();
  return out;
}

}  // namespace dermasim::scenario
