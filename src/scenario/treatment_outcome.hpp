#pragma once
// From a recorded attempt to the healing model's inputs: re-simulates the pen
// commands to collect where needles reached the dermis and where the pen
// dragged, and reads the care given from the answers. Then predicts the
// course of the trainee's planned series (S1) with the healing model.
#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

#include "physics/simulator.hpp"
#include "scenario/answers.hpp"
#include "scenario/scenario.hpp"
#include "tissue/healing_model.hpp"
#include "tissue/healing_series.hpp"

namespace dermasim::scenario {

/// Collects physics events into an injury map, step by step.
class InjuryRecorder {
 public:
  explicit InjuryRecorder(std::shared_ptr<const tissue::SkinPatch> patch);
  void observe(const physics::Simulator& sim, const physics::StepEvents& ev);
  std::shared_ptr<const tissue::InjuryMap> map() const { return map_; }

 private:
  std::shared_ptr<const tissue::SkinPatch> patch_;
  std::shared_ptr<tissue::InjuryMap> map_;
};

struct TreatedSession {
  std::shared_ptr<const tissue::SkinPatch> patch;
  tissue::PatientProfile patient;
  tissue::SessionInput session;
  tissue::SeriesPlan plan;  // the trainee's planned series (1 session when none was planned)
};

tissue::CareGiven care_given(const Answers& answers);
tissue::PatientProfile patient_profile(const Scenario& s);
/// The series the aftercare planned: count and interval (1 session without aftercare).
tissue::SeriesPlan planned_series(const Answers& answers);

/// Re-simulates `commands` with the plan's device (or `device` when given).
/// Throws std::invalid_argument when the answers hold no plan (nothing was treated).
TreatedSession treated_session(const Scenario& s, const Answers& answers, const std::vector<physics::PenCommand>& commands,
                               const physics::DeviceSettings* device = nullptr);

/// The state at each day of `days` (ascending, since the session) over the
/// planned series; `visit` also sees the course at each day (for pictures).
/// What the RF heat (P6) left in the session's injury map; all zero without RF.
struct RfReadout {
  std::uint64_t channels = 0;         // dermal channels with a coagulation zone at the tip
  double mean_energy_mj = 0.0;        // per needle
  double mean_zone_length_mm = 0.0;   // the zones' vertical extent (Manuskiatti 2016)
  double epidermal_burn_share = 0.0;  // of the heated tips, those whose zone reached the epidermis
};
RfReadout rf_readout(const tissue::InjuryMap& map);

struct OutcomeTimeline {
  RfReadout rf;
  std::vector<tissue::OutcomeState> states;
  std::vector<tissue::Complication> complications;
  tissue::SeriesPlan plan;
  std::uint64_t seed = 0;
};
OutcomeTimeline predict_outcome(const TreatedSession& t, const std::vector<double>& days, std::uint64_t seed,
                                const std::function<void(const tissue::HealingCourse&)>& visit = {});

/// The healing course's seed for a recorded attempt: its final state hash
/// names the attempt, `user_seed` (default 1) varies the draws.
inline std::uint64_t outcome_seed(std::uint64_t final_state_hash, std::uint64_t user_seed = 1) {
  return final_state_hash ^ (user_seed * 0x9e3779b97f4a7c15ull);
}

/// The days the debrief and `dermasim outcome` show by default.
inline const std::vector<double>& default_outcome_days() {
  static const std::vector<double> d{0, 1, 3, 7, 28, 84};
  return d;
}

}  // namespace dermasim::scenario
