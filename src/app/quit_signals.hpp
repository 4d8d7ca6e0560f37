#pragma once
// Ctrl+C (SIGINT), SIGTERM and SIGHUP (the terminal closing, a logout) end the
// interactive simulator cleanly: the main loop sees the request at its next
// frame and returns, so the attempt's journal is closed whole and becomes an
// interrupted attempt at the next start, exactly as after Ctrl+Q.
//
// SDL's events subsystem (which the game controller pulls in) would otherwise
// install its own SIGINT and SIGTERM handlers that turn the signals into an
// SDL quit event nothing here reads: construct this before any SDL
// subsystem starts, so SDL_HINT_NO_SIGNAL_HANDLERS is set in time.
namespace dermasim::app {

class QuitSignals {
 public:
  QuitSignals();
  ~QuitSignals();
  QuitSignals(const QuitSignals&) = delete;
  QuitSignals& operator=(const QuitSignals&) = delete;

  /// The signal that asked to quit, or 0.
  int requested() const;
};

}  // namespace dermasim::app
