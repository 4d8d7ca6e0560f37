#pragma once
// RGBA images and a dependency-free PNG writer (stored deflate blocks: no
// compression library needed; files are larger but exact).
#include <array>
#include <cstdint>
#include <filesystem>
#include <vector>

namespace dermasim::render {

struct RgbaImage {
  int width = 0, height = 0;
  std::vector<std::uint8_t> pixels;  // row-major, top row first, 4 bytes a pixel

  RgbaImage() = default;
  RgbaImage(int w, int h) : width(w), height(h), pixels(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4) {}
  std::array<std::uint8_t, 4> at(int x, int y) const;
  void flip_vertically();
};

/// Writes an RGB PNG (alpha dropped: the scene is opaque). Throws
/// std::runtime_error naming the path when it cannot be written.
void write_png(const std::filesystem::path& path, const RgbaImage& image);
/// The PNG file's bytes.
std::vector<std::uint8_t> encode_png(const RgbaImage& image);

}  // namespace dermasim::render
