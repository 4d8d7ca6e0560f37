// `dermasim screenshot`: renders a preset view of the default case after a
// scripted treatment pass, offscreen, and writes a PNG.
#include <charconv>
#include <cmath>
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

namespace {

double option_length_mm(std::span<const std::string_view> args) {
  const auto v = option(args, "--length-mm");
  if (!v) return 1.0;
  double out = 0.0;
  const auto [end, ec] = std::from_chars(v->data(), v->data() + v->size(), out);
  if (ec != std::errc{} || end != v->data() + v->size() || !std::isfinite(out))
    throw std::invalid_argument("--length-mm must be a needle length in mm, e.g. 0.5 or 1.5; got '" + std::string(*v) +
                                "'");
  return out;  // the device's own check names an unavailable length
}

bool option_skin_taut(std::span<const std::string_view> args) {
  const auto v = option(args, "--skin");
  if (!v || *v == "taut") return true;
  if (*v == "lax") return false;
  throw std::invalid_argument("--skin must be lax or taut, got '" + std::string(*v) + "'");
}

// Deepest needle, along the needle, of the ones in the skin.
double deepest_in_skin_mm(const physics::Simulator& sim) {
  double deepest = 0.0;
  for (const auto& n : sim.needles())
    if (n.phase == physics::NeedlePhase::inserted) deepest = std::max(deepest, n.depth_mm);
  return deepest;
}

// Steps of the scripted pass to show: `seconds` of it, and with `pressed` on
// to the moment of the next strokes (up to 40 ms: four at 100 Hz) when the
// needles are at their deepest, the pen pressing the skin.
long steps_to_show(const std::shared_ptr<const tissue::SkinPatch>& patch, const physics::DeviceSettings& device,
                   bool skin_taut, double seconds, bool pressed) {
  physics::Simulator sim(patch, device);
  physics::ScriptedPen pen(scene::treatment_path(*patch, 1, 1, skin_taut));
  long steps = scene::run_treatment(sim, pen, seconds);
  if (!pressed) return steps;
  constexpr int look_ahead_steps = 40;
  long best = steps;
  double best_depth = sim.pose().in_contact ? deepest_in_skin_mm(sim) : 0.0;
  for (int k = 1; k <= look_ahead_steps && !pen.finished(); ++k) {
    sim.step(pen.next());
    const double d = sim.pose().in_contact ? deepest_in_skin_mm(sim) : 0.0;
    if (d > best_depth) {
      best_depth = d;
      best = steps + k;
    }
  }
  return best;
}

}  // namespace

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

  const physics::DeviceSettings device{option_length_mm(args), physics::CartridgeKind::round_12, 100.0};
  const bool skin_taut = option_skin_taut(args);
  const long long distance_mm = option(args, "--distance-mm") ? option_int(args, "--distance-mm", 42, 10, 1000) : 0;
  bool pressed = false;
  for (const auto a : args)
    if (a == "--pressed") pressed = true;

  auto patch = std::make_shared<const tissue::SkinPatch>(tissue::postpartum_abdomen_spec());
  // The simulation is deterministic: a second run to the chosen step is the
  // moment the first one found.
  const long steps = steps_to_show(patch, device, skin_taut, seconds, pressed);
  physics::Simulator sim(patch, device);
  physics::ScriptedPen pen(scene::treatment_path(*patch, 1, 1, skin_taut));
  for (long k = 0; k < steps && !pen.finished(); ++k) sim.step(pen.next());

  render::GlWindow window({.width = 64, .height = 64, .title = "dermasim screenshot", .visible = false, .vsync = false});
  render::SceneRenderer renderer;
  render::OffscreenTarget target(width, height, 4);
  scene::SceneExtractor extractor;
  const scene::RenderScene& rs = extractor.update(sim, settings);
  auto camera = scene::preset_camera(*view, patch->width_mm(), patch->height_mm(), sim.pose().cap_center_mm);
  // Closer (or further) than the preset: a needle's tent is a fraction of a
  // millimetre.
  if (distance_mm > 0) camera.distance_mm = static_cast<double>(distance_mm);
  // A pressed pen's cutaway looks at the pressed surface under the cap, drawn
  // as deep as the exaggeration makes it.
  if (pressed && *view == scene::ViewPreset::cutaway && sim.pose().in_contact)
    camera.target_mm.z = std::min(camera.target_mm.z, (sim.pose().cap_center_mm.z - 0.5 * device.needle_length_mm) * settings.vertical_exaggeration +
                                                  0.08 * camera.distance_mm);
  target.bind();
  renderer.draw(rs, camera, width, height);
  render::write_png(std::string(*out), target.read());
  std::printf("wrote %s (%dx%d, %s view, %.3f s of treatment, %llu punctures, %.2f mm needles, %s skin, %s)\n",
              std::string(*out).c_str(), width, height, std::string(scene::view_name(*view)).c_str(), sim.time_s(),
              static_cast<unsigned long long>(sim.grid().total_punctures()), device.needle_length_mm,
              skin_taut ? "taut" : "lax", window.renderer_name().c_str());
  // What the picture shows of the skin yielding: the cap's indentation and,
  // per needle in the skin, its depth and the tent under it.
  std::printf("cap indent %.2f mm%s, cap face at z %.2f mm\n", sim.pose().in_contact ? sim.pose().cap_indent_mm : 0.0,
              sim.pose().in_contact ? "" : " (lifted)", sim.pose().cap_center_mm.z);
  for (const auto& n : sim.needles())
    if (n.phase != physics::NeedlePhase::out)
      std::printf("needle %s: advance %.3f mm, tent %.3f mm, depth %.3f mm\n",
                  n.phase == physics::NeedlePhase::inserted ? "in" : "tenting", n.advance_mm, n.tent_mm, n.depth_mm);
  return 0;
}

}  // namespace dermasim::app
