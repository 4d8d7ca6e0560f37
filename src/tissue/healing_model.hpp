#pragma once
// The skin after treatment, over days to months: acute erythema, oedema and
// crusts (E1, E3), the wound-healing phases (inflammation, proliferation,
// remodelling; collagen III then I), each stretch mark's recovery, and
// complications from what was done (PIH, infection, tram tracks, RF burns).
// Every rate is in healing_params.hpp with its source.
//
// Use: build a course for a patch and patient, apply a session (an InjuryMap
// and the care given), advance by days, apply the next session, read the
// state at any time. Advancing is exact (closed-form exponentials), so the
// state depends only on the sessions and their days, not on how the time
// between them was split; the same inputs and seed give the same outcome.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "tissue/injury_map.hpp"
#include "tissue/skin_patch.hpp"

namespace dermasim::tissue {

struct PatientProfile {
  int fitzpatrick = 2;               // I..VI as 1..6
  int age_years = 30;
  double individual_response = 1.0; // a person's own collagen response (1: typical)
};

/// RF microneedling (P6): the RF heat itself is in the injury map (per cell);
/// a session marked RF on a map without it is taken at full energy.
enum class Modality { microneedling, rf_microneedling };

/// What the aftercare and screening gave the skin.
struct CareGiven {
  bool sun_protection = true;   // A1 avoid sun and A2 sunscreen both given
  bool tanning_advised = false; // the harmful "sun is fine" instruction
  bool hygiene = true;          // A5 keep clean, hands off
  bool picking_allowed = false; // the harmful "picking is harmless"
  bool pih_precautions = false; // D7 precautions taken at screening
  // H2: the patient rolls daily at home with an unsterilised device (a derma
  // roller) from this session until seen again (HealingCourse::stop_home_rolling).
  bool home_tools = false;
};

struct SessionInput {
  std::shared_ptr<const InjuryMap> injury;
  CareGiven care;
  Modality modality = Modality::microneedling;
};

struct Complication {
  std::string kind;          // pih, infection, tram_track, rf_burn
  int session = 0;           // 1-based session that caused it
  double probability = 0.0;  // its risk at that session (1 for tram tracks: they follow from the drag)
  bool occurred = false;     // the seeded draw
  double onset_day = 0.0;    // days since the first session
  int cells = 0;             // 1 mm cells affected
  // Infection started by daily home rolling (H2): kept active until this day
  // (infinity while the rolling goes on); 0 for one that settles by itself.
  double kept_until_day = 0.0;
};

/// One stretch mark's state.
struct MarkOutcome {
  int index = 0;
  StriaType type = StriaType::rubra;
  double severity = 0.0;
  double normal_dermis_mm = 0.0;   // the surrounding skin's dermis
  double initial_dermis_mm = 0.0;  // under the mark before treatment
  double dermal_thickness_mm = 0.0;
  double new_collagen = 0.0;       // mean over the mark, fraction of baseline
  double colour_recovery = 0.0;    // 0..1 of the mark's colour contrast gone
  double dermal_fill = 0.0;        // 0..1 of the dermal deficit closed
  double texture_recovery = 0.0;   // 0..1 of the depression and wrinkling gone
  double improvement_percent = 0.0;
  int cells = 0;
};

/// The patch at one moment.
struct OutcomeState {
  double day = 0.0;             // since the first session
  int sessions = 0;
  double erythema_mean = 0.0;   // 0..1 over the treated cells
  double oedema_mean = 0.0;
  double crust_mean = 0.0;
  double collagen_index = 1.0;  // dermal collagen over the marks, 1 = before treatment
  double collagen3_share = 0.0; // of the new collagen, still type III
  double echo_density_gain = 0.0;    // ultrasound dermal density, fraction (Kenkel 2021)
  double epidermal_gain = 0.0;       // epidermal thickness, fraction (Aust 2008)
  double treated_collagen_index = 1.0;  // over every treated cell, marks or not
  std::vector<MarkOutcome> marks;
};

class HealingCourse {
 public:
  HealingCourse(std::shared_ptr<const SkinPatch> patch, PatientProfile patient, std::uint64_t seed);

  /// Applies a session now (at day()). The map must cover the patch's size.
  /// Throws std::invalid_argument otherwise.
  void apply_session(const SessionInput& session);
  /// Moves time on by `days` (>= 0).
  void advance_days(double days);
  /// The patient is seen again and stops rolling at home (H2): the barrier
  /// irritation ends and an infection the roller kept going starts to settle.
  void stop_home_rolling();
  /// Whether the patient is rolling daily at home now (a session with
  /// CareGiven::home_tools and no stop_home_rolling() since).
  bool home_rolling() const { return home_rolling_; }

  double day() const { return day_; }
  int sessions() const { return static_cast<int>(session_days_.size()); }
  const std::vector<double>& session_days() const { return session_days_; }
  const SkinPatch& patch() const { return *patch_; }
  const PatientProfile& patient() const { return patient_; }
  std::uint64_t seed() const { return seed_; }
  const std::vector<Complication>& complications() const { return complications_; }

  int nx() const { return nx_; }
  int ny() const { return ny_; }
  int cell_count() const { return nx_ * ny_; }
  /// Per 1 mm cell, 0..1 (collagen as a fraction of baseline).
  double erythema(int cell) const;
  double oedema(int cell) const;
  double crust(int cell) const;
  double bleeding(int cell) const;    // pinpoint bleeding not yet dried
  double pigment(int cell) const;     // PIH darkening
  double scar(int cell) const;        // tram-track lines
  double scar_angle_rad(int cell) const { return cells_[static_cast<std::size_t>(cell)].scar_angle_rad; }
  double new_collagen(int cell) const;
  double collagen1(int cell) const;
  bool treated(int cell) const { return cells_[static_cast<std::size_t>(cell)].treated; }

  /// Readouts now (see OutcomeState).
  OutcomeState state() const;
  /// One mark's state now.
  MarkOutcome mark_outcome(int mark_index) const;

  /// FNV-1a over the state, for determinism checks.
  std::uint64_t hash() const;

 private:
  struct Cell {
    double response = 1.0;   // collagen response factor here
    bool treated = false;
    // Wound-healing chain: inflammation -> fibroblast work -> collagen III -> I.
    double inflammation = 0.0, proliferation = 0.0, collagen3 = 0.0, collagen1 = 0.0;
    double erythema_fast = 0.0, erythema_slow = 0.0, erythema_slow_tau_days = 1.0;
    double oedema = 0.0;
    double crust_slow = 0.0, crust_fast = 0.0;
    double pigment_slow = 0.0, pigment_fast = 0.0;
    double infection_slow = 0.0, infection_fast = 0.0;
    double scar_fading = 0.0, scar_lasting = 0.0, scar_angle_rad = 0.0;
  };
  struct MarkCells {
    std::vector<int> cells;
    double initial_dermis_mm = 0.0, normal_dermis_mm = 0.0;
  };

  void draw_complications(const SessionInput& s, double mean_stimulus, double mean_heaviness,
                          std::vector<bool>& pih_cells, bool& infection);
  void add_tram_tracks(const InjuryMap& map);

  std::shared_ptr<const SkinPatch> patch_;
  PatientProfile patient_;
  std::uint64_t seed_;
  int nx_ = 0, ny_ = 0;
  double day_ = 0.0;
  std::vector<double> session_days_;
  std::vector<Cell> cells_;
  std::vector<MarkCells> marks_;
  std::vector<Complication> complications_;
  bool home_rolling_ = false;
};

/// Collagen responsiveness of a patient (age, Fitzpatrick type, their own
/// factor) and of a mark on them (type C3, severity C2).
double patient_response(const PatientProfile& p);
double mark_response(const StretchMark& m);

}  // namespace dermasim::tissue
