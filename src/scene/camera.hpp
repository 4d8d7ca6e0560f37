#pragma once
// Orbit camera over the patch (headless math, so picking and presets are
// testable without a window). World frame: patch mm, z up.
#include <optional>
#include <string_view>

#include <glm/mat4x4.hpp>
#include <glm/vec3.hpp>

namespace dermasim::scene {

enum class ViewPreset { top, oblique, cutaway };
std::optional<ViewPreset> parse_view(std::string_view name);
std::string_view view_name(ViewPreset view);

struct OrbitCamera {
  glm::dvec3 target_mm{60.0, 40.0, 0.0};
  double yaw_deg = -90.0;   // azimuth of the eye around the target, from +x
  double pitch_deg = 40.0;  // elevation of the eye above the patch plane
  double distance_mm = 180.0;
  double fov_y_deg = 35.0;

  static constexpr double min_distance_mm = 15.0;
  static constexpr double max_distance_mm = 800.0;
  static constexpr double min_pitch_deg = -5.0;
  static constexpr double max_pitch_deg = 89.9;

  glm::dvec3 eye_mm() const;
  glm::dmat4 view() const;
  glm::dmat4 projection(double aspect) const;

  void orbit(double d_yaw_deg, double d_pitch_deg);
  /// Moves the target in the view plane by a fraction of the visible height.
  void pan(double dx_fraction, double dy_fraction);
  /// factor < 1 moves closer.
  void zoom(double factor);

  /// Where the ray through a pixel meets the plane z = `plane_z_mm`, if it does.
  std::optional<glm::dvec3> pick_plane(double px, double py, double width, double height, double plane_z_mm = 0.0) const;
};

/// The preset framing of a patch of `width_mm` x `height_mm`. The cutaway view
/// frames `focus_mm` (usually the pen) from the side of the cut.
OrbitCamera preset_camera(ViewPreset view, double width_mm, double height_mm, const glm::dvec3& focus_mm);

}  // namespace dermasim::scene
