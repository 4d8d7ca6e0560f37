#include "scenario/outcome_cohort.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>

#include "physics/roller_passes.hpp"
#include "physics/scripted_pen.hpp"
#include "scenario/session.hpp"
#include "tissue/healing_params.hpp"
#include "tissue/seeded_random.hpp"

namespace dermasim::scenario {
namespace {

using tissue::StriaType;

struct VirtualPatient {
  const CohortSource* source = nullptr;
  StriaType type = StriaType::rubra;
  double severity = 0.5;
  tissue::PatientProfile profile;
  std::shared_ptr<const tissue::SkinPatch> patch;
  std::uint64_t seed = 0;
};

// The cohort's spread. Severity covers the published stria dermis range
// (stretch_mark.cpp); types and skin types are equally likely; adults 18-60;
// each person's own collagen response is log-normal with a 25% spread (a
// model choice: wide enough that some patients do not notice a change, S4).
constexpr double severity_min = 0.1, severity_max = 0.9;
constexpr double severity_jitter_per_mark = 0.1;
constexpr int age_min_years = 18, age_span_years = 42;
constexpr double individual_response_sigma = 0.25;

std::vector<VirtualPatient> draw_cohort(const std::vector<CohortSource>& sources, const CohortOptions& o) {
  std::vector<VirtualPatient> out;
  for (int i = 0; i < o.patients; ++i) {
    VirtualPatient v;
    const auto key = static_cast<std::uint64_t>(i) * 16;
    v.source = &sources[static_cast<std::size_t>(i) % sources.size()];
    v.type = tissue::uniform01(o.seed, key + 1) < 0.5 ? StriaType::rubra : StriaType::alba;
    v.severity = severity_min + (severity_max - severity_min) * tissue::uniform01(o.seed, key + 2);
    v.profile.fitzpatrick = 1 + std::min(5, static_cast<int>(6.0 * tissue::uniform01(o.seed, key + 3)));
    v.profile.age_years = age_min_years + static_cast<int>(age_span_years * tissue::uniform01(o.seed, key + 4));
    v.profile.individual_response = std::exp(individual_response_sigma * tissue::normal01(o.seed, key + 5));
    v.seed = tissue::splitmix64(o.seed ^ (key + 6));
    tissue::PatchSpec spec = v.source->scenario->patch;
    for (std::size_t k = 0; k < spec.marks.size(); ++k) {
      auto& m = spec.marks[k];
      m.type = v.type;
      m.colour.reset();
      const double jitter = severity_jitter_per_mark * (tissue::uniform01(o.seed, key + 7, k) - 0.5);
      m.severity = std::clamp(v.severity + jitter, 0.0, 1.0);
    }
    v.patch = std::make_shared<const tissue::SkinPatch>(spec);
    out.push_back(std::move(v));
  }
  return out;
}

struct ArmResult {
  tissue::OutcomeState state;
  bool pih = false, infection = false;
  double mean_improvement = 0.0, min_improvement = 0.0;
};

ArmResult summarise(const tissue::HealingCourse& course) {
  ArmResult r;
  r.state = course.state();
  r.min_improvement = 100.0;
  for (const auto& m : r.state.marks) {
    r.mean_improvement += m.improvement_percent;
    r.min_improvement = std::min(r.min_improvement, m.improvement_percent);
  }
  if (!r.state.marks.empty()) r.mean_improvement /= static_cast<double>(r.state.marks.size());
  for (const auto& c : course.complications()) {
    r.pih = r.pih || (c.kind == "pih" && c.occurred);
    r.infection = r.infection || (c.kind == "infection" && c.occurred);
  }
  return r;
}

ArmResult run_arm(const VirtualPatient& v, const std::shared_ptr<const tissue::InjuryMap>& map, const tissue::SeriesPlan& plan,
                  double after_last_days, tissue::Modality modality = tissue::Modality::microneedling) {
  tissue::HealingCourse course(v.patch, v.profile, v.seed);
  tissue::SessionInput in{map, v.source->care, modality};
  ArmResult r;
  tissue::run_series(course, in, plan, {tissue::day_after_series(plan, after_last_days)},
                     [&](const tissue::HealingCourse& c) { r = summarise(c); });
  return r;
}

// Alster & Li 2020 gave 1-3 monthly sessions, 1.8 on average, and every
// stria improved at least 50%. Read here as treating until the marks are half
// better, at most three sessions: each virtual patient has the fewest sessions
// (1-3) whose result at the study's long-term follow-up (read as 6 months
// after the last session) reaches 50%, so the mean number of sessions is an
// output to compare, not an input.
constexpr double monthly_days = 30.0;
constexpr double alster_follow_up_days = 180.0;
constexpr int alster_max_sessions = 3;
constexpr double alster_target_percent = 50.0;
constexpr double full_result_days = 84.0;  // S3: full results about 3 months after the series
// Alster & Li's patients, as far as the model can tell: marks that are not
// deep and dark (C2), treated at the depths for moderate to severe striae
// (D2-D3, 1.0-1.5 mm).
constexpr double alster_max_severity = 0.6;
constexpr double alster_min_length_mm = 1.0, alster_max_length_mm = 1.5;
// 0 of 25 patients below 50%: the 95% upper bound of that proportion is about
// 3/25 (the rule of three), so the model may put at most 12% of striae below.
constexpr double alster_below_bound_percent = 12.0;
// S1: "a series" is at least three sessions; a maintenance visit's single
// session is extended to that for the series rows.
constexpr int min_series_sessions = 3;

double mean_of(const std::vector<double>& v) {
  double s = 0.0;
  for (double x : v) s += x;
  return v.empty() ? 0.0 : s / static_cast<double>(v.size());
}

ValidationRow number_row(std::string name, std::string source, double published, double simulated, std::string unit,
                         double tolerance, bool calibrated = false) {
  ValidationRow r;
  r.name = std::move(name);
  r.source = std::move(source);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%g", published);
  r.published = buf;
  r.published_is_number = true;
  r.simulated = simulated;
  r.unit = std::move(unit);
  std::snprintf(buf, sizeof buf, "+/- %g", tolerance);
  r.tolerance = buf;
  r.within = std::abs(simulated - published) <= tolerance;
  r.calibrated = calibrated;
  return r;
}

ValidationRow claim_row(std::string name, std::string source, std::string published, double simulated, std::string unit,
                        std::string tolerance, bool within) {
  ValidationRow r;
  r.name = std::move(name);
  r.source = std::move(source);
  r.published = std::move(published);
  r.simulated = simulated;
  r.unit = std::move(unit);
  r.tolerance = std::move(tolerance);
  r.within = within;
  return r;
}

}  // namespace

namespace {

// H1's home arm: the 192-needle home roller (physics/roller_passes.hpp) rolled
// the paper's way (16 passes over every point, 5 N, the skin stretched: the
// best a patient does at home) over the rectangle the script's pen treated.
std::shared_ptr<const tissue::InjuryMap> home_rolled(const std::shared_ptr<const tissue::SkinPatch>& patch,
                                                     const std::vector<physics::PenCommand>& commands) {
  double x0 = 1e300, y0 = 1e300, x1 = -1e300, y1 = -1e300;
  for (const auto& c : commands)
    if (c.motor_on && c.force_n > 0.0) {
      x0 = std::min(x0, c.x_mm);
      y0 = std::min(y0, c.y_mm);
      x1 = std::max(x1, c.x_mm);
      y1 = std::max(y1, c.y_mm);
    }
  InjuryRecorder recorder(patch);
  if (x1 < x0) return recorder.map();  // the script treated nothing
  physics::DeviceSettings roller;
  roller.cartridge = physics::CartridgeKind::home_roller_192;
  roller.needle_length_mm = home_roller_length_mm;
  physics::Simulator sim(patch, roller);
  physics::RollerTechnique how;
  how.needle_length_mm = home_roller_length_mm;
  for (const auto& c : physics::roller_area_path(how, x0, y0, x1, y1)) recorder.observe(sim, sim.step(c));
  return recorder.map();
}

}  // namespace

CohortSource cohort_source(const std::shared_ptr<const Scenario>& s, const TraineeScript& script) {
  Session session(s);
  for (const auto& id : script.consultation.asked) session.ask(id);
  session.set_findings(script.consultation.findings);
  session.decide(script.consultation.decision, script.consultation.precautions);
  if (session.stage() != Stage::plan || !script.plan) throw FlowError(script.file + ": the script does not treat");
  session.set_plan(*script.plan);
  CohortSource src;
  src.name = s->id;
  src.scenario = s;
  InjuryRecorder recorder(std::make_shared<const tissue::SkinPatch>(s->patch));
  physics::ScriptedPen pen(procedure_path(script, *s));
  while (!pen.finished()) recorder.observe(session.simulator(), session.step(pen.next()));
  session.finish_procedure();
  if (script.aftercare) session.set_aftercare(*script.aftercare);
  src.standard = recorder.map();
  physics::DeviceSettings device = script.plan->device;
  device.needle_length_mm = physics::DeviceSettings::min_length_mm;  // 0.25 mm (P2)
  src.epidermal = treated_session(*s, session.answers(), session.commands(), &device).session.injury;
  src.shallow = home_rolled(std::make_shared<const tissue::SkinPatch>(s->patch), session.commands());
  src.care = care_given(session.answers());
  src.plan = planned_series(session.answers());
  src.needle_length_mm = script.plan->device.needle_length_mm;
  return src;
}

std::vector<ValidationRow> validate_outcomes(const std::vector<CohortSource>& sources, const CohortOptions& o) {
  if (sources.empty()) throw std::invalid_argument("validate outcomes needs at least one treated session");
  const auto cohort = draw_cohort(sources, o);
  const tissue::SeriesPlan four_monthly{4, monthly_days}, five_monthly{5, monthly_days};
  std::vector<double> alster_below;
  std::vector<double> epidermis, papillary, echo, improvement, improvement_year, rubra, alba, deep, mild;
  std::vector<double> noticed, pih_alba, pih_dark, pih_light, epidermal_gain, weekly, spaced, shallow, standard_collagen,
      rf_collagen, alster_sessions, erythema_day1;
  for (const auto& v : cohort) {
    const CohortSource& src = *v.source;
    const tissue::SeriesPlan plan{std::max(src.plan.sessions, min_series_sessions), src.plan.interval_days};
    epidermis.push_back(100.0 * run_arm(v, src.standard, four_monthly, 365.0).state.epidermal_gain);
    papillary.push_back(100.0 * (run_arm(v, src.standard, five_monthly, monthly_days).state.collagen_index - 1.0));
    echo.push_back(100.0 * run_arm(v, src.standard, four_monthly, full_result_days).state.echo_density_gain);
    const ArmResult series = run_arm(v, src.standard, plan, full_result_days);
    improvement.push_back(series.mean_improvement);
    improvement_year.push_back(run_arm(v, src.standard, plan, 365.0).mean_improvement);
    noticed.push_back(series.mean_improvement >= tissue::healing::noticeable_improvement_percent ? 100.0 : 0.0);
    (v.type == StriaType::rubra ? rubra : alba).push_back(series.mean_improvement);
    if (v.type == StriaType::rubra && v.severity >= 0.7) deep.push_back(series.mean_improvement);
    if (v.type == StriaType::rubra && v.severity <= 0.4) mild.push_back(series.mean_improvement);
    const int fitz = v.profile.fitzpatrick;
    if (v.type == StriaType::alba && fitz >= 3 && fitz <= 5) pih_alba.push_back(series.pih ? 100.0 : 0.0);
    if (fitz >= 5) pih_dark.push_back(series.pih ? 100.0 : 0.0);
    if (fitz <= 2) pih_light.push_back(series.pih ? 100.0 : 0.0);
    epidermal_gain.push_back(100.0 * (run_arm(v, src.epidermal, plan, full_result_days).state.collagen_index - 1.0));
    weekly.push_back(run_arm(v, src.standard, {4, 7.0}, full_result_days).mean_improvement);
    spaced.push_back(run_arm(v, src.standard, {4, 35.0}, full_result_days).mean_improvement);
    shallow.push_back(run_arm(v, src.shallow, plan, full_result_days).mean_improvement);
    standard_collagen.push_back(series.state.collagen_index - 1.0);
    rf_collagen.push_back(run_arm(v, src.standard, plan, full_result_days, tissue::Modality::rf_microneedling).state.collagen_index - 1.0);
    const double day0 = run_arm(v, src.standard, {1, 0.0}, 0.0).state.erythema_mean;
    const double day1 = run_arm(v, src.standard, {1, 0.0}, 1.0).state.erythema_mean;
    erythema_day1.push_back(day0 > 0.0 ? day1 / day0 : 0.0);
    if (v.severity <= alster_max_severity && src.needle_length_mm >= alster_min_length_mm - 1e-9 &&
        src.needle_length_mm <= alster_max_length_mm + 1e-9) {
      int sessions = 1;
      ArmResult r = run_arm(v, src.standard, {sessions, monthly_days}, alster_follow_up_days);
      while (r.min_improvement < alster_target_percent && sessions < alster_max_sessions)
        r = run_arm(v, src.standard, {++sessions, monthly_days}, alster_follow_up_days);
      alster_sessions.push_back(sessions);
      for (const auto& m : r.state.marks) alster_below.push_back(m.improvement_percent < alster_target_percent ? 100.0 : 0.0);
    }
  }
  std::vector<ValidationRow> rows;
  rows.push_back(number_row("epidermal thickness one year after a series, % gain", "Aust 2008, 480 patients", 40.0,
                            mean_of(epidermis), "%", 8.0, true));
  rows.push_back(number_row("papillary collagen after 5 monthly sessions, % gain", "Lotfi 2013", 53.0, mean_of(papillary),
                            "%", 10.0, true));
  rows.push_back(number_row("dermal density 3 months after 4 monthly sessions, % gain", "Kenkel 2021", 102.0, mean_of(echo),
                            "%", 15.0, true));
  rows.push_back(number_row("patients noticing improvement after the series", "seed-001 (S4)", 80.0, mean_of(noticed), "%",
                            10.0));
  rows.push_back(number_row("monthly sessions until every stria is half better", "Alster & Li 2020 (S4)", 1.8,
                            mean_of(alster_sessions), "sessions", 0.3));
  const double below = mean_of(alster_below);
  rows.push_back(claim_row("striae improved less than 50% after 1-3 monthly sessions", "Alster & Li 2020 (S4)",
                           "none of 25 patients (95% bound 12%)", below, "%", "<= 12", below <= alster_below_bound_percent));
  const double c3 = mean_of(rubra) - mean_of(alba);
  rows.push_back(claim_row("rubra minus alba improvement", "Mohamed Ali 2017 (C3)", "rubra better than alba", c3,
                           "points", ">= 5", c3 >= 5.0));
  const double c2 = mean_of(mild) - mean_of(deep);
  rows.push_back(claim_row("mild minus deep dark rubra improvement", "seed-000 (C2)", "deep dark marks improve little", c2,
                           "points", ">= 10", c2 >= 10.0));
  rows.push_back(number_row("PIH in striae alba, Fitzpatrick III-V", "Arch Dermatol Res 2023 (D7)", 21.9, mean_of(pih_alba),
                            "%", 7.0, true));
  const double d7 = mean_of(pih_dark) - mean_of(pih_light);
  rows.push_back(claim_row("PIH, Fitzpatrick V-VI minus I-II", "seed-000 (D7)", "darker skin needs more caution", d7,
                           "points", ">= 10", d7 >= 10.0));
  const double p2 = mean_of(epidermal_gain);
  rows.push_back(claim_row("collagen gain with 0.25 mm needles", "seed-000 (P2)", "no dermal remodelling", p2, "%",
                           "<= 1", p2 <= 1.0));
  const double s1 = mean_of(spaced) - mean_of(weekly);
  rows.push_back(claim_row("4 sessions 5 weeks apart minus 1 week apart", "seed-000 (S1)",
                           "sessions 4-6 weeks apart", s1, "points", ">= 5", s1 >= 5.0));
  const double h1 = mean_of(improvement) - mean_of(shallow);
  rows.push_back(claim_row("professional minus home-roller depth improvement", "seed-000 (H1)",
                           "home devices reach less depth", h1, "points", ">= 5", h1 >= 5.0));
  const double s3 = mean_of(improvement_year) > 0.0 ? 100.0 * mean_of(improvement) / mean_of(improvement_year) : 0.0;
  rows.push_back(claim_row("improvement 3 months after the series, % of one year", "seed-000 (S3)",
                           "full results about 3 months after", s3, "%", ">= 85", s3 >= 85.0));
  const double p6 = mean_of(standard_collagen) > 0.0 ? mean_of(rf_collagen) / mean_of(standard_collagen) : 0.0;
  rows.push_back(claim_row("RF over standard microneedling collagen", "seed-000 (P6)", "RF induces more collagen", p6,
                           "ratio", ">= 1.1", p6 >= 1.1));
  const double e1 = 100.0 * mean_of(erythema_day1);
  rows.push_back(claim_row("erythema one day after, % of just after", "seed-000 (E1)", "redness fades within hours", e1,
                           "%", "<= 35", e1 <= 35.0));
  return rows;
}

}  // namespace dermasim::scenario
