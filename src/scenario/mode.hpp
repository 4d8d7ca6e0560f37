#pragma once
// How an attempt is taken. Practice shows the hints (the depth table in the
// plan, the key's bands on the gauges, the live coverage map); assessment
// shows none of them, and the coverage map only in the debrief. A scenario
// sets its default; `dermasim gui --assessment` forces assessment; a script
// may name its own. Recordings, reports, the progress database and xAPI
// statements carry the mode, so an instructor knows what a grade was earned with.
#include <optional>
#include <string_view>

namespace dermasim::scenario {

enum class Mode { practice, assessment };

constexpr std::string_view mode_name(Mode m) { return m == Mode::assessment ? "assessment" : "practice"; }

constexpr std::optional<Mode> parse_mode(std::string_view name) {
  if (name == "practice") return Mode::practice;
  if (name == "assessment") return Mode::assessment;
  return std::nullopt;
}

/// Hints are for practice only.
constexpr bool shows_hints(Mode m) { return m == Mode::practice; }

/// Whether an attempt taken in `taken` counts where `required` is asked for
/// (a course plan's case): an assessment case is earned only without hints,
/// while a practice case also counts an assessment attempt (it had fewer aids).
constexpr bool counts_as(Mode taken, Mode required) { return required == Mode::practice || taken == Mode::assessment; }

}  // namespace dermasim::scenario
