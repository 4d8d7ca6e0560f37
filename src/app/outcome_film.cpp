#include "app/outcome_film.hpp"

#include <algorithm>
#include <cmath>

#include "scenario/treatment_outcome.hpp"

namespace dermasim::app {
namespace {

// Frame resolution: 2 px per mm keeps a 120 x 80 mm patch at 240 x 160 px.
constexpr double top_px_per_mm = 2.0;
// The cutaway spans 24 mm across the mark and 3 mm deep (the skin and the
// top of the fat), at 25 px per mm across and 50 down.
constexpr double cutaway_span_mm = 24.0, cutaway_depth_mm = 3.0, cutaway_px_per_mm = 25.0, cutaway_depth_px_per_mm = 50.0;
constexpr double plot_step_days = 7.0;

}  // namespace

std::shared_ptr<ui::OutcomeFilm> build_outcome_film(const scenario::Scenario& s, const scenario::Answers& answers,
                                                    const std::vector<physics::PenCommand>& commands, std::uint64_t seed) {
  auto film = std::make_shared<ui::OutcomeFilm>();
  if (!answers.plan) {
    film->problem = "Nothing was treated, so there is no healing to show.";
    return film;
  }
  const auto treated = scenario::treated_session(s, answers, commands);
  const auto& frame_days = scenario::default_outcome_days();
  std::vector<double> days = frame_days;
  for (double d = plot_step_days; d < frame_days.back(); d += plot_step_days) days.push_back(d);
  std::sort(days.begin(), days.end());
  days.erase(std::unique(days.begin(), days.end()), days.end());
  film->sessions = treated.plan.sessions;
  film->interval_days = treated.plan.interval_days;
  film->before = scene::untreated_top_view(*treated.patch, s.patient.fitzpatrick, top_px_per_mm);
  const auto timeline = scenario::predict_outcome(treated, days, seed, [&](const tissue::HealingCourse& c) {
    film->curve.push_back(c.state());
    if (std::none_of(frame_days.begin(), frame_days.end(), [&](double d) { return std::abs(d - c.day()) < 1e-6; })) return;
    film->frames.push_back({film->curve.back(), scene::outcome_top_view(c, top_px_per_mm),
                            scene::outcome_cutaway(c, 0, cutaway_span_mm, cutaway_depth_mm, cutaway_px_per_mm, cutaway_depth_px_per_mm)});
  });
  film->complications = timeline.complications;
  // The debrief opens on the result; Play runs the time-lapse from day 0.
  film->frame = std::max(0, static_cast<int>(film->frames.size()) - 1);
  return film;
}

ui::SkinToday skin_today(const tissue::HealingCourse& course, const scenario::VisitFindings& findings) {
  ui::SkinToday t;
  t.top = scene::outcome_top_view(course, top_px_per_mm);
  t.cutaway = scene::outcome_cutaway(course, 0, cutaway_span_mm, cutaway_depth_mm, cutaway_px_per_mm, cutaway_depth_px_per_mm);
  t.erythema_percent = 100.0 * findings.erythema_mean;
  t.pigment_percent = 100.0 * findings.pigment_mean;
  t.improvement_percent = findings.improvement_percent;
  return t;
}

}  // namespace dermasim::app
