#pragma once
// Texture-space shading of the skin: what skin.frag would work out for every
// pixel but that depends on neither the view, the light nor the treatment
// (tone, mottling, relief, the marks' colour and creases), rendered once into
// two textures on the patch (shaders/skin_bake.frag). It is baked again only
// when the skin's revision or tone changes, so per frame skin.frag reads two
// texels instead of four and skips the marks' maths; on a software
// rasteriser the surface's shading is the largest part of the frame.
#include <cstdint>
#include <filesystem>

#include <glm/vec3.hpp>

#include "render/gl_handles.hpp"
#include "render/shader_program.hpp"
#include "scene/render_scene.hpp"

namespace dermasim::render {

/// The textures' own inputs, besides the skin fields' revision.
struct SkinBakeInputs {
  GLuint stria = 0, shape = 0, detail = 0;  // scene_renderer.cpp's textures
  double detail_tile_mm = 0.0;
  glm::vec3 tone_linear{0.0f};
};

class SkinBake {
 public:
  /// Compiles skin_bake.{vert,frag} in `shader_dir`; throws ShaderError on failure.
  explicit SkinBake(const std::filesystem::path& shader_dir);

  /// Bakes `skin` when its revision or `inputs.tone_linear` differs from the
  /// last bake's. Leaves the draw framebuffer binding as it found it; the
  /// viewport, depth test, blending, scissor and clip planes are the caller's
  /// to set again.
  void update(const scene::SkinFields& skin, const SkinBakeInputs& inputs);

  GLuint albedo_cavity() const { return albedo_cavity_.get(); }
  GLuint relief_shine() const { return relief_shine_.get(); }

  /// Texels per mm of patch. The skin detail texture it replaces has 42.7
  /// (256 per 6 mm tile) and was read at its nearest mip level: its first
  /// level only closer than about 30 pixels per mm, its second (21.3 per mm)
  /// at the default views. 32 keeps the pores and furrows as sharp up to about
  /// 45 pixels per mm; 21.3 blurred them in a close top view (bake about
  /// 0.4 s on llvmpipe at 32, once per patch and tone).
  static constexpr double texels_per_mm = 32.0;
  /// Larger patches are baked coarser, to keep the textures' memory bounded
  /// (two RGBA8 textures of 4096 x 4096 with mips: about 180 MB; the default
  /// 120 x 80 mm patch takes 3840 x 2560, about 105 MB).
  static constexpr int max_texels_per_side = 4096;

 private:
  ShaderProgram program_;
  GlTexture albedo_cavity_, relief_shine_;
  GlFramebuffer framebuffer_;
  GlVertexArray empty_vao_;
  int width_texels_ = 0, height_texels_ = 0;
  std::uint64_t revision_ = 0;
  glm::vec3 tone_linear_{-1.0f};
};

}  // namespace dermasim::render
