// lrs.conf text: a configuration or an LrsConfigError at file:line, and the
// message never quotes the file's text (it may hold a password).
#include "fuzz_support.hpp"
#include "record/lrs_config.hpp"

using namespace dermasim;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text = fuzz::bytes_of(data, size);
  try {
    const record::LrsConfig c = record::parse_lrs_config_text(text, "lrs.conf");
    fuzz::fuzz_check(c.timeout_s > 0 && c.timeout_s <= 600, "a timeout outside 0..600 s was accepted");
    if (!c.password.empty() && c.password.size() >= 4) {
      const std::string shown = record::redact("sending with " + c.password, c);
      fuzz::fuzz_check(shown.find(c.password) == std::string::npos, "redact left the password in a message");
    }
  } catch (const record::LrsConfigError& e) {
    const std::string m = e.what();
    fuzz::fuzz_check(m.rfind("lrs.conf:", 0) == 0, "a message without file:line");
  }
  return 0;
}
