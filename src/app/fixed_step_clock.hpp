#pragma once
// Fixed-timestep accumulator (Box2D / "Fix your timestep"): real time is
// banked and spent in whole physics steps of exactly dt. The simulation only
// ever sees fixed steps, so a slow frame never changes what it computes; when
// a frame is too slow to catch up, the excess is dropped (the simulation runs
// behind real time) instead of being simulated with a bigger step.
#include <algorithm>

namespace dermasim::app {

class FixedStepClock {
 public:
  FixedStepClock(double rate_hz, int max_steps_per_frame)
      : dt_s_(1.0 / rate_hz), max_steps_(max_steps_per_frame) {}

  /// Banks `elapsed_s` of real time and returns how many whole steps are due.
  int advance(double elapsed_s) {
    dropped_ = false;
    bank_s_ += std::max(0.0, elapsed_s);
    int steps = static_cast<int>(bank_s_ / dt_s_);
    if (steps > max_steps_) {
      steps = max_steps_;
      dropped_ = true;
      bank_s_ = 0.0;
    } else {
      bank_s_ -= steps * dt_s_;
    }
    return steps;
  }
  /// Pausing banks nothing.
  void pause() { bank_s_ = 0.0; }
  bool dropped_time() const { return dropped_; }
  double dt_s() const { return dt_s_; }
  double banked_s() const { return bank_s_; }

 private:
  double dt_s_;
  int max_steps_;
  double bank_s_ = 0.0;
  bool dropped_ = false;
};

}  // namespace dermasim::app
