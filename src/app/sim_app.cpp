#include "app/sim_app.hpp"

#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>
#include <string>

#include "app/view_setup.hpp"
#include "tissue/default_case.hpp"
#include "ui/panels.hpp"

namespace dermasim::app {

SimulatorApp::SimulatorApp(render::GlWindow& window, bool install_imgui_callbacks) : window_(window) {
  patch_ = std::make_shared<const tissue::SkinPatch>(tissue::postpartum_abdomen_spec());
  // D2 (clinical.md): 1.0 mm for moderate stretch marks; a 12-needle round cartridge.
  state_.device = {1.0, physics::CartridgeKind::round_12, 100.0};
  state_.device_edit = state_.device;
  sim_ = std::make_unique<physics::Simulator>(patch_, state_.device);
  state_.limits = sim_->limits();
  set_view(scene::ViewPreset::oblique);

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
  ImGui_ImplGlfw_InitForOpenGL(window.handle(), install_imgui_callbacks);
  ImGui_ImplOpenGL3_Init("#version 450 core");
  // Software rendering (Mesa llvmpipe) draws the scene at half resolution.
  const std::string renderer = window.renderer_name();
  state_.render_scale = renderer.find("llvmpipe") != std::string::npos || renderer.find("softpipe") != std::string::npos
                            ? 0.5f
                            : 1.0f;
}

SimulatorApp::~SimulatorApp() {
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
}

void SimulatorApp::set_view(scene::ViewPreset view) {
  apply_view_settings(view, state_.view);
  // The plan view keeps a faint pen so the trainee still sees where it is.
  if (view == scene::ViewPreset::top) state_.view.pen_opacity = 0.0;
  camera_ = scene::preset_camera(view, patch_->width_mm(), patch_->height_mm(), sim_->pose().cap_center_mm);
}

StepSummary SimulatorApp::step(physics::PenInput& input, int steps) {
  StepSummary s;
  s.steps = steps;
  for (int i = 0; i < steps; ++i) {
    const physics::StepEvents& ev = sim_->step(input.next());
    for (const auto& c : ev.crossings)
      if (c.entered > tissue::Layer::stratum_corneum) ++s.crossings;
    s.cues |= ev.feedback.cues;
  }
  const physics::StepEvents& last = sim_->last_events();
  s.feedback = last.feedback;
  s.new_cues = s.cues & ~previous_cues_;
  if (steps > 0) previous_cues_ = s.cues;
  state_.telemetry = last.telemetry;
  state_.sim_time_s = sim_->time_s();
  state_.punctures = sim_->grid().total_punctures();
  state_.cues_now = s.cues;
  state_.steps_last_frame = steps;
  for (int i = 0; i < physics::cue_count; ++i)
    if (s.cues & (1u << i)) state_.cue_seen_s[static_cast<std::size_t>(i)] = state_.wall_time_s;
  return s;
}

ui::UiActions SimulatorApp::render_frame(int width, int height) {
  state_.view.motor_on = state_.pen.motor_on;
  const scene::RenderScene& scene = extractor_.update(*sim_, state_.view);

  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGui::NewFrame();
  const ui::UiActions actions = ui::draw_ui(state_);
  ImGui::Render();

  const float scale = std::clamp(state_.render_scale, 0.25f, 1.0f);
  if (scale < 0.999f && width > 0 && height > 0) {
    const int w = std::max(16, static_cast<int>(static_cast<float>(width) * scale));
    const int h = std::max(16, static_cast<int>(static_cast<float>(height) * scale));
    if (!scene_target_ || scene_target_->width() != w || scene_target_->height() != h)
      scene_target_ = std::make_unique<render::OffscreenTarget>(w, h, 0);
    scene_target_->bind();
    renderer_.draw(scene, camera_, w, h);
    scene_target_->blit_to_default(width, height);
  } else {
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    renderer_.draw(scene, camera_, width, height);
  }
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  glViewport(0, 0, width, height);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  apply(actions);
  return actions;
}

void SimulatorApp::apply(const ui::UiActions& actions) {
  if (actions.camera_preset) set_view(*actions.camera_preset);
  if (actions.apply_device) {
    try {
      sim_->set_device(state_.device_edit);
      state_.device = state_.device_edit;
      state_.limits = physics::TechniqueLimits::for_cartridge(physics::cartridge(state_.device.cartridge));
      sim_->set_limits(state_.limits);
      state_.message.clear();
    } catch (const physics::SettingsError& e) {
      state_.message = e.what();
    }
  }
  if (actions.reset_treatment) {
    sim_->reset();
    extractor_.invalidate();
    previous_cues_ = 0;
  }
}

}  // namespace dermasim::app
