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
  vec3 L = normalize(u_light_dir);
  float diffuse = max(dot(n, L), 0.0);
  vec3 H = normalize(L + V);
  float spec = pow(max(dot(n, H), 0.0), 48.0) * 0.5;
  float rim = pow(1.0 - max(dot(n, V), 0.0), 3.0) * 0.15;
  vec3 colour = v_colour.rgb * (0.3 + 0.75 * diffuse) + vec3(spec + rim);
  o_colour = vec4(sqrt(clamp(colour, 0.0, 1.0)), v_colour.a);
}
