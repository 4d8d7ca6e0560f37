#pragma once
// Skin is not uniform under a needle array: follicles, glands and the
// direction of the collagen bundles change how much the surface yields (whole
// skin is about twice as stiff along Langer's lines as across them,
// docs/SOURCES.md). A smooth, deterministic field gives each point of a
// patch its own surface stiffness, so punctures of one stroke end at
// different depths, and the same recording always gives the same ones.
namespace dermasim::tissue {

/// Spacing of the field's lattice: about the pitch of hair follicles on the
/// trunk (0.5-2 mm apart), so neighbouring needles of a cartridge differ.
inline constexpr double stiffness_field_spacing_mm = 1.5;
/// Largest relative change of the surface stiffness (+/-). Chosen so that on
/// uniform skin the spread of depths stays inside a pen's stated depth
/// tolerance of +/-0.15 mm (Exceed, FDA K182407; D6).
inline constexpr double stiffness_field_amplitude = 0.15;

/// The surface stiffness at a patch point relative to the site's mean:
/// 1 +/- stiffness_field_amplitude, smooth in x and y.
double local_stiffness_factor(double x_mm, double y_mm);

}  // namespace dermasim::tissue
