#include "record/benchmark_store.hpp"

#include <stdexcept>

#include "record/utc_time.hpp"
#include "record/uuid.hpp"

namespace dermasim::record {

void store_attempt_metrics(SqliteDb& db, const std::string& attempt_uuid, const scenario::Grade& grade) {
  Statement ins(db, "INSERT OR REPLACE INTO attempt_metrics (attempt_uuid, metric, value) VALUES (?1, ?2, ?3)");
  for (const auto& [metric, value] : grade_extra_metrics(grade)) {
    ins.reset();
    ins.bind(1, attempt_uuid).bind(2, metric).bind(3, value).run();
  }
}

std::map<std::string, double> stored_attempt_metrics(SqliteDb& db, const std::string& attempt_uuid) {
  std::map<std::string, double> out;
  Statement sel(db, "SELECT metric, value FROM attempt_metrics WHERE attempt_uuid = ?1");
  sel.bind(1, attempt_uuid);
  while (sel.step()) out[sel.text(0)] = sel.real(1);
  return out;
}

bool import_benchmark(SqliteDb& db, Benchmark& b, const std::string& file_bytes, const std::string& set_by,
                      const std::string& source, const std::string& set_utc) {
  if (set_by.find_first_not_of(" \t\r\n") == std::string::npos)
    throw std::invalid_argument("a benchmark needs the instructor who sets it");
  b.id = uuid_v5(dermasim_uuid_namespace, "benchmark/" + sha1_hex(file_bytes));
  Transaction tx(db);
  Statement have(db, "SELECT count(*) FROM benchmarks WHERE id = ?1");
  if (have.bind(1, b.id).step() && have.integer(0) > 0) return false;
  Statement ins(db, "INSERT INTO benchmarks (id, scenario_id, scenario_hash, set_by, set_utc, source, body) "
                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  ins.bind(1, b.id).bind(2, b.scenario_id).bind(3, b.scenario_hash).bind(4, set_by);
  ins.bind(5, set_utc.empty() ? utc_now() : set_utc).bind(6, source).bind(7, file_bytes).run();
  Statement m(db, "INSERT INTO benchmark_metrics (benchmark_id, metric, higher_is_better, n, mean, sd, benchmark) "
                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  for (const auto& x : b.metrics) {
    m.reset();
    m.bind(1, b.id).bind(2, x.metric).bind(3, x.higher_is_better).bind(4, x.n).bind(5, x.mean).bind(6, x.sd);
    m.bind(7, x.benchmark).run();
  }
  tx.commit();
  return true;
}

std::optional<StoredBenchmark> current_benchmark(SqliteDb& db, const std::string& scenario_id) {
  Statement sel(db, "SELECT id, scenario_hash, set_by, set_utc, source FROM benchmarks WHERE scenario_id = ?1 "
                    "ORDER BY set_utc DESC, rowid DESC LIMIT 1");
  if (!sel.bind(1, scenario_id).step()) return std::nullopt;
  StoredBenchmark out;
  out.benchmark.id = sel.text(0);
  out.benchmark.scenario_id = scenario_id;
  out.benchmark.scenario_hash = sel.text(1);
  out.set_by = sel.text(2);
  out.set_utc = sel.text(3);
  out.source = sel.text(4);
  Statement m(db, "SELECT metric, higher_is_better, n, mean, sd, benchmark FROM benchmark_metrics "
                  "WHERE benchmark_id = ?1 ORDER BY rowid");
  m.bind(1, out.benchmark.id);
  while (m.step()) {
    MetricBenchmark x;
    x.metric = m.text(0);
    x.higher_is_better = m.integer(1) != 0;
    x.n = static_cast<int>(m.integer(2));
    x.mean = m.real(3);
    x.sd = m.real(4);
    x.benchmark = m.real(5);
    out.benchmark.metrics.push_back(x);
  }
  return out;
}

}  // namespace dermasim::record

namespace dermasim::record {

int import_proficiency_tables(SqliteDb& src, SqliteDb& dst) {
  // By table, not by version number: an older station's file simply has none.
  Statement has(src, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN "
                     "('attempt_metrics', 'benchmarks', 'benchmark_metrics')");
  if (!has.step() || has.integer(0) != 3) return 0;
  Statement am(src, "SELECT attempt_uuid, metric, value FROM attempt_metrics");
  Statement am_ins(dst, "INSERT OR IGNORE INTO attempt_metrics (attempt_uuid, metric, value) "
                        "SELECT ?1, ?2, ?3 WHERE EXISTS (SELECT 1 FROM attempts WHERE uuid = ?1)");
  while (am.step()) {
    am_ins.reset();
    am_ins.bind(1, am.text(0)).bind(2, am.text(1)).bind(3, am.real(2)).run();
  }
  int added = 0;
  Statement b(src, "SELECT id, scenario_id, scenario_hash, set_by, set_utc, source, body FROM benchmarks ORDER BY rowid");
  Statement b_ins(dst, "INSERT OR IGNORE INTO benchmarks (id, scenario_id, scenario_hash, set_by, set_utc, source, body) "
                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  while (b.step()) {
    b_ins.reset();
    b_ins.bind(1, b.text(0)).bind(2, b.text(1)).bind(3, b.text(2)).bind(4, b.text(3)).bind(5, b.text(4));
    b_ins.bind(6, b.text(5)).bind(7, b.text(6)).run();
    added += static_cast<int>(dst.changes());
  }
  Statement m(src, "SELECT benchmark_id, metric, higher_is_better, n, mean, sd, benchmark FROM benchmark_metrics");
  Statement m_ins(dst, "INSERT OR IGNORE INTO benchmark_metrics (benchmark_id, metric, higher_is_better, n, mean, sd, "
                       "benchmark) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  while (m.step()) {
    m_ins.reset();
    m_ins.bind(1, m.text(0)).bind(2, m.text(1)).bind(3, m.integer(2)).bind(4, m.integer(3)).bind(5, m.real(4));
    m_ins.bind(6, m.real(5)).bind(7, m.real(6)).run();
  }
  return added;
}

}  // namespace dermasim::record
