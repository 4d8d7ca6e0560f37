#pragma once
// UTC timestamps as ISO 8601 text ("2024-05-01T09:30:00Z"), the form every
// record and xAPI statement uses, and ISO 8601 durations.
#include <optional>
#include <string>
#include <string_view>

namespace dermasim::record {

/// Seconds since the Unix epoch of "YYYY-MM-DDTHH:MM:SS[.fff]Z"; nullopt when malformed.
std::optional<double> parse_utc(std::string_view iso);
std::string format_utc(double epoch_s);
/// An ISO 8601 duration such as "PT1H2M3.25S" (seconds to the centisecond).
std::string iso8601_duration(double seconds);

}  // namespace dermasim::record

namespace dermasim::record {
/// Now, to the second ("2024-05-01T09:30:00Z").
std::string utc_now();
/// Now, to the millisecond: orders audit rows written within one second.
std::string utc_now_ms();
}  // namespace dermasim::record
