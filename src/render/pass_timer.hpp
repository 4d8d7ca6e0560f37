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
    std::vector<double> fragments;  // fragment shader runs, where the driver counts them
  };

  /// Turning it off ends the frame's count (the driver must not be left counting).
  void set_enabled(bool on);
  bool enabled() const { return enabled_; }
  /// Starts a frame: the first pass is charged from here.
  void begin_frame();
  /// When enabled, waits for the GL work issued so far and charges the time
  /// since the last mark to `pass`. Does nothing when disabled.
  void mark(std::string_view pass);
  /// Passes in the order they were first marked.
  const std::vector<Pass>& passes() const { return passes_; }

 private:
  void restart_count();
  unsigned long long end_count();

  bool enabled_ = false;
  double last_s_ = 0.0;
  // GL_ARB_pipeline_statistics_query: fragment shader invocations per pass,
  // which tell a pass's pixel work apart from its fixed cost.
  int counting_ = -1;  // -1 not yet known, 0 no, 1 yes
  unsigned query_ = 0;
  bool query_active_ = false;
  std::vector<Pass> passes_;
};

/// The process's one pass timer: the renderer and the frame loop mark it.
PassTimer& pass_timer();

}  // namespace dermasim::render
