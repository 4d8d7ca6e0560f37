#include "app/replay_player.hpp"

#include <algorithm>
#include <stdexcept>

#include "scenario/simulation_builder.hpp"

namespace dermasim::app {

ReplayPlayer::ReplayPlayer(std::shared_ptr<const scenario::Scenario> s, record::Recording rec)
    : scenario_(std::move(s)), rec_(std::move(rec)) {
  if (!rec_.answers.plan || rec_.commands.empty())
    throw std::runtime_error("this attempt has no procedure to replay (the visit ended at the consultation)");
  const auto& device = rec_.answers.plan->device;
  sim_ = scenario::build_simulator(*scenario_, device);
}

void ReplayPlayer::seek(std::uint64_t step) {
  step = std::min(step, length());
  if (step < position_) {
    sim_->reset();
    position_ = 0;
  }
  for (; position_ < step; ++position_) sim_->step(rec_.commands[position_]);
}

void ReplayPlayer::advance(double wall_s) {
  if (!playing) return;
  carry_s_ += wall_s * speed;
  const auto steps = static_cast<std::uint64_t>(carry_s_ * physics::Simulator::rate_hz);
  carry_s_ -= static_cast<double>(steps) / physics::Simulator::rate_hz;
  seek(position_ + steps);
  if (position_ >= length()) playing = false;
}

}  // namespace dermasim::app
