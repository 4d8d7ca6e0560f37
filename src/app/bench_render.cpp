// `dermasim bench render`: frame times of the full simulator (scene, cutaway
// and panels) at 1280x720 while a scripted pen treats, one JSON object out,
// with a pass-by-pass breakdown timed on further frames.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <stdexcept>
#include <string>
#include <vector>

#include "app/cli_args.hpp"
#include "app/gui_verbs.hpp"
#include "app/sim_app.hpp"
#include "physics/scripted_pen.hpp"
#include "render/pass_timer.hpp"
#include "render/png_writer.hpp"
#include "scene/scripted_treatment.hpp"

#include <GLFW/glfw3.h>

namespace dermasim::app {

namespace {

double median_of(std::vector<double> v) {
  if (v.empty()) return 0.0;
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

double process_cpu_ms() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1000.0 + static_cast<double>(t.tv_nsec) / 1e6;
}

// The pass breakdown as a JSON object of medians, in the order the passes run:
// milliseconds, or fragment shader runs (passes the driver counted).
std::string pass_json(const render::PassTimer& timer, bool fragments) {
  std::string out = "{";
  for (const auto& pass : timer.passes()) {
    if (fragments && pass.fragments.empty()) continue;
    char item[96];
    std::snprintf(item, sizeof item, fragments ? "%s\"%s\": %.0f" : "%s\"%s\": %.3f", out.size() > 1 ? ", " : "",
                  pass.name.c_str(), median_of(fragments ? pass.fragments : pass.ms));
    out += item;
  }
  return out + "}";
}

}  // namespace

int run_bench_render(std::span<const std::string_view> args) {
  const int frames = static_cast<int>(option_int(args, "--frames", 300, 10, 100000));
  const long long scale_percent = option_int(args, "--scale-percent", 0, 0, 100);  // 0: the app's choice
  const auto out_png = option(args, "--out");  // the last frame, to look at
  // The cutaway (the default) draws the most; the others compare pictures.
  scene::ViewPreset view = scene::ViewPreset::cutaway;
  if (const auto name = option(args, "--view")) {
    const auto parsed = scene::parse_view(*name);
    if (!parsed) throw std::invalid_argument("--view must be top, oblique or cutaway, got '" + std::string(*name) + "'");
    view = *parsed;
  }
  constexpr int width = 1280, height = 720;
  // Long enough for the frame-time controller to settle on a scale.
  constexpr int warmup_frames = 60;
  // Timed pass by pass after the headline frames (the waits slow them down).
  const int pass_frames = std::min(frames, 60);
  // Each frame simulates 1/60 s: 16 or 17 whole steps, as at 60 fps.
  constexpr double frame_s = 1.0 / 60.0;

  render::GlWindow window({.width = width, .height = height, .title = "dermasim bench", .visible = true, .vsync = false});
  SimulatorApp app(window, false);
  // The default case's procedure straight away: 1.0 mm (D2), 12-pin, 100 Hz.
  app.start_procedure_now({{1.0, physics::CartridgeKind::round_12, 100.0}, true, 2});
  ui::AppState& state = app.state();
  app.set_view(view);
  state.view.cutaway = view == scene::ViewPreset::cutaway;
  state.view.show_coverage = false;
  state.pen.motor_on = true;
  state.show_help = true;
  if (scale_percent > 0) {
    state.render_scale = static_cast<float>(scale_percent) / 100.0f;
    state.auto_render_scale = false;
  }

  // Passes back and forth over the widest mark, longer than any run.
  physics::ScriptedPen pen(scene::treatment_path(app.sim().patch(), 1, 50));
  render::PassTimer& timer = render::pass_timer();
  double bank_s = 0.0;
  int fb_w = 0, fb_h = 0;
  window.framebuffer_size(fb_w, fb_h);
  int frame_index = 0;
  // One frame as the GUI loop runs it; returns its wall time in ms.
  auto run_frame = [&](bool last) {
    const auto start = std::chrono::steady_clock::now();
    timer.begin_frame();
    glfwPollEvents();
    bank_s += frame_s;
    const int steps = static_cast<int>(bank_s * physics::Simulator::rate_hz);
    bank_s -= steps / physics::Simulator::rate_hz;
    state.wall_time_s = frame_index++ * frame_s;
    app.step(pen, steps);
    // The cutaway follows the pen; keep the camera on it as a trainee would.
    app.camera().target_mm.x = app.sim().pose().cap_center_mm.x;
    app.camera().target_mm.y = app.sim().pose().cap_center_mm.y;
    timer.mark("physics");
    app.render_frame(fb_w, fb_h);
    if (last && out_png) {
      render::RgbaImage image(fb_w, fb_h);
      glReadBuffer(GL_BACK);
      glPixelStorei(GL_PACK_ALIGNMENT, 1);
      glReadPixels(0, 0, fb_w, fb_h, GL_RGBA, GL_UNSIGNED_BYTE, image.pixels.data());
      image.flip_vertically();
      render::write_png(std::string(*out_png), image);
    }
    glfwSwapBuffers(window.handle());
    glFinish();  // count the frame's rendering, not just its submission
    timer.mark("swap");
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    state.frame_ms = ms;
    app.note_frame_time(ms);
    return ms;
  };

  for (int f = 0; f < warmup_frames; ++f) run_frame(false);
  std::vector<double> times_ms;
  times_ms.reserve(static_cast<std::size_t>(frames));
  double scale_sum = 0.0;
  const double cpu_start_ms = process_cpu_ms();
  for (int f = 0; f < frames; ++f) {
    times_ms.push_back(run_frame(false));
    scale_sum += static_cast<double>(state.render_scale);
  }
  const double cpu_ms_per_frame = (process_cpu_ms() - cpu_start_ms) / frames;
  const float headline_scale = state.render_scale;
  // The breakdown at the scale the headline frames ended on, held still.
  const bool auto_scale = state.auto_render_scale;
  state.auto_render_scale = false;
  timer.set_enabled(true);
  for (int f = 0; f < pass_frames; ++f) run_frame(f == pass_frames - 1);
  timer.set_enabled(false);
  state.auto_render_scale = auto_scale;

  std::vector<double> sorted = times_ms;
  std::sort(sorted.begin(), sorted.end());
  auto quantile = [&](double q) {
    return sorted[std::min(sorted.size() - 1, static_cast<std::size_t>(q * static_cast<double>(sorted.size() - 1) + 0.5))];
  };
  double mean = 0.0;
  for (const double t : times_ms) mean += t / static_cast<double>(times_ms.size());
  std::string renderer = window.renderer_name();
  std::replace(renderer.begin(), renderer.end(), '"', '\'');
  const char* threads_env = std::getenv("LP_NUM_THREADS");
  std::string threads = threads_env && *threads_env ? threads_env : "default";
  std::erase_if(threads, [](char c) { return c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20; });
  std::printf(
      "{\"frame_ms_median\": %.3f, \"frame_ms_p99\": %.3f, \"frame_ms_mean\": %.3f, \"frame_ms_max\": %.3f, "
      "\"frames\": %d, \"width\": %d, \"height\": %d, \"gl_renderer\": \"%s\", \"punctures\": %llu, "
      "\"sim_time_s\": %.3f, \"render_scale\": %.2f, \"render_scale_mean\": %.3f, \"auto_scale\": %s, "
      "\"cpu_ms_per_frame\": %.3f, \"lp_num_threads\": \"%s\", \"pass_frames\": %d, \"pass_ms\": %s, \"pass_fragments\": %s}\n",
      quantile(0.5), quantile(0.99), mean, sorted.back(), frames, fb_w, fb_h, renderer.c_str(),
      static_cast<unsigned long long>(app.sim().grid().total_punctures()), app.sim().time_s(),
      static_cast<double>(headline_scale), scale_sum / static_cast<double>(times_ms.size()),
      auto_scale ? "true" : "false", cpu_ms_per_frame, threads.c_str(), pass_frames,
      pass_json(timer, false).c_str(), pass_json(timer, true).c_str());
  return 0;
}

}  // namespace dermasim::app
