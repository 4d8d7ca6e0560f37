#include "app/imgui_layer.hpp"

#include "app/panel_cost.hpp"

#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <string>

namespace dermasim::app {

ImGuiLayer::ImGuiLayer(render::GlWindow& window, bool install_callbacks) {
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;  // panels open where the code puts them
  ImGui::StyleColorsDark();
  ImGuiStyle& style = ImGui::GetStyle();
  style.WindowRounding = 4.0f;
  style.FrameRounding = 3.0f;
  // Opaque panels: blending full-resolution panels over the scene costs
  // milliseconds a frame in software rendering.
  style.Colors[ImGuiCol_WindowBg].w = 1.0f;
  ImGui_ImplGlfw_InitForOpenGL(window.handle(), install_callbacks);
  ImGui_ImplOpenGL3_Init("#version 450 core");
  const std::string renderer = window.renderer_name();
  software_gl_ = renderer.find("llvmpipe") != std::string::npos || renderer.find("softpipe") != std::string::npos;
  if (software_gl_) {
    // A software rasteriser pays per triangle, and anti-aliased fringes and
    // rounded corners nearly double the panels' triangles: square, unsmoothed
    // panels saved 1.7 ms of a 12.8 ms frame (bench render, five paired runs).
    style.AntiAliasedFill = false;
    style.AntiAliasedLines = false;
    style.WindowRounding = style.FrameRounding = style.GrabRounding = style.ScrollbarRounding = 0.0f;
  }
}

ImGuiLayer::~ImGuiLayer() {
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
}

void ImGuiLayer::new_frame() {
  ImGui_ImplOpenGL3_NewFrame();
  sample_panel_font_nearest();  // after the backend creates the font texture
  ImGui_ImplGlfw_NewFrame();
  ImGui::NewFrame();
}

void ImGuiLayer::render() {
  ImDrawData* draw_data = ImGui::GetDrawData();
  const bool software = software_gl_ && draw_data;
  const bool cache = software && panel_cache_on_;
  // Compared before anything edits the lists; the backgrounds then leave
  // out what the copies cover (none while the cache is off).
  if (cache) {
    panel_cache_.compare(*draw_data);
    panel_cache_.substitute(*draw_data);
  }
  if (software) backgrounds_.replace(*draw_data, panel_cache_.copied());
  ImGui_ImplOpenGL3_RenderDrawData(draw_data);
  if (cache) panel_cache_.capture();
}

void ImGuiLayer::set_panel_cache(bool on) {
  panel_cache_on_ = on;
  panel_cache_.clear();
}

}  // namespace dermasim::app
