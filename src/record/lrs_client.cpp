#include "record/lrs_client.hpp"

#include <curl/curl.h>

#include <cmath>
#include <mutex>

namespace dermasim::record {
namespace {

// Bytes of an LRS error body worth keeping in a message.
constexpr std::size_t max_body_in_message = 300;

std::size_t collect(char* data, std::size_t size, std::size_t n, void* out) {
  auto* body = static_cast<std::string*>(out);
  if (body->size() < 4096) body->append(data, size * n);
  return size * n;
}

void global_init() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct HeaderList {
  curl_slist* list = nullptr;
  ~HeaderList() { curl_slist_free_all(list); }
  void add(const char* h) { list = curl_slist_append(list, h); }
};

}  // namespace

SendResult::Outcome classify_http_status(long status) {
  if ((status >= 200 && status < 300) || status == 409) return SendResult::Outcome::delivered;
  if (status == 401 || status == 403 || status == 404 || status == 408 || status == 429 || status >= 500 || status < 400)
    return SendResult::Outcome::unavailable;
  return SendResult::Outcome::rejected;
}

LrsClient::LrsClient(LrsConfig config) : config_(std::move(config)) {
  if (!config_.configured())
    throw LrsConfigError(config_.problem().empty() ? "no LRS is configured" : config_.problem());
  global_init();
  curl_ = curl_easy_init();
  if (!curl_) throw LrsConfigError("libcurl could not start");
}

LrsClient::~LrsClient() { curl_easy_cleanup(static_cast<CURL*>(curl_)); }

SendResult LrsClient::put_statement(const std::string& statement_id, const std::string& json) {
  CURL* c = static_cast<CURL*>(curl_);
  curl_easy_reset(c);
  std::string url = config_.endpoint;
  url.append("/statements?statementId=").append(statement_id);
  std::string body;
  char error[CURL_ERROR_SIZE] = {0};
  HeaderList headers;
  headers.add("X-Experience-API-Version: 1.0.3");
  headers.add("Content-Type: application/json");
  headers.add("Expect:");  // no 100-continue round trip
  const long timeout_ms = std::lround(config_.timeout_s * 1000.0);
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, "PUT");
  curl_easy_setopt(c, CURLOPT_POSTFIELDS, json.data());
  curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(json.size()));
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers.list);
  curl_easy_setopt(c, CURLOPT_HTTPAUTH, CURLAUTH_BASIC);
  curl_easy_setopt(c, CURLOPT_USERNAME, config_.username.c_str());
  curl_easy_setopt(c, CURLOPT_PASSWORD, config_.password.c_str());
  // Never follow a redirect: it would carry the credentials elsewhere.
  curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, timeout_ms);
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, timeout_ms);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error);
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, collect);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &body);

  SendResult r;
  const CURLcode rc = curl_easy_perform(c);
  const std::string where = printable_endpoint(config_.endpoint);
  if (rc != CURLE_OK) {
    r.outcome = SendResult::Outcome::unavailable;
    r.detail = where + ": " + (error[0] ? std::string(error) : std::string(curl_easy_strerror(rc)));
  } else {
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &r.http_status);
    r.outcome = classify_http_status(r.http_status);
    if (r.outcome != SendResult::Outcome::delivered) {
      r.detail = where + ": HTTP " + std::to_string(r.http_status);
      if (!body.empty()) r.detail.append(": ").append(body.substr(0, max_body_in_message));
    }
  }
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, nullptr);
  r.detail = redact(r.detail, config_);
  return r;
}

}  // namespace dermasim::record
