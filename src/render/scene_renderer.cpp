#include "render/scene_renderer.hpp"

#include <algorithm>

#include <glm/gtc/matrix_transform.hpp>

#include "render/detail_textures.hpp"
#include "render/pass_timer.hpp"

namespace dermasim::render {

namespace {

GlTexture make_detail_texture(const DetailTexture& detail) {
  GlTexture t = make_texture(GL_TEXTURE_2D);
  int levels = 1;
  for (int s = detail.size; s > 1; s >>= 1) ++levels;
  glTextureStorage2D(t.get(), levels, GL_RGBA8, detail.size, detail.size);
  glTextureSubImage2D(t.get(), 0, 0, 0, detail.size, detail.size, GL_RGBA, GL_UNSIGNED_BYTE, detail.rgba.data());
  glGenerateTextureMipmap(t.get());
  glTextureParameteri(t.get(), GL_TEXTURE_WRAP_S, GL_REPEAT);
  glTextureParameteri(t.get(), GL_TEXTURE_WRAP_T, GL_REPEAT);
  // Bilinear within the nearest mip level: these are noise textures, where
  // blending two levels shows no difference, and a software rasteriser pays
  // for every texel read (trilinear reads eight).
  glTextureParameteri(t.get(), GL_TEXTURE_MIN_FILTER, GL_LINEAR_MIPMAP_NEAREST);
  glTextureParameteri(t.get(), GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  return t;
}

void clamp_linear(GLuint texture) {
  glTextureParameteri(texture, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTextureParameteri(texture, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  glTextureParameteri(texture, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTextureParameteri(texture, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
}

template <typename Vertex>
void attribute(GLuint vao, GLuint index, int components, std::size_t offset) {
  glEnableVertexArrayAttrib(vao, index);
  glVertexArrayAttribFormat(vao, index, components, GL_FLOAT, GL_FALSE, static_cast<GLuint>(offset));
  glVertexArrayAttribBinding(vao, index, 0);
}

}  // namespace

SceneRenderer::SceneRenderer(const std::filesystem::path& shader_dir, const RendererOptions& options)
    : options_(options), skin_bake_(shader_dir) {
  skin_program_ = ShaderProgram::load(shader_dir, "skin");
  strata_program_ = ShaderProgram::load(shader_dir, "strata");
  solid_program_ = ShaderProgram::load(shader_dir, "solid");
  background_program_ = ShaderProgram::load(shader_dir, "background");
  upscale_program_ = ShaderProgram::load(shader_dir, "upscale");

  skin_detail_texture_ = make_detail_texture(make_skin_detail(256, 0x5eedU));
  tissue_detail_texture_ = make_detail_texture(make_tissue_detail(256, 0x7155U));

  surface_vao_ = make_vertex_array();
  surface_vertices_ = make_buffer();
  surface_indices_ = make_buffer();
  attribute<SurfaceVertex>(surface_vao_.get(), 0, 3, offsetof(SurfaceVertex, x));
  attribute<SurfaceVertex>(surface_vao_.get(), 1, 2, offsetof(SurfaceVertex, gx));

  dent_vao_ = make_vertex_array();
  dent_vertices_ = make_buffer();
  dent_indices_ = make_buffer();
  attribute<SurfaceVertex>(dent_vao_.get(), 0, 3, offsetof(SurfaceVertex, x));
  attribute<SurfaceVertex>(dent_vao_.get(), 1, 2, offsetof(SurfaceVertex, gx));
  glVertexArrayVertexBuffer(dent_vao_.get(), 0, dent_vertices_.get(), 0, sizeof(SurfaceVertex));
  glVertexArrayElementBuffer(dent_vao_.get(), dent_indices_.get());

  strata_vao_ = make_vertex_array();
  wall_vertices_ = make_buffer();
  cut_vertices_ = make_buffer();
  attribute<StrataVertex>(strata_vao_.get(), 0, 3, offsetof(StrataVertex, x));
  attribute<StrataVertex>(strata_vao_.get(), 1, 3, offsetof(StrataVertex, nx));
  attribute<StrataVertex>(strata_vao_.get(), 2, 1, offsetof(StrataVertex, layer));
  attribute<StrataVertex>(strata_vao_.get(), 3, 1, offsetof(StrataVertex, along_mm));
  attribute<StrataVertex>(strata_vao_.get(), 4, 1, offsetof(StrataVertex, depth_mm));

  solid_vao_ = make_vertex_array();
  solid_vertices_ = make_buffer();
  attribute<SolidVertex>(solid_vao_.get(), 0, 3, offsetof(SolidVertex, x));
  attribute<SolidVertex>(solid_vao_.get(), 1, 3, offsetof(SolidVertex, nx));
  attribute<SolidVertex>(solid_vao_.get(), 2, 4, offsetof(SolidVertex, r));

  empty_vao_ = make_vertex_array();
}

glm::dmat4 SceneRenderer::view_projection(const scene::OrbitCamera& camera, int width, int height) {
  return camera.projection(static_cast<double>(width) / std::max(1, height)) * camera.view();
}

glm::dvec3 SceneRenderer::project(const scene::RenderScene& scene, const scene::OrbitCamera& camera, int width,
                                  int height, const glm::dvec3& point_mm) {
  glm::dvec3 p = point_mm;
  if (p.z < 0.0) p.z *= scene.vertical_exaggeration;  // as the vertex shaders do
  const glm::dvec4 clip = view_projection(camera, width, height) * glm::dvec4(p, 1.0);
  const glm::dvec3 ndc = glm::dvec3(clip) / clip.w;
  // Pixel coordinates with the origin at the top left, as images are stored.
  return {(ndc.x * 0.5 + 0.5) * width, (0.5 - ndc.y * 0.5) * height, ndc.z};
}

void SceneRenderer::sync_skin(const scene::RenderScene& scene) {
  if (!scene.skin || scene.skin->revision == skin_revision_) return;
  const scene::SkinFields& f = *scene.skin;
  skin_revision_ = f.revision;

  stria_texture_ = make_texture(GL_TEXTURE_2D);
  glTextureStorage2D(stria_texture_.get(), 1, GL_RGBA8, f.nx, f.ny);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  glTextureSubImage2D(stria_texture_.get(), 0, 0, 0, f.nx, f.ny, GL_RGBA, GL_UNSIGNED_BYTE, f.stria.data());
  clamp_linear(stria_texture_.get());
  shape_texture_ = make_texture(GL_TEXTURE_2D);
  glTextureStorage2D(shape_texture_.get(), 1, GL_RGBA16F, f.nx, f.ny);
  glTextureSubImage2D(shape_texture_.get(), 0, 0, 0, f.nx, f.ny, GL_RGBA, GL_FLOAT, f.stria_shape.data());
  // Nearest: a mark's direction must not blend with its neighbour's.
  clamp_linear(shape_texture_.get());
  glTextureParameteri(shape_texture_.get(), GL_TEXTURE_MIN_FILTER, GL_NEAREST);
  glTextureParameteri(shape_texture_.get(), GL_TEXTURE_MAG_FILTER, GL_NEAREST);

  surface_grid_ = build_surface_grid(f, options_.surface_step_mm);
  const Mesh& surface = surface_grid_;
  dent_ = DentPatch{};
  glNamedBufferData(surface_vertices_.get(), static_cast<GLsizeiptr>(surface.vertices.size() * sizeof(SurfaceVertex)),
                    surface.vertices.data(), GL_STATIC_DRAW);
  glVertexArrayVertexBuffer(surface_vao_.get(), 0, surface_vertices_.get(), 0, sizeof(SurfaceVertex));
  glVertexArrayElementBuffer(surface_vao_.get(), surface_indices_.get());
  surface_merge_ = SurfaceMerge(surface_grid_);
  surface_hole_.reset();  // the indices follow in sync_dent

  std::vector<StrataVertex> walls;
  const std::array<glm::vec3, 4> outward{glm::vec3(0, -1, 0), glm::vec3(1, 0, 0), glm::vec3(0, 1, 0),
                                         glm::vec3(-1, 0, 0)};
  for (std::size_t k = 0; k < 4; ++k) {
    const auto first = walls.size();
    append_strata_wall(scene.block.edges[k], outward[k], walls);
    Wall& w = walls_[k];
    w.first = static_cast<GLint>(first);
    w.count = static_cast<GLsizei>(walls.size() - first);
    w.outward = glm::vec2(outward[k]);
    if (!scene.block.edges[k].empty())
      w.point_mm = glm::vec2(static_cast<float>(scene.block.edges[k].front().x_mm),
                             static_cast<float>(scene.block.edges[k].front().y_mm));
  }
  glNamedBufferData(wall_vertices_.get(), static_cast<GLsizeiptr>(walls.size() * sizeof(StrataVertex)), walls.data(),
                    GL_STATIC_DRAW);
  wall_vertex_count_ = static_cast<GLsizei>(walls.size());
  treatment_nx_ = 0;  // the treatment texture follows the patch
}

void SceneRenderer::sync_treatment(const scene::RenderScene& scene) {
  const scene::TreatmentFields& t = scene.treatment;
  if (t.nx <= 0 || t.ny <= 0) return;
  const bool resized = t.nx != treatment_nx_ || t.ny != treatment_ny_;
  if (resized) {
    treatment_texture_ = make_texture(GL_TEXTURE_2D);
    glTextureStorage2D(treatment_texture_.get(), 1, GL_RGBA8, t.nx, t.ny);
    clamp_linear(treatment_texture_.get());
    treatment_nx_ = t.nx;
    treatment_ny_ = t.ny;
  }
  scene::CellRect r = t.changed;
  if (resized || t.all_changed) r = {0, 0, t.nx, t.ny};
  if (r.empty()) return;
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  glPixelStorei(GL_UNPACK_ROW_LENGTH, t.nx);
  const auto* first = t.rgba.data() + static_cast<std::size_t>(r.y0) * static_cast<std::size_t>(t.nx) +
                      static_cast<std::size_t>(r.x0);
  glTextureSubImage2D(treatment_texture_.get(), 0, r.x0, r.y0, r.x1 - r.x0, r.y1 - r.y0, GL_RGBA, GL_UNSIGNED_BYTE,
                      first);
  glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
}

void SceneRenderer::sync_cut(const scene::RenderScene& scene) {
  cut_scratch_.clear();
  const auto& cut = scene.cutaway;
  if (cut.enabled) {
    const glm::vec3 facing = cut.axis == scene::CutAxis::along_x ? glm::vec3(0, -clip_plane_.y, 0)
                                                                  : glm::vec3(-clip_plane_.x, 0, 0);
    append_strata_wall(cut.columns, facing, cut_scratch_);
  }
  cut_vertex_count_ = static_cast<GLsizei>(cut_scratch_.size());
  if (cut_scratch_.empty()) return;
  glNamedBufferData(cut_vertices_.get(), static_cast<GLsizeiptr>(cut_scratch_.size() * sizeof(StrataVertex)),
                    cut_scratch_.data(), GL_STREAM_DRAW);
}

void SceneRenderer::sync_dent(const scene::RenderScene& scene) {
  const bool had_indices = !dent_.mesh.indices.empty();
  const int old_nx = dent_.mesh.nx, old_ny = dent_.mesh.ny;
  build_dent_patch(surface_grid_, scene.width_mm, scene.height_mm, scene.deformation, options_.dent_subdivisions, dent_);
  // The static grid's triangles less the quads the dent patch replaces,
  // flat skin merged (surface_merge.hpp); rebuilt when the patch moves.
  const QuadRect hole = dent_.empty() ? QuadRect{} : QuadRect{dent_.i0, dent_.j0, dent_.i1, dent_.j1};
  if (!surface_hole_ || *surface_hole_ != hole) {
    const std::vector<std::uint32_t> indices = surface_merge_.indices(hole);
    glNamedBufferData(surface_indices_.get(), static_cast<GLsizeiptr>(indices.size() * sizeof(std::uint32_t)),
                      indices.data(), GL_DYNAMIC_DRAW);
    surface_index_count_ = static_cast<GLsizei>(indices.size());
    surface_hole_ = hole;
  }
  if (dent_.empty()) return;
  const auto& m = dent_.mesh;
  glNamedBufferData(dent_vertices_.get(), static_cast<GLsizeiptr>(m.vertices.size() * sizeof(SurfaceVertex)),
                    m.vertices.data(), GL_STREAM_DRAW);
  if (!had_indices || old_nx != m.nx || old_ny != m.ny)
    glNamedBufferData(dent_indices_.get(), static_cast<GLsizeiptr>(m.indices.size() * sizeof(std::uint32_t)),
                      m.indices.data(), GL_STATIC_DRAW);
}

void SceneRenderer::draw(const scene::RenderScene& scene, const scene::OrbitCamera& camera, int width, int height,
                         std::span<const PixelRect> hidden) {
  if (width <= 0 || height <= 0) return;
  sync_skin(scene);
  if (scene.skin) {
    const glm::vec3 tone(scene.skin_tone_linear[0], scene.skin_tone_linear[1], scene.skin_tone_linear[2]);
    skin_bake_.update(*scene.skin, {stria_texture_.get(), shape_texture_.get(), skin_detail_texture_.get(),
                                    skin_detail_tile_mm, tone});
  }
  sync_treatment(scene);

  // The cut removes the half of the block on the viewer's side of the plane.
  const glm::dvec3 eye = camera.eye_mm();
  clip_on_ = scene.cutaway.enabled;
  const float pos = static_cast<float>(scene.cutaway.position_mm);
  if (scene.cutaway.axis == scene::CutAxis::along_x) {
    const float side = eye.y < pos ? 1.0f : -1.0f;  // keep the far side
    clip_plane_ = {0.0f, side, 0.0f, -side * pos};
  } else {
    const float side = eye.x < pos ? 1.0f : -1.0f;
    clip_plane_ = {side, 0.0f, 0.0f, -side * pos};
  }
  sync_cut(scene);
  sync_dent(scene);
  PassTimer& timer = pass_timer();
  timer.mark("scene_uploads");

  glViewport(0, 0, width, height);
  // Depth only: every pixel that shows is written by a pass (the background
  // last behind everything), and the hidden ones are not the scene's.
  glClearDepth(1.0);
  glClear(GL_DEPTH_BUFFER_BIT);
  mask_hidden(hidden, width, height);
  const std::vector<PixelRect> shown = uncovered_rects(width, height, hidden);
  timer.mark("scene_clear");

  const glm::mat4 view_proj(view_projection(camera, width, height));
  for (const ShaderProgram* p : {&skin_program_, &strata_program_, &solid_program_})
    set_common(*p, scene, camera, view_proj);

  glEnable(GL_DEPTH_TEST);
  glDepthFunc(GL_LESS);
  glDisable(GL_BLEND);
  // The cut exposes the inside of the walls; draw both faces.
  glDisable(GL_CULL_FACE);
  glEnable(GL_CLIP_DISTANCE0);
  // Roughly front to back, so early depth tests spare hidden fragments: the
  // opaque pen, the cut face and the walls facing the eye (the strata pass),
  // the surface, the cutaway's far wall behind them, then the background
  // behind everything; translucent parts last.
  const glm::vec3 toward_viewer = -glm::vec3(clip_plane_.x, clip_plane_.y, 0.0f);
  prepare_solids(scene, toward_viewer);
  draw_solids(false);
  timer.mark("pen_and_marks");
  draw_strata(glm::vec3(eye), false);
  timer.mark("strata");
  draw_surface(scene);
  timer.mark("skin_surface");
  draw_strata(glm::vec3(eye), true);
  timer.mark("far_wall");
  draw_background(shown, height);
  timer.mark("background");
  draw_solids(true);
  timer.mark("translucent");
  glDisable(GL_CLIP_DISTANCE0);
  glDisable(GL_DEPTH_TEST);
  glDisable(GL_BLEND);
  glBindVertexArray(0);
  glUseProgram(0);
}

}  // namespace dermasim::render
