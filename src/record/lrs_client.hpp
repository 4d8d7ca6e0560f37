#pragma once
// Sends one xAPI statement to a learning record store with libcurl:
// PUT {endpoint}/statements?statementId=<id>, xAPI 1.0.3 headers, Basic auth.
// PUT with the statement's own id makes a retry safe: the LRS answers 204
// for a new statement and 204 or 409 for one it already has.
#include <memory>
#include <string>

#include "record/lrs_config.hpp"

namespace dermasim::record {

struct SendResult {
  enum class Outcome {
    delivered,    // 200, 204, or 409 (the LRS already has this id)
    rejected,     // the LRS refused this statement (4xx): keep it, try the others
    unavailable,  // no connection, timeout, 5xx, 401/403/404/429: stop, retry later
  };
  Outcome outcome = Outcome::unavailable;
  long http_status = 0;  // 0: no HTTP answer
  std::string detail;    // never holds a credential
};

/// Anything that can deliver a statement (the LRS client; fakes in tests).
class StatementSender {
 public:
  virtual ~StatementSender() = default;
  virtual SendResult put_statement(const std::string& statement_id, const std::string& json) = 0;
};

class LrsClient final : public StatementSender {
 public:
  /// Throws LrsConfigError when `config` is not complete.
  explicit LrsClient(LrsConfig config);
  ~LrsClient() override;
  LrsClient(const LrsClient&) = delete;
  LrsClient& operator=(const LrsClient&) = delete;
  SendResult put_statement(const std::string& statement_id, const std::string& json) override;

 private:
  LrsConfig config_;
  void* curl_ = nullptr;  // CURL*, kept for connection reuse
};

/// How an HTTP status counts (exposed for tests).
SendResult::Outcome classify_http_status(long status);

}  // namespace dermasim::record
