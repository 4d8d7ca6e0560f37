#include "render/pass_timer.hpp"

#include <chrono>

#include "render/gl.hpp"

namespace dermasim::render {

namespace {

double now_s() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

constexpr GLenum fragment_shader_invocations = 0x82F4;  // GL_ARB_pipeline_statistics_query, core in 4.6

bool has_extension(const char* name) {
  GLint count = 0;
  glGetIntegerv(GL_NUM_EXTENSIONS, &count);
  for (GLint i = 0; i < count; ++i) {
    const auto* ext = reinterpret_cast<const char*>(glGetStringi(GL_EXTENSIONS, static_cast<GLuint>(i)));
    if (ext && std::string_view(ext) == name) return true;
  }
  return false;
}

}  // namespace

void PassTimer::restart_count() {
  if (counting_ < 0) {
    counting_ = has_extension("GL_ARB_pipeline_statistics_query") ? 1 : 0;
    if (counting_ == 1) glGenQueries(1, &query_);
  }
  if (counting_ == 1) {
    glBeginQuery(fragment_shader_invocations, query_);
    query_active_ = true;
  }
}

unsigned long long PassTimer::end_count() {
  if (!query_active_) return 0;
  glEndQuery(fragment_shader_invocations);
  query_active_ = false;
  GLuint64 n = 0;
  glGetQueryObjectui64v(query_, GL_QUERY_RESULT, &n);
  return n;
}

void PassTimer::set_enabled(bool on) {
  if (!on && query_active_) end_count();
  enabled_ = on;
}

void PassTimer::begin_frame() {
  if (!enabled_) return;
  glFinish();
  last_s_ = now_s();
  restart_count();
}

void PassTimer::mark(std::string_view pass) {
  if (!enabled_) return;
  glFinish();
  const double t = now_s();
  const auto fragments = end_count();
  auto it = passes_.begin();
  while (it != passes_.end() && it->name != pass) ++it;
  if (it == passes_.end()) {
    passes_.push_back({std::string(pass), {}});
    it = passes_.end() - 1;
  }
  it->ms.push_back((t - last_s_) * 1000.0);
  if (counting_ == 1) it->fragments.push_back(static_cast<double>(fragments));
  last_s_ = now_s();
  restart_count();
}

PassTimer& pass_timer() {
  static PassTimer timer;
  return timer;
}

}  // namespace dermasim::render
