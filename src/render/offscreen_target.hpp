#pragma once
// A framebuffer to render into without a visible window (screenshots, tests,
// benchmarks), optionally multisampled, read back as an RGBA image.
#include "render/gl_handles.hpp"
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
  /// Scales the image up (bilinear) onto the whole default framebuffer.
  void blit_to_default(int width, int height) const;

 private:
  int width_, height_, samples_;
  GlFramebuffer framebuffer_, resolved_;
  GlRenderbuffer colour_, depth_, resolved_colour_;
};

}  // namespace dermasim::render
