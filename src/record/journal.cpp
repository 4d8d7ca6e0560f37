#include "record/journal.hpp"

#include <cmath>
#include <cstring>
#include <fstream>
#include <sstream>

namespace dermasim::record {
namespace {

constexpr char journal_magic[8] = {'D', 'S', 'J', 'R', 'N', '\x01', '\r', '\n'};
// One run: u32 repeat count, five i32 fields at the recording quanta, u8 flags.
constexpr std::size_t run_bytes = 4 + 5 * 4 + 1;
constexpr const auto& quanta = physics::command_quanta;

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
  if (!file_) throw RecordError(path + ": cannot write the attempt's journal");
  std::string head(journal_magic, sizeof journal_magic);
  put32(head, static_cast<std::uint32_t>(encoded.size()));
  head += encoded;
  if (std::fwrite(head.data(), 1, head.size(), file_) != head.size() || std::fflush(file_) != 0)
    throw RecordError(path + ": writing the attempt's journal failed");
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
    while (i + run < commands.size() && same(commands[i + run], commands[i])) ++run;
    const physics::PenCommand& c = commands[i];
    put32(out, static_cast<std::uint32_t>(run));
    const double values[5] = {c.x_mm, c.y_mm, c.force_n, c.tilt_deg, c.tilt_direction_deg};
    for (int k = 0; k < 5; ++k) put32(out, static_cast<std::uint32_t>(static_cast<std::int32_t>(std::llround(values[k] / quanta[k]))));
    out += static_cast<char>((c.skin_taut ? 1 : 0) | (c.motor_on ? 2 : 0));
    i += run;
  }
  // One write per frame, flushed to the kernel: it survives the process.
  if (std::fwrite(out.data(), 1, out.size(), file_) != out.size() || std::fflush(file_) != 0)
    throw RecordError(path_ + ": writing the attempt's journal failed");
  written_ = commands.size();
}

void RecordingJournal::discard() {
  if (file_) std::fclose(file_);
  file_ = nullptr;
  std::remove(path_.c_str());
}

Recording recover_journal(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw RecordError(path + ": cannot open the journal");
  std::ostringstream s;
  s << in.rdbuf();
  const std::string b = s.str();
  if (b.size() < sizeof journal_magic + 4 || b.compare(0, sizeof journal_magic, std::string(journal_magic, sizeof journal_magic)) != 0)
    throw RecordError(path + ": not a dermasim attempt journal");
  const std::uint32_t header_size = get32(b, sizeof journal_magic);
  const std::size_t body = sizeof journal_magic + 4 + header_size;
  if (body > b.size()) throw RecordError(path + ": the journal's header is truncated");
  Recording r = decode_recording(b.substr(sizeof journal_magic + 4, header_size), path);
  r.completed = false;
  for (std::size_t at = body; at + run_bytes <= b.size(); at += run_bytes) {
    const std::uint32_t run = get32(b, at);
    if (run == 0 || run > 10'000'000) break;  // damage: keep what came before
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
