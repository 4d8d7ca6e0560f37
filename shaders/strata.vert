#version 450 core
// Walls of the skin block and the cut face: bands of strata, coloured as a
// histology-like section: pale stratum corneum, pigmented epidermis, pink
// papillary dermis with capillary loops, paler fibrous reticular dermis, and
// yellow fat in lobules divided by septa.
//
// Each layer's colour is one formula with per-layer constants, looked up here
// once per vertex (flat: a triangle is one layer) so the fragment shader has
// no branches: a software rasteriser runs every branch of a shader for every
// pixel, and the section covers much of the window in the cutaway.
layout(location = 0) in vec3 a_pos;
layout(location = 1) in vec3 a_normal;
layout(location = 2) in float a_layer;
layout(location = 3) in float a_along;
layout(location = 4) in float a_depth;

uniform mat4 u_view_proj;
uniform float u_exaggeration;
uniform vec4 u_clip;     // the cutaway plane on x, y; kept where >= 0
uniform int u_clip_on;
uniform vec3 u_tone;
uniform vec3 u_light_dir;
uniform int u_cut_face;
uniform float u_tissue_tile_mm;

out vec2 v_tissue;  // texture coordinates: along the wall, exaggerated depth (mm) so structures look round
flat out vec3 v_base;    // the layer's colour, lit
flat out float v_gain0;  // brightness = v_gain0 + dot(tissue texel, v_gain)
flat out vec4 v_gain;
flat out vec3 v_alt;     // a second colour (capillaries, septa) ...
flat out vec4 v_alt_weight;  // ... mixed in by dot(tissue texel, v_alt_weight)

// Tissue texel: r septa, g fibres, b speckle, a capillary dots.
// Layers: 0 stratum corneum, 1 epidermis, 2 papillary dermis, 3 reticular dermis, 4 fat.
const vec3 layer_colour[5] = vec3[5](vec3(0.90, 0.80, 0.62), vec3(0.62, 0.42, 0.34), vec3(0.78, 0.36, 0.38),
                                     vec3(0.86, 0.66, 0.62), vec3(0.93, 0.76, 0.34));
const float layer_gain0[5] = float[5](1.0, 0.92, 0.9, 0.82, 0.92);
const vec4 layer_gain[5] = vec4[5](vec4(0.0), vec4(0.0, 0.0, 0.16, 0.0), vec4(0.0, 0.0, 0.2, 0.0),
                                   vec4(0.0, 0.3, 0.0, 0.0), vec4(0.0, 0.0, 0.12, 0.0));
const vec3 layer_alt[5] = vec3[5](vec3(0.0), vec3(0.0), vec3(0.55, 0.05, 0.08), vec3(0.0), vec3(0.88, 0.70, 0.62));
const vec4 layer_alt_weight[5] = vec4[5](vec4(0.0), vec4(0.0), vec4(0.0, 0.0, 0.0, 0.55), vec4(0.0),
                                         vec4(0.8, 0.0, 0.0, 0.0));
// Fat lobules are read at a coarser scale than the dermis.
const float layer_tile_scale[5] = float[5](1.0, 1.0, 1.0, 1.0, 3.0);

void main() {
  vec3 p = a_pos;
  if (p.z < 0.0) p.z *= u_exaggeration;
  int layer = clamp(int(a_layer + 0.5), 0, 4);
  v_tissue = vec2(a_along, a_depth * u_exaggeration) / (u_tissue_tile_mm * layer_tile_scale[layer]);
  vec3 colour = layer_colour[layer];
  // Melanin sits in the basal epidermis: it follows the skin tone.
  if (layer == 1) colour = mix(colour, u_tone * 0.8, 0.6);
  // Faces are flat, so their light is the same at every pixel.
  vec3 n = normalize(a_normal);
  float light = u_cut_face == 1 ? 0.9 : 0.55 + 0.45 * clamp(dot(n, normalize(u_light_dir)) * 0.5 + 0.6, 0.0, 1.0);
  v_base = colour * light;
  v_gain0 = layer_gain0[layer];
  v_gain = layer_gain[layer];
  v_alt = layer_alt[layer] * light;
  v_alt_weight = layer_alt_weight[layer];
  // Clipping in geometry rather than discarding fragments keeps early depth
  // testing on, which a software rasteriser needs.
  gl_ClipDistance[0] = u_clip_on == 1 ? dot(vec4(p.xy, 0.0, 1.0), u_clip) : 1.0;
  gl_Position = u_view_proj * vec4(p, 1.0);
}
