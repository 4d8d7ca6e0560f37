#pragma once
// How each preset view is framed and what it shows, shared by the GUI's
// camera buttons, screenshots and the benchmark.
#include <optional>
#include <span>
#include <string_view>

#include "scene/camera.hpp"
#include "scene/render_scene.hpp"
#include "scene/scene_settings.hpp"

namespace dermasim::app {

/// Applies the preset's visibility choices (cutaway on for the cutaway view,
/// a faded pen from the top so it does not hide the marks).
void apply_view_settings(scene::ViewPreset view, scene::SceneSettings& settings);

/// Parses "WxH" (each 16..8192). Throws std::invalid_argument with a clear message.
void parse_size(std::string_view text, int& width, int& height);

}  // namespace dermasim::app
