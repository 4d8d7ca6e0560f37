// Progress-database import of a mutated SQLite file: the import is refused
// with a DbError naming the file, or merged; either way this station's
// database stays whole (PRAGMA integrity_check) and exports as CSV.
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "fuzz_support.hpp"
#include "record/csv.hpp"
#include "record/progress_db.hpp"

using namespace dermasim;
namespace fs = std::filesystem;

namespace {

// Per process, in memory where the machine has /dev/shm: each run creates a
// fresh station database, and synchronous=FULL costs nothing there.
fs::path work_dir() {
  static const fs::path dir = [] {
    const fs::path base = fs::is_directory("/dev/shm") ? fs::path("/dev/shm") : fs::temp_directory_path();
    fs::path d = base / ("dermasim-fuzz-import-" + std::to_string(::getpid()));
    fs::create_directories(d);
    return d;
  }();
  return dir;
}

void clear(const fs::path& dir) {
  std::error_code ec;
  for (const char* name : {"local.db", "local.db-wal", "local.db-shm", "other.db", "other.db-wal", "other.db-shm"})
    fs::remove(dir / name, ec);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const fs::path dir = work_dir();
  clear(dir);
  const std::string other = (dir / "other.db").string();
  {
    std::ofstream out(other, std::ios::binary);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  {
    record::ProgressDb db((dir / "local.db").string());
    try {
      db.import_from(other);
    } catch (const record::DbError& e) {
      fuzz::fuzz_check(std::string(e.what()).find("other.db") != std::string::npos,
                       std::string("a refusal that does not name the file: ") + e.what());
    }
    record::SqliteDb check((dir / "local.db").string(), false, true);
    record::Statement integrity(check, "PRAGMA integrity_check");
    fuzz::fuzz_check(integrity.step() && integrity.text(0) == "ok", "the station's database is damaged after an import");
    const std::string csv = record::attempts_csv(db.attempts());
    fuzz::fuzz_check(csv.find("attempt_uuid") == 0, "the export lost its header");
  }
  clear(dir);
  return 0;
}
