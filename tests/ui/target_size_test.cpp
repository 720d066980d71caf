// Targets big enough to hit (WCAG 2.5.8): every control the accessibility mirror lists — which is
// every interactive item ImGui drew — is at least 24 × 24 CSS px on a desktop and 44 × 44 on a
// phone's touch screen, on every screen, for every role.
#include <doctest/doctest.h>

#include "core/demo_trust.hpp"
#include "every_screen.hpp"
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
    test::for_every_screen(width, height, touch, 1.0f, [&](headless::HeadlessUi& ui, ui::View view, Role role) {
        for (const auto& n : ui.app().mirror().nodes()) {
            if (!interactive(n.role) || n.disabled) continue;
            // Drawn on screen only: a row scrolled half out of view is cut by its window, not small.
            if (n.y < 0 || n.y + n.h > height || n.x < 0 || n.x + n.w > width) continue;
            if (n.w + 0.5f < min || n.h + 0.5f < min)
                out.push_back(std::string(ui::view_title(view)) + " (" + std::string(to_string(role)) + "): \"" + n.name + "\" " +
                              std::to_string(int(n.w)) + "x" + std::to_string(int(n.h)));
        }
    });
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

TEST_CASE("every item of a drop-down list or a menu is at least 44 px high on a phone's touch screen, and wholly in its menu") {
    std::vector<std::string> small;
    int lists = 0, items = 0;
    for (Role role : {Role::Manager, Role::Clinician})
        for (ui::View view : {ui::View::Rota, ui::View::OpenShifts}) {
            headless::HeadlessUi ui(390, 844, SHIFTBANK_FONT_DIR);
            ImGui::GetIO().AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
            ui.app().set_accessibility(true);
            ui.load_demo(40, 2);
            ui.app().sign_in_as(role);
            ui.app().session().view = view;
            if (view == ui::View::OpenShifts) ui.app().open_shifts_screen().open.shown = true;   // the phone's filters unfolded
            for (int i = 0; i < 4; ++i) ui.frame();
            // Every combo box on the screen, and the person's own menu, opened in turn as a tap would.
            std::vector<uint32_t> openers;
            for (const auto& n : ui.app().mirror().nodes())
                if (n.role == ARole::ComboBox || (n.role == ARole::Button && n.name.rfind("Your menu", 0) == 0)) openers.push_back(n.id);
            for (uint32_t id : openers) {
                ui.app().mirror_activate(id);
                for (int i = 0; i < 3; ++i) ui.frame();
                bool any = false;
                for (const auto& n : ui.app().mirror().nodes()) {
                    if (n.role != ARole::Option && n.role != ARole::MenuItem) continue;
                    any = true, ++items;
                    if (n.h + 0.5f < 44) small.push_back(std::string(ui::view_title(view)) + ": \"" + n.name + "\" " + std::to_string(int(n.h)) + " px high");
                    // A menu does not scroll (a long list does): an item past its edge is lost.
                    if (n.role == ARole::MenuItem && n.cut) small.push_back(std::string(ui::view_title(view)) + ": \"" + n.name + "\" cut off by its menu's edge");
                }
                lists += any;
                ImGui::GetIO().AddKeyEvent(ImGuiKey_Escape, true);
                ui.frame();
                ImGui::GetIO().AddKeyEvent(ImGuiKey_Escape, false);
                for (int i = 0; i < 2; ++i) ui.frame();
            }
        }
    for (const auto& s : small) MESSAGE(s);
    MESSAGE(lists << " lists and menus opened, " << items << " items");
    CHECK(lists >= 8);
    CHECK(small.empty());
}
