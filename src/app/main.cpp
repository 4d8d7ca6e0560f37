#include <cstdio>
#include <exception>
#include <string_view>
#include <vector>

#include "app/verbs.hpp"

namespace {

void print_usage() {
  std::puts(
      "usage: dermasim [VERB] [OPTIONS]\n"
      "\n"
      "  (no verb) | demo [--seconds S]   treat the bundled default case (abdomen, postpartum\n"
      "                                   striae rubra) with a scripted pen and print what the\n"
      "                                   physics does\n"
      "  bench physics [--steps N]        time the 1 kHz physics step; prints one JSON object\n"
      "  help                             this text");
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string_view> args(argv + 1, argv + argc);
  try {
    if (args.empty() || args[0] == "demo") {
      const std::span<const std::string_view> rest(args.data() + (args.empty() ? 0 : 1),
                                                   args.empty() ? 0 : args.size() - 1);
      return dermasim::app::run_demo(rest);
    }
    if (args[0] == "help" || args[0] == "--help" || args[0] == "-h") {
      print_usage();
      return 0;
    }
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
