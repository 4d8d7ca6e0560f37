#pragma once
// Every rate and constant of the healing model, in one place, each with its
// source or the reason for its value. Figures quoted as "calibrated" were set
// so that `dermasim validate outcomes` lands on the published figure named;
// the README lists which rows are calibrations and which are consequences.
namespace dermasim::tissue::healing {

// --- Injury: what counts as a dermal wound -------------------------------
// P2: injuries must reach the dermis to induce collagen. A tip that ends in
// the first 0.1 mm below the dermo-epidermal junction only nicks the top of the
// papillary dermis; D1 puts the shortest length with any dermal effect at
// 0.5 mm, so needles of 0.25 mm must induce nothing. Model choice.
inline constexpr double dermal_track_threshold_mm = 0.10;
// Deeper wounds reach more of the dermis where striae are atrophic (D2-D3
// choose 1.0-1.5 mm for moderate to severe marks; H1: shallower home devices
// do less). The depth term saturates as 1 - exp(-track / this): 1.5 mm
// settings reach about 90% of the full effect. Model choice.
inline constexpr double dermal_track_reference_mm = 0.40;
// Density term, 1 - exp(-n / this) over dermal punctures per cm2: the PRIME
// target of 250 punctures per cm2 (docs/SOURCES.md) gives 86% of the full
// effect; denser treatment adds inflammation but little collagen.
inline constexpr double dermal_density_reference_per_cm2 = 125.0;
// Above this density a session counts as heavy treatment (longer erythema and
// oedema, E3; more PIH risk). It is the scenario default for over-treatment
// (about five brisk passes of a 12-pin pen).
inline constexpr double heavy_density_per_cm2 = 12000.0;

// --- Acute response (E1, E3) --------------------------------------------
// E1: redness fades within hours (the fast, epidermal part uses the tissue
// grid's 2 h time constant); E3: erythema can last up to 7 days after heavy
// treatment, carried by a slow, dermal-inflammation part.
inline constexpr double erythema_slow_share_per_stimulus = 0.30;
inline constexpr double erythema_slow_share_heavy = 0.35;
inline constexpr double erythema_slow_time_constant_days = 1.2;
inline constexpr double erythema_slow_heavy_extra_days = 3.0;  // 4.2 d at full heaviness: visible at day 7
// E1: swelling for a day or two.
inline constexpr double oedema_per_stimulus = 0.6;
inline constexpr double oedema_time_constant_days = 0.8;
// Pinpoint bleeding (P5) dries to crusts within hours that shed in a few days.
inline constexpr double crust_forming_days = 0.2;
inline constexpr double crust_shedding_days = 2.5;

// --- Wound-healing phases (inflammation, proliferation, remodelling) ------
// Inflammation days 0-3 (time constant 1.5 d: 86% resolved by day 3).
inline constexpr double inflammation_time_constant_days = 1.5;
// Proliferation from about day 5 to 8 weeks: fibroblasts lay down collagen III
// with a 21 d time constant (72% by day 28, 98% by day 84: S3's "full results
// about 3 months after").
inline constexpr double proliferation_time_constant_days = 21.0;
// Remodelling 8 weeks to about a year: collagen III replaced by collagen I
// (time constant 120 d: 95% replaced one year after a session).
inline constexpr double remodelling_time_constant_days = 120.0;
// New collagen one session lays down at full stimulus, as a fraction of the
// baseline dermal collagen. Calibrated: Lotfi 2013, papillary collagen +53%
// after 5 monthly sessions.
inline constexpr double collagen_gain_per_session = 0.263;

// --- Series timing (S1) ----------------------------------------------------
// S1: sessions 4-6 weeks apart "allow the skin time to heal"; a session into
// skin still healing answers less: the stimulus is scaled by 1 - exp(-gap/10 d)
// (0.50 at one week, 0.94 at four weeks, 0.985 at six). Model choice.
inline constexpr double recovery_time_constant_days = 10.0;
// Re-wounding dermis in its proliferative phase breaks part of the matrix
// being laid down: this share of the pending fibroblast work, scaled by how
// unhealed the skin is, is lost. Model choice.
inline constexpr double early_rewound_matrix_loss = 0.5;

// --- Patient and mark responsiveness --------------------------------------
// C3: striae rubra respond better than alba (Mohamed Ali 2017); the ratio is a
// model choice that keeps alba clearly behind.
inline constexpr double alba_response = 0.80;
// C2: deep, dark marks may not improve much: responsiveness is full up to a
// moderate severity (dermal thinning) and falls smoothly to a floor for the
// most atrophic marks. Model choice.
inline constexpr double severity_response_onset = 0.35;
inline constexpr double severity_response_full_loss = 0.85;
inline constexpr double severity_response_floor = 0.15;
// D7: lighter skin tends to respond better (seed-000): 3% less per type above I.
inline constexpr double response_loss_per_fitzpatrick = 0.03;
// Fibroblast collagen synthesis falls with age: 0.8% a year from 35, clamped.
// Model choice (no figure in the references).
inline constexpr double response_reference_age_years = 35.0;
inline constexpr double response_loss_per_year = 0.008;
inline constexpr double response_age_min = 0.75, response_age_max = 1.12;
// P6: RF microneedling induces more collagen than standard microneedling:
// the coagulation zone at each tip is replaced by new collagen within about
// ten weeks (Hantash et al. 2009), on top of the needle's own wound. The
// published record gives no ratio over standard microneedling; 30% more at
// the generator's full energy, in proportion to the heat the cell's channels
// carried (InjuryMap::rf_heat_share), is a model choice that keeps P6's sign.
inline constexpr double rf_collagen_extra_at_full_energy = 0.30;

// --- Readouts ----------------------------------------------------------------
// New collagen adds dermal volume: this many mm of dermis per mm of dermis
// and unit collagen gain (a collagen index of 2 nearly doubles the dermis
// under a mark). Model choice.
inline constexpr double dermal_volume_per_collagen = 0.9;
// Kenkel 2021 reports ultrasound echo density, not collagen content: mature
// collagen I is echogenic, collagen III half as much. The factor is
// calibrated on Kenkel's +102% (4 monthly sessions, 3 months after): that row
// is a calibration check, not an independent validation.
inline constexpr double echo_density_per_collagen1 = 2.02;
inline constexpr double echo_density_collagen3_share = 0.5;
// Aust 2008 (480 patients): epidermis about 40% thicker one year after
// treatment. Epidermal thickening follows the dermal response (growth factors
// of the same wounds): calibrated.
inline constexpr double epidermal_gain_per_collagen = 0.615;
// Rubra colour fades as the inflamed vessels remodel, faster than the dermis
// fills: 1 - exp(-new collagen / this), slower for deep, dark marks
// (severity_slowing). Calibrated with the S4 and Alster & Li rows.
inline constexpr double rubra_colour_collagen_scale = 0.10;
// Deeper marks need more new collagen for the same visible change (C2): the
// colour and texture scales grow by this factor times the severity.
inline constexpr double severity_slowing = 2.0;
// The fine wrinkling and sheen of a mark smooth as new collagen matures (type
// I) in the upper dermis, before the full dermal deficit can close: texture
// recovers as 1 - exp(-collagen I / this). Calibrated with the S4 and Alster
// & Li rows.
inline constexpr double texture_collagen1_scale = 0.08;
// Alba pallor (melanocyte loss) repigments little: at most 30% of the dermal
// fill. Model choice.
inline constexpr double alba_colour_recovery_share = 0.30;
// How a mark's visibility splits between colour, dermal depth and surface
// texture. Rubra is seen by its colour; alba by its depression and wrinkling.
// Model choices, set with the S4 and Alster & Li rows.
struct VisibilityWeights {
  double colour, dermis, texture;
};
inline constexpr VisibilityWeights rubra_visibility{0.45, 0.15, 0.40};
inline constexpr VisibilityWeights alba_visibility{0.15, 0.25, 0.60};
// S4: "noticed improvement" read as at least the first grade of the quartile
// improvement scale used for striae (25%).
inline constexpr double noticeable_improvement_percent = 25.0;

// --- Complications (D7, E2, E3, H2) ---------------------------------------
// PIH after one session, logistic in the risk factors. The intercept is
// calibrated on 21.9% in a striae alba series (Arch Dermatol Res 2023, D7) for
// Fitzpatrick III-V patients with full aftercare; odds x1.9 per type (D7: darker
// skin needs more caution), x2.5 without sun protection (A1-A2: UV drives
// melanin in inflamed skin), x0.55 with PIH precautions, x3 at full heaviness.
inline constexpr double pih_logit_intercept = -4.4;
inline constexpr double pih_log_odds_per_fitzpatrick = 0.64;   // ln 1.9
inline constexpr double pih_reference_fitzpatrick = 4.0;
inline constexpr double pih_log_odds_no_sun_protection = 0.92;  // ln 2.5
inline constexpr double pih_log_odds_precautions = -0.60;       // ln 0.55
inline constexpr double pih_log_odds_heavy = 1.10;              // ln 3
inline constexpr double pih_log_odds_per_stimulus = 1.6;        // deeper, denser injury (D7)
inline constexpr double pih_onset_days = 10.0;
inline constexpr double pih_fading_days = 120.0;  // E2: colour change should resolve
inline constexpr double pih_darkening = 0.45;
// RF heat (P6) in darker skin (D7). Yeung et al. 2012 treated Fitzpatrick
// III-IV skin at 50-62 mJ per needle and saw PIH after 6.5% of sessions; no
// series gives a safe energy above that band's floor for types IV-VI, so from
// it the odds rise with every mJ for Fitzpatrick IV and darker. The slope is
// calibrated so that a III-IV mix at the band's middle (56 mJ) reproduces the
// 6.5% (tests/test_rf_microneedling.cpp).
inline constexpr double rf_pih_onset_mj = 50.0;
inline constexpr int rf_pih_min_fitzpatrick = 4;
inline constexpr double rf_pih_log_odds_per_mj = 0.115;
// A coagulation zone that reaches up into the epidermis burns it (the
// insulation spares it only while the zone lies below it, Cohen et al.
// 2016): epidermal injury is what darkens (D7, E2). Odds x3 when every heated
// tip burned, as for full heaviness; visible pinpoint burns (a complication)
// once one heated tip in ten did. Model choices.
inline constexpr double rf_pih_log_odds_burn = 1.10;  // ln 3
inline constexpr double rf_burn_visible_share = 0.10;
// E2: infection is rare with hygiene; 0.5% per session is a model choice,
// x10 when hygiene instructions were missing, x3 when picking was allowed,
// x10 with unsterilised home tools (H2).
// The home-tools factor is for a patient who rolls daily at home with a
// roller that is not sterilised between uses (H2 "infection when tools are
// not sterilised", E2 "infection (poor hygiene)"): every day's rolling opens
// fresh channels with a contaminated drum, at least as bad as having no
// hygiene instructions at all, so it takes the same x10 as missing hygiene
// and more than picking (x3), which only reopens crusts by hand. Model
// choice within the published facts (no series gives a rate).
inline constexpr double infection_base_risk = 0.005;
inline constexpr double infection_no_hygiene_factor = 10.0;
inline constexpr double infection_picking_factor = 3.0;
inline constexpr double infection_home_tools_factor = 10.0;
inline constexpr double infection_onset_days = 3.0;
inline constexpr double infection_resolving_days = 4.0;
// Daily home rolling between visits (H2, issue 14's `home_roller:` lapse).
// Barrier irritation: "overuse damages the skin barrier" (H2). E1's redness
// from one session fades within hours, so a roller used every day keeps a
// standing redness over the treated skin for as long as the rolling goes on
// (HealingCourse::stop_home_rolling ends it when the patient is next seen).
// 0.15 on the 0..1 erythema scale (visible, well below a fresh session's
// redness) is a model choice; it is added to the treated cells, never to the
// collagen chain.
inline constexpr double home_roller_irritation_erythema = 0.15;
// H1: home devices are less powerful and reach less depth. The daily rolling
// adds no collagen stimulus of its own (0.25-0.5 mm needles end at or just
// under the dermo-epidermal junction: dermal_track_threshold_mm, D1): only the
// clinic session's injury map feeds the wound-healing chain, so there is no
// home-roller collagen constant. An infection the roller starts is not left
// to settle: the patient keeps rolling over it (H2), so it stays active until
// the rolling stops (Complication::kept_until_day). Model choice.
// E3: tram-track lines where dragging clustered. A 1 mm cell dragged over for
// this long, in a run of at least this many cells, scars; scars fade to 40%.
inline constexpr double tram_track_drag_s = 0.08;
inline constexpr int tram_track_min_cells = 4;
inline constexpr double tram_track_lasting_share = 0.4;
inline constexpr double tram_track_fading_days = 180.0;

}  // namespace dermasim::tissue::healing
