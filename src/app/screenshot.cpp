// `dermasim screenshot`: renders a preset view of the default case after a
// scripted treatment pass, offscreen, and writes a PNG.
#include <cstdio>
#include <memory>
#include <string>

#include "app/cli_args.hpp"
#include "app/gui_verbs.hpp"
#include "app/view_setup.hpp"
#include "physics/scripted_pen.hpp"
#include "render/gl_window.hpp"
#include "render/offscreen_target.hpp"
#include "render/scene_renderer.hpp"
#include "scene/scene_extractor.hpp"
#include "scene/scripted_treatment.hpp"
#include "scene/skin_tone.hpp"
#include "tissue/default_case.hpp"

namespace dermasim::app {

int run_screenshot(std::span<const std::string_view> args) {
  if (option(args, "--ui")) return run_ui_capture(args);
  const auto view_name_arg = option(args, "--view");
  if (!view_name_arg) throw std::invalid_argument("--view is required: top, oblique or cutaway");
  const auto view = scene::parse_view(*view_name_arg);
  if (!view) throw std::invalid_argument("--view must be top, oblique or cutaway, got '" + std::string(*view_name_arg) + "'");
  const auto out = option(args, "--out");
  if (!out) throw std::invalid_argument("--out FILE.png is required");
  int width = 1280, height = 720;
  if (const auto size = option(args, "--size")) parse_size(*size, width, height);
  const double seconds = static_cast<double>(option_int(args, "--seconds", 12, 0, 600));

  scene::SceneSettings settings;
  if (const auto f = option(args, "--fitzpatrick")) {
    const auto type = scene::parse_fitzpatrick(*f);
    if (!type) throw std::invalid_argument("--fitzpatrick must be 1..6 or I..VI, got '" + std::string(*f) + "'");
    settings.fitzpatrick = *type;
  }
  settings.vertical_exaggeration = static_cast<double>(option_int(args, "--exaggeration", 3, 1, 10));
  for (const auto a : args)
    if (a == "--coverage") settings.show_coverage = true;
  apply_view_settings(*view, settings);
  settings.motor_on = true;

  auto patch = std::make_shared<const tissue::SkinPatch>(tissue::postpartum_abdomen_spec());
  physics::Simulator sim(patch, physics::DeviceSettings{1.0, physics::CartridgeKind::round_12, 100.0});
  physics::ScriptedPen pen(scene::treatment_path(*patch, 1));
  scene::run_treatment(sim, pen, seconds);

  render::GlWindow window({.width = 64, .height = 64, .title = "dermasim screenshot", .visible = false, .vsync = false});
  render::SceneRenderer renderer;
  render::OffscreenTarget target(width, height, 4);
  scene::SceneExtractor extractor;
  const scene::RenderScene& rs = extractor.update(sim, settings);
  const auto camera = scene::preset_camera(*view, patch->width_mm(), patch->height_mm(), sim.pose().cap_center_mm);
  target.bind();
  renderer.draw(rs, camera, width, height);
  render::write_png(std::string(*out), target.read());
  std::printf("wrote %s (%dx%d, %s view, %.1f s of treatment, %llu punctures, %s)\n", std::string(*out).c_str(), width,
              height, std::string(scene::view_name(*view)).c_str(), sim.time_s(),
              static_cast<unsigned long long>(sim.grid().total_punctures()), window.renderer_name().c_str());
  return 0;
}

}  // namespace dermasim::app
