#pragma once
// A home roller rolled over the skin by hand (H1-H2; Doddaballapur 2009):
// the hand's path for a number of passes, and what the needles did.
#include <memory>
#include <vector>

#include "physics/events.hpp"
#include "physics/pen_command.hpp"
#include "tissue/skin_patch.hpp"

namespace dermasim::physics {

/// How the patient (or a trainee showing her) rolls it.
struct RollerTechnique {
  double needle_length_mm = 0.5;  // home rollers are sold at 0.2-0.5 mm
  double force_n = 5.0;           // pressed on the handle
  bool skin_taut = true;          // the free hand stretches the skin
  double speed_mm_s = 40.0;       // rolling
  int passes = 15;                // Doddaballapur 2009: about 250 holes/cm2 after 15
  double center_x_mm = 60.0, center_y_mm = 40.0;
  double pass_length_mm = 40.0;   // each pass runs this far through the centre

  static constexpr int most_passes = 60;
  static constexpr double most_force_n = 15.0;
};

/// One pass after another through the centre, turning between them
/// horizontal, vertical and the two diagonals in turn, as the paper rolls
/// (each way in turn). Between passes the roller lifts and moves to the next
/// start; it lands moving, so the drum already rolls the pass's way.
std::vector<PenCommand> roller_path(const RollerTechnique& technique);

/// Passes over a whole rectangle, as a patient rolls a treated area: in each
/// of the four directions in turn, stripes a drum's width apart across the
/// rectangle, each rolled `passes_per_stripe` times back and forth, so every
/// point gets about 4 x passes_per_stripe passes (4: 16, the paper's 15
/// rounded to four directions). `technique`'s centre and pass count are not used.
std::vector<PenCommand> roller_area_path(const RollerTechnique& technique, double x0_mm, double y0_mm, double x1_mm,
                                         double y1_mm, int passes_per_stripe = 4);

/// What the needles left, counted in a circle round the centre that every
/// pass covers (narrower than the drum).
struct RollerResult {
  std::vector<PunctureEvent> punctures;   // all of them
  static constexpr double count_radius_mm = 7.0;
  int holes_in_circle = 0;
  double holes_per_cm2 = 0.0;
  double mean_depth_mm = 0.0;             // vertical, of the holes in the circle
  double deepest_mm = 0.0;
  tissue::Layer deepest_layer = tissue::Layer::none;
  double mean_channel_angle_deg = 0.0;    // of the needle from the surface normal as it left
  // Holes per cm2 in the 3 mm x 3 mm squares inside the circle: their spread
  // (standard deviation over mean) is how uneven a hand's rolling leaves them.
  double density_cv = 0.0;
};

/// Rolls a `technique.needle_length_mm` home roller over `patch` (throws
/// SettingsError when the length is not one a home roller has).
RollerResult roll(std::shared_ptr<const tissue::SkinPatch> patch, const RollerTechnique& technique);

}  // namespace dermasim::physics
