// Recording bytes: refused with a RecordError naming the file and byte, or
// read; what is read encodes and reads back the same. When the first byte is
// odd, the rest gets a correct trailing checksum, so mutations reach the
// metadata and the command stream instead of stopping at the checksum.
#include "fuzz_support.hpp"
#include "record/recording.hpp"
#include "tissue/fnv1a.hpp"

using namespace dermasim;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  std::string bytes = fuzz::bytes_of(data + 1, size - 1);
  if ((data[0] & 1) && bytes.size() >= 8) {
    const std::uint64_t sum = fnv1a(std::string_view(bytes).substr(0, bytes.size() - 8));
    for (int i = 0; i < 8; ++i) bytes[bytes.size() - 8 + static_cast<std::size_t>(i)] = static_cast<char>((sum >> (8 * i)) & 0xff);
  }
  record::Recording r;
  try {
    r = record::decode_recording(bytes, "fuzz.dsrec");
  } catch (const record::RecordError& e) {
    fuzz::fuzz_check(std::string(e.what()).rfind("fuzz.dsrec: ", 0) == 0, "a message without the file's name");
    return 0;
  }
  const record::Recording again = record::decode_recording(record::encode_recording(r), "again.dsrec");
  fuzz::fuzz_check(again.commands.size() == r.commands.size(), "a re-encoded recording changed its length");
  fuzz::fuzz_check(again.scenario_id == r.scenario_id, "a re-encoded recording changed its scenario");
  for (std::size_t i = 0; i < r.commands.size(); ++i)
    fuzz::fuzz_check(again.commands[i].x_mm == r.commands[i].x_mm && again.commands[i].force_n == r.commands[i].force_n,
                     "a re-encoded recording changed a command");
  return 0;
}
