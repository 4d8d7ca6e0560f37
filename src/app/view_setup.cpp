#include "app/view_setup.hpp"

#include <charconv>
#include <stdexcept>
#include <string>

namespace dermasim::app {

void apply_view_settings(scene::ViewPreset view, scene::SceneSettings& settings) {
  settings.cutaway = view == scene::ViewPreset::cutaway;
  settings.pen_opacity = view == scene::ViewPreset::top ? 0.0 : 1.0;
}

void parse_size(std::string_view text, int& width, int& height) {
  const auto bad = [&] {
    return std::invalid_argument("--size must be WIDTHxHEIGHT with each 16..8192, e.g. 1280x720; got '" +
                                 std::string(text) + "'");
  };
  const auto x = text.find('x');
  if (x == std::string_view::npos) throw bad();
  auto parse = [&](std::string_view part, int& out) {
    const auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), out);
    if (ec != std::errc{} || end != part.data() + part.size() || out < 16 || out > 8192) throw bad();
  };
  parse(text.substr(0, x), width);
  parse(text.substr(x + 1), height);
}

}  // namespace dermasim::app
