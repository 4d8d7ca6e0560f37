#pragma once
// Tileable detail textures generated on the CPU at start-up: the fine relief
// of skin and the micro-structure of the strata. Baking them keeps the
// fragment shaders to a few texture reads, which matters on a software
// rasteriser (llvmpipe).
#include <array>
#include <cstdint>
#include <vector>

namespace dermasim::render {

struct DetailTexture {
  int size = 0;
  std::vector<std::array<std::uint8_t, 4>> rgba;
};

/// RG: normal perturbation (x, y around 128); B: albedo variation (128 = none);
/// A: cavity (255 = open skin, lower in furrows and pores). Covers
/// `skin_detail_tile_mm` of skin.
DetailTexture make_skin_detail(int size, std::uint32_t seed);
inline constexpr double skin_detail_tile_mm = 6.0;

/// R: fat-lobule septa (255 on a septum); G: fibre streaks along u; B: speckle;
/// A: capillary dots.
DetailTexture make_tissue_detail(int size, std::uint32_t seed);
inline constexpr double tissue_detail_tile_mm = 8.0;

}  // namespace dermasim::render
