#include "record/recording.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "scenario/input_limits.hpp"
#include "scenario/json_writer.hpp"
#include "scenario/text_file.hpp"
#include "scenario/utf8.hpp"
#include "tissue/fnv1a.hpp"

namespace dermasim::record {
namespace {

constexpr char magic[8] = {'D', 'S', 'R', 'E', 'C', '\x01', '\r', '\n'};
constexpr std::uint32_t format_version = 1;
// Quanta of the command fields, as physics::quantize_command uses them.
constexpr const auto& quanta = physics::command_quanta;
using scenario::max_attempt_steps;

void put_u32(std::string& out, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) out += static_cast<char>((v >> (8 * i)) & 0xff);
}
void put_u64(std::string& out, std::uint64_t v) {
  for (int i = 0; i < 8; ++i) out += static_cast<char>((v >> (8 * i)) & 0xff);
}
void put_varint(std::string& out, std::uint64_t v) {
  while (v >= 0x80) {
    out += static_cast<char>((v & 0x7f) | 0x80);
    v >>= 7;
  }
  out += static_cast<char>(v);
}
std::uint64_t zigzag(std::int64_t v) { return (static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63); }
std::int64_t unzigzag(std::uint64_t v) { return static_cast<std::int64_t>(v >> 1) ^ -static_cast<std::int64_t>(v & 1); }

struct Fields {
  std::int64_t v[5] = {0, 0, 0, 0, 0};
  bool taut = true, motor = false;
  bool operator==(const Fields&) const = default;
};

Fields to_fields(const physics::PenCommand& c) {
  Fields f;
  const double values[5] = {c.x_mm, c.y_mm, c.force_n, c.tilt_deg, c.tilt_direction_deg};
  for (int i = 0; i < 5; ++i) f.v[i] = std::llround(values[i] / quanta[i]);
  f.taut = c.skin_taut;
  f.motor = c.motor_on;
  return f;
}

physics::PenCommand from_fields(const Fields& f) {
  physics::PenCommand c;
  double* out[5] = {&c.x_mm, &c.y_mm, &c.force_n, &c.tilt_deg, &c.tilt_direction_deg};
  // Same expression as quantize_command: round(v / q) * q.
  for (int i = 0; i < 5; ++i) *out[i] = static_cast<double>(f.v[i]) * quanta[i];
  c.skin_taut = f.taut;
  c.motor_on = f.motor;
  return c;
}

// Runs of identical commands (the GUI's pen holds still between frames)
// collapse to one record; changed fields are stored as zigzag varint deltas.
std::string encode_commands(const std::vector<physics::PenCommand>& commands) {
  std::string out;
  Fields prev;
  std::size_t i = 0;
  while (i < commands.size()) {
    const Fields f = to_fields(commands[i]);
    std::size_t run = 1;
    while (i + run < commands.size() && to_fields(commands[i + run]) == f) ++run;
    put_varint(out, run - 1);
    std::uint8_t mask = 0;
    for (int k = 0; k < 5; ++k)
      if (f.v[k] != prev.v[k]) mask = static_cast<std::uint8_t>(mask | (1u << k));
    if (f.taut) mask |= 1u << 5;
    if (f.motor) mask |= 1u << 6;
    out += static_cast<char>(mask);
    for (int k = 0; k < 5; ++k)
      if (mask & (1u << k)) put_varint(out, zigzag(f.v[k] - prev.v[k]));
    prev = f;
    i += run;
  }
  return out;
}

class Reader {
 public:
  Reader(const std::string& bytes, const std::string& name) : b_(bytes), name_(name) {}
  [[noreturn]] void fail(const std::string& what) const {
    throw RecordError(name_ + ": " + what + " (at byte " + std::to_string(pos_) + ")");
  }
  void need(std::size_t n) const {
    if (b_.size() - pos_ < n) fail("the file is truncated");
  }
  std::uint64_t fixed(int bytes) {
    need(static_cast<std::size_t>(bytes));
    std::uint64_t v = 0;
    for (int i = 0; i < bytes; ++i) v |= static_cast<std::uint64_t>(static_cast<unsigned char>(b_[pos_++])) << (8 * i);
    return v;
  }
  std::uint64_t varint(std::size_t end) {
    std::uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos_ >= end) fail("the command stream is truncated");
      const auto c = static_cast<unsigned char>(b_[pos_++]);
      v |= static_cast<std::uint64_t>(c & 0x7f) << shift;
      if (!(c & 0x80)) return v;
    }
    fail("a number in the command stream is malformed");
  }
  std::string take(std::size_t n) {
    need(n);
    std::string s = b_.substr(pos_, n);
    pos_ += n;
    return s;
  }
  std::size_t pos() const { return pos_; }

 private:
  const std::string& b_;
  const std::string& name_;
  std::size_t pos_ = 0;
};

void write_strings(scenario::JsonWriter& j, std::string_view key, const std::vector<std::string>& v) {
  j.key(key).begin_array();
  for (const auto& s : v) j.value(s);
  j.end_array();
}

std::string meta_json(const Recording& r) {
  scenario::JsonWriter j;
  j.begin_object();
  j.field("scenario_id", r.scenario_id).field("scenario_hash", r.scenario_hash).field("scenario_file", r.scenario_file);
  j.field("trainee", r.trainee).field("started_utc", r.started_utc).field("completed", r.completed);
  char hash[17];
  std::snprintf(hash, sizeof hash, "%016llx", static_cast<unsigned long long>(r.final_state_hash));
  j.field("final_state_hash", hash);
  j.key("grade_total").exact(r.grade_total);
  j.field("passed", r.passed);
  j.field("mode", scenario::mode_name(r.answers.mode));
  if (r.answers.consultation) {
    const auto& c = *r.answers.consultation;
    j.key("consultation").begin_object();
    write_strings(j, "asked", c.asked);
    write_strings(j, "findings", c.findings);
    j.field("decision", scenario::decision_name(c.decision));
    write_strings(j, "precautions", c.precautions);
    j.end_object();
  }
  if (r.answers.plan) {
    const auto& p = *r.answers.plan;
    j.key("plan").begin_object();
    j.field("needle_length_mm", p.device.needle_length_mm);
    j.field("cartridge", physics::cartridge(p.device.cartridge).name);
    j.field("stroke_rate_hz", p.device.stroke_rate_hz).field("numbing", p.numbing).field("passes", p.passes);
    // P6: written only for an RF plan, so plain recordings keep their bytes.
    if (p.device.rf_energy_mj != 0.0) j.field("rf_energy_mj", p.device.rf_energy_mj);
    j.end_object();
  }
  if (r.answers.aftercare) {
    const auto& a = *r.answers.aftercare;
    j.key("aftercare").begin_object();
    write_strings(j, "instructions", a.instructions);
    j.field("sessions", a.sessions).field("interval_weeks", a.interval_weeks);
    j.field("maintenance_months", a.maintenance_months);
    j.end_object();
  }
  j.end_object();
  return j.str();
}

// A key the metadata lacks reads as a zombie node whose IsSequence() throws:
// IsDefined() first.
std::vector<std::string> strings(const YAML::Node& n) {
  std::vector<std::string> out;
  if (n.IsDefined() && n.IsSequence())
    for (const auto& s : n) out.push_back(s.as<std::string>());
  return out;
}

void parse_meta(const std::string& text, Recording& r, Reader& reader) {
  try {
    // const: looking up a key the metadata lacks must not throw.
    const YAML::Node m = YAML::Load(text);
    r.scenario_id = m["scenario_id"].as<std::string>();
    // It names a file (`grade --scenario DIR` reads DIR/<id>.yaml): only
    // lower_snake_case, as a scenario's id, never a path.
    bool id_ok = !r.scenario_id.empty();
    for (char ch : r.scenario_id) id_ok = id_ok && ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_');
    if (!id_ok) reader.fail("the metadata's scenario_id is not a scenario id");
    r.scenario_hash = m["scenario_hash"].as<std::string>();
    r.scenario_file = m["scenario_file"].as<std::string>("");
    r.trainee = m["trainee"].as<std::string>("");
    r.started_utc = m["started_utc"].as<std::string>("");
    r.completed = m["completed"].as<bool>(true);
    r.final_state_hash = std::stoull(m["final_state_hash"].as<std::string>("0"), nullptr, 16);
    r.grade_total = m["grade_total"].as<double>(0.0);
    r.passed = m["passed"].as<bool>(false);
    // Recordings from before modes were all taken with the hints shown.
    const auto mode = scenario::parse_mode(m["mode"].as<std::string>("practice"));
    if (!mode) reader.fail("unknown mode in the metadata");
    r.answers.mode = *mode;
    if (const auto c = m["consultation"]; c.IsDefined() && c.IsMap()) {
      scenario::ConsultationAnswers a;
      a.asked = strings(c["asked"]);
      a.findings = strings(c["findings"]);
      const auto d = scenario::parse_decision(c["decision"].as<std::string>());
      if (!d) reader.fail("unknown decision in the metadata");
      a.decision = *d;
      a.precautions = strings(c["precautions"]);
      r.answers.consultation = a;
    }
    if (const auto p = m["plan"]; p.IsDefined() && p.IsMap()) {
      scenario::PlanAnswers a;
      a.device.needle_length_mm = p["needle_length_mm"].as<double>();
      const auto k = physics::parse_cartridge(p["cartridge"].as<std::string>());
      if (!k) reader.fail("unknown cartridge in the metadata");
      a.device.cartridge = *k;
      a.device.stroke_rate_hz = p["stroke_rate_hz"].as<double>();
      a.numbing = p["numbing"].as<bool>(true);
      a.passes = p["passes"].as<int>(1);
      a.device.rf_energy_mj = p["rf_energy_mj"].as<double>(0.0);
      r.answers.plan = a;
    }
    if (const auto a = m["aftercare"]; a.IsDefined() && a.IsMap()) {
      scenario::AftercareAnswers after;
      after.instructions = strings(a["instructions"]);
      after.sessions = a["sessions"].as<int>();
      after.interval_weeks = a["interval_weeks"].as<double>();
      after.maintenance_months = a["maintenance_months"].as<double>();
      r.answers.aftercare = after;
    }
  } catch (const YAML::Exception& e) {
    reader.fail(std::string("the metadata is damaged: ") + e.what());
  } catch (const std::logic_error& e) {
    reader.fail(std::string("the metadata is damaged: ") + e.what());
  }
}

}  // namespace

std::string encode_recording(const Recording& r) {
  std::string out(magic, sizeof magic);
  put_u32(out, format_version);
  const std::string meta = meta_json(r);
  put_u32(out, static_cast<std::uint32_t>(meta.size()));
  out += meta;
  const std::string stream = encode_commands(r.commands);
  if (r.commands.size() > max_attempt_steps)
    throw RecordError("an attempt of " + std::to_string(r.commands.size()) + " steps is longer than the longest "
                      "a recording may hold (" + std::to_string(max_attempt_steps) + ")");
  put_u64(out, r.commands.size());
  put_u64(out, stream.size());
  out += stream;
  put_u64(out, fnv1a(out));
  return out;
}

Recording decode_recording(const std::string& bytes, const std::string& name) {
  Reader in(bytes, name);
  if (bytes.size() < sizeof magic || bytes.compare(0, sizeof magic, std::string(magic, sizeof magic)) != 0) {
    if (bytes.compare(0, 5, "DSREC") == 0) in.fail("the file was altered by a text-mode transfer");
    in.fail("not a dermasim session recording");
  }
  in.take(sizeof magic);
  const auto version = in.fixed(4);
  if (version != format_version)
    in.fail("recording format version " + std::to_string(version) + " is not supported (this build reads 1)");
  if (bytes.size() < 8) in.fail("the file is truncated");
  const std::uint64_t stored = [&] {
    Reader tail(bytes, name);
    tail.take(bytes.size() - 8);
    return tail.fixed(8);
  }();
  const auto meta_size = in.fixed(4);
  if (meta_size > bytes.size()) in.fail("the file is truncated");
  if (meta_size > scenario::max_recording_meta_bytes) in.fail("the metadata is larger than any recording writes");
  const std::size_t meta_start = in.pos();
  const std::string meta = in.take(meta_size);
  const auto count = in.fixed(8);
  const auto stream_size = in.fixed(8);
  // Trusted only up to the longest attempt (input_limits.hpp): memory is
  // reserved for it below, before the stream is read.
  if (count > max_attempt_steps)
    in.fail("the header claims " + std::to_string(count) + " commands, more than the longest attempt (" +
            std::to_string(max_attempt_steps) + ", 2 hours at 1 kHz)");
  if (stream_size > bytes.size() || in.pos() + stream_size + 8 != bytes.size()) in.fail("the file is truncated");
  if (fnv1a(std::string_view(bytes).substr(0, bytes.size() - 8)) != stored) in.fail("the checksum does not match: the file is corrupted");

  // The metadata is JSON as encode_recording writes it: UTF-8 with no raw
  // control bytes (the writer escapes them); anything else is damage.
  if (const auto bad = scenario::first_invalid_utf8(meta); bad != std::string::npos)
    in.fail("the metadata is not UTF-8 text (byte " + std::to_string(meta_start + bad) + ")");
  for (std::size_t i = 0; i < meta.size(); ++i)
    if (static_cast<unsigned char>(meta[i]) < 0x20 && meta[i] != '\n' && meta[i] != '\r' && meta[i] != '\t')
      in.fail("the metadata holds a control byte (byte " + std::to_string(meta_start + i) + ")");
  Recording r;
  parse_meta(meta, r, in);
  const std::size_t end = in.pos() + stream_size;
  // Runs make a short stream stand for many commands, so the reservation is
  // bounded by the stream's size too; the vector grows (never past count).
  r.commands.reserve(std::min<std::uint64_t>(count, stream_size));
  Fields f;
  while (in.pos() < end) {
    const std::uint64_t repeat = in.varint(end);
    if (in.pos() >= end) in.fail("the command stream is truncated");
    const auto mask = static_cast<std::uint8_t>(in.take(1)[0]);
    if (mask & 0x80) in.fail("the command stream is malformed");
    for (int k = 0; k < 5; ++k)
      if (mask & (1u << k)) f.v[k] += unzigzag(in.varint(end));
    f.taut = mask & (1u << 5);
    f.motor = mask & (1u << 6);
    if (repeat + 1 > count - r.commands.size()) in.fail("the command stream holds more commands than its header says");
    const physics::PenCommand c = from_fields(f);
    r.commands.insert(r.commands.end(), repeat + 1, c);
  }
  if (r.commands.size() != count) in.fail("the command stream holds fewer commands than its header says");
  return r;
}

void write_file_atomically(const std::string& bytes, const std::string& path, const std::string& what) {
  const std::string tmp = path + ".partial";
  std::error_code ec;
  // A failed write (a full disk, a folder made read-only) leaves nothing
  // behind: the partial file is removed and any earlier file stands.
  auto give_up = [&](const std::string& why) {
    std::filesystem::remove(tmp, ec);
    throw RecordError(path + ": " + why);
  };
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) throw RecordError(path + ": cannot write the " + what + ": " + std::strerror(errno));
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.flush();
    if (!out) {
      const std::string why = std::strerror(errno);
      out.close();
      give_up("writing the " + what + " failed: " + why);
    }
    out.close();
    if (!out) give_up("writing the " + what + " failed: " + std::strerror(errno));
  }
  std::filesystem::rename(tmp, path, ec);
  if (ec) give_up("cannot move the " + what + " into place: " + ec.message());
}

void write_recording(const Recording& r, const std::string& path) {
  write_file_atomically(encode_recording(r), path, "recording");
}

Recording read_recording(const std::string& path) {
  auto bytes = scenario::read_bounded_file(path, scenario::max_recording_file_bytes, "a recording");
  if (bytes.index() == 1) throw RecordError(path + ": " + std::get<1>(bytes));
  try {
    return decode_recording(std::get<0>(bytes), path);
  } catch (const std::bad_alloc&) {
    throw RecordError(path + ": not enough memory to read the recording");
  }
}

std::string utc_now_iso8601() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace dermasim::record
