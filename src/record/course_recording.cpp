#include "record/course_recording.hpp"

#include <cmath>
#include <cstring>

#include "scenario/input_limits.hpp"
#include "scenario/scenario.hpp"
#include "scenario/text_file.hpp"
#include "tissue/fnv1a.hpp"

namespace dermasim::record {
namespace {

constexpr char magic[8] = {'D', 'S', 'C', 'R', 'S', '\x01', '\r', '\n'};
constexpr std::uint32_t format_version = 1;
constexpr std::uint64_t no_return = ~std::uint64_t{0};  // the course ended after this visit

void put(std::string& out, std::uint64_t v, int bytes) {
  for (int i = 0; i < bytes; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

class Reader {
 public:
  Reader(const std::string& bytes, const std::string& name) : b_(bytes), name_(name) {}
  [[noreturn]] void fail(const std::string& why) const {
    throw RecordError(name_ + ": byte " + std::to_string(pos_) + ": " + why);
  }
  std::uint64_t fixed(int bytes) {
    if (b_.size() - pos_ < static_cast<std::size_t>(bytes)) fail("the file is truncated");
    std::uint64_t v = 0;
    for (int i = 0; i < bytes; ++i) v |= static_cast<std::uint64_t>(static_cast<unsigned char>(b_[pos_ + i])) << (8 * i);
    pos_ += static_cast<std::size_t>(bytes);
    return v;
  }
  std::string take(std::uint64_t n) {
    if (n > b_.size() - pos_) fail("the file is truncated");
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

}  // namespace

bool is_course_recording(const std::string& bytes) {
  return bytes.size() >= sizeof magic && bytes.compare(0, sizeof magic, std::string(magic, sizeof magic)) == 0;
}

std::string encode_course_recording(const CourseRecording& r) {
  if (r.visits.empty() || r.visits.size() > static_cast<std::size_t>(scenario::CourseSpec::most_visits))
    throw RecordError("a course recording holds 1 to " + std::to_string(scenario::CourseSpec::most_visits) + " visits");
  std::string out(magic, sizeof magic);
  put(out, format_version, 4);
  put(out, r.visits.size(), 4);
  std::uint64_t total = 0;
  std::memcpy(&total, &r.course_total, sizeof total);
  put(out, total, 8);
  put(out, r.course_passed ? 1 : 0, 1);
  for (const auto& v : r.visits) {
    std::uint64_t weeks = no_return;
    if (v.return_in_weeks) std::memcpy(&weeks, &*v.return_in_weeks, sizeof weeks);
    put(out, weeks, 8);
    const std::string visit = encode_recording(v.attempt);
    put(out, visit.size(), 8);
    out += visit;
  }
  put(out, fnv1a(out), 8);
  return out;
}

CourseRecording decode_course_recording(const std::string& bytes, const std::string& name) {
  Reader in(bytes, name);
  if (!is_course_recording(bytes)) in.fail("not a dermasim course recording");
  in.take(sizeof magic);
  if (const auto version = in.fixed(4); version != format_version)
    in.fail("course recording format version " + std::to_string(version) + " is not supported (this build reads 1)");
  if (bytes.size() < sizeof magic + 16) in.fail("the file is truncated");
  std::uint64_t stored = 0;
  for (int i = 0; i < 8; ++i)
    stored |= static_cast<std::uint64_t>(static_cast<unsigned char>(bytes[bytes.size() - 8 + static_cast<std::size_t>(i)])) << (8 * i);
  if (fnv1a(std::string_view(bytes).substr(0, bytes.size() - 8)) != stored)
    in.fail("the checksum does not match: the file is corrupted");
  const auto count = in.fixed(4);
  if (count == 0 || count > static_cast<std::uint64_t>(scenario::CourseSpec::most_visits))
    in.fail("the header claims " + std::to_string(count) + " visits; a course has 1 to " +
            std::to_string(scenario::CourseSpec::most_visits));
  CourseRecording r;
  const std::uint64_t total = in.fixed(8);
  std::memcpy(&r.course_total, &total, sizeof total);
  if (!std::isfinite(r.course_total) || r.course_total < 0.0 || r.course_total > 100.0) in.fail("a course total outside 0-100");
  const auto passed = in.fixed(1);
  if (passed > 1) in.fail("the pass flag is neither 0 nor 1");
  r.course_passed = passed == 1;
  for (std::uint64_t i = 0; i < count; ++i) {
    RecordedVisit v;
    const std::uint64_t weeks = in.fixed(8);
    if (weeks != no_return) {
      double w = 0.0;
      std::memcpy(&w, &weeks, sizeof w);
      if (!std::isfinite(w) || w < 0.0 || w > scenario::CourseSpec::most_return_weeks) in.fail("a return interval that is not 0-104 weeks");
      v.return_in_weeks = w;
    }
    const std::uint64_t size = in.fixed(8);
    if (size > bytes.size() - in.pos() - 8) in.fail("the file is truncated");
    v.attempt = decode_recording(in.take(size), name + " (visit " + std::to_string(i + 1) + ")");
    if (!v.return_in_weeks && i + 1 != count) in.fail("a visit before the last ends the course");
    r.visits.push_back(std::move(v));
  }
  if (in.pos() + 8 != bytes.size()) in.fail("bytes after the last visit");
  return r;
}

void write_course_recording(const CourseRecording& r, const std::string& path) {
  write_file_atomically(encode_course_recording(r), path, "course recording");
}

CourseRecording read_course_recording(const std::string& path) {
  auto bytes = scenario::read_bounded_file(path, scenario::max_recording_file_bytes, "a course recording");
  if (bytes.index() == 1) throw RecordError(path + ": " + std::get<1>(bytes));
  try {
    return decode_course_recording(std::get<0>(bytes), path);
  } catch (const std::bad_alloc&) {
    throw RecordError(path + ": not enough memory to read the course recording");
  }
}

std::string visit_of_other_case(const CourseRecording& r, const std::string& scenario_id) {
  for (std::size_t i = 0; i < r.visits.size(); ++i)
    if (r.visits[i].attempt.scenario_id != scenario_id)
      return "visit " + std::to_string(i + 1) + " is of scenario '" + r.visits[i].attempt.scenario_id + "', not '" +
             scenario_id + "'";
  return {};
}

}  // namespace dermasim::record
