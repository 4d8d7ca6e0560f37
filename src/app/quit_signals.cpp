#include "app/quit_signals.hpp"

#include <SDL.h>

#include <csignal>

namespace dermasim::app {
namespace {

constexpr int quit_signals[] = {SIGINT, SIGTERM, SIGHUP};
volatile std::sig_atomic_t requested_signal = 0;
struct sigaction previous[3];

// Async-signal-safe: only stores the number. A second signal while the first
// is still being honoured (a frame stuck somewhere) ends the process the
// default way, so Ctrl+C twice always works.
extern "C" void on_quit_signal(int signo) {
  if (requested_signal != 0) {
    std::signal(signo, SIG_DFL);
    std::raise(signo);
    return;
  }
  requested_signal = signo;
}

}  // namespace

QuitSignals::QuitSignals() {
  SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
  requested_signal = 0;
  struct sigaction action {};
  action.sa_handler = on_quit_signal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;  // interrupted reads and writes resume
  for (int i = 0; i < 3; ++i) sigaction(quit_signals[i], &action, &previous[i]);
}

QuitSignals::~QuitSignals() {
  for (int i = 0; i < 3; ++i) sigaction(quit_signals[i], &previous[i], nullptr);
}

int QuitSignals::requested() const { return requested_signal; }

}  // namespace dermasim::app
