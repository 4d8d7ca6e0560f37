#pragma once
// CPU-side geometry for the scene, built from the RenderScene only. No GL here:
// the renderer uploads what these return.
#include <cstdint>
#include <vector>

#include <glm/vec3.hpp>
#include <glm/vec4.hpp>

#include "scene/render_scene.hpp"

namespace dermasim::render {

struct SurfaceVertex {
  float x, y, z;     // z: true height in mm (the shader exaggerates depths)
  float gx, gy;      // true surface gradient dz/dx, dz/dy
};

struct StrataVertex {
  float x, y, z;
  float nx, ny, nz;
  float layer;       // 0..4, stratum corneum .. hypodermis
  float along_mm;    // texture coordinate along the wall
  float depth_mm;    // below the local surface, true scale
};

struct SolidVertex {
  float x, y, z;
  float nx, ny, nz;
  float r, g, b, a;
};

struct Mesh {
  std::vector<SurfaceVertex> vertices;
  std::vector<std::uint32_t> indices;
  int nx = 0, ny = 0;  // a grid's vertices per row and rows (row-major, two triangles per quad)
};

/// The skin surface as a regular grid every `step_mm`, heights from the fields.
Mesh build_surface_grid(const scene::SkinFields& fields, double step_mm);

/// Bands of strata hanging under a line of columns; `outward` is the wall's
/// normal. Appends triangles (3 vertices each).
void append_strata_wall(const std::vector<scene::StrataColumn>& columns, const glm::vec3& outward,
                        std::vector<StrataVertex>& out);

/// A closed cylinder (or cone) from `a` (radius ra) to `b` (radius rb).
void append_cylinder(std::vector<SolidVertex>& out, const glm::vec3& a, const glm::vec3& b, float ra, float rb,
                     const glm::vec4& rgba, int segments);
/// A flat quad a-b-c-d facing `normal`, both sides.
void append_quad(std::vector<SolidVertex>& out, const glm::vec3& a, const glm::vec3& b, const glm::vec3& c,
                 const glm::vec3& d, const glm::vec3& normal, const glm::vec4& rgba);

}  // namespace dermasim::render
