#include "render/skin_bake.hpp"

#include <algorithm>
#include <cmath>

namespace dermasim::render {

namespace {

GlTexture make_bake_texture(int width, int height) {
  GlTexture t = make_texture(GL_TEXTURE_2D);
  int levels = 1;
  for (int s = std::max(width, height); s > 1; s >>= 1) ++levels;
  glTextureStorage2D(t.get(), levels, GL_RGBA8, width, height);
  glTextureParameteri(t.get(), GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTextureParameteri(t.get(), GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  // As the skin detail texture it replaces was read: bilinear within the
  // nearest mip level (trilinear reads twice the texels, for no visible gain).
  glTextureParameteri(t.get(), GL_TEXTURE_MIN_FILTER, GL_LINEAR_MIPMAP_NEAREST);
  glTextureParameteri(t.get(), GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  return t;
}

int texels_for(double length_mm, double texels_per_mm) {
  return std::clamp(static_cast<int>(std::ceil(length_mm * texels_per_mm)), 1, SkinBake::max_texels_per_side);
}

}  // namespace

SkinBake::SkinBake(const std::filesystem::path& shader_dir) : program_(ShaderProgram::load(shader_dir, "skin_bake")) {
  GLuint id = 0;
  glCreateFramebuffers(1, &id);
  framebuffer_ = GlFramebuffer(id);
  empty_vao_ = make_vertex_array();
}

void SkinBake::update(const scene::SkinFields& skin, const SkinBakeInputs& inputs) {
  if (skin.revision == revision_ && inputs.tone_linear == tone_linear_ && albedo_cavity_) return;
  revision_ = skin.revision;
  tone_linear_ = inputs.tone_linear;

  // One density on both axes, lowered for patches too large for it.
  const double longest_mm = std::max(skin.width_mm, skin.height_mm);
  const double density = std::min(texels_per_mm, max_texels_per_side / std::max(longest_mm, 1e-3));
  const int w = texels_for(skin.width_mm, density), h = texels_for(skin.height_mm, density);
  if (w != width_texels_ || h != height_texels_) {
    width_texels_ = w;
    height_texels_ = h;
    albedo_cavity_ = make_bake_texture(w, h);
    relief_shine_ = make_bake_texture(w, h);
    glNamedFramebufferTexture(framebuffer_.get(), GL_COLOR_ATTACHMENT0, albedo_cavity_.get(), 0);
    glNamedFramebufferTexture(framebuffer_.get(), GL_COLOR_ATTACHMENT1, relief_shine_.get(), 0);
    const GLenum buffers[2] = {GL_COLOR_ATTACHMENT0, GL_COLOR_ATTACHMENT1};
    glNamedFramebufferDrawBuffers(framebuffer_.get(), 2, buffers);
  }

  GLint previous_framebuffer = 0;
  glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &previous_framebuffer);
  glBindFramebuffer(GL_DRAW_FRAMEBUFFER, framebuffer_.get());
  glViewport(0, 0, w, h);
  glDisable(GL_DEPTH_TEST);
  glDisable(GL_BLEND);
  glDisable(GL_SCISSOR_TEST);
  glDisable(GL_CLIP_DISTANCE0);

  const ShaderProgram& p = program_;
  p.use();
  p.set("u_patch_size_mm", glm::vec2(static_cast<float>(skin.width_mm), static_cast<float>(skin.height_mm)));
  p.set("u_bake_texels", glm::vec2(static_cast<float>(w), static_cast<float>(h)));
  p.set("u_detail_tile_mm", static_cast<float>(inputs.detail_tile_mm));
  p.set("u_tone", inputs.tone_linear);
  p.set("u_stria", 0);
  p.set("u_shape", 1);
  p.set("u_detail", 2);
  glBindTextureUnit(0, inputs.stria);
  glBindTextureUnit(1, inputs.shape);
  glBindTextureUnit(2, inputs.detail);
  glBindVertexArray(empty_vao_.get());
  glDrawArrays(GL_TRIANGLES, 0, 3);
  glBindFramebuffer(GL_DRAW_FRAMEBUFFER, static_cast<GLuint>(previous_framebuffer));
  // The surface is seen from far and at grazing angles too: filtered levels
  // keep its fine relief from shimmering there.
  glGenerateTextureMipmap(albedo_cavity_.get());
  glGenerateTextureMipmap(relief_shine_.get());
}

}  // namespace dermasim::render
