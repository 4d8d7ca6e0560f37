// The procedure's criteria: depth, coverage and technique, from the metrics
// of the re-simulated attempt. Every number comes from scoring_rules.hpp.
#include <cmath>

#include "scenario/criteria.hpp"
#include "scenario/scoring_rules.hpp"
#include "scenario/session.hpp"

namespace dermasim::scenario::criteria {
namespace {

using tissue::Layer;
namespace sr = scoring;

std::uint64_t count(const LayerCounts& c, Layer l) { return c[static_cast<std::size_t>(l)]; }

std::string depth_guidance() {
  return "Choose the length from the severity: 0.5 mm fine lines and light scarring (D1), 1.0 mm moderate stretch "
         "marks (D2), 1.5 mm more severe stretch marks (D3); the injuries must reach the dermis to make collagen (P2).";
}

// The share of the criterion the needle setting keeps: all of it inside the
// key, less per step outside, none from depth_fail_off_key_mm on.
double setting_factor(double off_mm) {
  if (off_mm <= 1e-9) return 1.0;
  if (off_mm >= sr::depth_fail_off_key_mm - 1e-9) return 0.0;
  return std::max(0.0, 1.0 - sr::depth_share_lost_per_step * off_mm / sr::depth_step_mm);
}

}  // namespace

CriterionResult grade_depth(const Scenario& s, const PlanAnswers& plan, const ProcedureMetrics& m) {
  CriterionResult r{CriterionId::depth};
  const Range& key = s.key.needle_depth_mm;
  const double length = plan.device.needle_length_mm;
  const double off = std::max({0.0, key.lo - length, length - key.hi});
  r.evidence = {{"needle_length_mm", length}, {"key_depth_low_mm", key.lo}, {"key_depth_high_mm", key.hi}};
  // P6, D7: the RF energy is part of the setting.
  const double setting = setting_factor(off) * rf_setting_share(s, plan, r);
  const std::string fails =
      off >= sr::depth_fail_off_key_mm - 1e-9
          ? fmt(" A setting %.2f mm or more outside the range fails the depth criterion. ", sr::depth_fail_off_key_mm)
          : " ";
  if (length < key.lo - 1e-9)
    r.feedback.push_back(s.feedback_for("setting_too_shallow",
                                        fmt("The needle was set to %.2f mm, shallower than the %.2f-%.2f mm this case "
                                            "calls for.",
                                            length, key.lo, key.hi) +
                                            fails + depth_guidance()));
  else if (length > key.hi + 1e-9)
    r.feedback.push_back(s.feedback_for(
        "setting_too_deep", fmt("The needle was set to %.2f mm, deeper than the %.2f-%.2f mm this case calls for.",
                                length, key.lo, key.hi) +
                                fails +
                                "Deeper is not better: darker skin and thin striae need caution (D7), and the FDA "
                                "did not evaluate settings deeper than 1.5 mm (D6). " + depth_guidance()));
  double cartridge_penalty = 0.0;
  if (std::find(s.key.cartridges.begin(), s.key.cartridges.end(), plan.device.cartridge) == s.key.cartridges.end()) {
    cartridge_penalty = sr::wrong_cartridge_points;
    const physics::Cartridge& chosen = physics::cartridge(plan.device.cartridge);
    const bool key_rf = s.key.rf_energy_mj.has_value();
    const std::string why = chosen.rf_electrodes ? "; RF microneedling (P6) is not part of this case's plan."
                            : key_rf            ? "; this case plans RF microneedling (P6): the insulated RF needles."
                                                : "; nano tips do not reach the dermis (P2).";
    r.feedback.push_back(s.feedback_for(
        "wrong_cartridge", "The " + std::string(chosen.name) + " cartridge is not one this case accepts" + why));
  }

  // Where the marks' own tissue was injured. Under an atrophic stria the
  // dermis can be thinner than the needle (0.35-1.33 mm, Skin Res Technol
  // 2020): crossing all of it to the junction with the fat is reaching it (D3).
  const auto target = target_layers_for(s.key);
  const bool dermis_target = std::find(target.begin(), target.end(), Layer::reticular_dermis) != target.end();
  const LayerCounts& in = m.mark_punctures_by_layer;
  std::uint64_t in_target = 0;
  for (Layer l : target) in_target += count(in, l);
  if (dermis_target && std::find(target.begin(), target.end(), Layer::hypodermis) == target.end())
    in_target += count(in, Layer::hypodermis);
  const double n = static_cast<double>(std::max<std::uint64_t>(1, m.punctures_in_marks));
  const double reach = m.punctures_in_marks ? static_cast<double>(in_target) / n : 0.0;
  const double epidermal = static_cast<double>(count(in, Layer::stratum_corneum) + count(in, Layer::viable_epidermis)) / n;
  const double papillary = static_cast<double>(count(in, Layer::papillary_dermis)) / n;
  const double fat_in_marks = static_cast<double>(count(in, Layer::hypodermis)) / n;
  const std::uint64_t fat_beside =
      count(m.punctures_by_layer, Layer::hypodermis) - std::min(count(m.punctures_by_layer, Layer::hypodermis),
                                                               count(in, Layer::hypodermis));
  const double fat_beside_share =
      m.punctures ? static_cast<double>(fat_beside) / static_cast<double>(m.punctures) : 0.0;
  r.evidence.insert(r.evidence.end(), {{"depth_mm_median", m.depth_mm_median},
                                       {"depth_mm_p10", m.depth_mm_p10},
                                       {"depth_mm_p90", m.depth_mm_p90},
                                       {"punctures_in_marks", static_cast<double>(m.punctures_in_marks)},
                                       {"fraction_in_target_layers", reach},
                                       {"fraction_epidermis_only", epidermal},
                                       {"fraction_in_fat_under_marks", fat_in_marks},
                                       {"fraction_in_fat_beside_marks", fat_beside_share}});
  if (m.punctures == 0)
    r.feedback.push_back(s.feedback_for("not_reaching_dermis", "No needle broke the skin during the procedure."));
  else if (m.punctures_in_marks == 0)
    r.feedback.push_back(s.feedback_for("not_reaching_dermis",
                                        "No needle entered the skin inside a stretch mark: the marks were not treated."));
  else if (epidermal > sr::epidermal_feedback_share)
    r.feedback.push_back(s.feedback_for(
        "not_reaching_dermis",
        fmt("%.0f%% of the punctures in the marks stayed in the epidermis. Redness alone means epidermal depth; "
            "uniform pinpoint bleeding shows the papillary dermis was reached (P5). Hold the skin taut and press "
            "steadily (P4).",
            100 * epidermal)));
  else if (dermis_target && target.size() == 1 && papillary > sr::epidermal_feedback_share)
    r.feedback.push_back(s.feedback_for(
        "not_reaching_dermis",
        fmt("%.0f%% of the punctures in the marks stopped in the papillary dermis: marks this deep need the injury in "
            "the reticular dermis below it (D2, D3).",
            100 * papillary)));
  if (fat_in_marks > sr::fat_feedback_share)
    r.feedback.push_back(s.feedback_for(
        "into_fat", fmt("%.0f%% of the punctures in the marks crossed the thinned dermis under them to the fat: "
                        "under a stria the dermis can be as thin as 0.35 mm, so a length that treats the marks "
                        "reaches the junction there (D3 for severe marks). Not a mistake in itself: expect more "
                        "pinpoint bleeding (P5) and more sensation (P3), so the numbing cream matters.",
                        100 * fat_in_marks)));
  if (fat_beside_share > sr::fat_feedback_share)
    r.feedback.push_back(s.feedback_for(
        "into_fat", fmt("%.0f%% of all punctures reached the fat beside the marks, where the dermis is whole: the "
                        "setting is longer than this skin needs (D4 lengths are for extensive scarring).",
                        100 * fat_beside_share)));
  r.score = clamp100(100.0 * setting * reach - cartridge_penalty);
  return r;
}

CriterionResult grade_coverage(const Scenario& s, const ProcedureMetrics& m) {
  CriterionResult r{CriterionId::coverage};
  const CoverageKey& k = s.key.coverage;
  double sum = 0.0, worst = m.mark_fraction.empty() ? 0.0 : 1.0;
  std::string lows;
  for (std::size_t i = 0; i < m.mark_fraction.size(); ++i) {
    const double ratio = std::min(1.0, m.mark_fraction[i] / k.fraction_of_each_mark);
    sum += ratio;
    worst = std::min(worst, ratio);
    if (m.mark_fraction[i] < k.fraction_of_each_mark)
      lows += (lows.empty() ? "" : ", ") + fmt("mark %.0f: %.0f%%", static_cast<double>(i + 1), 100 * m.mark_fraction[i]);
  }
  const double mean = m.mark_fraction.empty() ? 0.0 : sum / static_cast<double>(m.mark_fraction.size());
  const double base = 100.0 * (sr::coverage_mean_weight * mean + sr::coverage_worst_weight * worst);
  double penalty = 0.0;
  const double over_mm2 = m.over_treated_cells * tissue::TissueGrid::cell_mm * tissue::TissueGrid::cell_mm;
  r.evidence = {{"coverage_fraction", m.coverage_fraction},
                {"density_per_cm2_median", m.density_per_cm2_median},
                {"target_per_cm2", k.target_per_cm2},
                {"required_fraction_of_each_mark", k.fraction_of_each_mark},
                {"worst_mark_ratio", worst},
                {"outside_fraction", m.outside_fraction},
                {"over_treated_mm2", over_mm2},
                {"uniformity_cv", m.uniformity_cv}};
  for (std::size_t i = 0; i < m.mark_fraction.size(); ++i)
    r.evidence.emplace_back("mark_" + std::to_string(i + 1) + "_fraction", m.mark_fraction[i]);
  if (!lows.empty())
    r.feedback.push_back(s.feedback_for(
        "coverage_low", fmt("Not every stretch mark reached %.0f punctures per cm2 of its own skin over %.0f%% of its "
                            "area (",
                            k.target_per_cm2, 100 * k.fraction_of_each_mark) +
                            lows + "). Needles that land beside a mark do not treat it, however close: make several "
                                   "overlapping passes along each mark in different directions (P4); 250-300 "
                                   "punctures per cm2 is the usual target."));
  if (m.outside_fraction > k.max_outside_fraction) {
    penalty += k.max_outside_fraction < 1.0
                   ? 100.0 * (m.outside_fraction - k.max_outside_fraction) / (1.0 - k.max_outside_fraction)
                   : 0.0;
    r.feedback.push_back(s.feedback_for(
        "outside_target", fmt("%.0f%% of punctures landed outside the stretch marks (up to %.0f%% is fine for "
                              "feathering the edges): treat the marks, not the whole patch.",
                              100 * m.outside_fraction, 100 * k.max_outside_fraction)));
  }
  if (over_mm2 > sr::over_treated_free_mm2) {
    penalty += std::min(sr::over_treated_points_max, sr::over_treated_points_per_mm2 * over_mm2);
    r.feedback.push_back(s.feedback_for(
        "over_treated", fmt("%.0f mm2 received more than %.0f punctures per cm2: going over one spot again and "
                            "again injures it beyond what heals cleanly (E3).",
                            over_mm2, k.max_per_cm2)));
  }
  if (m.uniformity_cv > sr::uneven_cv) {
    penalty += std::min(sr::uneven_points_max, (m.uniformity_cv - sr::uneven_cv) * sr::uneven_points_per_cv);
    r.feedback.push_back(s.feedback_for("uneven", fmt("Density over the marks was uneven (variation %.2f): keep a "
                                                      "steady speed and overlap the rows.",
                                                      m.uniformity_cv)));
  }
  r.score = clamp100(base - penalty);
  return r;
}

CriterionResult grade_technique(const Scenario& s, const PlanAnswers& plan, const ProcedureMetrics& m) {
  CriterionResult r{CriterionId::technique};
  const TechniqueKey& k = s.key.technique;
  const physics::TechniqueLimits limits = technique_limits(s, plan.device);
  r.evidence = {{"treating_s", m.treating_s},
                {"tilt_deg_mean", m.tilt_deg_mean},
                {"tilt_deg_max", m.tilt_deg_max},
                {"tilt_over_fraction", m.tilt_over_fraction},
                {"force_n_mean", m.force_n_mean},
                {"force_band_low_n", limits.force_min_n},
                {"force_band_high_n", limits.force_max_n},
                {"force_low_fraction", m.force_low_fraction},
                {"force_high_fraction", m.force_high_fraction},
                {"speed_mm_s_mean", m.speed_mm_s_mean},
                {"speed_out_fraction", m.speed_out_fraction},
                {"taut_fraction", m.taut_fraction},
                {"drag_events", m.drag_events},
                {"dwell_events", m.dwell_events},
                {"numbing_cream", plan.numbing ? 1.0 : 0.0}};
  if (m.treating_s <= 0.0) {
    r.score = 0.0;
    r.feedback.push_back("The pen never treated the skin with the motor running.");
    return r;
  }
  const double force_ok = 1.0 - m.force_low_fraction - m.force_high_fraction;
  double score = 100.0 * (sr::tilt_share * (1.0 - m.tilt_over_fraction) + sr::force_share * force_ok +
                          sr::speed_share * (1.0 - m.speed_out_fraction) + sr::taut_share * m.taut_fraction);
  score -= std::min(sr::drag_points_max, sr::drag_points_each * m.drag_events) +
           std::min(sr::dwell_points_max, sr::dwell_points_each * m.dwell_events);
  if (k.numbing_required && !plan.numbing) {
    score -= sr::no_numbing_points;
    r.feedback.push_back(s.feedback_for(
        "no_numbing", "The plan left out the topical numbing cream, which is applied before treatment (P3). Even with "
                      "it patients feel a light pinching, and rated the pain about 5 out of 10 in a striae trial (P3): "
                      "without it a patient may flinch or stop the session."));
  }
  if (m.tilt_over_fraction > sr::technique_feedback_share)
    r.feedback.push_back(s.feedback_for(
        "tilt", fmt("The pen leaned more than %.0f degrees for %.0f%% of the treatment (up to %.0f). Hold it at 90 "
                    "degrees to the skin (P4): tilt makes the depth uneven and drags the needles.",
                    k.tilt_max_deg, 100 * m.tilt_over_fraction, m.tilt_deg_max)));
  if (m.force_low_fraction > sr::technique_feedback_share)
    r.feedback.push_back(s.feedback_for(
        "force_low", fmt("The pressing force was under %.1f N for %.0f%% of the treatment: the skin tents and the "
                         "needles do not reach their depth.",
                         limits.force_min_n, 100 * m.force_low_fraction)));
  if (m.force_high_fraction > sr::technique_feedback_share)
    r.feedback.push_back(s.feedback_for(
        "force_high", fmt("The pressing force was over %.1f N for %.0f%% of the treatment: too much pressure risks "
                          "tram-track scarring (E3).",
                          limits.force_max_n, 100 * m.force_high_fraction)));
  if (m.speed_out_fraction > sr::speed_feedback_share)
    r.feedback.push_back(s.feedback_for(
        "speed", fmt("The glide speed was outside %.0f-%.0f mm/s for %.0f%% of the treatment",
                     k.speed_mm_s.lo, k.speed_mm_s.hi, 100 * m.speed_out_fraction) +
                     fmt(" (mean %.1f mm/s): too fast drags the needles, too slow piles punctures on one spot.",
                         m.speed_mm_s_mean)));
  if (m.taut_fraction < sr::taut_feedback_share)
    r.feedback.push_back(s.feedback_for(
        "lax_skin", fmt("The skin was held taut only %.0f%% of the time. Stretch it with the free hand (P4): lax "
                        "skin yields under the needles, so they go in less deep and less evenly.",
                        100 * m.taut_fraction)));
  if (m.drag_events > 0)
    r.feedback.push_back(s.feedback_for(
        "drag", fmt("The needles were dragged through the skin %.0f times: moving sideways with needles inserted "
                    "tears tram-track lines (E3). Glide slowly so each stamp lands and lifts.",
                    m.drag_events)));
  if (m.dwell_events > 0)
    r.feedback.push_back(s.feedback_for(
        "dwell", fmt("The pen stayed on one spot %.0f times: dwelling over-treats it. Keep moving.", m.dwell_events)));
  r.score = clamp100(score);
  return r;
}

}  // namespace dermasim::scenario::criteria
