// Targets big enough to hit (WCAG 2.5.8): every control the accessibility mirror lists — which is
// every interactive item ImGui drew — is at least 24 × 24 CSS px on a desktop and 44 × 44 on a
// phone's touch screen, on every screen, for every role.
#include <doctest/doctest.h>

#include "core/demo_trust.hpp"
#include "platform/headless/headless_ui.hpp"

using namespace sb;
using ARole = ui::a11y::Role;

namespace {
bool interactive(ARole r) {
    switch (r) {
        case ARole::Button: case ARole::Link: case ARole::TextBox: case ARole::Password: case ARole::CheckBox:
        case ARole::ComboBox: case ARole::MenuItem: case ARole::Option: return true;
        default: return false;
    }
}

// The controls smaller than `min` on each screen, as "Rota: "Vacant: 3" 61×17".
std::vector<std::string> small_targets(float width, float height, float min, bool touch) {
    std::vector<std::string> out;
    for (Role role : {Role::Manager, Role::Clinician, Role::Admin})
        for (ui::View view : {ui::View::Home, ui::View::Rota, ui::View::OpenShifts, ui::View::MyRota, ui::View::Reports}) {
            headless::HeadlessUi ui(width, height, SHIFTBANK_FONT_DIR);
            if (touch) ImGui::GetIO().AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
            ui.app().set_accessibility(true);
            ui.load_demo(40, 2);
            ui.app().sign_in_as(role);
            ui.app().session().view = view;
            for (int i = 0; i < 4; ++i) ui.frame();
            for (const auto& n : ui.app().mirror().nodes()) {
                if (!interactive(n.role) || n.disabled) continue;
                // Drawn on screen only: a row scrolled half out of view is cut by its window, not small.
                if (n.y < 0 || n.y + n.h > height || n.x < 0 || n.x + n.w > width) continue;
                if (n.w + 0.5f < min || n.h + 0.5f < min)
                    out.push_back(std::string(ui::view_title(view)) + " (" + std::string(to_string(role)) + "): \"" + n.name + "\" " +
                                  std::to_string(int(n.w)) + "x" + std::to_string(int(n.h)));
            }
        }
    return out;
}
}  // namespace

TEST_CASE("every control on every screen is at least 24 x 24 px on a desktop") {
    const auto small = small_targets(1280, 800, 24, false);
    for (const auto& s : small) MESSAGE(s);
    CHECK(small.empty());
}

TEST_CASE("every control on every screen is at least 44 x 44 px on a phone's touch screen") {
    const auto small = small_targets(390, 844, 44, true);
    for (const auto& s : small) MESSAGE(s);
    CHECK(small.empty());
}
