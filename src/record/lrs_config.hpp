#pragma once
// Where the learning record store is and how to log in. Read from
// $XDG_CONFIG_HOME/dermasim/lrs.conf (else ~/.config/dermasim/lrs.conf, or
// the file DERMASIM_LRS_CONFIG names), then the environment, which wins:
//   DERMASIM_LRS_ENDPOINT   e.g. https://lrs.example.org/xapi
//   DERMASIM_LRS_USERNAME   Basic auth user (an LRS "key")
//   DERMASIM_LRS_PASSWORD   Basic auth password (an LRS "secret")
//   DERMASIM_XAPI_ACTIVITY_BASE, DERMASIM_XAPI_HOME_PAGE
// The file holds `key = value` lines (endpoint, username, password,
// activity_base, actor_home_page, timeout_s) and # comments. Nothing here ever
// prints a credential: use redact() on any text that could hold one.
#include <stdexcept>
#include <string>

#include "record/xapi_statements.hpp"

namespace dermasim::record {

struct LrsConfigError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct LrsConfig {
  std::string endpoint;  // without a trailing slash
  std::string username;
  std::string password;
  double timeout_s = 10.0;  // per request
  XapiSettings xapi;
  std::string file;  // the config file read, empty if none

  /// Endpoint and both credentials are set: statements may be sent.
  bool configured() const { return !endpoint.empty() && !username.empty() && !password.empty(); }
  /// Why a partial configuration cannot be used (empty when none or complete).
  std::string problem() const;
};

std::string default_lrs_config_path();
/// Throws LrsConfigError (file:line, never a value) for a malformed file.
LrsConfig load_lrs_config();
/// A config from one file only (tests).
LrsConfig read_lrs_config_file(const std::string& path);
/// A config from text; `name` names it in messages (tests, fuzzing).
LrsConfig parse_lrs_config_text(const std::string& text, const std::string& name);

/// `text` with every credential of `c` (and their Basic-auth encoding, and
/// any user:password@ in a URL) replaced by "***".
std::string redact(std::string text, const LrsConfig& c);
/// The endpoint without any userinfo, for messages.
std::string printable_endpoint(const std::string& endpoint);

}  // namespace dermasim::record
