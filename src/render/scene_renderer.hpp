#pragma once
// Draws a RenderScene: the layered skin block (surface, strata walls, cut face),
// treatment marks, the pen and its needles. It owns every GL handle it uses
// and reads nothing but the scene and the camera.
#include <array>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <vector>

#include <glm/mat4x4.hpp>
#include <glm/vec2.hpp>

#include "render/dent_mesh.hpp"
#include "render/gl_handles.hpp"
#include "render/mesh_builders.hpp"
#include "render/pen_mesh.hpp"
#include "render/offscreen_target.hpp"
#include "render/pixel_rect.hpp"
#include "render/shader_program.hpp"
#include "render/skin_bake.hpp"
#include "render/surface_merge.hpp"
#include "scene/camera.hpp"
#include "scene/render_scene.hpp"

namespace dermasim::render {

struct RendererOptions {
  // Spacing of the surface mesh. Shading takes its slope from the mesh and its
  // fine relief from textures, so 1 mm is enough (marks are 3-6 mm wide) and
  // keeps the triangle count low for software rasterisers.
  double surface_step_mm = 1.0;
  // Where the pen deforms the skin its grid is displaced, split this many
  // times each way. 1 (the 1 mm grid) follows the cap's dip; a needle's tent
  // (0.75 mm) shows on the cut face, sampled finer. Finer splits cost a
  // software rasteriser per triangle: 2 made `bench render` measurably slower.
  int dent_subdivisions = 1;
};

class SceneRenderer {
 public:
  /// Compiles the shaders in `shader_dir`; throws ShaderError (file:line) on failure.
  explicit SceneRenderer(const std::filesystem::path& shader_dir = default_shader_dir(),
                         const RendererOptions& options = {});

  /// Draws into the bound framebuffer's viewport of `width` x `height` pixels.
  /// `hidden` are parts of the target that opaque panels will cover: the
  /// scene does not touch their colour (they keep what the target held), so
  /// no pixel there is shaded.
  void draw(const scene::RenderScene& scene, const scene::OrbitCamera& camera, int width, int height,
            std::span<const PixelRect> hidden = {});

  /// Filters `scene` (drawn at a reduced scale into a single-sampled target)
  /// up to the default framebuffer of `width` x `height`, except where
  /// `hidden` (window pixels) will be drawn over. A draw with one texture
  /// read a pixel: on llvmpipe cheaper than a linear framebuffer blit.
  void upscale(const OffscreenTarget& scene, int width, int height, std::span<const PixelRect> hidden = {}) const;

  /// The matrix the last frame used (patch mm, exaggerated depths, to clip space).
  static glm::dmat4 view_projection(const scene::OrbitCamera& camera, int width, int height);
  /// Where a patch point appears (z true; depths exaggerated like the scene).
  static glm::dvec3 project(const scene::RenderScene& scene, const scene::OrbitCamera& camera, int width, int height,
                            const glm::dvec3& point_mm);

 private:
  void sync_skin(const scene::RenderScene& scene);
  void sync_treatment(const scene::RenderScene& scene);
  void sync_cut(const scene::RenderScene& scene);
  void sync_dent(const scene::RenderScene& scene);
  void set_common(const ShaderProgram& program, const scene::RenderScene& scene, const scene::OrbitCamera& camera,
                  const glm::mat4& view_proj) const;
  void mask_hidden(std::span<const PixelRect> hidden, int width, int height) const;
  /// One full-screen triangle, scissored to each of `shown` (top-left
  /// pixel rectangles of a target `height` rows tall), with the bound program.
  void draw_fullscreen_in(std::span<const PixelRect> shown, int height) const;
  void draw_background(std::span<const PixelRect> shown, int height) const;
  void draw_surface(const scene::RenderScene& scene) const;
  /// The cut face and the walls facing the eye; or only the cutaway's far
  /// wall (drawn after the surface, which hides most of it).
  void draw_strata(const glm::vec3& eye_mm, bool far_wall_only);
  void prepare_solids(const scene::RenderScene& scene, const glm::vec3& toward_viewer);
  void draw_solids(bool translucent);
  /// Uploads `vertices` into the solids' buffer and binds it (no draw).
  void stream_solids(const std::vector<SolidVertex>& vertices);

  RendererOptions options_;
  ShaderProgram skin_program_, strata_program_, solid_program_, background_program_, upscale_program_;
  SkinBake skin_bake_;  // the surface's view-independent shading (skin_bake.hpp)

  GlTexture stria_texture_, shape_texture_, treatment_texture_, skin_detail_texture_, tissue_detail_texture_;
  GlVertexArray surface_vao_, strata_vao_, solid_vao_, empty_vao_;
  GlBuffer surface_vertices_, surface_indices_, wall_vertices_, cut_vertices_, solid_vertices_;
  GLsizei surface_index_count_ = 0, wall_vertex_count_ = 0, cut_vertex_count_ = 0;
  GLsizeiptr solid_capacity_bytes_ = 0;
  // One side wall of the block per edge, in wall_vertices_: drawn only when
  // its outside faces the eye. A wall facing away lies behind the surface or
  // the cut face, and drawing it first would shade every one of its pixels
  // only for the surface to cover them.
  struct Wall {
    GLint first = 0;
    GLsizei count = 0;
    glm::vec2 outward{0.0f};
    glm::vec2 point_mm{0.0f};  // any point of the wall's plane
  };
  std::array<Wall, 4> walls_{};

  // The surface where the pen deforms it (dent_mesh.hpp).
  Mesh surface_grid_;  // the static grid, kept to build the patch from
  DentPatch dent_;
  GlVertexArray dent_vao_;
  GlBuffer dent_vertices_, dent_indices_;
  SurfaceMerge surface_merge_{Mesh{}};  // the static grid's flat skin
  std::optional<QuadRect> surface_hole_;  // the quads left out of surface_indices_; none: to build

  std::uint64_t skin_revision_ = 0;
  int treatment_nx_ = 0, treatment_ny_ = 0;
  std::vector<StrataVertex> cut_scratch_;
  PenGeometry pen_geometry_;
  std::vector<SolidVertex> marks_opaque_, marks_translucent_;
  glm::vec4 clip_plane_{0.0f};
  bool clip_on_ = false;
};

}  // namespace dermasim::render
