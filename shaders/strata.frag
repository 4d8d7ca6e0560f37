#version 450 core
// Strata as a histology-like section: pale stratum corneum, pigmented
// epidermis, pink papillary dermis with capillary loops, paler fibrous
// reticular dermis, and yellow fat in lobules divided by septa.
in vec3 v_world;
in vec3 v_normal;
flat in int v_layer;
in vec2 v_tissue;

uniform sampler2D u_tissue;  // r septa, g fibres, b speckle, a capillary dots
uniform float u_tissue_tile_mm;
uniform vec3 u_tone;
uniform vec3 u_eye;
uniform vec3 u_light_dir;
uniform int u_cut_face;

out vec4 o_colour;

void main() {
  // One texture read: fat lobules are read at a coarser scale than the dermis.
  vec4 fine = texture(u_tissue, v_tissue / (u_tissue_tile_mm * (v_layer == 4 ? 3.0 : 1.0)));
  vec4 lobules = fine;
  vec3 colour;
  if (v_layer == 0) {
    colour = vec3(0.90, 0.80, 0.62);
  } else if (v_layer == 1) {
    // Melanin sits in the basal epidermis: it follows the skin tone.
    colour = mix(vec3(0.62, 0.42, 0.34), u_tone * 0.8, 0.6) * (0.92 + 0.16 * fine.b);
  } else if (v_layer == 2) {
    colour = vec3(0.78, 0.36, 0.38) * (0.9 + 0.2 * fine.b);
    colour = mix(colour, vec3(0.55, 0.05, 0.08), 0.55 * fine.a);
  } else if (v_layer == 3) {
    colour = vec3(0.86, 0.66, 0.62) * (0.82 + 0.3 * fine.g);
  } else {
    colour = vec3(0.93, 0.76, 0.34) * (0.92 + 0.12 * lobules.b);
    colour = mix(colour, vec3(0.88, 0.70, 0.62), 0.8 * lobules.r);
  }
  vec3 n = normalize(v_normal);
  float light = u_cut_face == 1 ? 0.9 : 0.55 + 0.45 * clamp(dot(n, normalize(u_light_dir)) * 0.5 + 0.6, 0.0, 1.0);
  colour *= light;
  o_colour = vec4(sqrt(clamp(colour, 0.0, 1.0)), 1.0);  // gamma 2: close to sRGB, cheaper than pow
}
