#version 450 core
// The skin surface. Heights below the flat skin are exaggerated like every
// depth in the scene, so a depressed stretch mark stays in step with the strata.
layout(location = 0) in vec3 a_pos;   // patch mm, true height
layout(location = 1) in vec2 a_grad;  // true dz/dx, dz/dy

uniform mat4 u_view_proj;
uniform float u_exaggeration;
uniform vec4 u_clip;     // the cutaway plane on x, y; kept where >= 0
uniform int u_clip_on;

out vec3 v_world;
out vec2 v_patch;
out vec2 v_grad;

void main() {
  vec3 p = a_pos;
  if (p.z < 0.0) p.z *= u_exaggeration;
  v_world = p;
  v_patch = a_pos.xy;
  v_grad = a_grad * u_exaggeration;
  // Clipping in geometry rather than discarding fragments keeps early depth
  // testing on, which a software rasteriser needs.
  gl_ClipDistance[0] = u_clip_on == 1 ? dot(vec4(p.xy, 0.0, 1.0), u_clip) : 1.0;
  gl_Position = u_view_proj * vec4(p, 1.0);
}
