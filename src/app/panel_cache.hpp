#pragma once
// Panels that did not change, copied instead of drawn, on software OpenGL.
// A panel's text is hundreds of small blended triangles, and llvmpipe pays
// for each of them every frame although most panels show the same thing
// frame after frame (help, view settings, the plan). Where a panel's draw
// commands are byte for byte those of the frame before, the pixels inside its
// opaque background are too: they are kept in a layer texture and copied back,
// and only the triangles that reach its one-pixel edge (the border, blended
// over the scene) are drawn.
//
// Why the copy is exact: inside the rectangle `inner` the panel first paints
// opaque quads (title bar and background, checked in its commands, not
// assumed), so nothing drawn before it shows there; what it draws there
// depends on its commands alone; and a panel is taken into the layer only
// when nothing drawn after it reaches `inner`. Anything drawn after it is
// drawn as usual, on top of the copy.
#include <cstdint>
#include <vector>

#include <imgui.h>

#include "app/panel_backgrounds.hpp"
#include "render/gl_handles.hpp"
#include "render/pixel_rect.hpp"

namespace dermasim::app {

class PanelCache {
 public:
  struct FrameStats {
    int drawn = 0;     // panels that could be kept, drawn in full
    int copied = 0;    // panels copied from the layer
    int captured = 0;  // panels taken into the layer after drawing
  };

  /// After ImGui::Render() and before anything edits the draw lists
  /// (PanelBackgrounds): which panels are the same as the frame before.
  void compare(const ImDrawData& draw_data);
  /// Just before the backend draws: each panel to copy keeps only the
  /// triangles that reach outside `inner`, then copies `inner` from the layer.
  void substitute(ImDrawData& draw_data);
  /// After the backend drew: takes into the layer each panel drawn the same
  /// two frames running that nothing drawn after it overlaps.
  void capture();
  FrameStats last_frame() const { return stats_; }
  /// After substitute(): the panels this frame copies, for PanelBackgrounds
  /// to leave their inner rectangles uncleared.
  const std::vector<PanelBackgrounds::Copied>& copied() const { return copied_; }
  /// Forgets every panel: the next frames draw them all.
  void clear();

  /// One copy from the layer: GL framebuffers and a rectangle, origin at the bottom left.
  struct Copy {
    GLuint from = 0, to = 0;
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  };

 private:
  struct Panel {
    ImGuiID id = 0;  // the window's
    std::vector<std::uint8_t> commands;  // what is compared frame to frame
    render::PixelRect inner;             // framebuffer pixels, origin at the top left
    bool in_layer = false;               // the layer holds `inner` as `commands` draw it
  };
  // The consecutive draw lists of one top-level window (its own and its children's).
  struct Run {
    int first = 0, count = 0;  // in draw_data.CmdLists
    int panel = -1;            // into panels_; -1: not a panel that can be kept
    render::PixelRect reach;   // every pixel its commands may touch
    bool same = false;         // the same commands as the frame before
    bool copy = false;
  };

  int panel_for(ImGuiID id);
  void ensure_layer();

  std::vector<Panel> panels_;
  std::vector<Run> runs_;
  std::vector<Copy> copies_;  // read by the callbacks while the backend draws
  std::vector<PanelBackgrounds::Copied> copied_;
  std::vector<std::uint8_t> scratch_;
  render::GlTexture layer_texture_;
  render::GlFramebuffer layer_;
  int layer_width_ = 0, layer_height_ = 0;
  GLint target_ = -1;  // the framebuffer the panels were drawn into
  int width_ = 0, height_ = 0;
  FrameStats stats_;
};

}  // namespace dermasim::app
