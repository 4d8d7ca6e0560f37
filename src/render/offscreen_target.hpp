#pragma once
// A framebuffer to render into without a visible window (screenshots, tests,
// benchmarks), optionally multisampled, read back as an RGBA image.
#include "render/gl_handles.hpp"
#include "render/pixel_rect.hpp"
#include "render/png_writer.hpp"

namespace dermasim::render {

class OffscreenTarget {
 public:
  OffscreenTarget(int width, int height, int samples = 0);
  int width() const { return width_; }
  int height() const { return height_; }
  /// Binds the target for drawing.
  void bind() const;
  /// Resolves (when multisampled) and reads the pixels, top row first.
  RgbaImage read() const;
  /// Scales the image up (bilinear) onto the default framebuffer of `width` x
  /// `height`, except where `hidden` (its pixels) will be drawn over.
  void blit_to_default(int width, int height, std::span<const PixelRect> hidden = {}) const;
  /// The colour as a texture (single-sampled targets; 0 when multisampled).
  GLuint colour_texture() const { return colour_texture_.get(); }

 private:
  int width_, height_, samples_;
  GlFramebuffer framebuffer_, resolved_;
  GlRenderbuffer colour_, depth_, resolved_colour_;
  GlTexture colour_texture_;
};

}  // namespace dermasim::render
