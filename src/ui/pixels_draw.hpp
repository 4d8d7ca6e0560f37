#pragma once
// Draws CPU-made pictures (scene::Pixels: the healing patch, the cutaway) in
// an ImGui window without a texture upload.
#include "scene/outcome_image.hpp"

namespace dermasim::ui {

/// Draws `p` at `scale` at the cursor and reserves its space.
void draw_pixels(const scene::Pixels& p, float scale);

}  // namespace dermasim::ui
