#pragma once
// What a trainee answered at each stage of an attempt: plain data that
// recordings store and grading reads.
#include <optional>
#include <string>
#include <vector>

#include "physics/device.hpp"
#include "scenario/catalog.hpp"
#include "scenario/mode.hpp"

namespace dermasim::scenario {

struct ConsultationAnswers {
  std::vector<std::string> asked;        // follow-up questions asked, by history item id
  std::vector<std::string> findings;     // items the trainee flagged as mattering
  Decision decision = Decision::proceed;
  std::vector<std::string> precautions;
};

struct PlanAnswers {
  physics::DeviceSettings device;
  bool numbing = true;  // P3: topical numbing cream first
  int passes = 2;
};

struct AftercareAnswers {
  std::vector<std::string> instructions;  // catalogue ids
  int sessions = 0;                       // in the series
  double interval_weeks = 0.0;
  double maintenance_months = 0.0;
};

struct Answers {
  // Not an answer but how they were given: with or without hints. Recordings
  // and reports carry it with the answers.
  Mode mode = Mode::practice;
  std::optional<ConsultationAnswers> consultation;
  std::optional<PlanAnswers> plan;
  std::optional<AftercareAnswers> aftercare;
};

}  // namespace dermasim::scenario
