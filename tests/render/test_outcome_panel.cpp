// The debrief's healing time-lapse in the GUI (issue 13): the film is built
// when the debrief opens, the panel draws it, the slider's day changes the
// picture, and retrying the case clears it.
#include <doctest/doctest.h>

#include <array>
#include <filesystem>

#include "app/sim_app.hpp"
#include "physics/scripted_pen.hpp"
#include "render/gl.hpp"

using namespace dermasim;

namespace {

ui::UiActions action(void (*set)(ui::UiActions&)) {
  ui::UiActions a;
  set(a);
  return a;
}

// Sum of the pixels in a window-space rectangle (top-left origin).
long long region_sum(int w, int h, int x0, int y0, int x1, int y1) {
  (void)w;
  std::vector<unsigned char> px(static_cast<std::size_t>((x1 - x0) * (y1 - y0) * 4));
  glReadBuffer(GL_BACK);
  glReadPixels(x0, h - y1, x1 - x0, y1 - y0, GL_RGBA, GL_UNSIGNED_BYTE, px.data());
  long long s = 0;
  for (std::size_t i = 0; i < px.size(); i += 4) s += px[i] * 3 - px[i + 1] - px[i + 2];  // redness
  return s;
}

}  // namespace

TEST_CASE("the debrief shows a healing time-lapse whose day changes the picture") {
  const auto data = std::filesystem::temp_directory_path() / "dermasim_outcome_panel_test";
  std::filesystem::remove_all(data);
  render::GlWindow window({.width = 1280, .height = 800, .title = "test", .visible = true, .vsync = false});
  app::AppPaths paths;
  paths.data_dir = data.string();
  app::SimulatorApp app(window, false, paths);
  ui::AppState& state = app.state();
  state.clinic.decision = scenario::Decision::proceed;
  app.apply(action([](ui::UiActions& a) { a.decide = true; }));
  state.clinic.plan = ui::PlanDraft::of({{1.0, physics::CartridgeKind::round_12, 100.0}, true, 2});
  app.apply(action([](ui::UiActions& a) { a.start_procedure = true; }));
  REQUIRE(state.stage == ui::Stage::procedure);
  const auto& m = app.sim().patch().marks()[1];
  physics::PathStyle style;
  style.force_n = 2.0;
  style.speed_mm_s = 20.0;
  physics::ScriptedPen pen({physics::PathSegment::line(m.center_x_mm - 20, m.center_y_mm, m.center_x_mm + 20, m.center_y_mm, style)});
  while (!pen.finished()) app.step(pen, 100);
  app.apply(action([](ui::UiActions& a) { a.finish_procedure = true; }));
  state.clinic.instructions = {"avoid_sun_week", "sunscreen_spf30", "keep_clean_hands_off"};
  state.clinic.schedule = {4, 5.0f, 6.0f};
  app.apply(action([](ui::UiActions& a) { a.submit_aftercare = true; }));
  REQUIRE(state.stage == ui::Stage::debrief);
  app.finish_background_work();  // the grade and the time-lapse come from workers
  REQUIRE(state.clinic.outcome);
  const ui::OutcomeFilm& film = *state.clinic.outcome;
  REQUIRE(film.frames.size() == 6);
  CHECK(film.frame == 5);  // opens on day 84
  CHECK(film.frames[5].state.day == doctest::Approx(84.0));
  CHECK(film.sessions == 4);
  CHECK(film.frames[0].state.erythema_mean > film.frames[5].state.erythema_mean);
  CHECK(film.frames[5].state.collagen_index > 1.0);
  CHECK(film.curve.size() > film.frames.size());

  int w = 0, h = 0;
  window.framebuffer_size(w, h);
  // The "Day N" picture sits right of "Before treatment" in the Healing window.
  const int x0 = w / 2 + 340, y0 = 120, x1 = w / 2 + 590, y1 = 300;
  for (int i = 0; i < 2; ++i) app.render_frame(w, h);
  const long long day84 = region_sum(w, h, x0, y0, x1, y1);
  state.clinic.outcome->frame = 0;
  for (int i = 0; i < 2; ++i) app.render_frame(w, h);
  const long long day0 = region_sum(w, h, x0, y0, x1, y1);
  CHECK(day0 > day84);  // the fresh erythema is redder than the healed patch

  app.apply(action([](ui::UiActions& a) { a.retry = true; }));
  CHECK_FALSE(state.clinic.outcome);
  std::filesystem::remove_all(data);
}
