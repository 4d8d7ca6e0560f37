#include "render/pass_timer.hpp"

#include <chrono>

#include "render/gl.hpp"

namespace dermasim::render {

namespace {

double now_s() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

}  // namespace

void PassTimer::begin_frame() {
  if (!enabled_) return;
  glFinish();
  last_s_ = now_s();
}

void PassTimer::mark(std::string_view pass) {
  if (!enabled_) return;
  glFinish();
  const double t = now_s();
  auto it = passes_.begin();
  while (it != passes_.end() && it->name != pass) ++it;
  if (it == passes_.end()) {
    passes_.push_back({std::string(pass), {}});
    it = passes_.end() - 1;
  }
  it->ms.push_back((t - last_s_) * 1000.0);
  last_s_ = t;
}

PassTimer& pass_timer() {
  static PassTimer timer;
  return timer;
}

}  // namespace dermasim::render
