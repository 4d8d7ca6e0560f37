// CSV export of hostile strings: whatever the names, reasons and paths hold
// (commas, quotes, line breaks, NUL, leading spaces), every row parses back
// (RFC 4180) into the header's number of cells, each equal to what was stored.
#include <vector>

#include "fuzz_support.hpp"
#include "record/csv.hpp"

using namespace dermasim;

namespace {

// An RFC 4180 reader: quoted cells may hold anything, "" is one quote.
std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
  std::vector<std::vector<std::string>> rows(1);
  std::string cell;
  bool quoted = false, was_quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        cell += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        cell += c;
      }
    } else if (c == '"' && cell.empty() && !was_quoted) {
      quoted = was_quoted = true;
    } else if (c == ',') {
      rows.back().push_back(cell);
      cell.clear();
      was_quoted = false;
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      rows.back().push_back(cell);
      cell.clear();
      was_quoted = false;
      rows.emplace_back();
      ++i;
    } else {
      cell += c;
    }
  }
  fuzz::fuzz_check(!quoted, "a quoted cell never closes");
  if (!cell.empty() || !rows.back().empty()) rows.back().push_back(cell);
  if (rows.back().empty()) rows.pop_back();
  return rows;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // The input is cut at 0x1f (unit separator) into the strings stored.
  std::vector<std::string> pieces(1);
  for (std::size_t i = 0; i < size; ++i) {
    if (data[i] == 0x1f) pieces.emplace_back();
    else pieces.back() += static_cast<char>(data[i]);
  }
  auto piece = [&](std::size_t i) { return i < pieces.size() ? pieces[i] : std::string(); };
  std::vector<record::AttemptRecord> attempts;
  for (std::size_t a = 0; a < 3 && a * 6 < pieces.size(); ++a) {
    record::AttemptRecord r;
    r.uuid = piece(a * 6);
    r.trainee = piece(a * 6 + 1);
    r.scenario_id = piece(a * 6 + 2);
    r.recording_path = piece(a * 6 + 3);
    r.critical_errors.push_back({piece(a * 6 + 4), piece(a * 6 + 5)});
    record::OverrideRecord o;
    o.reason = piece(a * 6 + 5);
    o.instructor = piece(a * 6 + 4);
    r.overrides.push_back(o);
    attempts.push_back(r);
  }
  const std::string csv = record::attempts_csv(attempts);
  const auto rows = parse_csv(csv);
  fuzz::fuzz_check(rows.size() == attempts.size() + 1, "the CSV does not hold one row per attempt");
  const std::size_t columns = rows[0].size();
  auto column = [&](const char* name) {
    for (std::size_t i = 0; i < columns; ++i)
      if (rows[0][i] == name) return i;
    fuzz::fuzz_fail(std::string("no column ") + name);
  };
  for (std::size_t a = 0; a < attempts.size(); ++a) {
    const auto& row = rows[a + 1];
    fuzz::fuzz_check(row.size() == columns, "a row with the wrong number of cells");
    fuzz::fuzz_check(row[column("attempt_uuid")] == attempts[a].uuid, "attempt_uuid did not survive");
    fuzz::fuzz_check(row[column("trainee")] == attempts[a].trainee, "trainee did not survive");
    fuzz::fuzz_check(row[column("recording_path")] == attempts[a].recording_path, "recording_path did not survive");
    fuzz::fuzz_check(row[column("override_reason")] == attempts[a].overrides[0].reason, "override_reason did not survive");
  }
  return 0;
}
