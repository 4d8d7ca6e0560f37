// Drives the interactive simulator (SimulatorApp in a real window, under Xvfb
// with no display) with scripted input, attempt after attempt, as a trainee
// at a classroom station would: the soak (scripts/soak.sh) and the kill -9
// fault test (tests/faults/kill_loop.sh) run it.
//   dermasim_gui_driver --data DIR [--db PATH] [--seconds S] [--warmup-s W] [--script T] [--fast]
// (T: a trainee script of the default case; its good attempt by default)
// Prints "completed N" after each attempt is stored, a sample line every
// minute, and one JSON object of figures at the end.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "app/sim_app.hpp"
#include "physics/scripted_pen.hpp"
#include "render/gl.hpp"
#include "scenario/script.hpp"

#include <GLFW/glfw3.h>

using namespace dermasim;
using clock_type = std::chrono::steady_clock;

namespace {

// The display's frame period: the real GUI waits for vsync, the driver sleeps.
constexpr double frame_period_s = 1.0 / 60.0;
// Physics steps per frame are capped as the GUI caps them (gui_main.cpp).
constexpr int max_steps_per_frame = 100;

double resident_mb() {
  std::ifstream in("/proc/self/status");
  std::string key;
  double kb = 0;
  while (in >> key) {
    if (key == "VmRSS:") {
      in >> kb;
      break;
    }
    in.ignore(1 << 12, '\n');
  }
  return kb / 1024.0;
}

const char* arg(int argc, char** argv, const char* name, const char* fallback) {
  for (int i = 1; i + 1 < argc; ++i)
    if (std::strcmp(argv[i], name) == 0) return argv[i + 1];
  return fallback;
}

ui::UiActions one(void (*set)(ui::UiActions&)) {
  ui::UiActions a;
  set(a);
  return a;
}

}  // namespace

int main(int argc, char** argv) {
  const double seconds = std::atof(arg(argc, argv, "--seconds", "60"));
  const double warmup_s = std::atof(arg(argc, argv, "--warmup-s", "60"));
  // --fast: as many physics steps a frame as the GUI allows and no waiting,
  // to reach many attempts quickly (the fault tests; not the soak's timing).
  bool fast = false;
  for (int i = 1; i < argc; ++i) fast = fast || std::strcmp(argv[i], "--fast") == 0;
  app::AppPaths paths;
  paths.data_dir = arg(argc, argv, "--data", "/tmp/dermasim-driver");
  paths.db_path = arg(argc, argv, "--db", "");
  paths.trainee = "scripted station";
  const std::string script_path = arg(argc, argv, "--script",
      (std::string(DERMASIM_SOURCE_DIR) + "/scenarios/scripts/postpartum_abdomen_rubra/good.yaml").c_str());
  const auto script = scenario::load_script_file(script_path);
  if (!script.script) {
    std::fprintf(stderr, "%s: does not load\n", script_path.c_str());
    return 1;
  }

  render::GlWindow window({.width = 1280, .height = 800, .title = "dermasim driver", .visible = true, .vsync = false});
  app::SimulatorApp app(window, false, paths);
  ui::AppState& state = app.state();
  const auto start = clock_type::now();
  auto elapsed = [&] { return std::chrono::duration<double>(clock_type::now() - start).count(); };
  std::vector<double> frame_ms_after_warmup;
  double rss_at_warmup = 0, rss_max_after_warmup = 0, next_sample_s = 60;
  int completed = 0, frames = 0;

  while (elapsed() < seconds) {
    // Consultation, as the good script answers it; then the plan.
    const auto& t = *script.script;
    for (const auto& id : t.consultation.asked) {
      ui::UiActions ask;
      ask.ask = id;
      app.apply(ask);
    }
    state.clinic.findings = t.consultation.findings;
    state.clinic.decision = t.consultation.decision;
    state.clinic.precautions = t.consultation.precautions;
    app.apply(one([](ui::UiActions& a) { a.decide = true; }));
    state.clinic.plan = ui::PlanDraft::of(*t.plan);
    app.apply(one([](ui::UiActions& a) { a.start_procedure = true; }));
    if (state.stage != ui::Stage::procedure) {
      std::fprintf(stderr, "the driver could not start the procedure: %s\n", state.message.c_str());
      return 1;
    }
    // The procedure in real time: each frame steps the physics for the time
    // that passed, draws, and waits for the next display frame.
    physics::ScriptedPen pen(scenario::procedure_path(t, *state.clinic.scenario));
    auto last = clock_type::now();
    while (!pen.finished() && elapsed() < seconds) {
      const auto frame_start = clock_type::now();
      const double dt = std::chrono::duration<double>(frame_start - last).count();
      last = frame_start;
      app.step(pen, fast ? max_steps_per_frame : std::clamp(static_cast<int>(dt * 1000.0 + 0.5), 1, max_steps_per_frame));
      int w = 0, h = 0;
      window.framebuffer_size(w, h);
      app.render_frame(w, h);
      glFinish();
      glfwSwapBuffers(window.handle());
      glfwPollEvents();
      const double ms = std::chrono::duration<double, std::milli>(clock_type::now() - frame_start).count();
      ++frames;
      if (elapsed() >= warmup_s) {
        if (rss_at_warmup == 0) rss_at_warmup = resident_mb();
        frame_ms_after_warmup.push_back(ms);
        rss_max_after_warmup = std::max(rss_max_after_warmup, resident_mb());
      }
      if (elapsed() >= next_sample_s) {
        std::printf("sample t_s=%.0f rss_mb=%.1f frames=%d completed=%d\n", elapsed(), resident_mb(), frames, completed);
        std::fflush(stdout);
        next_sample_s += 60;
      }
      if (!fast) std::this_thread::sleep_for(std::chrono::duration<double>(std::max(0.0, frame_period_s - ms / 1000.0)));
    }
    if (!pen.finished()) break;  // time is up mid-attempt: left as it is
    app.apply(one([](ui::UiActions& a) { a.finish_procedure = true; }));
    state.clinic.instructions = t.aftercare->instructions;
    state.clinic.schedule = {t.aftercare->sessions, static_cast<float>(t.aftercare->interval_weeks),
                             static_cast<float>(t.aftercare->maintenance_months)};
    app.apply(one([](ui::UiActions& a) { a.submit_aftercare = true; }));
    app.finish_background_work();  // the grade comes from a worker
    if (state.stage != ui::Stage::debrief || !state.clinic.grade) {
      std::fprintf(stderr, "the attempt did not reach the debrief: %s\n", state.message.c_str());
      return 1;
    }
    std::printf("completed %d\n", ++completed);
    std::fflush(stdout);
    app.apply(one([](ui::UiActions& a) { a.retry = true; }));
    if (state.stage != ui::Stage::screening) {
      std::fprintf(stderr, "the case did not open again after attempt %d (stage %d, case '%s'): %s\n", completed,
                   static_cast<int>(state.stage), state.clinic.scenario_path.c_str(), state.message.c_str());
      return 1;
    }
  }
  std::sort(frame_ms_after_warmup.begin(), frame_ms_after_warmup.end());
  const auto pick = [&](double q) {
    return frame_ms_after_warmup.empty() ? 0.0
                                         : frame_ms_after_warmup[static_cast<std::size_t>(q * static_cast<double>(frame_ms_after_warmup.size() - 1))];
  };
  std::printf(
      "{\"duration_s\": %.0f, \"attempts_completed\": %d, \"frames\": %d, \"rss_mb_at_warmup\": %.1f, "
      "\"rss_mb_max_after_warmup\": %.1f, \"rss_mb_end\": %.1f, \"frame_ms_median\": %.1f, \"frame_ms_p99\": %.1f, "
      "\"frame_ms_max_after_warmup\": %.1f}\n",
      elapsed(), completed, frames, rss_at_warmup, rss_max_after_warmup, resident_mb(), pick(0.5), pick(0.99), pick(1.0));
  return 0;
}
