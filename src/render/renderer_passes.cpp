// The draw passes of SceneRenderer: background, skin surface, strata (walls
// and cut face), then the pen and the cutaway marks.
#include <algorithm>

#include <glm/geometric.hpp>

#include "render/detail_textures.hpp"
#include "render/scene_renderer.hpp"

namespace dermasim::render {

namespace {

// Key light from the upper left, as in a treatment room with an examination lamp.
const glm::vec3 key_light_direction = glm::normalize(glm::vec3(-0.45f, -0.35f, 0.82f));

// Scissors GL to `r` (top-left origin) in a target `height` rows tall; GL
// counts rows from the bottom.
void scissor_to(const PixelRect& r, int height) { glScissor(r.x0, height - r.y1, r.x1 - r.x0, r.y1 - r.y0); }

}  // namespace

void SceneRenderer::set_common(const ShaderProgram& p, const scene::RenderScene& scene,
                               const scene::OrbitCamera& camera, const glm::mat4& view_proj) const {
  p.set("u_view_proj", view_proj);
  p.set("u_exaggeration", static_cast<float>(scene.vertical_exaggeration));
  p.set("u_eye", glm::vec3(camera.eye_mm()));
  p.set("u_light_dir", key_light_direction);
  p.set("u_clip", clip_plane_);
  p.set("u_clip_on", clip_on_ ? 1 : 0);
  p.set("u_tone", glm::vec3(scene.skin_tone_linear[0], scene.skin_tone_linear[1], scene.skin_tone_linear[2]));
}

void SceneRenderer::mask_hidden(std::span<const PixelRect> hidden, int width, int height) const {
  if (hidden.empty()) return;
  // Depth 0 where a panel will cover the scene: every pass's depth test
  // (GL_LESS) fails there before the fragment shader runs, which on a
  // software rasteriser is most of a pixel's cost. Scissored clears, so no
  // geometry and no shader of our own.
  glEnable(GL_SCISSOR_TEST);
  glClearDepth(0.0);
  for (const PixelRect& r : hidden) {
    const int x0 = std::clamp(r.x0, 0, width), x1 = std::clamp(r.x1, 0, width);
    const int y0 = std::clamp(r.y0, 0, height), y1 = std::clamp(r.y1, 0, height);
    if (x1 <= x0 || y1 <= y0) continue;
    scissor_to({x0, y0, x1, y1}, height);
    glClear(GL_DEPTH_BUFFER_BIT);
  }
  glClearDepth(1.0);
  glDisable(GL_SCISSOR_TEST);
}

void SceneRenderer::draw_fullscreen_in(std::span<const PixelRect> shown, int height) const {
  glBindVertexArray(empty_vao_.get());
  glEnable(GL_SCISSOR_TEST);
  for (const PixelRect& r : shown) {
    if (r.empty()) continue;
    scissor_to(r, height);
    glDrawArrays(GL_TRIANGLES, 0, 3);
  }
  glDisable(GL_SCISSOR_TEST);
}

void SceneRenderer::draw_background(std::span<const PixelRect> shown, int height) const {
  glDepthMask(GL_FALSE);
  background_program_.use();
  draw_fullscreen_in(shown, height);
  glDepthMask(GL_TRUE);
}

void SceneRenderer::upscale(const OffscreenTarget& scene, int width, int height, std::span<const PixelRect> hidden) const {
  if (scene.colour_texture() == 0) {  // multisampled: resolve and blit
    scene.blit_to_default(width, height, hidden);
    return;
  }
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  glViewport(0, 0, width, height);
  glDisable(GL_DEPTH_TEST);
  glDisable(GL_BLEND);
  glDisable(GL_CULL_FACE);
  upscale_program_.use();
  glBindTextureUnit(0, scene.colour_texture());
  draw_fullscreen_in(uncovered_rects(width, height, hidden), height);
  glBindVertexArray(0);
  glUseProgram(0);
}

void SceneRenderer::draw_surface(const scene::RenderScene& scene) const {
  if (!scene.skin || surface_index_count_ == 0) return;
  const ShaderProgram& p = skin_program_;
  p.use();
  p.set("u_patch_size_mm", glm::vec3(static_cast<float>(scene.width_mm), static_cast<float>(scene.height_mm), 0.0f));
  p.set("u_cells", glm::vec3(static_cast<float>(treatment_nx_), static_cast<float>(treatment_ny_), 0.0f));
  p.set("u_cell_mm", static_cast<float>(scene.skin->cell_mm));
  p.set("u_show_coverage", scene.show_coverage ? 1 : 0);
  const auto& pen = scene.pen;
  // A soft shadow under the pen tells how high it hovers.
  p.set("u_pen_shadow", glm::vec3(static_cast<float>(pen.cap_center_mm.x), static_cast<float>(pen.cap_center_mm.y),
                                  static_cast<float>(std::max(0.0, pen.cap_center_mm.z))));
  p.set("u_pen_shadow_strength", static_cast<float>(0.45 * std::clamp(pen.opacity, 0.0, 1.0)));
  p.set("u_albedo_cavity", 0);
  p.set("u_relief_shine", 1);
  p.set("u_treatment", 2);
  glBindTextureUnit(0, skin_bake_.albedo_cavity());
  glBindTextureUnit(1, skin_bake_.relief_shine());
  glBindTextureUnit(2, treatment_texture_.get());
  glBindVertexArray(surface_vao_.get());
  // The static grid less the quads the pen deforms, then those drawn finer.
  glDrawElements(GL_TRIANGLES, surface_index_count_, GL_UNSIGNED_INT, nullptr);
  if (!dent_.empty()) {
    glBindVertexArray(dent_vao_.get());
    glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(dent_.mesh.indices.size()), GL_UNSIGNED_INT, nullptr);
  }
}

void SceneRenderer::draw_strata(const glm::vec3& eye_mm, bool far_wall_only) {
  const ShaderProgram& p = strata_program_;
  p.use();
  p.set("u_tissue", 0);
  p.set("u_tissue_tile_mm", static_cast<float>(tissue_detail_tile_mm));
  glBindTextureUnit(0, tissue_detail_texture_.get());
  glBindVertexArray(strata_vao_.get());
  if (cut_vertex_count_ > 0 && !far_wall_only) {
    // The cut face lies on the plane itself: never clipped. It is drawn first,
    // in front of the walls it hides.
    p.set("u_clip_on", 0);
    p.set("u_cut_face", 1);
    glVertexArrayVertexBuffer(strata_vao_.get(), 0, cut_vertices_.get(), 0, sizeof(StrataVertex));
    glDrawArrays(GL_TRIANGLES, 0, cut_vertex_count_);
    p.set("u_cut_face", 0);
    p.set("u_clip_on", clip_on_ ? 1 : 0);
  }
  if (wall_vertex_count_ > 0) {
    glVertexArrayVertexBuffer(strata_vao_.get(), 0, wall_vertices_.get(), 0, sizeof(StrataVertex));
    // Walls are vertical, so facing is decided in the horizontal plane (the
    // vertical exaggeration does not change it). The insides of the walls
    // that face away are closed off by the surface and, in the cutaway, by
    // the cut face, which spans the same strata.
    // Exception: in the cutaway the far wall parallel to the cut is kept,
    // because where the pen presses the surface down, the seam between the
    // pressed surface and the cut face shows slivers of its inside. It lies
    // behind the surface and the cut face nearly everywhere, so it is drawn
    // after both (far_wall_only): the depth test then turns its hidden
    // pixels away before they are shaded, instead of shading them for the
    // surface to cover.
    const glm::vec2 eye(eye_mm);
    const glm::vec2 kept_side(clip_plane_.x, clip_plane_.y);
    for (const Wall& w : walls_) {
      const bool faces_eye = glm::dot(w.outward, eye - w.point_mm) > 0.0f;
      const bool far_wall_of_cut = clip_on_ && glm::dot(w.outward, kept_side) > 0.5f && !faces_eye;
      if (w.count > 0 && (far_wall_only ? far_wall_of_cut : faces_eye)) glDrawArrays(GL_TRIANGLES, w.first, w.count);
    }
  }
}

void SceneRenderer::stream_solids(const std::vector<SolidVertex>& vertices) {
  const auto bytes = static_cast<GLsizeiptr>(vertices.size() * sizeof(SolidVertex));
  if (bytes > solid_capacity_bytes_) {
    solid_capacity_bytes_ = std::max<GLsizeiptr>(bytes, 2 * solid_capacity_bytes_);
    glNamedBufferData(solid_vertices_.get(), solid_capacity_bytes_, nullptr, GL_STREAM_DRAW);
  } else {
    // Orphan the old storage so the driver need not wait for the last frame.
    glNamedBufferData(solid_vertices_.get(), solid_capacity_bytes_, nullptr, GL_STREAM_DRAW);
  }
  glNamedBufferSubData(solid_vertices_.get(), 0, bytes, vertices.data());
  glVertexArrayVertexBuffer(solid_vao_.get(), 0, solid_vertices_.get(), 0, sizeof(SolidVertex));
}

void SceneRenderer::prepare_solids(const scene::RenderScene& scene, const glm::vec3& toward_viewer) {
  build_pen(scene.pen, pen_geometry_);
  marks_opaque_.clear();
  marks_translucent_.clear();
  build_cutaway_marks(scene.cutaway, toward_viewer, marks_opaque_, marks_translucent_);
  pen_geometry_.opaque.insert(pen_geometry_.opaque.end(), marks_opaque_.begin(), marks_opaque_.end());
  pen_geometry_.translucent.insert(pen_geometry_.translucent.end(), marks_translucent_.begin(),
                                   marks_translucent_.end());
}

void SceneRenderer::draw_solids(bool translucent) {
  const std::vector<SolidVertex>& vertices = translucent ? pen_geometry_.translucent : pen_geometry_.opaque;
  if (vertices.empty()) return;
  const ShaderProgram& p = solid_program_;
  p.use();
  glBindVertexArray(solid_vao_.get());
  stream_solids(vertices);
  const auto count = static_cast<GLsizei>(vertices.size());
  if (!translucent) {
    glDrawArrays(GL_TRIANGLES, 0, count);
    return;
  }
  glEnable(GL_BLEND);
  glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
  glDepthMask(GL_FALSE);
  // The pen's clear shells by their near walls (pen_mesh.hpp), then the
  // cutaway's flat marks from whichever side faces the camera.
  const auto shells = static_cast<GLsizei>(std::min(pen_geometry_.translucent_shells, vertices.size()));
  if (shells > 0) {
    glEnable(GL_CULL_FACE);
    glCullFace(GL_BACK);
    glFrontFace(GL_CCW);
    glDrawArrays(GL_TRIANGLES, 0, shells);
    glDisable(GL_CULL_FACE);
  }
  if (count > shells) glDrawArrays(GL_TRIANGLES, shells, count - shells);
  glDepthMask(GL_TRUE);
  glDisable(GL_BLEND);
}

}  // namespace dermasim::render
