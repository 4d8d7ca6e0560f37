#include "render/shader_log.hpp"

#include <regex>
#include <sstream>

namespace dermasim::render {

std::string format_shader_log(std::string_view file, std::string_view log) {
  // Mesa: "0:12(5): error: ..."; NVIDIA: "0(12) : error C0000: ..."; AMD/Intel: "ERROR: 0:12: ...".
  static const std::regex mesa(R"(^\s*\d+:(\d+)\((\d+)\):\s*(.*)$)");
  static const std::regex nvidia(R"(^\s*\d+\((\d+)\)\s*:\s*(.*)$)");
  static const std::regex generic(R"(^\s*(ERROR|WARNING):\s*\d+:(\d+):\s*(.*)$)");
  std::ostringstream out;
  std::istringstream in{std::string(log)};
  std::string line;
  bool any = false;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    std::smatch m;
    if (std::regex_match(line, m, mesa))
      out << file << ':' << m[1] << ':' << m[2] << ": " << m[3] << '\n';
    else if (std::regex_match(line, m, nvidia))
      out << file << ':' << m[1] << ": " << m[2] << '\n';
    else if (std::regex_match(line, m, generic))
      out << file << ':' << m[2] << ": " << (m[1] == "ERROR" ? "error: " : "warning: ") << m[3] << '\n';
    else
      out << file << ": " << line << '\n';
    any = true;
  }
  if (!any) out << file << ": failed to compile (the driver gave no log)\n";
  return out.str();
}

}  // namespace dermasim::render
