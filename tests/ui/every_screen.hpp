// Each screen, as each role sees it, in a headless app of this size (a phone's touch screen when
// `touch`) at this text size, with the accessibility mirror on: the layout and target-size tests
// walk them all through this.
#pragma once
#include <functional>

#include "platform/headless/headless_ui.hpp"

namespace sb::test {

inline void for_every_screen(float width, float height, bool touch, float text_scale,
                             const std::function<void(headless::HeadlessUi&, ui::View, Role)>& visit) {
    for (Role role : {Role::Manager, Role::Clinician, Role::Admin})
        for (ui::View view : {ui::View::Home, ui::View::Rota, ui::View::OpenShifts, ui::View::MyRota, ui::View::Reports, ui::View::Staff}) {
            headless::HeadlessUi ui(width, height, SHIFTBANK_FONT_DIR);
            if (touch) ImGui::GetIO().AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
            if (text_scale != 1.0f) ui.set_text_scale(text_scale);
            ui.app().set_accessibility(true);
            ui.load_demo(40, 2);
            ui.app().sign_in_as(role);
            ui.app().session().view = view;
            for (int i = 0; i < 4; ++i) ui.frame();   // cards size themselves over the first frames
            visit(ui, view, role);
        }
}

}  // namespace sb::test
