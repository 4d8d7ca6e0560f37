#version 450 core
// Skin: the baked tone, relief and stretch marks (skin_bake.frag, read here
// in two texels), soft subsurface-like light, and treatment: erythema,
// puncture marks, pinpoint bleeding and the optional coverage heat map.
in vec3 v_world;
in vec2 v_patch;
in vec2 v_grad;

uniform sampler2D u_albedo_cavity;  // sqrt(albedo * albedo_encode) rgb, cavity a (skin_bake.frag)
uniform sampler2D u_relief_shine;   // normal offset xy (* 0.5 + 0.5), alba * cover b
uniform sampler2D u_treatment;  // r erythema, g bleeding, b coverage level (see coverage_colour), a punctured
uniform vec3 u_patch_size_mm;
uniform vec3 u_cells;
uniform float u_cell_mm;
uniform vec3 u_eye;
uniform vec3 u_light_dir;
uniform int u_show_coverage;
uniform vec3 u_pen_shadow;        // pen x, y and height above the skin, mm
uniform float u_pen_shadow_strength;

out vec4 o_colour;

float hash12(vec2 p) {
  vec3 p3 = fract(vec3(p.xyx) * 0.1031);
  p3 += dot(p3, p3.yzx + 33.33);
  return fract((p3.x + p3.y) * p3.z);
}

// Cheap stand-in for exp(): llvmpipe evaluates transcendental functions as
// long polynomials for every pixel, and the pen shadow needs only its shape.
// gauss_falloff is (1 - q/8)^8, within 0.04 of exp(-q) and exactly 0 from
// q = 8 (the shadow's edge).
float gauss_falloff(float q) {
  float b = max(1.0 - q * 0.125, 0.0);
  b *= b;
  b *= b;
  return b * b;
}

vec3 coverage_colour(float level) {
  // The extractor's scale: 0..0.5 below the target (blue towards green),
  // 0.5..1 from the target to the over-treatment ceiling (green, yellowing
  // as it nears the ceiling), 1 over it (red).
  vec3 under = mix(vec3(0.15, 0.35, 0.95), vec3(0.15, 0.85, 0.35), smoothstep(0.0, 0.5, level));
  vec3 within = mix(vec3(0.15, 0.85, 0.35), vec3(0.95, 0.85, 0.15), smoothstep(0.75, 0.97, level));
  vec3 colour = level < 0.5 ? under : within;
  return level > 0.985 ? vec3(0.95, 0.1, 0.1) : colour;
}

void main() {
  vec2 uv = v_patch / u_patch_size_mm.xy;
  vec4 albedo_cavity = texture(u_albedo_cavity, uv);
  vec4 relief_shine = texture(u_relief_shine, uv);
  vec4 treat = texture(u_treatment, uv);
  vec3 albedo = albedo_cavity.rgb * albedo_cavity.rgb * 1.25;  // 1 / albedo_encode (skin_bake.frag)
  float cavity = albedo_cavity.a;
  float alba_cover = relief_shine.b;
  // Normal: the (exaggerated) depression plus the baked relief and creases.
  vec3 n = normalize(vec3(-v_grad, 1.0));
  n = normalize(n + vec3(relief_shine.rg * 2.0 - 1.0, 0.0));

  // Erythema: haemoglobin takes green and blue out of the reflected light.
  float erythema = treat.r;
  albedo *= mix(vec3(1.0), vec3(1.02, 0.52, 0.56), erythema * 0.8);

  // Puncture marks and pinpoint bleeding: one dot per 0.25 mm cell at a
  // jittered spot, sized by how much the cell bleeds.
  vec2 cell_pos = v_patch / u_cell_mm;
  vec2 cell = floor(cell_pos);
  ivec2 texel = clamp(ivec2(cell), ivec2(0), ivec2(u_cells.xy) - 1);
  vec4 here = texelFetch(u_treatment, texel, 0);
  vec2 jitter = vec2(hash12(cell), hash12(cell + 17.0)) * 0.4 + 0.3;
  float d = length(cell_pos - cell - jitter);
  float aa = max(fwidth(d), 1e-3);
  float bleed_radius = 0.12 + 0.22 * here.g;
  float blood = here.g > 0.02 ? 1.0 - smoothstep(bleed_radius - aa, bleed_radius + aa, d) : 0.0;
  float hole = here.a > 0.5 ? 1.0 - smoothstep(0.08 - aa, 0.08 + aa, d) : 0.0;
  albedo = mix(albedo, albedo * vec3(0.55, 0.35, 0.35), hole * 0.8);
  vec3 blood_colour = vec3(0.32, 0.012, 0.02);
  albedo = mix(albedo, blood_colour, blood);

  // Light: wrapped diffuse with more wrap in red (light travels further under
  // the skin in red), a cool fill, and a faint oily sheen; alba is shinier.
  vec3 L = u_light_dir;  // unit length already (renderer_passes.cpp)
  vec3 V = normalize(u_eye - v_world);
  float ndl = dot(n, L);
  vec3 wrap = vec3(0.5, 0.28, 0.2);
  vec3 diffuse = clamp((ndl + wrap) / (1.0 + wrap), 0.0, 1.0);
  float fill = clamp(dot(n, normalize(vec3(0.6, 0.5, 0.6))) * 0.5 + 0.5, 0.0, 1.0);
  vec3 ambient = mix(vec3(0.16, 0.15, 0.17), vec3(0.32, 0.32, 0.35), n.z * 0.5 + 0.5) * (0.7 + 0.3 * fill);
  vec3 H = normalize(L + V);
  // Specular lobes by repeated squaring (powers 32 and 64) rather than pow()
  // with a varying exponent, which is slow in software rendering.
  float shine = max(alba_cover, blood);
  float nh = max(dot(n, H), 0.0);
  float nh2 = nh * nh, nh4 = nh2 * nh2, nh8 = nh4 * nh4, nh16 = nh8 * nh8, nh32 = nh16 * nh16;
  float lobe = mix(nh32 * 1.25, nh32 * nh32 * 2.25, shine);
  float spec_strength = 0.045 + 0.08 * alba_cover + 0.35 * blood;
  float fresnel_base = 1.0 - max(dot(n, V), 0.0);
  float fresnel_2 = fresnel_base * fresnel_base;
  float fresnel = fresnel_2 * fresnel_2 * fresnel_base;
  float spec = lobe * spec_strength + fresnel * 0.04;

  vec2 to_pen = v_patch - u_pen_shadow.xy;
  float shadow_radius = 10.0 + u_pen_shadow.z * 0.35;
  float shadow = u_pen_shadow_strength * gauss_falloff(dot(to_pen, to_pen) / (shadow_radius * shadow_radius)) *
                 clamp(1.0 - u_pen_shadow.z / 80.0, 0.0, 1.0);

  vec3 colour = albedo * (diffuse * 1.05 * (1.0 - shadow) + ambient) * cavity + vec3(spec) * (1.0 - shadow);

  if (u_show_coverage == 1) {
    float level = treat.b;
    float alpha = level > 0.01 ? 0.6 : 0.18;
    colour = mix(colour, coverage_colour(level) * (0.55 + 0.45 * diffuse.g), alpha);
  }
  // Gentle filmic shoulder, then to sRGB.
  colour = colour / (1.0 + 0.15 * colour);
  o_colour = vec4(sqrt(clamp(colour, 0.0, 1.0)), 1.0);  // gamma 2: close to sRGB, cheaper than pow
}
