// `dermasim records benchmark import` and `dermasim records proficiency`
// (issue 15): an instructor attaches expert benchmarks to cases; trainees'
// proficiency and CUSUM learning curves are read back.
#include <algorithm>
#include <charconv>
#include <optional>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <vector>

#include "app/verbs_proficiency.hpp"
#include "record/benchmark_store.hpp"
#include "record/course_progress.hpp"
#include "record/proficiency.hpp"
#include "record/proficiency_svg.hpp"

namespace dermasim::app {
namespace {
namespace fs = std::filesystem;

constexpr const char* benchmark_usage =
    "usage: dermasim records benchmark import FILE [--instructor NAME] [--db PATH]\n"
    "       (the instructor defaults to $USER)";
constexpr const char* proficiency_usage =
    "usage: dermasim records proficiency [--db PATH] [--json] [--trainee NAME] [--scenario ID]\n"
    "                                    [--acceptable-rate P0] [--unacceptable-rate P1] [--html FILE]";

/// --flag VALUE pairs and bare flags; anything unknown is refused.
struct Options {
  std::vector<std::string> positional;
  std::vector<std::pair<std::string, std::string>> values;
  bool json = false;
  std::optional<std::string> get(const std::string& k) const {
    for (const auto& [key, v] : values)
      if (key == k) return v;
    return std::nullopt;
  }
};

Options parse(std::span<const std::string_view> args, const std::vector<std::string>& with_value, bool json_flag,
              const char* usage) {
  Options o;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string a(args[i]);
    if (json_flag && a == "--json") {
      o.json = true;
    } else if (a.starts_with("--")) {
      if (std::find(with_value.begin(), with_value.end(), a) == with_value.end())
        throw std::invalid_argument("unknown option " + a + "\n" + usage);
      if (i + 1 >= args.size()) throw std::invalid_argument(a + " needs a value\n" + usage);
      if (o.get(a)) throw std::invalid_argument(a + " given twice\n" + usage);
      o.values.emplace_back(a, std::string(args[++i]));
    } else {
      o.positional.push_back(a);
    }
  }
  return o;
}

std::string existing_db(const Options& o) {
  const std::string path = o.get("--db").value_or(record::default_db_path());
  std::error_code ec;
  if (!fs::exists(path, ec)) throw std::runtime_error(path + ": no progress database here (check --db)");
  return path;
}

double rate(const Options& o, const std::string& flag, double fallback) {
  const auto v = o.get(flag);
  if (!v) return fallback;
  double out = 0.0;
  const auto [end, ec] = std::from_chars(v->data(), v->data() + v->size(), out);
  if (ec != std::errc{} || end != v->data() + v->size() || !(out > 0.0 && out < 1.0))
    throw std::invalid_argument(flag + " must be a failure rate between 0 and 1, got '" + *v + "'");
  return out;
}

std::string joined(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ",") + s;
  return out.empty() ? "-" : out;
}

}  // namespace

int records_benchmark(std::span<const std::string_view> args) {
  if (args.empty() || args[0] != "import") throw std::invalid_argument(benchmark_usage);
  const Options o = parse(args.subspan(1), {"--db", "--instructor"}, false, benchmark_usage);
  if (o.positional.size() != 1) throw std::invalid_argument(std::string("name one benchmark file\n") + benchmark_usage);
  const std::string file = o.positional[0];
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error(file + ": cannot read");
  const std::string bytes(std::istreambuf_iterator<char>(in), {});
  record::Benchmark b = record::parse_benchmark(bytes, file);
  std::string instructor = o.get("--instructor").value_or("");
  if (instructor.empty())
    if (const char* user = std::getenv("USER")) instructor = user;
  if (instructor.find_first_not_of(" \t") == std::string::npos)
    throw std::invalid_argument("who sets this benchmark? pass --instructor NAME\n" + std::string(benchmark_usage));
  record::ProgressDb db(o.get("--db").value_or(record::default_db_path()));
  const bool added = record::import_benchmark(db.sqlite(), b, bytes, instructor, fs::absolute(file).string());
  std::printf("%s: benchmark %s for %s (%zu metrics, set by %s) %s\n", file.c_str(), b.id.c_str(),
              b.scenario_id.c_str(), b.metrics.size(), instructor.c_str(),
              added ? "imported" : "was already imported");
  return 0;
}

int records_proficiency(std::span<const std::string_view> args) {
  const Options o = parse(args, {"--db", "--trainee", "--scenario", "--acceptable-rate", "--unacceptable-rate", "--html"}, true,
                          proficiency_usage);
  if (!o.positional.empty())
    throw std::invalid_argument("unexpected argument '" + o.positional[0] + "'\n" + proficiency_usage);
  record::CusumSettings cusum;
  cusum.acceptable_rate = rate(o, "--acceptable-rate", cusum.acceptable_rate);
  cusum.unacceptable_rate = rate(o, "--unacceptable-rate", cusum.unacceptable_rate);
  if (const std::string p = cusum.problem(); !p.empty()) throw std::invalid_argument("CUSUM: " + p);
  record::ProgressDb db(existing_db(o));
  const auto rows = record::proficiency(db, cusum, o.get("--trainee").value_or(""), o.get("--scenario").value_or(""));
  if (const auto html = o.get("--html")) {
    std::ofstream out(*html, std::ios::binary | std::ios::trunc);
    out << record::proficiency_html_page(rows);
    if (!out) throw std::runtime_error(*html + ": cannot write");
    std::fprintf(stderr, "learning curves of %zu trainee x case row(s) written to %s\n", rows.size(), html->c_str());
  }
  if (o.json) {
    std::fputs(record::proficiency_json(rows, cusum).c_str(), stdout);
    return 0;
  }
  std::printf("%-24s %-32s %8s %8s %-10s %-8s %7s %s\n", "trainee", "scenario", "attempts", "to_prof", "proficient",
              "cusum", "h1", "short_of (latest attempt)");
  for (const auto& r : rows)
    std::printf("%-24s %-32s %8d %8s %-10s %-8.2f %7.2f %s\n", r.trainee.c_str(), r.scenario_id.c_str(), r.attempts,
                r.attempts_to_proficiency ? std::to_string(*r.attempts_to_proficiency).c_str() : "-",
                !r.benchmark ? "no bench" : r.proficient ? "yes" : "no",
                r.cusum.values.empty() ? 0.0 : r.cusum.values.back(), r.cusum.h1, joined(r.short_of).c_str());
  return 0;
}

int records_course(std::span<const std::string_view> args) {
  constexpr const char* usage = "usage: dermasim records course --course FILE.yaml --trainee NAME [--db PATH]";
  const Options o = parse(args, {"--course", "--trainee", "--db"}, false, usage);
  const auto file = o.get("--course");
  const auto trainee = o.get("--trainee");
  if (!file || !trainee || !o.positional.empty()) throw std::invalid_argument(usage);
  const auto load = scenario::load_course_file(*file);
  for (const auto& e : load.errors) std::fprintf(stderr, "%s\n", e.str().c_str());
  if (!load.course) return 1;
  record::ProgressDb db(existing_db(o));
  std::printf("%s (%s) for %s\n", load.course->title.c_str(), load.course->id.c_str(), trainee->c_str());
  int n = 0;
  for (const auto& c : record::course_access(db, *load.course, *trainee))
    std::printf("%2d. %-34s %-10s %-8s %s\n", ++n, c.scenario_id.c_str(), std::string(scenario::mode_name(c.mode)).c_str(),
                c.unlocked ? "open" : "locked",
                c.unlocked ? (c.proficient ? "proficient" : c.passed ? "passed" : "") : c.why.c_str());
  return 0;
}

}  // namespace dermasim::app
