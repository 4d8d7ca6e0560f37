#version 450 core
// One triangle covering the screen.
out vec2 v_ndc;
void main() {
  vec2 p = vec2(float((gl_VertexID & 1) << 2) - 1.0, float((gl_VertexID & 2) << 1) - 1.0);
  v_ndc = p;
  // Drawn last at the far plane: early depth testing skips covered pixels.
  gl_Position = vec4(p, 0.99999, 1.0);
}
