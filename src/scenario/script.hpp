#pragma once
// A scripted trainee: the answers at every stage and the pen strokes, read
// from a YAML file (scenarios/scripts/<scenario>/<attempt>.yaml).
#include <optional>
#include <string>
#include <vector>

#include "physics/scripted_pen.hpp"
#include "scenario/answers.hpp"
#include "scenario/diagnostics.hpp"
#include "scenario/scenario.hpp"

namespace dermasim::scenario {

/// Where something was written in the script (1-based; 0: unknown).
struct SourceAt {
  int line = 0;
  int column = 0;
};

struct StrokeSpec {
  enum class Kind { raster_mark, raster_region, line, stamp } kind = Kind::raster_mark;
  int mark = -1;                      // raster_mark: 1-based mark, or -1 for every mark
  double margin_mm = 1.0;             // raster_mark: how far past the mark's edges
  double region[4] = {0, 0, 0, 0};    // raster_region: x0, y0, x1, y1
  double from[2] = {0, 0}, to[2] = {0, 0};  // line
  double at[2] = {0, 0};              // stamp
  double duration_s = 1.0;            // stamp
  double spacing_mm = 1.5;            // raster row spacing
  std::vector<double> angles_deg{0.0};  // raster: one pass per direction (to the mark's axis for raster_mark)
  int passes = 1;                     // repeats of all of the above
  physics::PathStyle style;
  SourceAt at_stroke;                 // the stroke's own line in the script
  SourceAt at_point[2];               // line: from, to; stamp: at (first)
  SourceAt at_mark;                   // raster_mark: mark; raster_region: region
};

/// What the script's author expects of its grade; the library test
/// (tests/test_scenario_library.cpp) holds every shipped script to it.
struct ScriptExpectation {
  std::optional<bool> passed;           // the attempt passes (true) or fails (false)
  std::optional<CriterionId> loses_on;  // this criterion applies, scores 90 or less, and says why
  std::string critical;                 // this critical error is raised (kind name), so the attempt fails
};

struct TraineeScript {
  std::string file;
  ScriptExpectation expect;
  std::string scenario_id;
  std::string trainee;
  std::optional<Mode> mode;  // empty: the scenario's default
  ConsultationAnswers consultation;
  std::optional<PlanAnswers> plan;
  std::vector<StrokeSpec> procedure;
  std::optional<AftercareAnswers> aftercare;
  // Where the ids were written, index for index, for located messages.
  SourceAt at_scenario;
  std::vector<SourceAt> at_asked, at_findings, at_precautions, at_instructions;
};

struct ScriptLoad {
  std::optional<TraineeScript> script;
  Diagnostics errors;
};

ScriptLoad load_script_file(const std::string& path);
ScriptLoad load_script_text(std::string_view text, const std::string& file);

/// Checks the script against its scenario, each problem at its line and
/// column: ids the case lacks, marks it does not have, points off the patch,
/// and a procedure longer than an attempt may be (max_attempt_s). A script
/// this accepts runs through run_scripted_attempt without a refusal.
Diagnostics check_script_against(const TraineeScript& script, const Scenario& s);

/// An upper bound on the simulated seconds the procedure takes on `s`
/// (computed without building the path, so a hostile script costs nothing).
double procedure_seconds_bound(const TraineeScript& script, const Scenario& s);

/// Where `check SCRIPT` looks for the script's scenario: scenarios/<id>.yaml
/// for scenarios/scripts/<case>/<attempt>.yaml (the script's folder's
/// ../../<id>.yaml). Empty when the id cannot name a file.
std::string scenario_path_for_script(const std::string& script_path, const std::string& scenario_id);

/// The pen path of a script's procedure on its scenario's patch.
std::vector<physics::PathSegment> procedure_path(const TraineeScript& script, const Scenario& s);

}  // namespace dermasim::scenario
