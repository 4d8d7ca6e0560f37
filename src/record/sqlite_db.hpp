#pragma once
// A thin RAII layer over the SQLite C API: one connection, prepared
// statements, and transactions that roll back unless committed. Every error
// names the database file, so a message is useful on its own.
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace dermasim::record {

/// A database that cannot be opened, is not ours, or refused a write.
struct DbError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class SqliteDb;

class Statement {
 public:
  Statement(SqliteDb& db, std::string_view sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& bind(int index, std::string_view v);
  Statement& bind(int index, const char* v) { return bind(index, std::string_view(v)); }
  Statement& bind(int index, double v);
  Statement& bind(int index, std::int64_t v);
  Statement& bind(int index, int v) { return bind(index, static_cast<std::int64_t>(v)); }
  Statement& bind(int index, bool v) { return bind(index, static_cast<std::int64_t>(v ? 1 : 0)); }
  Statement& bind_null(int index);
  template <typename T>
  Statement& bind(int index, const std::optional<T>& v) {
    return v ? bind(index, *v) : bind_null(index);
  }

  /// True while a row is available; false when done. Throws DbError.
  bool step();
  /// Runs to completion (for statements that return no rows).
  void run();
  void reset();

  bool is_null(int col) const;
  std::string text(int col) const;
  double real(int col) const;
  std::int64_t integer(int col) const;
  std::optional<double> opt_real(int col) const;
  std::optional<std::string> opt_text(int col) const;

 private:
  SqliteDb& db_;
  sqlite3_stmt* stmt_ = nullptr;
};

class SqliteDb {
 public:
  /// Opens (creating if asked) the file. Throws DbError naming it.
  SqliteDb(const std::string& path, bool create, bool read_only = false);
  ~SqliteDb();
  SqliteDb(const SqliteDb&) = delete;
  SqliteDb& operator=(const SqliteDb&) = delete;

  void exec(std::string_view sql);
  std::int64_t user_version();
  std::int64_t changes() const;
  const std::string& path() const { return path_; }
  sqlite3* handle() { return db_; }
  /// "<file>: <what>: <sqlite message>".
  [[noreturn]] void fail(std::string_view what) const;

 private:
  std::string path_;
  sqlite3* db_ = nullptr;
};

/// BEGIN IMMEDIATE on construction (the write lock up front, so two writers
/// wait on busy_timeout instead of failing mid-transaction); ROLLBACK on
/// destruction unless commit() ran.
class Transaction {
 public:
  explicit Transaction(SqliteDb& db);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();

 private:
  SqliteDb& db_;
  bool done_ = false;
};

}  // namespace dermasim::record
