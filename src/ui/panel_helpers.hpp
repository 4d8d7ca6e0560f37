#pragma once
// Small drawing helpers shared by the panels.
#include <imgui.h>

namespace dermasim::ui {

/// A labelled separator (ImGui 1.86 has no SeparatorText).
inline void section(const char* label) {
  ImGui::Spacing();
  ImGui::Separator();
  ImGui::TextDisabled("%s", label);
}

}  // namespace dermasim::ui
