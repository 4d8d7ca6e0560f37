#version 450 core
// The part of the skin's shading that depends on neither the view, the light
// nor the treatment: tone by Fitzpatrick type with fine relief and mottling,
// and the stretch marks (colour, smoothed atrophic surface, fine creases along
// the mark). Rendered once per skin revision and tone into two textures on
// the patch (skin_bake.cpp), so that skin.frag reads two texels where it read
// four and does none of this per pixel: on a software rasteriser the surface
// is most of the frame.
uniform sampler2D u_stria;   // sRGB colour of the mark, a = influence
uniform sampler2D u_shape;   // long-axis direction xy, z = alba, w = severity
uniform sampler2D u_detail;  // rg normal, b albedo variation, a cavity
uniform vec2 u_patch_size_mm;
uniform vec2 u_bake_texels;  // the target's size
uniform float u_detail_tile_mm;
uniform vec3 u_tone;

// sqrt(albedo * albedo_encode) in rgb (gamma 2 keeps dark tones from banding
// in 8 bits; the scale keeps the brightest marks under 1), cavity in a.
layout(location = 0) out vec4 o_albedo_cavity;
// Offset of the normal in xy (relief and creases, * 0.5 + 0.5), alba * cover
// in b (sheen of atrophic marks); a unused.
layout(location = 1) out vec4 o_relief_shine;

const float albedo_encode = 0.8;

// Cheap stand-in for sin(): the parabola through the sine's zeros and peaks
// (within 0.06 of it), as skin.frag had it, so the creases keep their shape.
float fast_sin(float x) {
  float y = fract(x * 0.15915494 + 0.5) * 2.0 - 1.0;  // x wrapped to [-pi, pi), over pi
  return 4.0 * y * (1.0 - abs(y));
}

void main() {
  vec2 v_patch = gl_FragCoord.xy / u_bake_texels * u_patch_size_mm;
  vec4 detail = texture(u_detail, v_patch / u_detail_tile_mm);
  vec4 coarse = texture(u_detail, v_patch / (u_detail_tile_mm * 7.3) + 0.37);
  // Marks have ragged, not ruled, edges: read the mark fields a little off
  // the true point, by a low-frequency wobble.
  vec2 wobble = (coarse.rg - 0.5) * 0.9 + (detail.b - 0.5) * 0.25;
  vec2 uv = (v_patch + wobble) / u_patch_size_mm;
  vec4 stria = texture(u_stria, uv);
  vec4 shape = texture(u_shape, uv);

  float influence = stria.a;
  float alba = shape.z;
  float severity = shape.w;

  // Albedo: the constitutive tone with gentle mottling at two scales.
  vec3 albedo = u_tone * (0.9 + 0.2 * detail.b) * (0.94 + 0.12 * coarse.b);
  // The marks' colours were chosen against light skin; on darker skin rubra
  // reads darker and browner, and alba stays paler than the skin around it.
  // The tissue model's colours are what the mark reflects by itself; seen
  // through the epidermis they read deeper and more saturated (squared), and
  // darker skin darkens them (adapt, 1 on type III).
  vec3 reference_tone = vec3(0.66, 0.38, 0.22);
  vec3 adapt = mix(vec3(1.0), clamp(u_tone / reference_tone, 0.05, 1.5), 0.55);
  vec3 model_colour = stria.rgb * stria.rgb;  // sRGB to linear, gamma 2
  vec3 mark_colour = model_colour * model_colour * 0.74 * adapt;
  float cover = smoothstep(0.02, 0.7, influence);
  // Variation along the mark: striae are rarely one flat colour.
  float streak = 0.85 + 0.3 * coarse.g;
  albedo = mix(albedo, mark_colour * mix(1.0, streak, 0.5), cover * 0.9);

  // Fine creases running along the mark, strongest in atrophic (alba, severe) marks.
  vec2 dir = normalize(shape.xy + vec2(1e-5));
  vec2 across = vec2(-dir.y, dir.x);
  float s = dot(v_patch, across);
  float t = dot(v_patch, dir);
  float phase = s * 6.2832 / 0.45 + (detail.b - 0.5) * 5.0 + fast_sin(t * 0.7) * 1.2;
  float crease_amp = cover * (0.25 + 0.55 * severity) * (0.6 + 0.4 * alba);

  // The normal's offset: skin relief (flattened in the marks, which lose
  // their rete ridges and skin lines) and the creases; skin.frag adds it to
  // the surface's own normal.
  vec2 relief = (detail.rg - 0.5) * 2.0 * (1.0 - 0.75 * cover);
  vec2 offset = relief * 0.5 + across * fast_sin(phase + 1.5707963) * crease_amp * 0.45;
  float cavity = mix(detail.a, 1.0, 0.7 * cover) * (1.0 - 0.1 * crease_amp * (0.5 - 0.5 * fast_sin(phase)));

  o_albedo_cavity = vec4(sqrt(clamp(albedo * albedo_encode, 0.0, 1.0)), cavity);
  o_relief_shine = vec4(offset * 0.5 + 0.5, alba * cover, 1.0);
}
