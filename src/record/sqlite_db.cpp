#include "record/sqlite_db.hpp"

#include <sqlite3.h>

namespace dermasim::record {

namespace {
// Another process (a second window, `records sync`) may hold the write lock
// briefly; wait this long before giving up.
constexpr int busy_timeout_ms = 10'000;
}  // namespace

SqliteDb::SqliteDb(const std::string& path, bool create, bool read_only) : path_(path) {
  int flags = read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
  if (create && !read_only) flags |= SQLITE_OPEN_CREATE;
  flags |= SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX;
  const int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    sqlite3_close(db_);
    db_ = nullptr;
    throw DbError(path + ": cannot open the database: " + msg);
  }
  sqlite3_extended_result_codes(db_, 1);
  sqlite3_busy_timeout(db_, busy_timeout_ms);
}

SqliteDb::~SqliteDb() { sqlite3_close_v2(db_); }

void SqliteDb::fail(std::string_view what) const {
  std::string msg = path_;
  msg.append(": ").append(what).append(": ").append(sqlite3_errmsg(db_));
  // SQLite reports a full disk while growing its WAL or shared-memory file as
  // a plain I/O error; say what usually causes it. Nothing was committed.
  const int code = sqlite3_errcode(db_) & 0xff;
  if (code == SQLITE_IOERR || code == SQLITE_FULL)
    msg.append(" (is the disk full? nothing was stored; the database keeps what it had)");
  throw DbError(msg);
}

void SqliteDb::exec(std::string_view sql) {
  const std::string s(sql);
  char* err = nullptr;
  if (sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = path_;
    msg.append(": ").append(err ? err : sqlite3_errmsg(db_));
    sqlite3_free(err);
    throw DbError(msg);
  }
}

std::int64_t SqliteDb::user_version() {
  Statement st(*this, "PRAGMA user_version");
  return st.step() ? st.integer(0) : 0;
}

std::int64_t SqliteDb::changes() const { return sqlite3_changes64(db_); }

Statement::Statement(SqliteDb& db, std::string_view sql) : db_(db) {
  if (sqlite3_prepare_v2(db.handle(), sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr) != SQLITE_OK)
    db.fail("cannot prepare a query");
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement& Statement::bind(int index, std::string_view v) {
  if (sqlite3_bind_text64(stmt_, index, v.data(), v.size(), SQLITE_TRANSIENT, SQLITE_UTF8) != SQLITE_OK)
    db_.fail("cannot bind a value");
  return *this;
}
Statement& Statement::bind(int index, double v) {
  if (sqlite3_bind_double(stmt_, index, v) != SQLITE_OK) db_.fail("cannot bind a value");
  return *this;
}
Statement& Statement::bind(int index, std::int64_t v) {
  if (sqlite3_bind_int64(stmt_, index, v) != SQLITE_OK) db_.fail("cannot bind a value");
  return *this;
}
Statement& Statement::bind_null(int index) {
  if (sqlite3_bind_null(stmt_, index) != SQLITE_OK) db_.fail("cannot bind a value");
  return *this;
}

bool Statement::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  db_.fail("query failed");
}

void Statement::run() {
  while (step()) {
  }
}

void Statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

bool Statement::is_null(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
std::string Statement::text(int col) const {
  const auto* p = sqlite3_column_text(stmt_, col);
  return p ? std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col)))
           : std::string();
}
double Statement::real(int col) const { return sqlite3_column_double(stmt_, col); }
std::int64_t Statement::integer(int col) const { return sqlite3_column_int64(stmt_, col); }
std::optional<double> Statement::opt_real(int col) const {
  return is_null(col) ? std::nullopt : std::optional<double>(real(col));
}
std::optional<std::string> Statement::opt_text(int col) const {
  return is_null(col) ? std::nullopt : std::optional<std::string>(text(col));
}

Transaction::Transaction(SqliteDb& db) : db_(db) { db_.exec("BEGIN IMMEDIATE"); }

Transaction::~Transaction() {
  if (done_) return;
  // A failed ROLLBACK (the connection already rolled back) is harmless here.
  sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit() {
  db_.exec("COMMIT");
  done_ = true;
}

}  // namespace dermasim::record
