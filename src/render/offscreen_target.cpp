#include "render/offscreen_target.hpp"

#include <stdexcept>
#include <string>

namespace dermasim::render {

namespace {

GlRenderbuffer make_renderbuffer(GLenum format, int width, int height, int samples) {
  GLuint id = 0;
  glCreateRenderbuffers(1, &id);
  if (samples > 0)
    glNamedRenderbufferStorageMultisample(id, samples, format, width, height);
  else
    glNamedRenderbufferStorage(id, format, width, height);
  return GlRenderbuffer(id);
}

GlFramebuffer make_framebuffer() {
  GLuint id = 0;
  glCreateFramebuffers(1, &id);
  return GlFramebuffer(id);
}

}  // namespace

OffscreenTarget::OffscreenTarget(int width, int height, int samples)
    : width_(width), height_(height), samples_(samples) {
  GLint max_size = 0;
  glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &max_size);
  if (width <= 0 || height <= 0 || width > max_size || height > max_size)
    throw std::invalid_argument("image size " + std::to_string(width) + "x" + std::to_string(height) +
                                " is outside 1.." + std::to_string(max_size));
  framebuffer_ = make_framebuffer();
  depth_ = make_renderbuffer(GL_DEPTH_COMPONENT24, width, height, samples);
  if (samples > 0) {
    colour_ = make_renderbuffer(GL_RGBA8, width, height, samples);
    glNamedFramebufferRenderbuffer(framebuffer_.get(), GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, colour_.get());
  } else {
    // A texture, so the scene can be filtered up to the window by a draw.
    GLuint id = 0;
    glCreateTextures(GL_TEXTURE_2D, 1, &id);
    colour_texture_ = GlTexture(id);
    glTextureStorage2D(id, 1, GL_RGBA8, width, height);
    glTextureParameteri(id, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTextureParameteri(id, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTextureParameteri(id, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTextureParameteri(id, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glNamedFramebufferTexture(framebuffer_.get(), GL_COLOR_ATTACHMENT0, id, 0);
  }
  glNamedFramebufferRenderbuffer(framebuffer_.get(), GL_DEPTH_ATTACHMENT, GL_RENDERBUFFER, depth_.get());
  if (glCheckNamedFramebufferStatus(framebuffer_.get(), GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE)
    throw std::runtime_error("the offscreen framebuffer is incomplete");
  if (samples > 0) {
    resolved_ = make_framebuffer();
    resolved_colour_ = make_renderbuffer(GL_RGBA8, width, height, 0);
    glNamedFramebufferRenderbuffer(resolved_.get(), GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, resolved_colour_.get());
  }
}

void OffscreenTarget::bind() const {
  glBindFramebuffer(GL_FRAMEBUFFER, framebuffer_.get());
  glViewport(0, 0, width_, height_);
}

void OffscreenTarget::blit_to_default(int width, int height, std::span<const PixelRect> hidden) const {
  GLuint source = framebuffer_.get();
  if (samples_ > 0) {
    glBlitNamedFramebuffer(framebuffer_.get(), resolved_.get(), 0, 0, width_, height_, 0, 0, width_, height_,
                           GL_COLOR_BUFFER_BIT, GL_NEAREST);
    source = resolved_.get();
  }
  // Bilinear: a nearest-neighbour upscale turns puncture dots and the edges
  // of the marks into stair steps. A software rasteriser pays per pixel, so
  // only what the panels leave showing is scaled (a scissored blit each).
  if (hidden.empty()) {
    glBlitNamedFramebuffer(source, 0, 0, 0, width_, height_, 0, 0, width, height, GL_COLOR_BUFFER_BIT, GL_LINEAR);
    return;
  }
  glEnable(GL_SCISSOR_TEST);
  for (const PixelRect& r : uncovered_rects(width, height, hidden)) {
    glScissor(r.x0, height - r.y1, r.x1 - r.x0, r.y1 - r.y0);  // GL counts rows from the bottom
    glBlitNamedFramebuffer(source, 0, 0, 0, width_, height_, 0, 0, width, height, GL_COLOR_BUFFER_BIT, GL_LINEAR);
  }
  glDisable(GL_SCISSOR_TEST);
}

RgbaImage OffscreenTarget::read() const {
  GLuint source = framebuffer_.get();
  if (samples_ > 0) {
    glBlitNamedFramebuffer(framebuffer_.get(), resolved_.get(), 0, 0, width_, height_, 0, 0, width_, height_,
                           GL_COLOR_BUFFER_BIT, GL_NEAREST);
    source = resolved_.get();
  }
  RgbaImage image(width_, height_);
  glBindFramebuffer(GL_READ_FRAMEBUFFER, source);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, width_, height_, GL_RGBA, GL_UNSIGNED_BYTE, image.pixels.data());
  glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
  image.flip_vertically();  // GL's first row is the bottom one
  return image;
}

}  // namespace dermasim::render
