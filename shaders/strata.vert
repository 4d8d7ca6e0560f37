#version 450 core
// Walls of the skin block and the cut face: bands of strata.
layout(location = 0) in vec3 a_pos;
layout(location = 1) in vec3 a_normal;
layout(location = 2) in float a_layer;
layout(location = 3) in float a_along;
layout(location = 4) in float a_depth;

uniform mat4 u_view_proj;
uniform float u_exaggeration;
uniform vec4 u_clip;     // the cutaway plane on x, y; kept where >= 0
uniform int u_clip_on;

out vec3 v_world;
out vec3 v_normal;
flat out int v_layer;
out vec2 v_tissue;  // along the wall, exaggerated depth (mm) so structures look round

void main() {
  vec3 p = a_pos;
  if (p.z < 0.0) p.z *= u_exaggeration;
  v_world = p;
  v_normal = a_normal;
  v_layer = int(a_layer + 0.5);
  v_tissue = vec2(a_along, a_depth * u_exaggeration);
  // Clipping in geometry rather than discarding fragments keeps early depth
  // testing on, which a software rasteriser needs.
  gl_ClipDistance[0] = u_clip_on == 1 ? dot(vec4(p.xy, 0.0, 1.0), u_clip) : 1.0;
  gl_Position = u_view_proj * vec4(p, 1.0);
}
