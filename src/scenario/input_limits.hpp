#pragma once
// Every bound the readers put on a file before trusting it: instructors share
// scenario files, trainees carry recordings between stations, so any file may
// be damaged or hostile. One definition each; the README (Input limits) lists
// them. A file over its limit is refused with a message naming the file.
#include <cstddef>
#include <cstdint>

namespace dermasim::scenario {

/// The longest attempt any file may describe: 2 hours of procedure. A
/// microneedling pass over one patch takes minutes (the library's longest
/// scripted attempt is under 2 minutes, the physics benchmark replays 10); a
/// bound is what lets a reader refuse a count no real attempt reaches.
inline constexpr double max_attempt_s = 2.0 * 3600.0;
/// The same at the 1 kHz physics rate (physics::Simulator::rate_hz).
inline constexpr std::uint64_t max_attempt_steps = 7'200'000;

/// Scenario and script YAML: hand-written, a few KB (the largest shipped case
/// is about 10 KB); 1 MiB leaves room for long texts and stops /dev/zero.
inline constexpr std::size_t max_yaml_file_bytes = 1u << 20;
/// lrs.conf: six `key = value` lines.
inline constexpr std::size_t max_config_file_bytes = 64u << 10;
/// Recordings and journals: a pen that changes every field every step costs
/// at most 52 bytes a step in a recording (25 a record in a journal), so
/// 512 MiB holds 2 hours of the worst case and anything the writer can make
/// within the longest attempt reads back; a real attempt costs about 3 bytes a
/// step (43 MB for 2 hours).
inline constexpr std::size_t max_recording_file_bytes = 512u << 20;
/// A recording's JSON metadata: answers and names, a few KB.
inline constexpr std::size_t max_recording_meta_bytes = 1u << 20;

/// Lists in a script: enough for any real attempt, small enough that a
/// hostile script cannot multiply work without end.
inline constexpr std::size_t max_script_strokes = 500;
/// Any other list in a scenario or script (history items, findings,
/// instructions, critical errors, ids to ask): a case has a dozen; the bound
/// keeps cross-checks and did-you-mean suggestions from growing quadratically.
inline constexpr std::size_t max_list_entries = 200;
inline constexpr std::size_t max_raster_angles = 8;

}  // namespace dermasim::scenario
