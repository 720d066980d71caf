// The frame of the app that every screen shares: its sizes, and the window flags of its panels.
#pragma once
#include <string>

#include "imgui.h"

namespace sb::ui {

inline constexpr float kTopBarHeight = 56, kPhoneTopBarHeight = 64, kSideNavWidth = 196, kBottomTabsHeight = 64;
inline constexpr float kPhoneWidth = 700;   // CSS px: below this the layout becomes one column with tabs

inline const ImGuiWindowFlags kPanelFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                            ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;

}  // namespace sb::ui
