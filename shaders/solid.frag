#version 450 core
in vec3 v_world;
in vec3 v_normal;
in vec4 v_colour;

uniform vec3 u_eye;
uniform vec3 u_light_dir;

out vec4 o_colour;

void main() {
  vec3 n = normalize(v_normal);
  vec3 V = normalize(u_eye - v_world);
  if (dot(n, V) < 0.0) n = -n;  // thin parts are seen from both sides
  vec3 L = u_light_dir;  // unit length already (renderer_passes.cpp)
  float diffuse = max(dot(n, L), 0.0);
  vec3 H = normalize(L + V);
  // Powers by multiplication: pow() is exp2(log2()) per pixel in software GL.
  float nh = max(dot(n, H), 0.0);
  float nh2 = nh * nh, nh4 = nh2 * nh2, nh8 = nh4 * nh4, nh16 = nh8 * nh8;
  float spec = nh16 * nh16 * nh16 * 0.5;  // power 48
  float edge = 1.0 - max(dot(n, V), 0.0);
  float rim = edge * edge * edge * 0.15;
  vec3 colour = v_colour.rgb * (0.3 + 0.75 * diffuse) + vec3(spec + rim);
  o_colour = vec4(sqrt(clamp(colour, 0.0, 1.0)), v_colour.a);
}
