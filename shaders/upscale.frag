#version 450 core
// The scene drawn at a reduced scale, filtered up to the window (bilinear,
// the sampler's own filtering: one texture read a pixel).
layout(binding = 0) uniform sampler2D u_scene;
in vec2 v_uv;
out vec4 o_colour;
void main() { o_colour = texture(u_scene, v_uv); }
