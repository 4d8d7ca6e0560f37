// Headless demo: a scripted pen treats the bundled default case and the
// physics narrates what happened.
#include <array>
#include <cstdio>
#include <memory>

#include "app/cli_args.hpp"
#include "app/verbs.hpp"
#include "physics/scripted_pen.hpp"
#include "physics/simulator.hpp"
#include "tissue/coverage.hpp"
#include "tissue/default_case.hpp"

namespace dermasim::app {

int run_demo(std::span<const std::string_view> args) {
  const double seconds = static_cast<double>(option_int(args, "--seconds", 20, 1, 3600));
  auto patch = std::make_shared<const tissue::SkinPatch>(tissue::postpartum_abdomen_spec());
  // D2: 1.0 mm for moderate stretch marks.
  physics::DeviceSettings device{1.0, physics::CartridgeKind::round_12, 100.0};
  physics::Simulator sim(patch, device);

  const auto& mark = patch->marks()[1];
  physics::PathStyle style;
  style.force_n = 2.0;
  style.speed_mm_s = 12.0;
  std::vector<physics::PathSegment> path{
      physics::PathSegment::raster(mark.center_x_mm - 30, mark.center_y_mm - 4, mark.center_x_mm + 30,
                                   mark.center_y_mm + 4, 1.5, mark.angle_deg, style),
  };
  physics::ScriptedPen pen(path);

  std::printf("dermasim demo: %s, %zu stretch marks, needle %.2f mm, %s cartridge, %.0f Hz\n",
              std::string(tissue::site_name(patch->site())).c_str(), patch->marks().size(), device.needle_length_mm,
              std::string(sim.cartridge().name).c_str(), device.stroke_rate_hz);
  const auto& n = patch->normal_layers();
  std::printf("normal skin: epidermis %.3f mm, papillary %.3f mm, reticular %.3f mm, fat %.1f mm\n",
              n.epidermis_mm(), n.papillary_dermis_mm, n.reticular_dermis_mm, n.hypodermis_mm);
  std::printf("%7s %7s %7s %7s %6s %9s %17s %9s  %s\n", "t_s", "x_mm", "y_mm", "force_n", "in", "depth_mm", "layer",
              "punctures", "cues");

  const auto steps = static_cast<std::uint64_t>(std::min(seconds, pen.duration_s()) * physics::Simulator::rate_hz);
  std::uint32_t cues_seen = 0;
  std::array<std::uint64_t, tissue::layer_count + 1> by_layer{};
  for (std::uint64_t i = 0; i < steps; ++i) {
    const auto& ev = sim.step(pen.next());
    cues_seen |= ev.feedback.cues;
    for (const auto& p : ev.punctures) ++by_layer[static_cast<std::size_t>(p.deepest)];
    if (ev.step % 500 == 0) {
      const auto& t = ev.telemetry;
      std::printf("%7.2f %7.1f %7.1f %7.2f %6d %9.3f %17s %9llu  %s\n", ev.time_s, t.pose.cap_center_mm.x,
                  t.pose.cap_center_mm.y, t.pressing_force_n, t.needles_in_skin, t.stroke_depth_mm,
                  std::string(tissue::layer_name(t.stroke_layer)).c_str(),
                  static_cast<unsigned long long>(sim.grid().total_punctures()),
                  physics::cue_list(ev.feedback.cues).c_str());
    }
  }
  std::printf("\npunctures by deepest layer:\n");
  for (int i = 1; i <= tissue::layer_count; ++i)
    std::printf("  %-17s %llu\n", std::string(tissue::layer_name(static_cast<tissue::Layer>(i))).c_str(),
                static_cast<unsigned long long>(by_layer[static_cast<std::size_t>(i)]));
  const auto report = tissue::coverage_report(sim.grid(), *patch, {});
  std::printf("coverage of the treated mark (target 250 per cm2): %.0f%% of its area, median %.0f per cm2\n",
              100.0 * report.marks[1].fraction_at_target, report.marks[1].median_density_per_cm2);
  std::printf("cues raised: %s\n", cues_seen ? physics::cue_list(cues_seen).c_str() : "none");
  return 0;
}

}  // namespace dermasim::app
