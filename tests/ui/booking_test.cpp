// A clinician on a phone books an open shift from the list: one tap on the card's button.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "core/demo_trust.hpp"
#include "imgui_internal.h"
#include "platform/headless/headless_ui.hpp"

using namespace sb;
using json = nlohmann::json;

namespace {
struct PhoneUi {
    headless::HeadlessUi ui{390, 844, SHIFTBANK_FONT_DIR};
    explicit PhoneUi(bool every_ward_instant) {
        DemoOptions o;
        o.staff = 60;
        o.weeks = 2;
        State s = make_demo_trust(o);
        for (Ward& w : s.wards) w.instant_booking = every_ward_instant;
        ui.app().set_state(std::move(s), "test");
        ui.app().session().today = ui.app().state().period_start;
        ui.set_clock(ui.app().state().period_start, 6 * 60);
        ui.app().sign_in_as(Role::Clinician);
        ui.app().session().view = ui::View::OpenShifts;
        ui.frame();
        ui.frame();
    }
    // Taps down the left half of the list until something changes (the first card's button).
    bool tap_first_button() {
        const int64_t before = ui.app().state().revision;
        for (float y = 140; y < 700 && ui.app().state().revision == before; y += 10) ui.click(110, y);
        return ui.app().state().revision != before;
    }
};
}  // namespace

TEST_CASE("book now: the first open shift becomes the clinician's, and they are told") {
    PhoneUi p(true);
    REQUIRE(p.tap_first_button());
    CHECK(p.ui.app().last_message().rfind("Booked: ", 0) == 0);
    const std::string me = p.ui.app().state().find_user(p.ui.app().session().user)->staff;
    int mine = 0;
    for (const Shift& s : p.ui.app().state().shifts) mine += s.assignee == me && s.status == ShiftStatus::Booked && s.source == ShiftSource::Bank;
    CHECK(mine == 1);
    // On a phone there is no Ctrl+Z: the toast offers Undo, and one tap puts the shift back.
    REQUIRE(p.ui.click_widget("\xef\x83\xa2  Undo##toast"));
    mine = 0;
    for (const Shift& s : p.ui.app().state().shifts) mine += s.assignee == me && s.status == ShiftStatus::Booked && s.source == ShiftSource::Bank;
    INFO(p.ui.app().last_message());
    CHECK(mine == 0);
    CHECK(p.ui.app().last_message().rfind("Undone: Booked: ", 0) == 0);
}

TEST_CASE("apply: on a ward that approves, the tap makes an application instead") {
    PhoneUi p(false);
    REQUIRE(p.tap_first_button());
    CHECK(p.ui.app().last_message().rfind("Applied for ", 0) == 0);
    REQUIRE(p.ui.app().state().applications.size() == 1);
    CHECK(p.ui.app().state().applications[0].status == RequestStatus::Pending);
}

TEST_CASE("on a touch screen a finger drag scrolls the list and books nothing") {
    PhoneUi p(true);
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
    io.AddMousePosEvent(200, 600);
    p.ui.frame();
    io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
    io.AddMouseButtonEvent(0, true);
    p.ui.frame();
    for (int i = 1; i <= 10; ++i) {
        io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
        io.AddMousePosEvent(200, 600 - 30.0f * float(i));
        p.ui.frame();
    }
    ImGuiWindow* content = ImGui::FindWindowByName("##content");
    REQUIRE(content);
    CHECK(content->Scroll.y > 100);
    io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
    io.AddMouseButtonEvent(0, false);
    p.ui.frame();
    p.ui.frame();
    CHECK(p.ui.app().state().revision == 0);   // the finger lifted over a button: still nothing booked
}

TEST_CASE("the manager approves an application from the queue in one click") {
    PhoneUi p(false);
    REQUIRE(p.tap_first_button());   // the clinician applies
    REQUIRE(p.ui.app().state().applications.size() == 1);
    const std::string shift = p.ui.app().state().applications[0].shift;
    const std::string applicant = p.ui.app().state().applications[0].staff;
    const Ward* ward = p.ui.app().state().find_ward(p.ui.app().state().find_shift(shift)->ward);
    // Sign in as that ward's manager: the queue is at the top of Open shifts.
    for (const User& u : p.ui.app().state().users)
        if (u.role == Role::Manager && !u.wards.empty() && u.wards.front() == ward->id) p.ui.app().session().user = u.id;
    p.ui.app().session().role = Role::Manager;
    p.ui.app().session().view = ui::View::OpenShifts;
    p.ui.frame();
    p.ui.frame();
    REQUIRE(p.tap_first_button());
    CHECK(p.ui.app().state().applications[0].status == RequestStatus::Approved);
    CHECK(p.ui.app().state().find_shift(shift)->assignee == applicant);
    CHECK(p.ui.app().last_message().rfind("Approved ", 0) == 0);
}
