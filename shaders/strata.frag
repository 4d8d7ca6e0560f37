#version 450 core
// Strata: the layer's colour (strata.vert) varied by the tissue texture.
in vec2 v_tissue;
flat in vec3 v_base;
flat in float v_gain0;
flat in vec4 v_gain;
flat in vec3 v_alt;
flat in vec4 v_alt_weight;

uniform sampler2D u_tissue;  // r septa, g fibres, b speckle, a capillary dots

out vec4 o_colour;

void main() {
  vec4 tissue = texture(u_tissue, v_tissue);
  vec3 colour = mix(v_base * (v_gain0 + dot(tissue, v_gain)), v_alt, dot(tissue, v_alt_weight));
  o_colour = vec4(sqrt(clamp(colour, 0.0, 1.0)), 1.0);  // gamma 2: close to sRGB, cheaper than pow
}
