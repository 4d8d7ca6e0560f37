#include "scenario/catalog.hpp"

#include <array>

namespace dermasim::scenario {
namespace {

constexpr std::array<Decision, 4> decisions{Decision::proceed, Decision::proceed_with_precautions, Decision::defer,
                                            Decision::refer};

using K = InstructionKind;
constexpr std::array<Instruction, 34> instructions{{
    // Aftercare (docs/SOURCES.md A1-A8, E1).
    {"avoid_sun_week", K::aftercare, "Avoid direct sun on the treated area for at least a week", "A1", false,
     "Sun on freshly needled skin risks irritation and discolouration: avoid it for at least a week (A1)."},
    {"sunscreen_spf30", K::aftercare, "Wear a high-SPF (30+) sunscreen outdoors, from 24 hours after", "A2", false,
     "A high-SPF sunscreen outdoors protects the healing skin (A2)."},
    {"gentle_products", K::aftercare, "Use only gentle, soothing products or the aftercare cream", "A3", false,
     "Gentle, soothing products or a dedicated aftercare cream help healing (A3)."},
    {"no_actives_5_7_days", K::aftercare, "No retinoids, AHA/BHA acids or vitamin C for 5-7 days", "A4", false,
     "Retinoids and acids irritate needled skin: none for several days, 5-7 by clinic practice (A4)."},
    {"keep_clean_hands_off", K::aftercare, "Keep the area clean, keep hands off it and do not pick", "A5", false,
     "Hands and picking bring bacteria to the micro-channels (A5, E2)."},
    {"drink_water", K::aftercare, "Drink plenty of water", "A6", false, "Hydration supports recovery (A6)."},
    {"contact_if_unusual", K::aftercare, "Contact the clinic at once about unusual symptoms or lasting discolouration",
     "A7", false, "Unusual symptoms or persistent discolouration need the provider at once (A7, E2)."},
    {"nothing_on_skin_6_8h", K::aftercare, "Put nothing on the treated skin for 6-8 hours", "A8", false,
     "Clinics advise nothing on the skin for 6-8 hours (A8)."},
    {"no_makeup_24_48h", K::aftercare, "No make-up on the area for 24-48 hours", "A8", false,
     "No make-up for 24-48 hours (A8)."},
    {"no_exercise_sauna_48h", K::aftercare, "No sweating, exercise or sauna for 24-48 hours", "A8", false,
     "Heat and sweat irritate the channels: no exercise or sauna for 24-48 hours (A8)."},
    {"expect_redness", K::counselling, "Expect redness fading within hours and swelling for a day or two", "E1",
     false, "Patients should know the usual side effects: redness for hours, swelling for a day or two (E1)."},
    // Harmful distractors (docs/SOURCES.md, "Wrong instructions a trainee must not give").
    {"start_retinoids_now", K::aftercare, "Start or keep using retinoids or acids straight away to boost results",
     "A4", true, "Retinoids and acids must be avoided for several days after treatment (A4)."},
    {"exfoliate_scrub", K::aftercare, "Exfoliate or scrub the area to clear flaking skin", "A3", true,
     "Scrubbing damages healing skin; only gentle products (A3)."},
    {"tan_no_sunscreen", K::aftercare, "Sun or tanning is fine afterwards; sunscreen is optional", "A1", true,
     "Avoid the sun for a week and wear SPF 30+ (A1, A2)."},
    {"sauna_same_day", K::aftercare, "A sauna or hot workout the same day helps circulation", "A8", true,
     "No sweating, exercise or sauna for 24-48 hours (A8)."},
    {"pick_scratch_ok", K::aftercare, "Scratching or picking at scabs is harmless", "A5", true,
     "Picking risks infection and scarring (A5, E2)."},
    {"retreat_next_week", K::aftercare, "Come back for the next session in one week", "S1", true,
     "Sessions are 4-6 weeks apart so the skin can heal and remodel (S1)."},
    // Counselling: expectations (S1-S4, C1-C3).
    {"results_take_time", K::counselling, "Results build over weeks; full results about 3 months after the series",
     "S3", false, "Results are not immediate: first change after weeks, full results about 3 months on (S3)."},
    {"series_needed", K::counselling, "A series of 3-6 sessions, 4-6 weeks apart, is usually needed", "S1", false,
     "One session is rarely enough: 3-6 sessions 4-6 weeks apart (S1)."},
    {"deep_purple_limited", K::counselling,
     "Deep, dark purple marks may improve little and may need laser or peels as well", "C2", false,
     "Deep dark purple striae may not improve much; expectations must be set (C2)."},
    {"alba_slower", K::counselling, "White (alba) marks respond more slowly than red (rubra) ones", "C3", false,
     "Striae rubra respond better than striae alba (C3)."},
    {"guaranteed_removal", K::counselling, "Microneedling will remove the stretch marks completely", "S4", true,
     "Most patients improve (80% noticed improvement, S4), but no one can promise removal (C2)."},
    // For a patient disappointed with slow progress on white marks (C2, C3).
    {"alba_improvement_not_clearance", K::counselling,
     "White (alba) marks respond more slowly than red ones: the aim is improvement, not clearance", "C3", false,
     "Striae alba respond less than striae rubra (C3) and deep marks may not improve much (C2): the honest aim "
     "is visible improvement over the whole series, not marks that are gone."},
    {"promise_gone_by_end", K::counselling, "Promise the marks will be gone by the end of the series", "C2", true,
     "Deep or long-standing marks may not improve much and expectations must be set (C2); white marks respond "
     "more slowly than red ones (C3). A promise of clearance is one no one can keep."},
    // Counselling: options and cost (P6, S5, D4).
    {"rf_microneedling_option", K::counselling,
     "Radiofrequency (RF) microneedling adds heat through the needles: more tightening and collagen", "P6", false,
     "RF microneedling tightens skin and induces more collagen than standard microneedling (P6): an option to "
     "discuss when a patient asks about it or the marks are stubborn (C2)."},
    {"rf_more_energy_better", K::counselling, "More RF energy gives better results, whatever the skin type", "D7",
     true,
     "RF heat induces collagen (P6), but darker skin needs more caution (D7): above the energies published "
     "for Fitzpatrick III-IV the risk of hyperpigmentation and burns rises, so the energy is chosen for the skin "
     "type."},
    {"cost_per_session", K::counselling, "Each session costs about USD 100-700; budget for the whole series", "S5",
     false, "Sessions cost USD 100-700 each (S5) and a series of 3-6 is usual (S1): the patient should know the "
            "cost of the course before committing."},
    {"deeper_is_faster", K::counselling, "Going to 2-3 mm needles would clear the marks faster", "D4", true,
     "2.0-3.0 mm is for extensive scarring or deep tissue concerns (D4); stretch marks are treated at 0.5-1.5 mm "
     "by severity (D1-D3), and a long needle under a thinned dermis only reaches the fat."},
    // Home devices (H1-H3).
    {"home_devices_shallower", K::home_care, "Home devices are less powerful and reach less depth; results vary",
     "H1", false, "Home devices reach less depth and results vary (H1)."},
    {"home_device_risks", K::home_care,
     "Home use risks infection from unsterile tools, irritation or scarring, and barrier damage from overuse", "H2",
     false, "Home risks: infection, irritation or scarring, barrier damage from overuse (H2)."},
    {"professional_benefits", K::home_care,
     "Professional treatment gives a tailored plan, safety and faster results with fewer sessions", "H3", false,
     "Professional treatment: tailored plans, safety, faster results (H3)."},
    {"home_roller_equivalent", K::home_care, "A home roller gives the same results as a clinic session", "H1", true,
     "Home devices are less powerful and reach less depth (H1)."},
    {"home_roller_daily", K::home_care, "Rolling every day at home speeds up the results", "H2", true,
     "Overuse damages the skin barrier (H2); sessions need weeks between them (S1)."},
    {"stop_home_roller", K::home_care, "Stop using the home roller on the area for the whole treatment series", "H2",
     false,
     "A home roller between sessions risks infection when it is not sterilised and damages the barrier with "
     "overuse (H2); the clinic's series does the work, with safety and fewer sessions (H3)."},
}};

constexpr std::array<Precaution, 8> precautions{{
    {"antiviral_prophylaxis", "Antiviral cover before treating (history of cold sores)", "X9"},
    {"conservative_depth", "A conservative needle depth", "D7"},
    {"test_spot", "Treat a test spot first and review it", "D7"},
    {"pih_precautions", "PIH precautions: strict sun protection, watch for darkening", "D7"},
    {"medical_clearance", "Written clearance from the patient's doctor before treatment", "X5"},
    {"prescriber_consult", "Consult the prescribing provider first", "X4"},
    {"expectation_setting", "Set realistic expectations before treating", "C2"},
    {"rf_energy_limited", "RF energy kept low for darker skin", "D7"},
}};

constexpr std::array<std::string_view, 44> facts{
    "P1", "P2", "P3", "P4", "P5", "P6", "D1", "D2", "D3", "D4", "D5", "D6", "D7", "C1", "C2",
    "C3", "X1", "X2", "X3", "X4", "X5", "X6", "X7", "X8", "X9", "S1", "S2", "S3", "S4", "S5",
    "E1", "E2", "E3", "A1", "A2", "A3", "A4", "A5", "A6", "A7", "A8", "H1", "H2", "H3"};

}  // namespace

std::string_view decision_name(Decision d) {
  switch (d) {
    case Decision::proceed: return "proceed";
    case Decision::proceed_with_precautions: return "proceed_with_precautions";
    case Decision::defer: return "defer";
    case Decision::refer: return "refer";
  }
  return "?";
}

std::string_view decision_text(Decision d) {
  switch (d) {
    case Decision::proceed: return "Proceed with treatment today";
    case Decision::proceed_with_precautions: return "Proceed today, with precautions";
    case Decision::defer: return "Defer until a condition resolves";
    case Decision::refer: return "Refer for medical clearance first";
  }
  return "?";
}

std::optional<Decision> parse_decision(std::string_view name) {
  for (Decision d : decisions)
    if (decision_name(d) == name) return d;
  return std::nullopt;
}

std::span<const Decision> all_decisions() { return decisions; }
std::span<const Instruction> instruction_catalog() { return instructions; }
std::span<const Precaution> precaution_catalog() { return precautions; }

const Instruction* find_instruction(std::string_view id) {
  for (const auto& i : instructions)
    if (i.id == id) return &i;
  return nullptr;
}

const Precaution* find_precaution(std::string_view id) {
  for (const auto& p : precautions)
    if (p.id == id) return &p;
  return nullptr;
}

bool is_clinical_fact(std::string_view id) {
  for (auto f : facts)
    if (f == id) return true;
  return false;
}

}  // namespace dermasim::scenario
