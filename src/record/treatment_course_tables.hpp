#pragma once
// Migration 5's treatment-course tables between two database files, for
// `records import` (progress_import.cpp).
#include <string>

#include "record/sqlite_db.hpp"

namespace dermasim::record {

/// Whether `db` has migration 5's tables (an older station's file has not).
bool has_treatment_tables(SqliteDb& db);
/// Removes attempt `uuid`'s treatment course rows (before a newer copy replaces them).
void drop_treatment_course(SqliteDb& db, const std::string& uuid);
/// Copies attempt `uuid`'s treatment course, if it is one, from `src` to `dst`.
/// Throws DbError for a row this station would never have written.
void copy_treatment_course(SqliteDb& src, SqliteDb& dst, const std::string& uuid);

}  // namespace dermasim::record
