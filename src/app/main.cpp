#include <cstdio>
#include <exception>
#include <string_view>
#include <vector>

#include "app/gui_verbs.hpp"
#include "app/verbs.hpp"
#include "app/verbs_outcome.hpp"
#include "app/verbs_scenario.hpp"
#include "scenario/scoring_rules.hpp"
#include "app/records_verbs.hpp"
#include "app/verbs_proficiency.hpp"

namespace {

void print_usage() {
  std::puts(
      "usage: dermasim [VERB] [OPTIONS]\n"
      "\n"
      "  (no verb) | gui [--scenario FILE] [--scenarios DIR] [--data DIR] [--db PATH] [--trainee NAME]\n"
      "                [--instructor NAME] [--assessment] [--course FILE] [--courses DIR]\n"
      "                [--size WxH]\n"
      "                [--fitzpatrick 1..6] [--mute]\n"
      "                                   open the interactive simulator on the bundled default\n"
      "                                   case (abdomen, postpartum striae rubra) or FILE; the case\n"
      "                                   library lists DIR (scenarios/); recordings and reports go\n"
      "                                   to DIR (~/.local/share/dermasim); F1 lists controls;\n"
      "                                   --assessment: no hints in any case (else each case's mode);\n"
      "                                   the library offers the course plans of --courses DIR\n"
      "                                   (courses/); --course FILE: only that plan, its locked cases\n"
      "                                   closed, each case in the plan's mode\n"
      "  demo [--seconds S]               treat the default case with a scripted pen, headless, and\n"
      "                                   print what the physics does\n"
      "  screenshot --view top|oblique|cutaway --out FILE.png [--size WxH] [--seconds S]\n"
      "             [--fitzpatrick 1..6] [--exaggeration 1..10] [--coverage]\n"
      "                                   render a view of the default case after S seconds (12) of a\n"
      "                                   scripted treatment pass, offscreen (use xvfb-run with no\n"
      "                                   display); --scenario FILE is not supported yet\n"
      "  bench render [--frames N] [--scale-percent P] [--view top|oblique|cutaway] [--out F.png]\n"
      "                                   frame times of the full scene, cutaway and panels at\n"
      "                                   1280x720 while a scripted pen treats, and where they go\n"
      "                                   pass by pass (pass_ms); one JSON object\n"
      "  bench physics [--steps N]        time the 1 kHz physics step; prints one JSON object\n"
      "  help scoring                     how each criterion is scored, as the grader does it\n"
      "  check [--simulate] FILE|DIR...   validate scenario and trainee-script files (exit 1 on errors);\n"
      "                                   --simulate also plays each case's own answer at its depths\n"
      "  simulate --scenario S --script T --out SESSION\n"
      "                                   run a scripted trainee through the whole case, headless,\n"
      "                                   and write the session recording\n"
      "  grade --scenario S --session R [--json F] [--html F]\n"
      "                                   grade a recorded attempt; print, and write JSON and HTML;\n"
      "                                   with folders for S and R, one CSV row per attempt (--csv F)\n"
      "  replay --session R [--scenario S] [--verify]\n"
      "                                   re-simulate a recording; --verify checks the final state\n"
      "                                   and the grade match it and the scenario did not change\n"
      "  outcome --scenario S --session R [--days 0,1,7,28,84] [--json F] [--png-dir D] [--seed N]\n"
      "                                   predict healing after a recorded attempt over its planned\n"
      "                                   series: erythema, collagen, each mark's improvement, complications\n"
      "  validate outcomes [--json F] [--patients N] [--seed N] [--scenarios DIR]\n"
      "                                   the healing model on a virtual cohort against published figures\n"
      "  benchmark --scenario S --sessions DIR --out FILE.json\n"
      "                                   grade expert recordings and write the case's benchmark\n"
      "                                   (per metric n, mean, sd, benchmark = mean -/+ 2 SD)\n"
      "  records export|import|add|override|sync|statements|cohort|benchmark|proficiency ...\n"
      "                                   trainee progress database and xAPI (dermasim records for usage)\n"
      "  help                             this text");
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string_view> args(argv + 1, argv + argc);
  try {
    // No verb opens the interactive simulator on the default case.
    if (!args.empty() && (args[0] == "help" || args[0] == "--help" || args[0] == "-h")) {
      // The scoring rules as the grader has them (the README quotes this).
      if (args.size() >= 2 && args[1] == "scoring") {
        std::fputs(dermasim::scenario::scoring::scoring_rules_markdown().c_str(), stdout);
        return 0;
      }
      print_usage();
      return 0;
    }
    if (args.empty() || args[0] == "gui" || args[0].starts_with("--"))
      return dermasim::app::run_gui(std::span(args).subspan(args.empty() || args[0].starts_with("--") ? 0 : 1));
    if (args[0] == "demo") return dermasim::app::run_demo(std::span(args).subspan(1));
    const auto rest = std::span(args).subspan(1);
    if (args[0] == "check") return dermasim::app::run_check(rest);
    if (args[0] == "simulate") return dermasim::app::run_simulate(rest);
    if (args[0] == "grade") return dermasim::app::run_grade(rest);
    if (args[0] == "replay") return dermasim::app::run_replay(rest);
    if (args[0] == "outcome") return dermasim::app::run_outcome(rest);
    if (args[0] == "validate") return dermasim::app::run_validate(rest);
    if (args[0] == "benchmark") return dermasim::app::run_benchmark(rest);  // issue 15
    if (args[0] == "records") return dermasim::app::run_records(rest);
    if (args[0] == "screenshot") return dermasim::app::run_screenshot(rest);
    if (args[0] == "bench" && args.size() >= 2 && args[1] == "render")
      return dermasim::app::run_bench_render(std::span(args).subspan(2));
    if (args[0] == "bench" && args.size() >= 2 && args[1] == "physics")
      return dermasim::app::run_bench_physics(std::span(args).subspan(2));
    std::fprintf(stderr, "dermasim: unknown verb '%.*s'\n\n", static_cast<int>(args[0].size()), args[0].data());
    print_usage();
    return 2;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "dermasim: error: %s\n", e.what());
    return 1;
  }
}
