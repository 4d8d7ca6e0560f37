#version 450 core
// A calm studio gradient: dark slate at the bottom, lighter at the top.
in vec2 v_ndc;
out vec4 o_colour;
void main() {
  float t = clamp(v_ndc.y * 0.5 + 0.5, 0.0, 1.0);
  vec3 bottom = vec3(0.075, 0.085, 0.10);
  vec3 top = vec3(0.24, 0.26, 0.29);
  o_colour = vec4(mix(bottom, top, t * t), 1.0);
}
