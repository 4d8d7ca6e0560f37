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
};

/// What the script's author expects of its grade: tests hold scripts to it.
struct ScriptExpectation {
  std::optional<bool> passed;
  std::optional<CriterionId> loses_on;  // this criterion loses at least 10 points
  std::string critical;                 // this critical error is raised (kind name)
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
};

struct ScriptLoad {
  std::optional<TraineeScript> script;
  Diagnostics errors;
};

ScriptLoad load_script_file(const std::string& path);
ScriptLoad load_script_text(std::string_view text, const std::string& file);

/// Checks the script's ids against its scenario; problems at line 0 of the file.
Diagnostics check_script_against(const TraineeScript& script, const Scenario& s);

/// The pen path of a script's procedure on its scenario's patch.
std::vector<physics::PathSegment> procedure_path(const TraineeScript& script, const Scenario& s);

}  // namespace dermasim::scenario
