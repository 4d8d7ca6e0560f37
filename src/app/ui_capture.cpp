// `dermasim screenshot --ui STAGE`: the whole simulator window, panels and
// all, at a stage of a case, optionally after a scripted trainee played the
// stages before it through the same actions the panels send.
#include <cstdio>
#include <stdexcept>
#include <string>

#include "app/cli_args.hpp"
#include "app/gui_verbs.hpp"
#include "app/sim_app.hpp"
#include "app/ui_script_player.hpp"
#include "app/verbs_course.hpp"
#include "app/view_setup.hpp"
#include "render/gl.hpp"
#include "render/png_writer.hpp"
#include "scenario/script.hpp"

// After glad (render/gl.hpp), which must come first.
#include <GLFW/glfw3.h>

namespace dermasim::app {
namespace {

ui::Stage parse_stage(std::string_view name) {
  if (name == "library") return ui::Stage::library;
  if (name == "consultation") return ui::Stage::screening;
  if (name == "plan") return ui::Stage::plan;
  if (name == "procedure") return ui::Stage::procedure;
  if (name == "aftercare") return ui::Stage::aftercare;
  if (name == "debrief") return ui::Stage::debrief;
  if (name == "progress") return ui::Stage::progress;
  if (name == "instructor") return ui::Stage::instructor;
  if (name == "replay") return ui::Stage::replay;
  throw std::invalid_argument("--ui must be library, consultation, plan, procedure, aftercare, debrief, progress, "
                              "instructor or replay, got '" +
                              std::string(name) + "'");
}

}  // namespace

int run_ui_capture(std::span<const std::string_view> args) {
  const ui::Stage stage = parse_stage(*option(args, "--ui"));
  const auto out = option(args, "--out");
  if (!out) throw std::invalid_argument("--out FILE.png is required");
  // Without a script no trainee plays the stages before the one asked for,
  // so the window would still show the consultation: say so rather than
  // write a picture of the wrong stage.
  const bool needs_script = stage == ui::Stage::plan || stage == ui::Stage::procedure ||
                            stage == ui::Stage::aftercare || stage == ui::Stage::debrief ||
                            stage == ui::Stage::replay;
  if (needs_script && !option(args, "--script"))
    throw std::invalid_argument(std::string("--ui ") + std::string(*option(args, "--ui")) +
                                " needs --script T: a scripted trainee plays the stages before it");
  int width = 1280, height = 800;
  if (const auto size = option(args, "--size")) parse_size(*size, width, height);
  const double seconds = static_cast<double>(option_int(args, "--seconds", 20, 0, 3600));

  AppPaths paths;
  if (const auto s = option(args, "--scenario")) paths.open_case = std::string(*s);
  if (const auto d = option(args, "--data")) paths.data_dir = std::string(*d);
  if (const auto i = option(args, "--instructor")) paths.instructor = std::string(*i);
  if (const auto t = option(args, "--trainee")) paths.trainee = std::string(*t);
  paths.assessment = has_flag(args, "--assessment");
  if (const auto c = option(args, "--course")) paths.course_file = std::string(*c);
  if (const auto d = option(args, "--courses")) paths.course_dir = std::string(*d);
  render::GlWindow window({.width = width, .height = height, .title = "dermasim", .visible = true, .vsync = false});
  SimulatorApp app(window, false, paths);
  if (!app.state().message.empty()) throw std::runtime_error(app.state().message);
  app.state().show_help = has_flag(args, "--help-panel");
  const auto script_path = option(args, "--script");
  if (script_path && is_course_script_file(std::string(*script_path))) {
    // A course script: its visits in turn, to visit --visit N (every visit when left out) at the stage.
    auto load = scenario::load_course_script_file(std::string(*script_path));
    if (!load.script) throw std::runtime_error(load.errors.empty() ? "the script does not load" : load.errors[0].str());
    const int visits = static_cast<int>(load.script->visits.size());
    const int stop_visit = static_cast<int>(option_int(args, "--visit", visits + 1, 1, visits));
    play_course_in_app(app, *load.script, stop_visit, stage, seconds);
  } else if (option(args, "--visit")) {
    throw std::invalid_argument("--visit N needs --script with a course script");
  } else if (script_path) {
    auto load = scenario::load_script_file(std::string(*script_path));
    if (!load.script) throw std::runtime_error(load.errors.empty() ? "the script does not load" : load.errors[0].str());
    const bool after_debrief = stage == ui::Stage::progress || stage == ui::Stage::instructor || stage == ui::Stage::replay;
    play_script_in_app(app, *load.script, after_debrief ? ui::Stage::debrief : stage, seconds);
    ui::UiActions a;
    if (stage == ui::Stage::progress) a.show_progress = "";
    if (stage == ui::Stage::replay) {
      a.replay_attempt = "";
      a.replay_seek_s = seconds;
    }
    if (stage == ui::Stage::instructor) a.show_instructor = true;
    app.apply(a);
    if (stage == ui::Stage::instructor && !app.state().instructor.cohort.empty()) {
      const record::CohortCell cell = app.state().instructor.cohort.front();  // a copy: selecting reloads the cohort
      ui::UiActions pick;
      pick.select_cell = std::make_pair(cell.trainee, cell.scenario_id);
      app.apply(pick);
      ui::UiActions attempt;
      attempt.select_attempt = cell.latest_uuid;
      app.apply(attempt);
    }
  }
  if (stage == ui::Stage::library) {
    ui::UiActions a;
    a.show_library = true;
    app.apply(a);
  }
  if (stage == ui::Stage::procedure) app.set_view(scene::ViewPreset::oblique);
  int fb_w = 0, fb_h = 0;
  window.framebuffer_size(fb_w, fb_h);
  // ImGui lays windows out over the first frames.
  for (int frame = 0; frame < 3; ++frame) {
    glfwPollEvents();
    app.render_frame(fb_w, fb_h);
    if (frame < 2) glfwSwapBuffers(window.handle());
  }
  render::RgbaImage image(fb_w, fb_h);
  glReadBuffer(GL_BACK);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, fb_w, fb_h, GL_RGBA, GL_UNSIGNED_BYTE, image.pixels.data());
  image.flip_vertically();
  render::write_png(std::string(*out), image);
  std::printf("wrote %.*s (%dx%d, %s stage)\n", static_cast<int>(out->size()), out->data(), fb_w, fb_h,
              ui::stage_name(app.state().stage));
  return 0;
}

}  // namespace dermasim::app
