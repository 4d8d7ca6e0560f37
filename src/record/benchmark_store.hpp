#pragma once
// Benchmarks and per-attempt metrics in the progress database (migration 4).
#include <map>
#include <optional>
#include <string>

#include "record/benchmark.hpp"
#include "record/sqlite_db.hpp"
#include "scenario/grading.hpp"

namespace dermasim::record {

/// Called inside record_attempt_finished's transaction: the grade's metrics
/// that the criterion tables do not hold (benchmark.hpp grade_extra_metrics).
void store_attempt_metrics(SqliteDb& db, const std::string& attempt_uuid, const scenario::Grade& grade);

/// The stored metrics of one attempt (empty for attempts stored before migration 4).
std::map<std::string, double> stored_attempt_metrics(SqliteDb& db, const std::string& attempt_uuid);

struct StoredBenchmark {
  Benchmark benchmark;  // with its id
  std::string set_by;
  std::string set_utc;
  std::string source;
};

/// Stores a benchmark file's content for its case. The id is a name-based
/// UUID of the file's bytes, so importing the same file again adds nothing
/// (returns false). `set_utc` empty: now. Throws std::invalid_argument for an
/// empty instructor.
bool import_benchmark(SqliteDb& db, Benchmark& b, const std::string& file_bytes, const std::string& set_by,
                      const std::string& source, const std::string& set_utc = {});

/// The standing benchmark of a case: the one set last.
std::optional<StoredBenchmark> current_benchmark(SqliteDb& db, const std::string& scenario_id);

/// For `records import`: copies another station's attempt metrics (for
/// attempts now here) and benchmarks, de-duplicated by key. Inside the
/// caller's transaction. Returns the benchmarks added.
int import_proficiency_tables(SqliteDb& src, SqliteDb& dst);

}  // namespace dermasim::record
