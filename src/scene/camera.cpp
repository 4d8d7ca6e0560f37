#include "scene/camera.hpp"

#include <algorithm>
#include <cmath>

#include <glm/gtc/matrix_transform.hpp>

namespace dermasim::scene {

std::optional<ViewPreset> parse_view(std::string_view name) {
  if (name == "top") return ViewPreset::top;
  if (name == "oblique") return ViewPreset::oblique;
  if (name == "cutaway") return ViewPreset::cutaway;
  return std::nullopt;
}

std::string_view view_name(ViewPreset view) {
  switch (view) {
    case ViewPreset::top: return "top";
    case ViewPreset::oblique: return "oblique";
    case ViewPreset::cutaway: return "cutaway";
  }
  return "?";
}

glm::dvec3 OrbitCamera::eye_mm() const {
  const double yaw = glm::radians(yaw_deg), pitch = glm::radians(pitch_deg);
  return target_mm + distance_mm * glm::dvec3(std::cos(pitch) * std::cos(yaw), std::cos(pitch) * std::sin(yaw),
                                              std::sin(pitch));
}

glm::dmat4 OrbitCamera::view() const {
  // Looking straight down, +y of the patch is up on screen.
  const glm::dvec3 up = pitch_deg > 89.0 ? glm::dvec3(0, 1, 0) : glm::dvec3(0, 0, 1);
  return glm::lookAt(eye_mm(), target_mm, up);
}

glm::dmat4 OrbitCamera::projection(double aspect) const {
  const double near_mm = std::max(1.0, distance_mm * 0.05);
  return glm::perspective(glm::radians(fov_y_deg), aspect, near_mm, distance_mm * 4.0 + 500.0);
}

void OrbitCamera::orbit(double d_yaw_deg, double d_pitch_deg) {
  yaw_deg = std::fmod(yaw_deg + d_yaw_deg, 360.0);
  pitch_deg = std::clamp(pitch_deg + d_pitch_deg, min_pitch_deg, max_pitch_deg);
}

void OrbitCamera::pan(double dx_fraction, double dy_fraction) {
  const glm::dmat4 v = view();
  const glm::dvec3 right(v[0][0], v[1][0], v[2][0]);
  const glm::dvec3 up(v[0][1], v[1][1], v[2][1]);
  const double visible_mm = 2.0 * distance_mm * std::tan(glm::radians(fov_y_deg) * 0.5);
  target_mm += (-dx_fraction * right + dy_fraction * up) * visible_mm;
}

void OrbitCamera::zoom(double factor) {
  distance_mm = std::clamp(distance_mm * factor, min_distance_mm, max_distance_mm);
}

std::optional<glm::dvec3> OrbitCamera::pick_plane(double px, double py, double width, double height,
                                                  double plane_z_mm) const {
  if (width <= 0 || height <= 0) return std::nullopt;
  const glm::dmat4 inv = glm::inverse(projection(width / height) * view());
  const double nx = 2.0 * px / width - 1.0, ny = 1.0 - 2.0 * py / height;
  glm::dvec4 a = inv * glm::dvec4(nx, ny, -1.0, 1.0), b = inv * glm::dvec4(nx, ny, 1.0, 1.0);
  const glm::dvec3 p0 = glm::dvec3(a) / a.w, p1 = glm::dvec3(b) / b.w;
  const glm::dvec3 dir = p1 - p0;
  if (std::abs(dir.z) < 1e-12) return std::nullopt;
  const double t = (plane_z_mm - p0.z) / dir.z;
  if (t < 0.0) return std::nullopt;
  return p0 + t * dir;
}

OrbitCamera preset_camera(ViewPreset view, double width_mm, double height_mm, const glm::dvec3& focus_mm) {
  OrbitCamera c;
  const double size = std::max(width_mm, height_mm);
  c.target_mm = {width_mm * 0.5, height_mm * 0.5, 0.0};
  switch (view) {
    case ViewPreset::top:
      c.yaw_deg = -90.0;
      c.pitch_deg = OrbitCamera::max_pitch_deg;
      // Far and narrow: close to an orthographic plan view.
      c.fov_y_deg = 14.0;
      c.distance_mm = size * 3.9;
      break;
    case ViewPreset::oblique:
      c.yaw_deg = -120.0;
      c.pitch_deg = 38.0;
      c.distance_mm = size * 1.65;
      c.target_mm.z = -8.0;
      break;
    case ViewPreset::cutaway:
      // From the removed (-y) side, slightly above, close to the pen.
      c.target_mm = {focus_mm.x, focus_mm.y, -3.0};
      c.yaw_deg = -98.0;
      c.pitch_deg = 14.0;
      c.distance_mm = 42.0;
      break;
  }
  return c;
}

}  // namespace dermasim::scene
