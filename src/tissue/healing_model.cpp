#include "tissue/healing_model.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "tissue/healing_params.hpp"
#include "tissue/seeded_random.hpp"

namespace dermasim::tissue {
namespace h = healing;
namespace {

constexpr double seconds_per_day = 86400.0;
constexpr double erythema_fast_tau_days = TissueGrid::erythema_time_constant_s / seconds_per_day;
// Infection, when it happens, rises over a day or two and resolves over about
// a week with care (E2). Model choice for the display.
constexpr double infection_rise_days = 1.5;
constexpr double infection_resolve_days = 5.0;
constexpr double infection_level = 0.9;
// Pinpoint bleeding (P5) saturates at this many dermal punctures per cm2.
constexpr double bleeding_reference_per_cm2 = 250.0;

double decay(double days, double tau_days) { return std::exp(-days / tau_days); }

// Exact advance of the linear chain inflammation -> fibroblast work ->
// collagen III -> collagen I over a step (Bateman's solution; the three rates
// differ). The coefficients depend only on the step, so they are computed once.
struct ChainStep {
  double ei, ep, e3, ip, i3, p3;
  explicit ChainStep(double days) {
    const double ki = 1.0 / h::inflammation_time_constant_days;
    const double kp = 1.0 / h::proliferation_time_constant_days;
    const double k3 = 1.0 / h::remodelling_time_constant_days;
    ei = std::exp(-ki * days);
    ep = std::exp(-kp * days);
    e3 = std::exp(-k3 * days);
    ip = ki / (kp - ki) * (ei - ep);
    p3 = kp / (k3 - kp) * (ep - e3);
    i3 = ki * kp * (ei / ((kp - ki) * (k3 - ki)) + ep / ((ki - kp) * (k3 - kp)) + e3 / ((ki - k3) * (kp - k3)));
  }
  void apply(double& inf, double& pro, double& c3, double& c1) const {
    const double total = inf + pro + c3 + c1;
    const double inf1 = inf * ei, pro1 = pro * ep + inf * ip, c31 = c3 * e3 + pro * p3 + inf * i3;
    inf = inf1;
    pro = pro1;
    c3 = c31;
    c1 = std::max(0.0, total - inf1 - pro1 - c31);
  }
};

}  // namespace

double patient_response(const PatientProfile& p) {
  const double age = std::clamp(1.0 - h::response_loss_per_year * (p.age_years - h::response_reference_age_years),
                                h::response_age_min, h::response_age_max);
  const double fitz = 1.0 - h::response_loss_per_fitzpatrick * (std::clamp(p.fitzpatrick, 1, 6) - 1);
  return age * fitz * std::max(0.0, p.individual_response);
}

double mark_response(const StretchMark& m) {
  const double type = m.type == StriaType::alba ? h::alba_response : 1.0;
  const double t = std::clamp((m.severity - h::severity_response_onset) /
                                  (h::severity_response_full_loss - h::severity_response_onset), 0.0, 1.0);
  return type * (1.0 - (1.0 - h::severity_response_floor) * t * t * (3.0 - 2.0 * t));
}

HealingCourse::HealingCourse(std::shared_ptr<const SkinPatch> patch, PatientProfile patient, std::uint64_t seed)
    : patch_(std::move(patch)), patient_(patient), seed_(seed) {
  if (!patch_) throw std::invalid_argument("healing course without a skin patch");
  const InjuryMap shape(patch_->width_mm(), patch_->height_mm());
  nx_ = shape.nx();
  ny_ = shape.ny();
  cells_.resize(static_cast<std::size_t>(nx_) * static_cast<std::size_t>(ny_));
  marks_.resize(patch_->marks().size());
  const double base = patient_response(patient_);
  for (int i = 0; i < cell_count(); ++i) {
    const double x = shape.center_x_mm(i), y = shape.center_y_mm(i);
    const LocalTissue t = patch_->at(x, y);
    double r = base;
    if (t.stria_index >= 0)
      r *= 1.0 - t.stria_influence + t.stria_influence * mark_response(patch_->marks()[static_cast<std::size_t>(t.stria_index)]);
    cells_[static_cast<std::size_t>(i)].response = r;
    for (std::size_t k = 0; k < marks_.size(); ++k)
      // The same membership as coverage: at least half the mark's influence.
      if (patch_->influence(static_cast<int>(k), x, y) >= 0.5) {
        marks_[k].cells.push_back(i);
        marks_[k].initial_dermis_mm += t.layers.dermis_mm();
      }
  }
  for (auto& m : marks_) {
    m.normal_dermis_mm = patch_->normal_layers().dermis_mm();
    m.initial_dermis_mm = m.cells.empty() ? m.normal_dermis_mm : m.initial_dermis_mm / static_cast<double>(m.cells.size());
  }
}

void HealingCourse::apply_session(const SessionInput& s) {
  if (!s.injury || s.injury->nx() != nx_ || s.injury->ny() != ny_)
    throw std::invalid_argument("the session's injury map does not match the patch");
  const InjuryMap& map = *s.injury;
  const bool first = session_days_.empty();
  // S1: a session into skin still healing from the last answers less.
  const double recovered = first ? 1.0 : 1.0 - decay(day_ - session_days_.back(), h::recovery_time_constant_days);
  // P6: RF heat adds collagen per channel. A session marked RF whose map
  // carries no RF energy (the outcome cohort's comparison arm re-uses a
  // plain map) is taken at the generator's full energy.
  const bool rf_at_full_energy = s.modality == Modality::rf_microneedling && map.rf_channels() == 0;
  double stimulus_sum = 0.0, heaviness_sum = 0.0;
  int treated_now = 0;
  for (int i = 0; i < cell_count(); ++i) {
    Cell& c = cells_[static_cast<std::size_t>(i)];
    const InjuryCell& in = map.cell(i);
    if (in.punctures == 0) continue;
    ++treated_now;
    c.treated = true;
    const double stim = map.dermal_stimulus(i), heavy = map.heaviness(i);
    stimulus_sum += stim;
    heaviness_sum += heavy;
    c.proliferation *= 1.0 - h::early_rewound_matrix_loss * (1.0 - recovered);
    const double heat = rf_at_full_energy ? 1.0 : map.rf_heat_share(i);
    const double rf_gain = 1.0 + h::rf_collagen_extra_at_full_energy * heat;
    c.inflammation += h::collagen_gain_per_session * stim * c.response * recovered * rf_gain;
    // E1, E3: redness from the puncture density (the tissue grid's rule), a
    // slow share from dermal inflammation that heavy treatment prolongs.
    const double e0 = 1.0 - std::exp(-TissueGrid::erythema_per_puncture_per_mm2 * in.punctures / (InjuryMap::cell_mm * InjuryMap::cell_mm));
    const double slow_share = std::clamp(h::erythema_slow_share_per_stimulus * stim + h::erythema_slow_share_heavy * heavy, 0.0, 0.9);
    c.erythema_fast += e0 * (1.0 - slow_share);
    c.erythema_slow += e0 * slow_share;
    c.erythema_slow_tau_days = h::erythema_slow_time_constant_days + h::erythema_slow_heavy_extra_days * heavy;
    c.oedema = std::min(1.0, c.oedema + h::oedema_per_stimulus * stim * (1.0 + heavy));
    const double dermal_per_cm2 = static_cast<double>(in.dermal_punctures) / InjuryMap::cell_area_cm2;
    const double bleed = 1.0 - std::exp(-dermal_per_cm2 / bleeding_reference_per_cm2);
    c.crust_slow += bleed;
    c.crust_fast += bleed;
  }
  session_days_.push_back(day_);
  // H2: from this session the patient rolls daily at home until seen again.
  // The rolling adds no collagen (H1, healing_params.hpp), only
  // irritation (erythema()) and the infection risk below.
  if (s.care.home_tools) home_rolling_ = true;
  std::vector<bool> pih_cells;
  bool infection = false;
  if (treated_now > 0)
    draw_complications(s, stimulus_sum / treated_now, heaviness_sum / treated_now, pih_cells, infection);
  for (int i = 0; i < cell_count(); ++i) {
    Cell& c = cells_[static_cast<std::size_t>(i)];
    if (map.cell(i).punctures == 0) continue;
    if (!pih_cells.empty()) {
      const double amp = h::pih_darkening * (0.5 + 0.5 * map.dermal_stimulus(i));
      c.pigment_slow += amp;
      c.pigment_fast += amp;
    }
    if (infection) {
      c.infection_slow += infection_level;
      c.infection_fast += infection_level;
    }
  }
  add_tram_tracks(map);
}

void HealingCourse::draw_complications(const SessionInput& s, double mean_stimulus, double mean_heaviness,
                                       std::vector<bool>& pih_cells, bool& infection) {
  const int session = sessions();
  const CareGiven& care = s.care;
  // D7: PIH, more likely with darker skin, deeper and denser injury, no sun protection.
  const double no_sun = care.tanning_advised ? 1.5 : (care.sun_protection ? 0.0 : 1.0);
  // P6, D7: RF energy above the published band's floor in darker skin, and
  // coagulation zones that reached the epidermis.
  const InjuryMap& map = *s.injury;
  const double rf_over_mj = patient_.fitzpatrick >= h::rf_pih_min_fitzpatrick
                                ? std::max(0.0, map.rf_mean_energy_mj() - h::rf_pih_onset_mj)
                                : 0.0;
  const double burn_share = map.rf_epidermal_burn_share();
  const double logit = h::pih_logit_intercept +
                       h::pih_log_odds_per_fitzpatrick * (std::clamp(patient_.fitzpatrick, 1, 6) - h::pih_reference_fitzpatrick) +
                       h::pih_log_odds_no_sun_protection * no_sun + (care.pih_precautions ? h::pih_log_odds_precautions : 0.0) +
                       h::pih_log_odds_heavy * mean_heaviness + h::pih_log_odds_per_stimulus * mean_stimulus +
                       h::rf_pih_log_odds_per_mj * rf_over_mj + h::rf_pih_log_odds_burn * burn_share;
  const double p_pih = 1.0 / (1.0 + std::exp(-logit));
  Complication pih{"pih", session, p_pih, uniform01(seed_, static_cast<std::uint64_t>(session), 1) < p_pih,
                   day_ + h::pih_onset_days, 0};
  if (pih.occurred) {
    pih_cells.assign(static_cast<std::size_t>(cell_count()), true);
    pih.cells = static_cast<int>(std::count_if(cells_.begin(), cells_.end(), [](const Cell& c) { return c.treated; }));
  }
  complications_.push_back(pih);
  // E2, H2: infection, rare with hygiene.
  double p_inf = h::infection_base_risk;
  if (!care.hygiene) p_inf *= h::infection_no_hygiene_factor;
  if (care.picking_allowed) p_inf *= h::infection_picking_factor;
  if (care.home_tools) p_inf *= h::infection_home_tools_factor;
  p_inf = std::min(1.0, p_inf);
  infection = uniform01(seed_, static_cast<std::uint64_t>(session), 2) < p_inf;
  complications_.push_back({"infection", session, p_inf, infection, day_ + h::infection_onset_days, infection ? pih.cells : 0,
                            infection && care.home_tools ? std::numeric_limits<double>::infinity() : 0.0});
  // P6: pinpoint burns where the heat reached the epidermis; they follow from
  // the settings, as tram tracks follow from the drag.
  if (burn_share >= h::rf_burn_visible_share) {
    int burnt = 0;
    for (int i = 0; i < map.cell_count(); ++i) burnt += map.cell(i).rf_epidermal_burns > 0 ? 1 : 0;
    complications_.push_back({"rf_burn", session, burn_share, true, day_, burnt});
  }
}

void HealingCourse::add_tram_tracks(const InjuryMap& map) {
  // E3: tram-track lines where dragging clustered: connected runs of cells
  // dragged over long enough.
  std::vector<int> label(static_cast<std::size_t>(cell_count()), -1);
  std::vector<int> stack;
  int scarred = 0;
  for (int start = 0; start < cell_count(); ++start) {
    if (label[static_cast<std::size_t>(start)] >= 0 || map.cell(start).drag_s < h::tram_track_drag_s) continue;
    std::vector<int> run;
    stack.assign(1, start);
    label[static_cast<std::size_t>(start)] = start;
    while (!stack.empty()) {
      const int c = stack.back();
      stack.pop_back();
      run.push_back(c);
      const int cx = c % nx_, cy = c / nx_;
      for (int dy = -1; dy <= 1; ++dy)
        for (int dx = -1; dx <= 1; ++dx) {
          const int x = cx + dx, y = cy + dy;
          if (x < 0 || y < 0 || x >= nx_ || y >= ny_) continue;
          const int n = y * nx_ + x;
          if (label[static_cast<std::size_t>(n)] >= 0 || map.cell(n).drag_s < h::tram_track_drag_s) continue;
          label[static_cast<std::size_t>(n)] = start;
          stack.push_back(n);
        }
    }
    if (static_cast<int>(run.size()) < h::tram_track_min_cells) continue;
    for (int c : run) {
      Cell& cell = cells_[static_cast<std::size_t>(c)];
      cell.scar_fading = std::min(1.0, cell.scar_fading + (1.0 - h::tram_track_lasting_share));
      cell.scar_lasting = std::min(h::tram_track_lasting_share, cell.scar_lasting + h::tram_track_lasting_share);
      cell.scar_angle_rad = map.cell(c).drag_angle_rad();
    }
    scarred += static_cast<int>(run.size());
  }
  if (scarred > 0) complications_.push_back({"tram_track", sessions(), 1.0, true, day_, scarred});
}

void HealingCourse::advance_days(double days) {
  if (!(days >= 0.0) || !std::isfinite(days)) throw std::invalid_argument("advance_days needs a finite, non-negative number of days");
  if (days == 0.0) return;
  const double ef = decay(days, erythema_fast_tau_days), oe = decay(days, h::oedema_time_constant_days);
  const double cs = decay(days, h::crust_shedding_days), cf = decay(days, h::crust_forming_days);
  const double ps = decay(days, h::pih_fading_days), pf = decay(days, h::pih_onset_days);
  const double is = decay(days, infection_resolve_days), inf = decay(days, infection_rise_days);
  const double sf = decay(days, h::tram_track_fading_days);
  const ChainStep chain(days);
  for (Cell& c : cells_) {
    if (!c.treated && c.scar_fading == 0.0) continue;
    chain.apply(c.inflammation, c.proliferation, c.collagen3, c.collagen1);
    c.erythema_fast *= ef;
    if (c.erythema_slow > 0.0) c.erythema_slow *= decay(days, c.erythema_slow_tau_days);
    c.oedema *= oe;
    c.crust_slow *= cs;
    c.crust_fast *= cf;
    c.pigment_slow *= ps;
    c.pigment_fast *= pf;
    c.infection_slow *= is;
    c.infection_fast *= inf;
    c.scar_fading *= sf;
  }
  day_ += days;
}

void HealingCourse::stop_home_rolling() {
  home_rolling_ = false;
  for (Complication& c : complications_)
    if (std::isinf(c.kept_until_day)) c.kept_until_day = day_;
}

double HealingCourse::erythema(int i) const {
  const Cell& c = cells_[static_cast<std::size_t>(i)];
  // H2: daily home rolling keeps the treated skin irritated while it goes on.
  const double rolling = home_rolling_ && c.treated ? h::home_roller_irritation_erythema : 0.0;
  return std::clamp(c.erythema_fast + c.erythema_slow + std::max(0.0, c.infection_slow - c.infection_fast) + rolling, 0.0,
                    1.0);
}
double HealingCourse::oedema(int i) const {
  const Cell& c = cells_[static_cast<std::size_t>(i)];
  return std::clamp(c.oedema + 0.5 * std::max(0.0, c.infection_slow - c.infection_fast), 0.0, 1.0);
}
double HealingCourse::crust(int i) const {
  const Cell& c = cells_[static_cast<std::size_t>(i)];
  return std::clamp(c.crust_slow - c.crust_fast, 0.0, 1.0);
}
double HealingCourse::bleeding(int i) const {
  return std::clamp(cells_[static_cast<std::size_t>(i)].crust_fast, 0.0, 1.0);
}
double HealingCourse::pigment(int i) const {
  const Cell& c = cells_[static_cast<std::size_t>(i)];
  return std::clamp(c.pigment_slow - c.pigment_fast, 0.0, 1.0);
}
double HealingCourse::scar(int i) const {
  const Cell& c = cells_[static_cast<std::size_t>(i)];
  return std::clamp(c.scar_fading + c.scar_lasting, 0.0, 1.0);
}
double HealingCourse::new_collagen(int i) const {
  const Cell& c = cells_[static_cast<std::size_t>(i)];
  return c.collagen3 + c.collagen1;
}
double HealingCourse::collagen1(int i) const { return cells_[static_cast<std::size_t>(i)].collagen1; }

}  // namespace dermasim::tissue
