// Dear ImGui's item hooks (compiled in with IMGUI_ENABLE_TEST_ENGINE), which every widget calls as
// it is submitted: here they feed the accessibility mirror, so every interactive item is in it
// with its label, rectangle and state, whichever view drew it.
#include "imgui.h"
#include "imgui_internal.h"
#include "ui/access_mirror.hpp"

void ImGuiTestEngineHook_ItemAdd(ImGuiContext*, ImGuiID id, const ImRect& bb, const ImGuiLastItemData* item) {
    sb::ui::a11y::Mirror* m = sb::ui::a11y::current();
    // A window reports itself as an item too (no item data): its title is the dialog's name, not a button.
    if (!m || !m->enabled() || !item) return;
    const bool disabled = item && (item->InFlags & ImGuiItemFlags_Disabled);
    m->item_added(id, bb.Min.x, bb.Min.y, bb.Max.x, bb.Max.y, disabled);
    // A node the page focused: ImGui's focus follows, so both move on from the same place.
    if (id != 0 && m->focus_request() == id) {
        ImGuiContext& g = *GImGui;
        m->take_focus_request();
        ImGui::FocusWindow(g.CurrentWindow);
        ImGui::SetFocusID(id, g.CurrentWindow);
        g.NavDisableHighlight = false;
    }
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext*, ImGuiID id, const char* label, ImGuiItemStatusFlags flags) {
    sb::ui::a11y::Mirror* m = sb::ui::a11y::current();
    if (!m || !m->enabled()) return;
    m->item_info(id, label, flags & ImGuiItemStatusFlags_Inputable, flags & ImGuiItemStatusFlags_Checkable, flags & ImGuiItemStatusFlags_Checked,
                 flags & ImGuiItemStatusFlags_Openable, flags & ImGuiItemStatusFlags_Opened);
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }
