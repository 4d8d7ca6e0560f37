#pragma once
// Sound and rumble from the physics' HapticFeedback, through SDL2: a buzz at
// the motor's stroke rate whose loudness follows the needle load, a click when
// needles break into a layer, a warning tone when a cue fires. A machine with
// no audio device or no rumble-capable gamepad simply goes without.
#include <atomic>
#include <cstdint>
#include <string>

namespace dermasim::app {

class AudioFeedback {
 public:
  AudioFeedback();
  ~AudioFeedback();
  AudioFeedback(const AudioFeedback&) = delete;
  AudioFeedback& operator=(const AudioFeedback&) = delete;

  bool available() const { return device_ != 0; }
  const std::string& status() const { return status_; }

  /// The motor's buzz: stroke rate and loudness 0..1 (0: silent).
  void set_buzz(double rate_hz, double amplitude);
  void click();
  void warning();
  void set_volume(double volume, bool muted);

 private:
  static void fill(void* self, std::uint8_t* stream, int bytes);
  void synthesise(float* out, int frames);

  std::uint32_t device_ = 0;
  std::string status_;
  int sample_rate_hz_ = 48000;
  // Written by the UI thread, read by SDL's audio thread.
  std::atomic<float> buzz_rate_hz_{0.0f}, buzz_amplitude_{0.0f}, volume_{0.5f};
  std::atomic<int> clicks_{0}, warnings_{0};
  // Audio thread only.
  double phase_ = 0.0, amplitude_now_ = 0.0;
  int click_left_ = 0, warning_left_ = 0;
  std::uint32_t noise_ = 22222u;
};

class Rumble {
 public:
  Rumble();
  ~Rumble();
  Rumble(const Rumble&) = delete;
  Rumble& operator=(const Rumble&) = delete;
  bool available();
  /// Low- and high-frequency motor strength 0..1 for the next `ms` milliseconds.
  void set(double low, double high, int ms);

 private:
  void* controller_ = nullptr;  // SDL_GameController
  bool initialised_ = false;
  int frames_since_scan_ = 0;
};

}  // namespace dermasim::app
