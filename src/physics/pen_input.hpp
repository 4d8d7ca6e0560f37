#pragma once
// One input interface for every device that drives the pen: mouse, gamepad, a
// script, a recording. The physics pulls one command per 1 kHz step.
#include <cstddef>
#include <vector>

#include "physics/pen_command.hpp"

namespace dermasim::physics {

class PenInput {
 public:
  virtual ~PenInput() = default;
  /// The command for the next physics step.
  virtual PenCommand next() = 0;
  /// True when the device has nothing more to say (a script or recording ran out).
  virtual bool finished() const = 0;
};

/// Plays back a recorded command stream, one command per step.
class RecordedPen final : public PenInput {
 public:
  explicit RecordedPen(const std::vector<PenCommand>& commands) : commands_(commands) {}
  PenCommand next() override {
    if (cursor_ < commands_.size()) last_ = commands_[cursor_++];
    return last_;
  }
  bool finished() const override { return cursor_ >= commands_.size(); }

 private:
  const std::vector<PenCommand>& commands_;
  std::size_t cursor_ = 0;
  PenCommand last_{};
};

}  // namespace dermasim::physics
