#pragma once
// Plays a recorded attempt back on its own simulator: play, pause, speed and
// a scrubber. Seeking backwards re-simulates from the start (the physics is
// deterministic, and 10 minutes re-simulate in about 2 s), so every frame
// shown is exactly what happened.
#include <memory>
#include <string>

#include "physics/simulator.hpp"
#include "record/recording.hpp"
#include "scenario/scenario.hpp"

namespace dermasim::app {

class ReplayPlayer {
 public:
  /// Throws std::runtime_error when the recording has no procedure to replay.
  ReplayPlayer(std::shared_ptr<const scenario::Scenario> s, record::Recording rec);

  const physics::Simulator& sim() const { return *sim_; }
  const record::Recording& recording() const { return rec_; }
  std::uint64_t position() const { return position_; }
  std::uint64_t length() const { return rec_.commands.size(); }

  /// Advances by `wall_s` of real time at the playback speed, when playing.
  void advance(double wall_s);
  /// Moves to `step` (re-simulating from the start when it lies behind).
  void seek(std::uint64_t step);

  bool playing = false;
  double speed = 1.0;

 private:
  std::shared_ptr<const scenario::Scenario> scenario_;
  record::Recording rec_;
  std::unique_ptr<physics::Simulator> sim_;
  std::uint64_t position_ = 0;
  double carry_s_ = 0.0;
};

}  // namespace dermasim::app
