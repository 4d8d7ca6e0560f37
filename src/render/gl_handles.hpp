#pragma once
// Move-only owners of GL object names: each deletes its object exactly once.
#include <utility>

#include "render/gl.hpp"

namespace dermasim::render {

template <void (*Delete)(GLuint)>
class GlHandle {
 public:
  GlHandle() = default;
  explicit GlHandle(GLuint id) : id_(id) {}
  GlHandle(const GlHandle&) = delete;
  GlHandle& operator=(const GlHandle&) = delete;
  GlHandle(GlHandle&& other) noexcept : id_(std::exchange(other.id_, 0)) {}
  GlHandle& operator=(GlHandle&& other) noexcept {
    if (this != &other) {
      reset();
      id_ = std::exchange(other.id_, 0);
    }
    return *this;
  }
  ~GlHandle() { reset(); }
  GLuint get() const { return id_; }
  explicit operator bool() const { return id_ != 0; }
  void reset() {
    if (id_) Delete(id_);
    id_ = 0;
  }

 private:
  GLuint id_ = 0;
};

namespace detail {
inline void delete_buffer(GLuint id) { glDeleteBuffers(1, &id); }
inline void delete_vertex_array(GLuint id) { glDeleteVertexArrays(1, &id); }
inline void delete_texture(GLuint id) { glDeleteTextures(1, &id); }
inline void delete_framebuffer(GLuint id) { glDeleteFramebuffers(1, &id); }
inline void delete_renderbuffer(GLuint id) { glDeleteRenderbuffers(1, &id); }
inline void delete_program(GLuint id) { glDeleteProgram(id); }
inline void delete_shader(GLuint id) { glDeleteShader(id); }
}  // namespace detail

using GlBuffer = GlHandle<detail::delete_buffer>;
using GlVertexArray = GlHandle<detail::delete_vertex_array>;
using GlTexture = GlHandle<detail::delete_texture>;
using GlFramebuffer = GlHandle<detail::delete_framebuffer>;
using GlRenderbuffer = GlHandle<detail::delete_renderbuffer>;
using GlProgram = GlHandle<detail::delete_program>;
using GlShader = GlHandle<detail::delete_shader>;

inline GlBuffer make_buffer() {
  GLuint id = 0;
  glCreateBuffers(1, &id);
  return GlBuffer(id);
}
inline GlVertexArray make_vertex_array() {
  GLuint id = 0;
  glCreateVertexArrays(1, &id);
  return GlVertexArray(id);
}
inline GlTexture make_texture(GLenum target) {
  GLuint id = 0;
  glCreateTextures(target, 1, &id);
  return GlTexture(id);
}

}  // namespace dermasim::render
