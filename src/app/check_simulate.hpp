#pragma once
#include <string>

namespace dermasim::app {

/// Plays a scenario's reference attempt at its key's depths; prints each
/// problem as file:line:col: error: ...; 0 when the key's answer passes.
int check_simulate_file(const std::string& path);

}  // namespace dermasim::app
