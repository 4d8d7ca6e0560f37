#pragma once
// How the skin yields under the pen, as a displacement field for drawing: the
// cap presses the surface down (the physics' cap indentation), and around each
// needle that is tenting or inserted the surface dips by that needle's tent
// (Okamura's surface deflection). Headless and pure, so the extractor, the
// renderer and the tests share one definition.
#include <vector>

namespace dermasim::scene {

struct SkinDeformation {
  struct Tent {
    double x_mm = 0.0, y_mm = 0.0;  // where the needle meets the skin
    double tent_mm = 0.0;           // surface deflection under it, down
  };
  // Outside the cap face the surface rises back to the flat skin over this
  // share of the cap's radius: the dip is about the cap's size, as the soft
  // tissue around a pressed disc slopes back up within about its radius.
  static constexpr double rim_per_cap_radius = 1.0;
  // A needle's tent reaches this far: pen needles sit 0.6-1.4 mm apart, so
  // neighbouring tents meet, as the surface under an array sags as one.
  static constexpr double tent_radius_mm = 0.75;

  bool active = false;             // false: nothing is displaced
  double cap_x_mm = 0.0, cap_y_mm = 0.0;
  double cap_indent_mm = 0.0;      // how far the cap face pressed the surface down
  double cap_radius_mm = 4.0;
  std::vector<Tent> tents;
  // The square (patch mm) outside which nothing moves.
  double min_x_mm = 0.0, min_y_mm = 0.0, max_x_mm = 0.0, max_y_mm = 0.0;

  /// Recomputes `active` and the bounds from the cap and the tents.
  void finish();
  bool touches(double x_mm, double y_mm) const {
    return active && x_mm >= min_x_mm && x_mm <= max_x_mm && y_mm >= min_y_mm && y_mm <= max_y_mm;
  }
};

/// The surface's vertical displacement at a point, mm, negative down: the
/// cap's flat-bottomed dip, and each tent's dip where it goes deeper (tents of
/// neighbouring needles do not add: the surface under them sags once).
double surface_shift_z_mm(const SkinDeformation& d, double x_mm, double y_mm);

/// The displacement of tissue `depth_mm` below the surface (true scale) where
/// the surface moved by `surface_shift_mm`. Epidermis and dermis are far
/// stiffer than fat, so they move down with the surface as a plate and the fat
/// under them takes the compression (the physics' cap reaction is soft-tissue
/// compression): the shift falls linearly through the fat, from the whole
/// surface shift at its top to nothing at its bottom, on the fascia.
double tissue_shift_z_mm(double surface_shift_mm, double depth_mm, double fat_top_mm, double fat_bottom_mm);

}  // namespace dermasim::scene
