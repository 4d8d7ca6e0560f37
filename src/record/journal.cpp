#include "record/journal.hpp"

#include <cerrno>
#include <cmath>
#include <cstring>
#include <unistd.h>

#include "scenario/input_limits.hpp"
#include "scenario/text_file.hpp"

namespace dermasim::record {
namespace {

constexpr char journal_magic[8] = {'D', 'S', 'J', 'R', 'N', '\x01', '\r', '\n'};
// One run: u32 repeat count, five i32 fields at the recording quanta, u8 flags.
constexpr std::size_t run_bytes = 4 + 5 * 4 + 1;
constexpr const auto& quanta = physics::command_quanta;
// The longest run one record holds. The simulator appends every frame and a
// frame carries at most 100 steps (slower frames drop time), so real runs are
// shorter; the writer splits any longer one. A reader can then trust a count
// only as far as the file's size allows: 1,000 steps per 25-byte record.
constexpr std::uint32_t max_run_steps = 1000;

void put32(std::string& out, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) out += static_cast<char>((v >> (8 * i)) & 0xff);
}
std::uint32_t get32(const std::string& b, std::size_t at) {
  std::uint32_t v = 0;
  for (int i = 0; i < 4; ++i) v |= static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + static_cast<std::size_t>(i)])) << (8 * i);
  return v;
}

bool same(const physics::PenCommand& a, const physics::PenCommand& b) {
  return a.x_mm == b.x_mm && a.y_mm == b.y_mm && a.force_n == b.force_n && a.tilt_deg == b.tilt_deg &&
         a.tilt_direction_deg == b.tilt_direction_deg && a.skin_taut == b.skin_taut && a.motor_on == b.motor_on;
}

}  // namespace

RecordingJournal::RecordingJournal(const std::string& path, const Recording& header) : path_(path) {
  Recording meta = header;
  meta.commands.clear();
  meta.completed = false;
  // The header is a complete (empty) recording: its metadata block carries
  // the answers in the recording format.
  const std::string encoded = encode_recording(meta);
  file_ = std::fopen(path.c_str(), "wb");
  if (!file_) throw RecordError(path + ": cannot write the attempt's journal: " + std::strerror(errno));
  std::string head(journal_magic, sizeof journal_magic);
  put32(head, static_cast<std::uint32_t>(encoded.size()));
  head += encoded;
  if (std::fwrite(head.data(), 1, head.size(), file_) != head.size() || std::fflush(file_) != 0) {
    // A journal without its whole header cannot be recovered: remove it
    // rather than leave a file that only says "not a journal" at start-up.
    const std::string why = std::strerror(errno);
    std::fclose(file_);
    file_ = nullptr;
    std::remove(path.c_str());
    throw RecordError(path + ": writing the attempt's journal failed: " + why);
  }
  bytes_ = head.size();
}

RecordingJournal::~RecordingJournal() {
  if (file_) std::fclose(file_);
}

void RecordingJournal::append(const std::vector<physics::PenCommand>& commands) {
  if (!file_ || written_ >= commands.size()) return;
  std::string out;
  std::size_t i = written_;
  while (i < commands.size()) {
    std::size_t run = 1;
    while (i + run < commands.size() && run < max_run_steps && same(commands[i + run], commands[i])) ++run;
    const physics::PenCommand& c = commands[i];
    put32(out, static_cast<std::uint32_t>(run));
    const double values[5] = {c.x_mm, c.y_mm, c.force_n, c.tilt_deg, c.tilt_direction_deg};
    for (int k = 0; k < 5; ++k) put32(out, static_cast<std::uint32_t>(static_cast<std::int32_t>(std::llround(values[k] / quanta[k]))));
    out += static_cast<char>((c.skin_taut ? 1 : 0) | (c.motor_on ? 2 : 0));
    i += run;
  }
  // One write per frame, flushed to the kernel: it survives the process.
  // On a full disk the frame is not counted as written, so the next append
  // retries it; what the kernel already holds stays recoverable (a torn
  // last record is dropped on recovery).
  if (std::fwrite(out.data(), 1, out.size(), file_) != out.size() || std::fflush(file_) != 0) {
    const std::string why = std::strerror(errno);
    // Cut back to the last whole frame, so a retry appends whole records
    // after whole records (a torn record would shift every later one).
    std::clearerr(file_);
    if (::ftruncate(fileno(file_), static_cast<off_t>(bytes_)) != 0 || std::fseek(file_, 0, SEEK_END) != 0) {
      std::fclose(file_);
      file_ = nullptr;  // the journal holds what it held; no more appends
    }
    throw RecordError(path_ + ": writing the attempt's journal failed: " + why);
  }
  written_ = commands.size();
  bytes_ += out.size();
}

void RecordingJournal::discard() {
  if (file_) std::fclose(file_);
  file_ = nullptr;
  std::remove(path_.c_str());
}

Recording recover_journal(const std::string& path) {
  auto bytes = scenario::read_bounded_file(path, scenario::max_recording_file_bytes, "an attempt journal");
  if (bytes.index() == 1) throw RecordError(path + ": " + std::get<1>(bytes));
  try {
    return decode_journal(std::get<0>(bytes), path);
  } catch (const std::bad_alloc&) {
    throw RecordError(path + ": not enough memory to read the journal");
  }
}

Recording decode_journal(const std::string& b, const std::string& path) {
  if (b.size() < sizeof journal_magic + 4 || b.compare(0, sizeof journal_magic, std::string(journal_magic, sizeof journal_magic)) != 0)
    throw RecordError(path + ": not a dermasim attempt journal");
  const std::uint32_t header_size = get32(b, sizeof journal_magic);
  const std::size_t body = sizeof journal_magic + 4 + header_size;
  if (body > b.size()) throw RecordError(path + ": the journal's header is truncated");
  Recording r = decode_recording(b.substr(sizeof journal_magic + 4, header_size), path);
  r.completed = false;
  std::uint64_t total = 0;
  for (std::size_t at = body; at + run_bytes <= b.size(); at += run_bytes) {
    const std::uint32_t run = get32(b, at);
    if (run == 0 || run > max_run_steps) break;  // damage: keep what came before
    // A journal never holds more than the longest attempt: a count beyond it
    // is damage, and like any damage ends the recovery there.
    if (run > scenario::max_attempt_steps - total) break;
    total += run;
    physics::PenCommand c;
    double* fields[5] = {&c.x_mm, &c.y_mm, &c.force_n, &c.tilt_deg, &c.tilt_direction_deg};
    for (int k = 0; k < 5; ++k)
      *fields[k] = static_cast<double>(static_cast<std::int32_t>(get32(b, at + 4 + 4 * static_cast<std::size_t>(k)))) * quanta[k];
    const auto flags = static_cast<unsigned char>(b[at + 24]);
    c.skin_taut = flags & 1;
    c.motor_on = flags & 2;
    r.commands.insert(r.commands.end(), run, c);
  }
  return r;
}

}  // namespace dermasim::record
