// Touch input the ImGui way does not give: a finger dragging scrolls what is under it.
#include "imgui_internal.h"
#include "ui/app.hpp"

namespace sb::ui {

// A finger dragging across a list or the grid scrolls it, as every phone app does; ImGui on its own
// would treat it as a press on whatever was under the finger. The press is cancelled once the finger
// has moved, so a scroll never books a shift by accident. A shift chip being picked up (after a long
// press, rota_view.cpp) keeps the drag.
void App::touch_scroll() {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    const ImGuiIO& io = g.IO;
    if (!ImGui::IsMouseDown(ImGuiMouseButton_Left)) touch_scrolling_ = false;
    if (io.MouseSource != ImGuiMouseSource_TouchScreen || !ImGui::IsMouseDragging(ImGuiMouseButton_Left, 8) ||
        !rota_.drag.shift.empty())
        return;
    // A finger that rested for 0.4 s before moving is picking something up, not scrolling.
    if (!touch_scrolling_ && io.MouseDownDuration[0] > 0.4f) return;
    touch_scrolling_ = true;
    ImGuiWindow* w = g.HoveredWindow;
    while (w && (w->Flags & ImGuiWindowFlags_ChildWindow) && w->ScrollMax.y <= 0 && w->ScrollMax.x <= 0) w = w->ParentWindow;
    if (!w) return;
    if (g.ActiveId != 0 && g.ActiveIdWindow == w) ImGui::ClearActiveID();
    ImGui::SetScrollY(w, w->Scroll.y - io.MouseDelta.y);
    ImGui::SetScrollX(w, w->Scroll.x - io.MouseDelta.x);
}

}  // namespace sb::ui
