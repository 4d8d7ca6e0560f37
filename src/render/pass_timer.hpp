#pragma once
// Where a frame's time goes, pass by pass, for `dermasim bench render`.
// Software OpenGL (Mesa llvmpipe) bins a frame's draws and rasterises them
// when the frame is flushed, so GPU timer queries there time the binning, not
// the drawing. The timer instead waits for the GL (glFinish) at each mark and
// charges the wall time since the previous mark to the pass that just ended;
// it is the same on every driver. The waits split a frame into separate
// flushes, so a timed frame is slower than an untimed one: the benchmark
// times its headline frames with the timer off and these frames apart.
#include <string>
#include <string_view>
#include <vector>

namespace dermasim::render {

class PassTimer {
 public:
  struct Pass {
    std::string name;
    std::vector<double> ms;  // one sample per timed frame
  };

  void set_enabled(bool on) { enabled_ = on; }
  bool enabled() const { return enabled_; }
  /// Starts a frame: the first pass is charged from here.
  void begin_frame();
  /// When enabled, waits for the GL work issued so far and charges the time
  /// since the last mark to `pass`. Does nothing when disabled.
  void mark(std::string_view pass);
  /// Passes in the order they were first marked.
  const std::vector<Pass>& passes() const { return passes_; }

 private:
  bool enabled_ = false;
  double last_s_ = 0.0;
  std::vector<Pass> passes_;
};

/// The process's one pass timer: the renderer and the frame loop mark it.
PassTimer& pass_timer();

}  // namespace dermasim::render
