#pragma once
// Versioned schema of the progress database. PRAGMA user_version holds the
// number of migrations applied; opening a database applies the missing ones in
// order, each in its own transaction, so a newer build opens an older file and
// a crash mid-migration leaves the previous version intact.
#include <string_view>

namespace dermasim::record {

class SqliteDb;

/// The schema version this build writes.
inline constexpr int latest_schema_version = 5;

/// The SQL of migration `version` (1-based): exposed so tests can build an
/// old database exactly as an older build did.
std::string_view migration_sql(int version);

/// Brings the database to latest_schema_version. Throws DbError when the file
/// is newer than this build or is not a dermasim progress database.
void migrate(SqliteDb& db);

}  // namespace dermasim::record
