#include "app/panel_cache.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

#include <imgui_internal.h>

#include "app/panel_cost.hpp"

namespace dermasim::app {

namespace {

// More distinct panels than the simulator ever shows: past it the cache
// starts again rather than grow with windows that come and go.
constexpr std::size_t max_panels = 64;
// The opaque title bar and background are among a window's first primitives.
constexpr unsigned scanned_triangles = 64;

template <typename T>
void append(std::vector<std::uint8_t>& out, const T* data, std::size_t count) {
  const std::size_t at = out.size(), bytes = count * sizeof(T);
  out.resize(at + bytes);
  if (bytes > 0) std::memcpy(out.data() + at, data, bytes);
}
template <typename T>
void append(std::vector<std::uint8_t>& out, const T& value) {
  append(out, &value, 1);
}

bool intersects(const render::PixelRect& a, const render::PixelRect& b) {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

const ImGuiWindow* root_of(const ImDrawList* list, const ImGuiContext& g) {
  for (const ImGuiWindow* w : g.Windows)
    if (w->DrawList == list) return w->RootWindow;
  return nullptr;  // ImGui's background and foreground lists
}

// Whether `list` paints the rectangle [lo, hi] with one opaque quad of the
// font atlas's white texel: two triangles on its four corners that share a
// diagonal, so together they cover all of it.
bool paints_opaque(const ImDrawList& list, ImVec2 lo, ImVec2 hi, ImVec2 white_uv) {
  if (!(lo.x < hi.x && lo.y < hi.y)) return false;
  unsigned scanned = 0;
  for (const ImDrawCmd& cmd : list.CmdBuffer) {
    if (cmd.UserCallback) continue;
    const unsigned triangles = cmd.ElemCount / 3;
    const ImDrawIdx* idx = list.IdxBuffer.Data + cmd.IdxOffset;
    const int vertices = list.VtxBuffer.Size - static_cast<int>(cmd.VtxOffset);
    for (unsigned t = 0; t + 1 < triangles && scanned < scanned_triangles; ++t, ++scanned) {
      unsigned masks[2] = {0, 0};
      bool ok = true;
      for (int k = 0; k < 6 && ok; ++k) {
        const int i = idx[t * 3 + static_cast<unsigned>(k)];
        if (i >= vertices) return false;
        const ImDrawVert& v = list.VtxBuffer.Data[cmd.VtxOffset + static_cast<unsigned>(i)];
        const int cx = v.pos.x == lo.x ? 0 : v.pos.x == hi.x ? 1 : -1;
        const int cy = v.pos.y == lo.y ? 0 : v.pos.y == hi.y ? 1 : -1;
        ok = cx >= 0 && cy >= 0 && (v.col & IM_COL32_A_MASK) == IM_COL32_A_MASK && v.uv.x == white_uv.x &&
             v.uv.y == white_uv.y;
        if (ok) masks[k / 3] |= 1u << (cx + 2 * cy);
      }
      const auto corners = [](unsigned m) { return __builtin_popcount(m); };
      const unsigned shared = masks[0] & masks[1];
      // Corners 0 and 3, or 1 and 2, are opposite.
      if (ok && corners(masks[0]) == 3 && corners(masks[1]) == 3 && (shared == 0b1001u || shared == 0b0110u))
        return true;
    }
  }
  return false;
}

// The panel's pixels that its title bar and background cover, inside its
// border (blended over them), within the framebuffer.
render::PixelRect inner_pixels(const ImGuiWindow& w, const ImDrawData& d, int width, int height) {
  const render::PixelRect r = inside_border(w, w.Rect(), d.DisplayPos, d.FramebufferScale, 0);
  return {std::clamp(r.x0, 0, width), std::clamp(r.y0, 0, height), std::clamp(r.x1, 0, width),
          std::clamp(r.y1, 0, height)};
}

bool keepable_window(const ImGuiWindow& w) {
  constexpr ImGuiWindowFlags excluded = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoBackground |
                                        ImGuiWindowFlags_ChildWindow | ImGuiWindowFlags_Popup |
                                        ImGuiWindowFlags_Tooltip;
  return w.Active && !w.Hidden && !w.Collapsed && !(w.Flags & excluded);
}

// Widens `reach` by the pixels `cmd` can touch: its triangles' bounding box
// within its clip rectangle. (A window's frame is clipped to the whole
// viewport, so the clip rectangles alone would say every panel reaches everywhere.)
void include_drawn(const ImDrawList& list, const ImDrawCmd& cmd, const ImDrawData& d, render::PixelRect& reach) {
  if (cmd.ElemCount == 0) return;
  ImVec2 lo(cmd.ClipRect.z, cmd.ClipRect.w), hi(cmd.ClipRect.x, cmd.ClipRect.y);
  const ImDrawIdx* idx = list.IdxBuffer.Data + cmd.IdxOffset;
  const ImDrawVert* vtx = list.VtxBuffer.Data + cmd.VtxOffset;
  for (unsigned e = 0; e < cmd.ElemCount; ++e) {
    const ImVec2 p = vtx[idx[e]].pos;
    lo = ImMin(lo, p);
    hi = ImMax(hi, p);
  }
  lo = ImMax(lo, ImVec2(cmd.ClipRect.x, cmd.ClipRect.y));
  hi = ImMin(hi, ImVec2(cmd.ClipRect.z, cmd.ClipRect.w));
  if (!(lo.x < hi.x && lo.y < hi.y)) return;
  const ImVec2 s = d.FramebufferScale;
  reach.x0 = std::min(reach.x0, static_cast<int>(std::floor((lo.x - d.DisplayPos.x) * s.x)));
  reach.y0 = std::min(reach.y0, static_cast<int>(std::floor((lo.y - d.DisplayPos.y) * s.y)));
  reach.x1 = std::max(reach.x1, static_cast<int>(std::ceil((hi.x - d.DisplayPos.x) * s.x)));
  reach.y1 = std::max(reach.y1, static_cast<int>(std::ceil((hi.y - d.DisplayPos.y) * s.y)));
}

void copy_from_layer(const ImDrawList*, const ImDrawCmd* cmd) {
  const auto* c = static_cast<const PanelCache::Copy*>(cmd->UserCallbackData);
  glDisable(GL_SCISSOR_TEST);  // a blit is scissored too
  glBlitNamedFramebuffer(c->from, c->to, c->x0, c->y0, c->x1, c->y1, c->x0, c->y0, c->x1, c->y1, GL_COLOR_BUFFER_BIT,
                         GL_NEAREST);
  glEnable(GL_SCISSOR_TEST);  // the backend scissors each command and expects the test on
}

}  // namespace

void PanelCache::clear() {
  panels_.clear();
  runs_.clear();
  copied_.clear();
}

int PanelCache::panel_for(ImGuiID id) {
  for (std::size_t i = 0; i < panels_.size(); ++i)
    if (panels_[i].id == id) return static_cast<int>(i);
  if (panels_.size() >= max_panels) panels_.clear();
  panels_.push_back({id, {}, {}, false});
  return static_cast<int>(panels_.size() - 1);
}

void PanelCache::compare(const ImDrawData& d) {
  stats_ = {};
  runs_.clear();
  const ImGuiContext* g = ImGui::GetCurrentContext();
  if (!g || d.CmdListsCount == 0) return;
  GLint target = 0;
  glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &target);
  const int width = static_cast<int>(d.DisplaySize.x * d.FramebufferScale.x);
  const int height = static_cast<int>(d.DisplaySize.y * d.FramebufferScale.y);
  if (target != target_ || width != width_ || height != height_) {
    clear();
    target_ = target;
    width_ = width;
    height_ = height;
  }
  if (width <= 0 || height <= 0) return;
  const bool opaque_style = g->Style.Alpha >= 1.0f && g->Style.Colors[ImGuiCol_WindowBg].w >= 1.0f;
  const ImTextureID font = g->IO.Fonts->TexID;
  const ImVec2 white = g->DrawListSharedData.TexUvWhitePixel;

  for (int i = 0; i < d.CmdListsCount;) {
    const ImGuiWindow* root = root_of(d.CmdLists[i], *g);
    int j = i + 1;
    while (root && j < d.CmdListsCount && root_of(d.CmdLists[j], *g) == root) ++j;
    Run run;
    run.first = i;
    run.count = j - i;
    bool keepable = root && opaque_style && keepable_window(*root);
    render::PixelRect reach{width, height, 0, 0};
    for (int k = i; k < j; ++k)
      for (const ImDrawCmd& cmd : d.CmdLists[k]->CmdBuffer) {
        if (cmd.UserCallback == ImDrawCallback_ResetRenderState) continue;
        if (cmd.UserCallback) {  // it may draw anything, anywhere
          keepable = false;
          reach = {0, 0, width, height};
          continue;
        }
        if (cmd.TextureId != font) keepable = false;  // an image may change without its commands
        include_drawn(*d.CmdLists[k], cmd, d, reach);
      }
    run.reach = {std::max(reach.x0, 0), std::max(reach.y0, 0), std::min(reach.x1, width), std::min(reach.y1, height)};

    render::PixelRect inner;
    if (keepable) {
      inner = inner_pixels(*root, d, width, height);
      const ImRect title = root->TitleBarRect();
      const ImVec2 body_lo(root->Pos.x, root->Pos.y + root->TitleBarHeight());
      const ImVec2 body_hi(root->Pos.x + root->Size.x, root->Pos.y + root->Size.y);
      const ImDrawList& own = *d.CmdLists[i];
      keepable = !inner.empty() && root->DrawList == &own && paints_opaque(own, title.Min, title.Max, white) &&
                 paints_opaque(own, body_lo, body_hi, white);
    }
    if (keepable) {
      scratch_.clear();
      append(scratch_, inner);
      for (int k = i; k < j; ++k) {
        const ImDrawList& list = *d.CmdLists[k];
        append(scratch_, list.VtxBuffer.Size);
        append(scratch_, list.IdxBuffer.Size);
        append(scratch_, list.CmdBuffer.Size);
        append(scratch_, list.VtxBuffer.Data, static_cast<std::size_t>(list.VtxBuffer.Size));
        append(scratch_, list.IdxBuffer.Data, static_cast<std::size_t>(list.IdxBuffer.Size));
        for (const ImDrawCmd& cmd : list.CmdBuffer) {
          append(scratch_, cmd.ClipRect);
          append(scratch_, cmd.TextureId);
          append(scratch_, cmd.VtxOffset);
          append(scratch_, cmd.IdxOffset);
          append(scratch_, cmd.ElemCount);
        }
      }
      run.panel = panel_for(root->ID);
      Panel& p = panels_[static_cast<std::size_t>(run.panel)];
      run.same = p.commands == scratch_;  // `inner` is among the bytes
      if (!run.same) {
        p.commands.swap(scratch_);
        p.inner = inner;
        p.in_layer = false;
      }
      run.copy = run.same && p.in_layer;
    }
    runs_.push_back(run);
    i = j;
  }
}

void PanelCache::substitute(ImDrawData& d) {
  copies_.clear();
  copies_.reserve(runs_.size());  // the callbacks point into it
  copied_.clear();
  const ImVec2 s = d.FramebufferScale;
  for (const Run& run : runs_) {
    if (run.panel < 0) continue;
    if (!run.copy) {
      ++stats_.drawn;
      continue;
    }
    const render::PixelRect& inner = panels_[static_cast<std::size_t>(run.panel)].inner;
    const auto inside = [&](const ImDrawVert& v) {
      const float x = (v.pos.x - d.DisplayPos.x) * s.x, y = (v.pos.y - d.DisplayPos.y) * s.y;
      return x >= static_cast<float>(inner.x0) && x <= static_cast<float>(inner.x1) &&
             y >= static_cast<float>(inner.y0) && y <= static_cast<float>(inner.y1);
    };
    for (int k = run.first; k < run.first + run.count; ++k) {
      ImDrawList& list = *d.CmdLists[k];
      for (ImDrawCmd& cmd : list.CmdBuffer) {
        if (cmd.UserCallback || cmd.ElemCount < 3) continue;
        ImDrawIdx* idx = list.IdxBuffer.Data + cmd.IdxOffset;
        const ImDrawVert* vtx = list.VtxBuffer.Data + cmd.VtxOffset;
        // A triangle wholly inside `inner` covers only pixels the copy
        // replaces; the rest reach the edge and are drawn, in their order.
        unsigned kept = 0;
        for (unsigned t = 0; t + 2 < cmd.ElemCount; t += 3) {
          if (inside(vtx[idx[t]]) && inside(vtx[idx[t + 1]]) && inside(vtx[idx[t + 2]])) continue;
          idx[kept] = idx[t];
          idx[kept + 1] = idx[t + 1];
          idx[kept + 2] = idx[t + 2];
          kept += 3;
        }
        cmd.ElemCount = kept;
      }
    }
    ImDrawList& last = *d.CmdLists[run.first + run.count - 1];
    copies_.push_back({layer_.get(), static_cast<GLuint>(target_), inner.x0, height_ - inner.y1, inner.x1,
                       height_ - inner.y0});
    ImDrawCmd copy = last.CmdBuffer.back();
    copy.ElemCount = 0;
    copy.UserCallback = copy_from_layer;
    copy.UserCallbackData = &copies_.back();
    last.CmdBuffer.push_back(copy);
    copied_.push_back({panels_[static_cast<std::size_t>(run.panel)].id, inner});
    ++stats_.copied;
  }
}

void PanelCache::ensure_layer() {
  if (layer_ && layer_width_ == width_ && layer_height_ == height_) return;
  // Laid out like a window's colour buffer (BGRA bytes), so the copy to the
  // window converts nothing: on llvmpipe a 600x600 copy took 0.74-0.90 ms
  // this way against 0.95-2.4 ms from RGBA (one probe, 50 copies each). It is
  // still a textured draw there, not a memory copy. glTexImage rather than
  // glTexStorage, because only it says what the bytes look like.
  GLuint texture = 0;
  glGenTextures(1, &texture);
  layer_texture_ = render::GlTexture(texture);
  GLint bound = 0;
  glGetIntegerv(GL_TEXTURE_BINDING_2D, &bound);
  glBindTexture(GL_TEXTURE_2D, texture);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width_, height_, 0, GL_BGRA, GL_UNSIGNED_BYTE, nullptr);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAX_LEVEL, 0);
  glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(bound));
  GLuint framebuffer = 0;
  glCreateFramebuffers(1, &framebuffer);
  layer_ = render::GlFramebuffer(framebuffer);
  glNamedFramebufferTexture(framebuffer, GL_COLOR_ATTACHMENT0, layer_texture_.get(), 0);
  layer_width_ = width_;
  layer_height_ = height_;
  for (Panel& p : panels_) p.in_layer = false;
}

void PanelCache::capture() {
  GLboolean scissor = GL_FALSE;
  glGetBooleanv(GL_SCISSOR_TEST, &scissor);
  glDisable(GL_SCISSOR_TEST);
  for (std::size_t r = 0; r < runs_.size(); ++r) {
    const Run& run = runs_[r];
    // Drawn the same two frames running: a panel that changes every frame
    // (the gauges) is never copied into the layer for nothing.
    if (run.panel < 0 || run.copy || !run.same) continue;
    Panel& p = panels_[static_cast<std::size_t>(run.panel)];
    bool covered = false;
    for (std::size_t later = r + 1; later < runs_.size() && !covered; ++later)
      covered = intersects(runs_[later].reach, p.inner);
    if (covered) continue;
    ensure_layer();
    const render::PixelRect& q = p.inner;
    glBlitNamedFramebuffer(static_cast<GLuint>(target_), layer_.get(), q.x0, height_ - q.y1, q.x1, height_ - q.y0, q.x0,
                           height_ - q.y1, q.x1, height_ - q.y0, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    // The layer now holds this panel where another was kept.
    for (Panel& other : panels_)
      if (&other != &p && intersects(other.inner, q)) other.in_layer = false;
    p.in_layer = true;
    ++stats_.captured;
  }
  if (scissor) glEnable(GL_SCISSOR_TEST);
}

}  // namespace dermasim::app
