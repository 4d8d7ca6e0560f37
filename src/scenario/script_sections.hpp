#pragma once
// The parts of a trainee script that describe one attempt (consultation,
// plan, procedure, aftercare), shared by single-attempt scripts and the
// visits of a course script.
#include "scenario/script.hpp"
#include "scenario/yaml_reader.hpp"

namespace dermasim::scenario {

/// Reads `consultation`, `plan`, `procedure` and `aftercare` of `map` into
/// `s`, each problem located; a decision that treats today needs a plan and
/// aftercare.
void parse_attempt_sections(YamlReader& r, const YAML::Node& map, TraineeScript& s);

}  // namespace dermasim::scenario
