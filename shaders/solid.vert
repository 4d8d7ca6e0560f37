#version 450 core
// Lit, coloured geometry: the pen, needles, and cutaway marks.
layout(location = 0) in vec3 a_pos;
layout(location = 1) in vec3 a_normal;
layout(location = 2) in vec4 a_colour;

uniform mat4 u_view_proj;
uniform float u_exaggeration;

out vec3 v_world;
out vec3 v_normal;
out vec4 v_colour;

void main() {
  vec3 p = a_pos;
  if (p.z < 0.0) p.z *= u_exaggeration;
  v_world = p;
  v_normal = a_normal;
  v_colour = a_colour;
  gl_Position = u_view_proj * vec4(p, 1.0);
}
