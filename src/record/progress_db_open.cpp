// Where the progress database lives, and opening it only to read it
// (`records export`): no migration and no switch to WAL, so read-only media
// and folders still export.
#include <cstdlib>
#include <filesystem>

#include "record/migrations.hpp"
#include "record/progress_db.hpp"

namespace dermasim::record {
namespace fs = std::filesystem;

std::string default_db_path() {
  const char* xdg = std::getenv("XDG_DATA_HOME");
  // The XDG spec: a relative XDG_DATA_HOME is invalid and must be ignored.
  if (xdg && *xdg && fs::path(xdg).is_absolute()) return (fs::path(xdg) / "dermasim" / "progress.db").string();
  const char* home = std::getenv("HOME");
  if (!home || !*home)
    throw DbError("cannot place the progress database: neither XDG_DATA_HOME nor HOME is set (use --db PATH)");
  return (fs::path(home) / ".local" / "share" / "dermasim" / "progress.db").string();
}

namespace {
// A read-only file in a read-only folder cannot get the shared-memory file a
// WAL database is read through; with no -wal file left (the last writer
// closed cleanly) nothing is pending, and SQLite may read it as immutable.
std::string name_for_reading(const std::string& path) {
  if (!fs::is_regular_file(path)) throw DbError(path + ": no such progress database");
  try {
    SqliteDb probe(path, false, true);
    probe.user_version();  // reads the header: fails here when the WAL cannot be opened
    return path;
  } catch (const DbError&) {
    std::error_code ec;
    if (fs::exists(path + "-wal", ec) && fs::file_size(path + "-wal", ec) > 0) throw;
    return "file:" + path + "?immutable=1";
  }
}
}  // namespace

ProgressDb::ProgressDb(const std::string& path, ReadOnly) : db_(name_for_reading(path), false, true) {
  const std::int64_t version = db_.user_version();
  if (version > latest_schema_version)
    throw DbError(path + ": the progress database has schema version " + std::to_string(version) +
                  ", newer than this build's " + std::to_string(latest_schema_version) + "; update dermasim");
  Statement has(db_, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN ('attempts', 'trainees')");
  if (version < 1 || !has.step() || has.integer(0) != 2) throw DbError(path + ": not a dermasim progress database");
}

}  // namespace dermasim::record
