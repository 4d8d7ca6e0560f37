// Issue 16: panels copied from the layer (app/panel_cache.hpp) are the
// panels drawn, pixel for pixel, frame after frame, while panels change,
// move over each other, vanish and come back, and a tooltip lies on top;
// and the copies really happen, so the comparison is not between two
// drawings of the same thing.
#include <doctest/doctest.h>

#include <cstdint>
#include <vector>

#include "app/imgui_layer.hpp"
#include "render/gl.hpp"
#include "render/gl_window.hpp"
#include "render/png_writer.hpp"
#include "render_fixture.hpp"

#include <imgui.h>

// After glad, which must come first.
#include <GLFW/glfw3.h>

using namespace dermasim;

namespace {

constexpr int width = 640, height = 400, frames = 60;

struct Frame {
  std::vector<std::uint8_t> pixels;
  app::PanelCache::FrameStats stats;
};

void panel(const char* name, ImVec2 pos, ImVec2 size, int lines, int variant) {
  ImGui::SetNextWindowPos(pos, ImGuiCond_Always);
  ImGui::SetNextWindowSize(size, ImGuiCond_Always);
  ImGui::Begin(name);
  for (int i = 0; i < lines; ++i) ImGui::Text("%s: line %d, variant %d", name, i, variant);
  ImGui::End();
}

// One frame of panels over a stand-in for the scene whose colour shifts every
// frame, so a panel edge blended over it from a stale copy would show.
Frame draw_frame(render::GlWindow& window, app::ImGuiLayer& layer, int f) {
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  glViewport(0, 0, width, height);
  glDisable(GL_SCISSOR_TEST);
  glClearColor(0.1f + 0.02f * static_cast<float>(f % 20), 0.3f, 0.6f - 0.02f * static_cast<float>(f % 20), 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  // The pointer where the tooltip should appear (over "Still"), else off the panels.
  const bool tooltip = f >= 44 && f < 50;
  glfwSetCursorPos(window.handle(), tooltip ? 60.0 : 630.0, tooltip ? 80.0 : 390.0);

  layer.new_frame();
  panel("Still", {10, 10}, {260, 170}, 8, 0);                                   // never changes
  panel("Live", {300, 10}, {300, 90}, 3, f);                                    // changes every frame
  panel("Sometimes", {10, 200}, {260, 150}, 6, f >= 12 && f < 16 ? 1 : 0);      // changes for a while
  if (f < 30 || f >= 36) panel("Comes back", {300, 120}, {300, 120}, 5, 0);     // hidden, then the same again
  const ImVec2 mover = f >= 20 && f < 26 ? ImVec2(150, 60) : ImVec2(300, 260);  // drawn last: over "Still"
  panel("Mover", mover, {280, 110}, 4, 0);
  if (tooltip) {
    // Where the pointer is: the tooltip lies over "Still".
    CHECK(ImGui::GetIO().MousePos.x == doctest::Approx(60.0));
    CHECK(ImGui::GetIO().MousePos.y == doctest::Approx(80.0));
    ImGui::BeginTooltip();
    ImGui::Text("a tooltip over a kept panel");
    ImGui::EndTooltip();
  }
  ImGui::Render();
  layer.render();

  Frame out;
  out.pixels.resize(static_cast<std::size_t>(width) * height * 4);
  glReadBuffer(GL_BACK);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, out.pixels.data());
  out.stats = layer.panel_cache_stats();
  glfwSwapBuffers(window.handle());
  return out;
}

std::vector<Frame> run(render::GlWindow& window, bool cache) {
  app::ImGuiLayer layer(window, false);
  REQUIRE_MESSAGE(layer.software_gl(), "the panel cache is for software OpenGL; run the render tests on Mesa");
  layer.set_panel_cache(cache);
  std::vector<Frame> out;
  for (int f = 0; f < frames; ++f) out.push_back(draw_frame(window, layer, f));
  return out;
}

}  // namespace

TEST_CASE("panels copied from the layer are the panels drawn, pixel for pixel, frame after frame") {
  render::GlWindow window({.width = width, .height = height, .title = "panel cache", .visible = true, .vsync = false});
  int fb_w = 0, fb_h = 0;
  window.framebuffer_size(fb_w, fb_h);
  REQUIRE(fb_w == width);
  REQUIRE(fb_h == height);
  const std::vector<Frame> drawn = run(window, false);
  const std::vector<Frame> copied = run(window, true);

  int copies = 0;
  for (int f = 0; f < frames; ++f) {
    const auto& a = drawn[static_cast<std::size_t>(f)].pixels;
    const auto& b = copied[static_cast<std::size_t>(f)].pixels;
    int differing = 0;
    for (std::size_t i = 0; i < a.size(); i += 4)
      if (a[i] != b[i] || a[i + 1] != b[i + 1] || a[i + 2] != b[i + 2]) ++differing;
    INFO("frame " << f);
    CHECK(differing == 0);
    CHECK(drawn[static_cast<std::size_t>(f)].stats.copied == 0);
    copies += copied[static_cast<std::size_t>(f)].stats.copied;
  }
  const auto stats = [&](int f) { return copied[static_cast<std::size_t>(f)].stats; };
  for (const int f : {22, 46}) {  // to look at: the mover over "Still", the tooltip
    render::RgbaImage image(width, height);
    image.pixels = copied[static_cast<std::size_t>(f)].pixels;
    image.flip_vertically();
    test::keep_image(image, f == 22 ? "panel_cache_mover" : "panel_cache_tooltip");
  }
  // Steady: "Still", "Sometimes", "Comes back" and "Mover" copied; "Live" drawn.
  CHECK(stats(10).copied == 4);
  CHECK(stats(10).drawn == 1);
  // "Sometimes" changes at 12 and 16: drawn there and the frame after, copied again from 18.
  CHECK(stats(12).copied == 3);
  CHECK(stats(17).copied == 3);
  CHECK(stats(18).copied == 4);
  // "Mover" over "Still" (20-25): "Still" is never taken into the layer with
  // it on top, but its copy from before is good, and "Mover" is redrawn where it went.
  CHECK(stats(20).copied == 3);
  // While "Mover" lies over "Still" it was taken into the layer there (21),
  // so the layer no longer holds "Still": drawn in full until it is alone again.
  CHECK(stats(23).copied == 2);
  CHECK(stats(29).copied == 4);
  // "Comes back" returns at 36 unchanged, but appearing it takes the focus:
  // its title bar and the one that loses the focus change, and are drawn.
  CHECK(stats(36).copied == 2);
  CHECK(stats(39).copied == 4);
  // The tooltip (44-49) is drawn over the copy of "Still", which stays copied.
  CHECK(stats(46).copied == 4);
  CHECK(copies > frames * 2);
}
