#pragma once
// Turns a GLSL compiler's info log into `file:line: message` lines. Drivers
// name the source as a string index ("0:12(5): error" on Mesa, "0(12) : error"
// on NVIDIA); the trainee's instructor needs the shader file instead.
#include <string>
#include <string_view>

namespace dermasim::render {

std::string format_shader_log(std::string_view file, std::string_view log);

}  // namespace dermasim::render
