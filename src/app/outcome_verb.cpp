// `dermasim outcome`: what a recorded attempt does to the skin over the days
// after it, through the trainee's planned series; JSON and PNG frames.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "app/cli_args.hpp"
#include "app/verbs_outcome.hpp"
#include "record/recording.hpp"
#include "render/png_writer.hpp"
#include "scenario/outcome_report.hpp"
#include "scenario/scenario_loader.hpp"
#include "scene/outcome_image.hpp"

namespace dermasim::app {
namespace {

// Up to ten years after the session; longer is outside what any source covers.
constexpr double max_outcome_day = 3650.0;
constexpr double frame_px_per_mm = 4.0;

std::vector<double> parse_days(std::string_view text) {
  std::vector<double> days;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t comma = std::min(text.find(',', start), text.size());
    const std::string item(text.substr(start, comma - start));
    double d = 0.0;
    const auto [end, ec] = std::from_chars(item.data(), item.data() + item.size(), d);
    if (item.empty() || ec != std::errc{} || end != item.data() + item.size() || !std::isfinite(d) || d < 0.0 ||
        d > max_outcome_day)
      throw std::invalid_argument("--days: '" + item + "' is not a day in 0.." + std::to_string(static_cast<int>(max_outcome_day)));
    days.push_back(d);
    start = comma + 1;
  }
  std::sort(days.begin(), days.end());
  days.erase(std::unique(days.begin(), days.end()), days.end());
  return days;
}

render::RgbaImage to_image(const scene::Pixels& p) {
  render::RgbaImage img(p.width, p.height);
  img.pixels = p.rgba;
  return img;
}

}  // namespace

int run_outcome(std::span<const std::string_view> args) {
  const char* usage = "dermasim outcome --scenario S.yaml --session R.dsrec [--days 0,1,7,28,84] [--json F] "
                      "[--png-dir D] [--seed N]";
  const auto scenario_arg = option(args, "--scenario"), session_arg = option(args, "--session");
  if (!scenario_arg || !session_arg) {
    std::fprintf(stderr, "usage: %s\n", usage);
    return 2;
  }
  auto load = scenario::load_scenario_file(std::string(*scenario_arg));
  for (const auto& e : load.errors) std::fprintf(stderr, "%s\n", e.str().c_str());
  if (!load.scenario) return 1;
  const scenario::Scenario& s = *load.scenario;
  const record::Recording rec = record::read_recording(std::string(*session_arg));
  if (rec.scenario_id != s.id) {
    std::fprintf(stderr, "%.*s: error: the recording is of scenario '%s', not '%s'\n", static_cast<int>(session_arg->size()),
                 session_arg->data(), rec.scenario_id.c_str(), s.id.c_str());
    return 1;
  }
  if (!rec.answers.plan) {
    std::fprintf(stderr, "%.*s: error: the attempt treated nothing (decision without a procedure): no outcome\n",
                 static_cast<int>(session_arg->size()), session_arg->data());
    return 1;
  }
  const std::vector<double> days =
      option(args, "--days") ? parse_days(*option(args, "--days")) : std::vector<double>{0, 1, 7, 28, 84};
  const auto seed = static_cast<std::uint64_t>(option_int(args, "--seed", 1, 0, 1LL << 62));
  const auto treated = scenario::treated_session(s, rec.answers, rec.commands);
  const auto png_dir = option(args, "--png-dir");
  if (png_dir) std::filesystem::create_directories(std::string(*png_dir));
  // The recording's final state names the attempt: the same recording and seed
  // give the same draws.
  const std::uint64_t course_seed = scenario::outcome_seed(rec.final_state_hash, seed);
  const auto timeline = scenario::predict_outcome(treated, days, course_seed, [&](const tissue::HealingCourse& c) {
    if (!png_dir) return;
    char name[64];
    std::snprintf(name, sizeof name, "day_%04d.png", static_cast<int>(std::lround(c.day())));
    render::write_png(std::filesystem::path(std::string(*png_dir)) / name, to_image(scene::outcome_top_view(c, frame_px_per_mm)));
  });
  if (png_dir)
    render::write_png(std::filesystem::path(std::string(*png_dir)) / "before.png",
                      to_image(scene::untreated_top_view(*treated.patch, s.patient.fitzpatrick, frame_px_per_mm)));
  std::fputs(scenario::outcome_text(timeline).c_str(), stdout);
  if (const auto json = option(args, "--json")) {
    std::ofstream out{std::string(*json), std::ios::binary | std::ios::trunc};
    out << scenario::outcome_json(timeline, s);
    if (!out) throw std::runtime_error(std::string(*json) + ": cannot write");
  }
  return 0;
}

}  // namespace dermasim::app
