#pragma once
// Attempt and statement identifiers. Attempts get a random (version 4) UUID so
// two training stations never collide; xAPI statement ids are name-based
// (version 5, RFC 4122 section 4.3) so the same attempt and verb always give
// the same id and a retried PUT cannot create a second statement.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace dermasim::record {

/// SHA-1 of bytes (FIPS 180-4); only for name-based UUIDs and content keys,
/// not for security.
std::array<std::uint8_t, 20> sha1(std::string_view bytes);
std::string sha1_hex(std::string_view bytes);

/// A random UUID, lower-case 8-4-4-4-12.
std::string uuid_v4();
/// A name-based UUID in the namespace `ns` (itself a UUID string).
std::string uuid_v5(std::string_view ns, std::string_view name);
/// True for a canonical 8-4-4-4-12 hex UUID.
bool is_uuid(std::string_view s);

/// dermasim's own namespace for name-based ids (fixed forever: changing it
/// would change every statement id and let an LRS store duplicates).
inline constexpr std::string_view dermasim_uuid_namespace = "4f1d6a52-8c3e-5b7a-9d20-6e5c1b3a7f48";

}  // namespace dermasim::record
