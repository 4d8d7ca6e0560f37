#include "app/audio_feedback.hpp"

#include <SDL.h>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace dermasim::app {

namespace {

constexpr double click_s = 0.012;
constexpr double warning_s = 0.18;

}  // namespace

AudioFeedback::AudioFeedback() {
  if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
    status_ = std::string("no sound: ") + SDL_GetError();
    return;
  }
  SDL_AudioSpec want{}, have{};
  want.freq = sample_rate_hz_;
  want.format = AUDIO_F32SYS;
  want.channels = 1;
  want.samples = 512;  // about 11 ms: the buzz follows the load without lag
  want.callback = &AudioFeedback::fill;
  want.userdata = this;
  device_ = SDL_OpenAudioDevice(nullptr, 0, &want, &have, SDL_AUDIO_ALLOW_FREQUENCY_CHANGE);
  if (device_ == 0) {
    status_ = std::string("no sound device: ") + SDL_GetError();
    SDL_QuitSubSystem(SDL_INIT_AUDIO);
    return;
  }
  sample_rate_hz_ = have.freq;
  status_ = std::string("sound: ") + (SDL_GetCurrentAudioDriver() ? SDL_GetCurrentAudioDriver() : "on");
  SDL_PauseAudioDevice(device_, 0);
}

AudioFeedback::~AudioFeedback() {
  if (device_ == 0) return;
  SDL_CloseAudioDevice(device_);
  SDL_QuitSubSystem(SDL_INIT_AUDIO);
}

void AudioFeedback::set_buzz(double rate_hz, double amplitude) {
  buzz_rate_hz_ = static_cast<float>(rate_hz);
  buzz_amplitude_ = static_cast<float>(std::clamp(amplitude, 0.0, 1.0));
}
void AudioFeedback::click() { ++clicks_; }
void AudioFeedback::warning() { ++warnings_; }
void AudioFeedback::set_volume(double volume, bool muted) {
  volume_ = muted ? 0.0f : static_cast<float>(std::clamp(volume, 0.0, 1.0));
}

void AudioFeedback::fill(void* self, std::uint8_t* stream, int bytes) {
  static_cast<AudioFeedback*>(self)->synthesise(reinterpret_cast<float*>(stream),
                                                bytes / static_cast<int>(sizeof(float)));
}

void AudioFeedback::synthesise(float* out, int frames) {
  const double rate = sample_rate_hz_;
  if (clicks_.exchange(0) > 0) click_left_ = static_cast<int>(click_s * rate);
  if (warnings_.exchange(0) > 0 && warning_left_ == 0) warning_left_ = static_cast<int>(warning_s * rate);
  const double f = buzz_rate_hz_.load();
  const double target = f > 0.0 ? buzz_amplitude_.load() : 0.0;
  const double volume = volume_.load();
  for (int i = 0; i < frames; ++i) {
    // Smooth the loudness over ~10 ms so load steps do not crackle.
    amplitude_now_ += (target - amplitude_now_) * 0.002;
    double s = 0.0;
    if (f > 0.0) {
      phase_ = std::fmod(phase_ + f / rate, 1.0);
      // A stroke: a sharp rise and decay each cycle, rich in harmonics like a
      // pen's motor, plus a quiet idle hum.
      const double stroke = std::exp(-phase_ * 9.0) - 0.12;
      s += (0.15 + 0.85 * amplitude_now_) * 0.5 * stroke;
    }
    if (click_left_ > 0) {
      noise_ = noise_ * 1664525u + 1013904223u;
      const double white = static_cast<double>(noise_ >> 8) / 8388608.0 - 1.0;
      s += 0.6 * white * (static_cast<double>(click_left_) / (click_s * rate));
      --click_left_;
    }
    if (warning_left_ > 0) {
      const double t = (warning_s * rate - warning_left_) / rate;
      s += 0.3 * std::sin(2.0 * std::numbers::pi * 880.0 * t);
      --warning_left_;
    }
    out[i] = static_cast<float>(std::clamp(s * volume, -1.0, 1.0));
  }
}

Rumble::Rumble() { initialised_ = SDL_InitSubSystem(SDL_INIT_GAMECONTROLLER) == 0; }

Rumble::~Rumble() {
  if (controller_) SDL_GameControllerClose(static_cast<SDL_GameController*>(controller_));
  if (initialised_) SDL_QuitSubSystem(SDL_INIT_GAMECONTROLLER);
}

bool Rumble::available() {
  if (!initialised_) return false;
  SDL_GameControllerUpdate();
  if (controller_ && !SDL_GameControllerGetAttached(static_cast<SDL_GameController*>(controller_))) {
    SDL_GameControllerClose(static_cast<SDL_GameController*>(controller_));
    controller_ = nullptr;
  }
  // Look for a newly plugged gamepad about once a second.
  if (!controller_ && ++frames_since_scan_ > 60) {
    frames_since_scan_ = 0;
    SDL_JoystickUpdate();
    for (int i = 0; i < SDL_NumJoysticks(); ++i)
      if (SDL_IsGameController(i) && (controller_ = SDL_GameControllerOpen(i))) break;
  }
  return controller_ != nullptr;
}

void Rumble::set(double low, double high, int ms) {
  if (!controller_) return;
  auto level = [](double v) { return static_cast<Uint16>(std::clamp(v, 0.0, 1.0) * 65535.0); };
  SDL_GameControllerRumble(static_cast<SDL_GameController*>(controller_), level(low), level(high),
                           static_cast<Uint32>(ms));
}

}  // namespace dermasim::app
