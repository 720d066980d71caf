// The app shell driven headlessly: real ImGui frames, real input events, no window or GPU.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "core/demo_trust.hpp"
#include "platform/headless/headless_ui.hpp"

using namespace sb;
using json = nlohmann::json;

namespace {
State demo(int staff = 60) {
    DemoOptions o;
    o.staff = staff;
    o.weeks = 2;
    return make_demo_trust(o);
}
}  // namespace

TEST_CASE("before data arrives the app says it is loading; after, it shows the manager's rota") {
    headless::HeadlessUi ui(1280, 800, SHIFTBANK_FONT_DIR);
    CHECK(ui.app().fonts_loaded());   // Inter and the icons, not ImGui's bitmap font
    ui.frame();
    json s = json::parse(ui.app().summary_json());
    CHECK(s["loaded"] == false);
    ui.app().set_state(demo(), "test");
    ui.frame();
    s = json::parse(ui.app().summary_json());
    CHECK(s["loaded"] == true);
    CHECK(s["staff"] == 61);
    CHECK(s["view"] == "Rota");
    CHECK(s["role"] == "manager");
    CHECK(ImGui::GetDrawData()->TotalVtxCount > 1000);   // it drew a grid, not an empty window
}

TEST_CASE("clicking the side navigation changes the view") {
    headless::HeadlessUi ui(1280, 800, SHIFTBANK_FONT_DIR);
    ui.app().set_state(demo(), "test");
    ui.frame();
    // Nav items are 40 px tall from y = 56 + 12: Home, Rota, Open shifts, My rota, Reports.
    ui.click(80, 56 + 12 + 2 * 40 + 20);
    CHECK(ui.app().session().view == ui::View::OpenShifts);
    ui.click(80, 56 + 12 + 4 * 40 + 20);
    CHECK(ui.app().session().view == ui::View::Reports);
    ui.click(80, 56 + 12 + 20);
    CHECK(ui.app().session().view == ui::View::Home);
}

TEST_CASE("a phone-width screen gets bottom tabs instead of the side navigation") {
    headless::HeadlessUi ui(390, 844, SHIFTBANK_FONT_DIR);
    ui.app().set_state(demo(), "test");
    ui.app().session().view = ui::View::Rota;
    ui.frame();
    // A manager's tabs: Rota, Bank (open shifts), Home, Reports across the bottom 64 px.
    ui.click(390.0f * 1.5f / 4, 844 - 30);
    CHECK(ui.app().session().view == ui::View::OpenShifts);
}

TEST_CASE("a load failure is shown in words, and counts as finished loading") {
    headless::HeadlessUi ui(1280, 800, SHIFTBANK_FONT_DIR);
    ui.app().set_load_failure("The server answered HTTP 500");
    ui.frame();
    CHECK(ui.app().finished_loading());
    const json s = json::parse(ui.app().summary_json());
    CHECK(s["failed"] == true);
    CHECK(s["error"] == "The server answered HTTP 500");
}

TEST_CASE("every view draws for every role without tripping ImGui's checks") {
    headless::HeadlessUi ui(1280, 800, SHIFTBANK_FONT_DIR);
    ui.app().set_state(demo(120), "test");
    for (Role role : {Role::Manager, Role::Clinician, Role::Admin}) {
        for (ui::View v : {ui::View::Home, ui::View::Rota, ui::View::OpenShifts, ui::View::MyRota, ui::View::Reports}) {
            ui.app().session().role = role;
            ui.app().session().view = v;
            ui.frame();
            ui.frame();
            CHECK(ImGui::GetDrawData()->TotalVtxCount > 0);
        }
    }
}

TEST_CASE("the text-size setting rebuilds the fonts larger") {
    headless::HeadlessUi ui(390, 844, SHIFTBANK_FONT_DIR);
    ui.app().set_state(demo(), "test");
    const float normal = ui.app().fonts().body->FontSize;
    CHECK_FALSE(ui.app().update_fonts(1.0f));   // nothing changed
    ui.app().session().text_scale = 1.4f;
    CHECK(ui.app().update_fonts(1.0f));
    CHECK(ui.app().fonts().body->FontSize == doctest::Approx(normal * 1.4f));
    unsigned char* pixels;
    int w, h;
    ImGui::GetIO().Fonts->GetTexDataAsAlpha8(&pixels, &w, &h);
    ui.frame();
    CHECK(ImGui::GetDrawData()->TotalVtxCount > 0);
}

TEST_CASE("Home greets a person by their first name, and the administrator's account, a post, by none") {
    headless::HeadlessUi ui(1280, 800, SHIFTBANK_FONT_DIR);
    ui.app().set_accessibility(true);
    ui.app().set_state(demo(120), "test");
    auto texts = [&] {
        std::string all;
        for (const auto& n : ui.app().mirror().nodes())
            if (n.role == ui::a11y::Role::Text) all += n.name + "\n";
        return all;
    };
    ui.app().sign_in_as(Role::Admin);
    ui.app().session().view = ui::View::Home;
    for (int i = 0; i < 3; ++i) ui.frame();
    CHECK(texts().find("Hello,") == std::string::npos);
    CHECK(texts().find("Home\n") != std::string::npos);
    ui.app().sign_in_as(Role::Clinician);
    ui.app().session().view = ui::View::Home;
    for (int i = 0; i < 3; ++i) ui.frame();
    const User* u = ui.app().state().find_user(ui.app().session().user);
    REQUIRE(u);
    const Staff* me = ui.app().state().find_staff(u->staff);
    REQUIRE(me);
    CHECK(texts().find("Hello, " + me->name.substr(0, me->name.find(' ')) + "\n") != std::string::npos);
}
