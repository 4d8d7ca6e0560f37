// The RF part of the depth criterion (P6): the energy per needle is a plan
// setting like the needle length. Too little heat is plain microneedling
// without P6's extra collagen; too much in darker skin raises PIH (D7), the
// healing model's rf_pih_onset_mj, whatever the case's key allows.
#include <algorithm>

#include "scenario/criteria.hpp"
#include "scenario/scoring_rules.hpp"
#include "tissue/healing_params.hpp"

namespace dermasim::scenario::criteria {
namespace {

namespace sr = scoring;
namespace h = tissue::healing;

double rf_factor(double off_mj) {
  if (off_mj <= 1e-9) return 1.0;
  if (off_mj >= sr::rf_fail_off_key_mj - 1e-9) return 0.0;
  return std::max(0.0, 1.0 - sr::rf_share_lost_per_step * off_mj / sr::rf_energy_step_mj);
}

}  // namespace

double rf_setting_share(const Scenario& s, const PlanAnswers& plan, CriterionResult& r) {
  const double energy = plan.device.rf_energy_mj;
  const bool dark = s.patient.fitzpatrick >= h::rf_pih_min_fitzpatrick;
  const std::optional<Range>& key = s.key.rf_energy_mj;
  // D7: in Fitzpatrick IV-VI skin the energy from which PIH rises caps any key.
  double hi = key ? key->hi : physics::DeviceSettings::max_rf_energy_mj;
  if (dark) hi = std::min(hi, h::rf_pih_onset_mj);
  const double lo = key ? std::min(key->lo, hi) : 0.0;
  if (!key && energy <= 0.0) return 1.0;  // neither planned nor used
  r.evidence.insert(r.evidence.end(), {{"rf_energy_mj", energy}, {"key_rf_energy_low_mj", lo},
                                       {"key_rf_energy_high_mj", hi}});
  const double off = std::max({0.0, lo - energy, energy - hi});
  const std::string fails =
      off >= sr::rf_fail_off_key_mj - 1e-9
          ? fmt(" An energy %.0f mJ or more outside the range fails the depth criterion.", sr::rf_fail_off_key_mj)
          : "";
  if (energy > hi + 1e-9) {
    const std::string why =
        dark ? fmt(" On Fitzpatrick %.0f skin the heat at the tips is a risk of post-inflammatory "
                   "hyperpigmentation and burns (D7): the published series at 50-62 mJ treated types III-IV, and "
                   "from %.0f mJ the risk rises; RF microneedling's extra collagen (P6) comes at a lower energy.",
                   static_cast<double>(s.patient.fitzpatrick), h::rf_pih_onset_mj)
             : std::string(" More heat is not more collagen: it coagulates more dermis and risks burns (P6).");
    r.feedback.push_back(s.feedback_for(
        "rf_energy_too_high",
        fmt("The RF energy was set to %.0f mJ per needle, above the %.0f mJ this patient allows.", energy, hi) +
            why + fails));
  } else if (energy < lo - 1e-9) {
    r.feedback.push_back(s.feedback_for(
        "rf_energy_too_low",
        fmt("The RF energy was set to %.0f mJ per needle, below the %.0f-%.0f mJ this case plans:", energy, lo, hi) +
            std::string(" without the heat at the tips it is plain microneedling, without the tightening and the "
                        "extra collagen RF microneedling adds (P6).") +
            fails));
  }
  return rf_factor(off);
}

}  // namespace dermasim::scenario::criteria
