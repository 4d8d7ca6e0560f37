// Journal bytes: refused with a RecordError naming the file, or recovered,
// never holding more than the longest attempt. When the first byte is odd,
// the embedded header recording gets a correct checksum, so mutations reach
// the runs after it.
#include "fuzz_support.hpp"
#include "record/journal.hpp"
#include "scenario/input_limits.hpp"
#include "tissue/fnv1a.hpp"

using namespace dermasim;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  std::string bytes = fuzz::bytes_of(data + 1, size - 1);
  constexpr std::size_t head = 8 + 4;  // magic, then the header's length
  if ((data[0] & 1) && bytes.size() >= head) {
    std::uint32_t n = 0;
    for (int i = 0; i < 4; ++i) n |= static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[8 + static_cast<std::size_t>(i)])) << (8 * i);
    if (n >= 8 && head + n <= bytes.size()) {
      const std::size_t end = head + n;
      const std::uint64_t sum = fnv1a(std::string_view(bytes).substr(head, n - 8));
      for (int i = 0; i < 8; ++i) bytes[end - 8 + static_cast<std::size_t>(i)] = static_cast<char>((sum >> (8 * i)) & 0xff);
    }
  }
  try {
    const record::Recording r = record::decode_journal(bytes, "fuzz.journal");
    fuzz::fuzz_check(!r.completed, "a recovered journal claims a completed attempt");
    fuzz::fuzz_check(r.commands.size() <= scenario::max_attempt_steps, "a journal longer than the longest attempt");
  } catch (const record::RecordError& e) {
    fuzz::fuzz_check(std::string(e.what()).rfind("fuzz.journal: ", 0) == 0, "a message without the file's name");
  }
  return 0;
}
