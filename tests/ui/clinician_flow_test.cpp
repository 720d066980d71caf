// The clinician's and the manager's bank screens driven through the UI: filters, leave, swaps,
// rate raises with notifications, and a late cancellation with a typed reason.
#include <doctest/doctest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/demo_trust.hpp"
#include "platform/headless/headless_ui.hpp"
#include "ui/icons.hpp"

using namespace sb;
using json = nlohmann::json;

namespace {
State demo(int staff = 120) {
    DemoOptions o;
    o.staff = staff;
    o.weeks = 4;
    return make_demo_trust(o);
}

struct Screen {
    headless::HeadlessUi ui;
    Screen(int w, int h, State s) : ui(w, h, SHIFTBANK_FONT_DIR) {
        ui.app().set_state(std::move(s), "test");
        ui.app().session().today = ui.app().state().period_start;
        ui.set_clock(ui.app().state().period_start, 6 * 60);
    }
    void show(Role role, ui::View view, const std::string& user = "") {
        ui.app().sign_in_as(role);
        if (!user.empty()) ui.app().session().user = user;
        ui.app().session().view = view;
        ui.frame();
        ui.frame();
    }
    json summary() { return json::parse(ui.app().summary_json()); }
    const State& state() { return ui.app().state(); }
    std::string me() { return state().find_user(ui.app().session().user)->staff; }
};
}  // namespace

TEST_CASE("open-shift filters: shift type, rate and dates narrow the list; sorting by rate puts the best paid first") {
    Screen s(1280, 800, demo());
    s.show(Role::Clinician, ui::View::OpenShifts);
    const size_t all = s.summary()["open_listed"];
    REQUIRE(all > 4);
    auto& f = s.ui.app().open_shifts_screen().open;
    f.type = "night";
    s.ui.frame();
    const size_t nights = s.summary()["open_listed"];
    CHECK(nights < all);
    const Staff* me = s.state().find_staff(s.me());
    size_t expected = 0;
    for (const Shift& x : s.state().shifts)
        if (x.status == ShiftStatus::Open && x.type == "night" && x.start.date >= s.ui.app().session().today &&
            x.requirements.group == me->group &&
            (x.requirements.grades.empty() || std::count(x.requirements.grades.begin(), x.requirements.grades.end(), me->grade)))
            ++expected;
    CHECK(nights == expected);
    f = {};
    f.range = 1;   // next 7 days
    s.ui.frame();
    CHECK(size_t(s.summary()["open_listed"]) < all);
    f = {};
    f.min_rate = 100000;
    s.ui.frame();
    CHECK(s.summary()["open_listed"] == 0);
    // Best paid first: the first bookable card is the best-paid bookable shift.
    f = {};
    f.sort = 1;
    f.show = 1;   // Can book
    s.ui.frame();
    s.ui.frame();
    int best = 0, first = -1;
    for (const auto& r : ui::widget_rects()) {
        const auto hash = r.label.find("##");
        if (hash == std::string::npos || (r.label.rfind("Book now", 0) != 0 && r.label.rfind("Apply", 0) != 0)) continue;
        const Shift* x = s.state().find_shift(r.label.substr(hash + 2));
        REQUIRE(x);
        if (first < 0) first = x->rate_pence_per_hour;
        best = std::max(best, x->rate_pence_per_hour);
    }
    CHECK(first == best);
}

TEST_CASE("leave: the clinician asks on My rota, the manager approves it from Home") {
    Screen s(1280, 800, demo());
    s.show(Role::Clinician, ui::View::MyRota);
    const std::string me = s.me();
    REQUIRE(s.ui.click_widget(ICON_PLANE "  Request leave"));
    REQUIRE(s.ui.click_widget("Send request"));
    auto mine = [&] {
        for (const Leave& l : s.state().leave)
            if (l.staff == me) return &l;
        return static_cast<const Leave*>(nullptr);
    };
    REQUIRE(mine());
    CHECK(mine()->status == RequestStatus::Pending);
    CHECK(mine()->first == s.ui.app().session().today + 14);
    const std::string id = mine()->id;
    // A manager of the person's ward: find one, then decide on Home.
    const Staff* p = s.state().find_staff(me);
    std::string manager;
    for (const User& u : s.state().users)
        if (u.role == Role::Manager && std::find(u.wards.begin(), u.wards.end(), p->wards.front()) != u.wards.end()) manager = u.id;
    REQUIRE_FALSE(manager.empty());
    s.show(Role::Manager, ui::View::Home, manager);
    REQUIRE(s.ui.click_widget("Approve leave##" + id));
    CHECK(mine()->status == RequestStatus::Approved);
}

TEST_CASE("swap: offered from My rota, accepted by the colleague on Home, approved by the coordinator") {
    Screen s(1280, 800, demo());
    s.show(Role::Clinician, ui::View::MyRota);
    const std::string me = s.me();
    // One of my shifts that has a like-for-like candidate: try my future shifts until one shows "Ask to swap".
    bool asked = false;
    for (const Shift& x : s.state().shifts) {
        if (x.assignee != me || x.start.date < s.ui.app().session().today + 2) continue;
        s.ui.app().my_rota_screen().picked_shift = x.id;
        s.ui.app().my_rota_screen().swap_for = x.id;
        s.ui.frame();
        s.ui.frame();
        if (s.ui.click_widget("Ask to swap##")) {
            asked = true;
            break;
        }
    }
    REQUIRE(asked);
    REQUIRE(s.state().swaps.size() == 1);
    const Swap w = s.state().swaps[0];
    std::string colleague;
    for (const User& u : s.state().users)
        if (u.staff == w.to) colleague = u.id;
    REQUIRE_FALSE(colleague.empty());
    s.show(Role::Clinician, ui::View::Home, colleague);
    REQUIRE(s.ui.click_widget("Accept swap##" + w.id));
    INFO(s.ui.app().last_message());
    CHECK(s.state().swaps[0].status == RequestStatus::Accepted);
    s.show(Role::Admin, ui::View::Home);
    REQUIRE(s.ui.click_widget("Approve swap##" + w.id));
    CHECK(s.state().swaps[0].status == RequestStatus::Approved);
    CHECK(s.state().find_shift(w.shift)->assignee == w.to);
    CHECK(s.state().find_shift(w.other_shift)->assignee == w.from);
}

TEST_CASE("a manager raises a vacancy's rate; eligible clinicians see it on Home and mark it read") {
    Screen s(1280, 800, demo());
    s.show(Role::Admin, ui::View::OpenShifts);
    REQUIRE(s.ui.click_widget(ICON_ARROW_UP "  Raise rate##"));
    std::string shift;
    for (const auto& r : ui::widget_rects())
        if (r.label.rfind("Raise and tell staff##", 0) == 0) shift = r.label.substr(r.label.find("##") + 2);
    REQUIRE_FALSE(shift.empty());
    const int before = s.state().find_shift(shift)->rate_pence_per_hour;
    REQUIRE(s.ui.click_widget("Raise and tell staff##"));
    CHECK(s.state().find_shift(shift)->rate_pence_per_hour == before + 200);
    REQUIRE_FALSE(s.state().notifications.empty());
    const Notification n = s.state().notifications.front();
    CHECK(n.kind == NoticeKind::RateRaised);
    std::string clinician;
    for (const User& u : s.state().users)
        if (u.staff == n.staff) clinician = u.id;
    s.show(Role::Clinician, ui::View::Home, clinician);
    CHECK(s.summary()["unread_notifications"] == 1);
    REQUIRE(s.ui.click_widget("Mark all read"));
    CHECK(s.summary()["unread_notifications"] == 0);
}

TEST_CASE("a late cancellation needs a reason, typed in any script, and is recorded") {
    Screen s(1280, 800, demo());
    s.show(Role::Clinician, ui::View::MyRota);
    const std::string me = s.me();
    // Make one of their shifts tomorrow a bank booking (less than 48 h away), or give them one.
    State st = s.state();
    const Date tomorrow = s.ui.app().session().today + 1;
    std::string id;
    for (Shift& x : st.shifts)
        if (id.empty() && x.assignee == me && x.start.date == tomorrow) {
            x.status = ShiftStatus::Booked;
            x.source = ShiftSource::Bank;
            id = x.id;
        }
    for (Shift& x : st.shifts)
        if (id.empty() && x.start.date == tomorrow && x.status == ShiftStatus::Open && x.requirements.group == st.find_staff(me)->group) {
            x.assignee = me;
            x.status = ShiftStatus::Booked;
            id = x.id;
        }
    REQUIRE_FALSE(id.empty());
    const Date today = s.ui.app().session().today;
    s.ui.app().set_state(st, "test");
    s.ui.app().session().today = today;
    s.show(Role::Clinician, ui::View::MyRota);
    s.ui.app().session().user = st.user_for_staff(me)->id;
    // The clock the commands are stamped with: 09:00 today, so tomorrow's shift is inside the 48 h.
    const int64_t nine = (london_to_utc({today, 9 * 60})) * 60;
    s.ui.app().store().set_clock([nine] { return nine; });
    s.ui.app().my_rota_screen().picked_shift = id;
    s.ui.frame();
    s.ui.frame();
    REQUIRE(s.ui.click_widget("Cancel late (recorded)"));
    CHECK(s.state().find_shift(id)->status == ShiftStatus::Booked);   // disabled until there is a reason
    const auto fields = ui::widget_rects();
    auto reason = std::find_if(fields.begin(), fields.end(), [](const ui::WidgetRect& r) { return r.text_field && r.label == "##reason"; });
    REQUIRE(reason != fields.end());
    s.ui.click((reason->min.x + reason->max.x) / 2, (reason->min.y + reason->max.y) / 2);
    s.ui.type("Zoë's child is ill; Łukasz knows");
    REQUIRE(s.ui.click_widget("Cancel late (recorded)"));
    CHECK(s.state().find_shift(id)->status == ShiftStatus::Open);
    REQUIRE_FALSE(s.state().cancellations.empty());
    CHECK(s.state().cancellations.back().late);
    CHECK(s.state().cancellations.back().reason == "Zoë's child is ill; Łukasz knows");
}

TEST_CASE("a booking a rule forbids: the card names the rule and its numbers, and the command is refused") {
    Screen s(390, 844, demo());
    s.show(Role::Clinician, ui::View::OpenShifts);
    const std::string me = s.me();
    State st = s.state();
    const Staff& person = *st.find_staff(me);
    // An open shift they could work, and a shift of theirs that ends 5 hours before it starts.
    const Shift* open = nullptr;
    for (const Shift& x : st.shifts)
        if (x.status == ShiftStatus::Open && x.start.date > s.ui.app().session().today + 3 && eligible_for(person, x) &&
            x.start.minute >= 13 * 60)
            open = &x;
    REQUIRE(open);
    Shift mine = *open;
    mine.id = "mine-before";
    mine.assignee = me;
    mine.status = ShiftStatus::Published;
    mine.source = ShiftSource::Roster;
    mine.start = {open->start.date, open->start.minute - 9 * 60};
    mine.end = {open->start.date, open->start.minute - 5 * 60};
    const std::string open_id = open->id;
    // Nothing else of theirs that day, so the rest rule is the one that speaks.
    std::erase_if(st.shifts, [&](const Shift& x) { return x.assignee == me && x.start.date >= mine.start.date - 1 && x.start.date <= mine.start.date + 1; });
    st.shifts.push_back(mine);
    const Date today = s.ui.app().session().today;
    s.ui.app().set_state(st, "test");
    s.ui.app().session().today = today;
    s.show(Role::Clinician, ui::View::OpenShifts, st.user_for_staff(me)->id);
    s.ui.app().open_shifts_screen().open.type = mine.type;   // keep the list short enough to draw it
    s.ui.frame();
    s.ui.frame();
    const std::string refusal = s.ui.app().open_shifts_screen().open_refusals[open_id];
    CHECK(refusal.find("5 h rest") != std::string::npos);
    CHECK(refusal.find("the minimum is 11 h") != std::string::npos);
    // No button to book it; and the command itself, if sent, is refused with the same words.
    bool has_button = false;
    for (const auto& r : ui::widget_rects()) has_button |= r.label.find("##" + open_id) != std::string::npos;
    CHECK_FALSE(has_button);
    const CommandResult r = s.ui.app().submit("apply", {{"shift", open_id}}, "Applied");
    CHECK(r.status == CommandStatus::Rejected);
    CHECK(r.reason.find("5 h rest") != std::string::npos);
    CHECK(s.summary()["message_is_error"] == true);
}

TEST_CASE("why not: a nurse whose DBS check has expired is told so instead of an empty list, and the shifts are one tap away") {
    Screen s(390, 844, demo());
    s.ui.app().set_accessibility(true);
    s.show(Role::Clinician, ui::View::OpenShifts);
    const std::string me = s.me(), user = s.ui.app().session().user;
    const Date today = s.ui.app().session().today;
    State st = s.state();
    for (Staff& p : st.staff)
        if (p.id == me) p.documents = {{"dbs", today - 30}};   // expired a month ago
    s.ui.app().set_state(st, "test");
    s.ui.app().session().today = today;
    s.show(Role::Clinician, ui::View::OpenShifts, user);
    auto& f = s.ui.app().open_shifts_screen().open;
    f.show = 1;   // Can book: none
    s.ui.frame();
    s.ui.frame();
    CHECK(s.summary()["open_listed"] == 0);
    std::string said;
    for (const auto& n : s.ui.app().mirror().nodes())
        if (n.role == ui::a11y::Role::Text && n.name.rfind("You can't book any of the ", 0) == 0) said = n.name;
    const std::string expiry = format_day_month(today - 30) + " " + std::to_string(civil(today - 30).year);
    CHECK(said.find(" open shifts for you: your DBS check expired on " + expiry + ". The bank office can renew it.") != std::string::npos);
    // "See why" shows them, each card with the rule's reason.
    REQUIRE(s.ui.click_widget("See why ("));
    s.ui.frame();
    CHECK(f.show == 2);
    CHECK(size_t(s.summary()["open_listed"]) > 0);
    int cards = 0, dbs = 0;
    for (const auto& n : s.ui.app().mirror().nodes()) {
        if (n.role == ui::a11y::Role::Article) ++cards;
        if (n.role == ui::a11y::Role::Text && n.name.rfind("You can't book this shift: ", 0) == 0 &&
            n.name.find("DBS check expired on " + expiry + ", before ") != std::string::npos)
            ++dbs;
    }
    CHECK(cards > 0);
    CHECK(dbs == cards);   // every card says so
}

TEST_CASE("approving leave shows the shifts it leaves uncovered first, and posts them to the bank in the same click") {
    Screen s(1280, 800, demo());
    s.show(Role::Clinician, ui::View::MyRota);
    const std::string me = s.me();
    const Date today = s.ui.app().session().today;
    State st = s.state();
    const Staff* p = st.find_staff(me);
    // Their shifts in the leave's days: none, then one Early on the second day.
    std::erase_if(st.shifts, [&](const Shift& x) { return x.assignee == me && x.start.date >= today + 3 && x.start.date <= today + 5; });
    Shift early = st.shifts.front();
    early.id = "leave-early";
    early.assignee = me;
    early.ward = p->wards.front();
    early.status = ShiftStatus::Published;
    early.source = ShiftSource::Roster;
    early.start = {today + 4, 7 * 60};
    early.end = {today + 4, 15 * 60};
    st.shifts.push_back(early);
    st.leave.push_back({"leave-ask", me, LeaveKind::Annual, today + 3, today + 5, RequestStatus::Pending});
    std::string manager;
    for (const User& u : st.users)
        if (u.role == Role::Manager && std::find(u.wards.begin(), u.wards.end(), p->wards.front()) != u.wards.end()) manager = u.id;
    REQUIRE_FALSE(manager.empty());
    s.ui.app().set_state(st, "test");
    s.ui.app().session().today = today;
    s.ui.app().set_accessibility(true);
    s.show(Role::Manager, ui::View::Home, manager);
    s.ui.frame();
    bool warned = false, listed = false;
    const std::string early_words = "Early, " + format_weekday_day_month(today + 4) + " 07:00\xE2\x80\x93" "15:00";
    for (const auto& n : s.ui.app().mirror().nodes()) {
        warned |= n.name == "Warning: " + p->name + " is rostered on 1 shift in these days. Approved, each is a rule breach on the rota "
                                                    "until it is posted to the bank or moved:";
        listed |= n.name.rfind(early_words, 0) == 0;
    }
    CHECK(warned);
    CHECK_MESSAGE(listed, early_words);
    REQUIRE(s.ui.click_widget("Approve, post 1 shift to bank##leave-ask"));
    CHECK(s.state().find_shift("leave-early")->assignee.empty());
    CHECK(s.state().find_shift("leave-early")->status == ShiftStatus::Open);
    CHECK(s.ui.app().last_message() == "Leave approved for " + p->name + "; 1 shift posted to the bank");
}

TEST_CASE("leave for a week in two taps on the calendar, on a phone") {
    Screen s(390, 844, demo());
    s.ui.app().set_accessibility(true);
    s.show(Role::Clinician, ui::View::MyRota);
    const std::string me = s.me();
    REQUIRE(s.ui.click_widget(ICON_PLANE "  Request leave"));
    for (int i = 0; i < 3; ++i) s.ui.frame();
    const Date today = s.ui.app().session().today;
    const Date first = today + 14, last = today + 20;   // both shown: the form opens on the month of today + 14
    auto tap_day = [&](Date d) {
        const std::string name = format_weekday_day_month(d) + " " + std::to_string(civil(d).year);
        const ui::a11y::Node* day = nullptr;
        for (const auto& n : s.ui.app().mirror().nodes())
            if (n.role == ui::a11y::Role::Button && n.name.rfind(name, 0) == 0) day = &n;
        REQUIRE_MESSAGE(day, name);
        CHECK(day->w >= 44);   // a finger's width
        s.ui.app().mirror_activate(day->id);
        for (int i = 0; i < 3; ++i) s.ui.frame();
    };
    tap_day(first + 1);   // a first try, then the real first day: a tap before the end starts again
    tap_day(first + 1 - 1);
    tap_day(last);
    const auto& m = s.ui.app().my_rota_screen();
    CHECK(m.leave_first == first);
    CHECK(m.leave_last == last);
    bool said = false;
    for (const auto& n : s.ui.app().mirror().nodes()) said |= n.name.rfind(format_weekday_day_month(last) + " " + std::to_string(civil(last).year) + ", last day", 0) == 0;
    CHECK(said);
    REQUIRE(s.ui.click_widget("Send request"));
    bool sent = false;
    for (const Leave& l : s.state().leave) sent |= l.staff == me && l.first == first && l.last == last;
    CHECK(sent);
}

// The calendar subscription card on My rota, against a server that answers when the test says:
// what a nurse reads at each step, the address copied, a new one made, then turned off.
TEST_CASE("subscribing a calendar: the card asks the server, shows a private address to copy, makes a new one and turns it off") {
    Screen s(1280, 800, demo(40));
    s.ui.app().set_accessibility(true);
    s.show(Role::Clinician, ui::View::MyRota);
    auto words = [&]() {
        std::string all;
        for (const auto& n : s.ui.app().mirror().nodes()) all += n.name + "\n";
        return all;
    };
    auto frames = [&] { for (int i = 0; i < 3; ++i) s.ui.frame(); };
    REQUIRE(s.ui.click_widget(ICON_CALENDAR_CHECK "  Subscribe: stays up to date"));
    frames();
    // A static copy (no server): the one-off file is what there is, and no button pretends otherwise.
    CHECK(words().find("Subscribing needs the trust's live server.") != std::string::npos);
    CHECK_FALSE(s.ui.click_widget("Get my calendar address"));

    struct Asked {
        std::string method, path, body;
        std::function<void(int, const std::string&)> done;
    };
    std::vector<Asked> asked;
    s.ui.app().set_fetcher([&](const std::string& method, const std::string& path, const std::string& body, std::function<void(int, const std::string&)> done) {
        asked.push_back({method, path, body, std::move(done)});
    });
    client::SyncClient::Status live;
    live.connected = true;
    s.ui.app().set_sync_status(live);
    frames();
    REQUIRE(asked.size() == 1);
    CHECK(asked[0].method == "GET");
    CHECK(asked[0].path == "api/calendar-link");
    CHECK(words().find("Asking the server\xE2\x80\xA6") != std::string::npos);
    asked[0].done(200, R"({"exists": false})");
    frames();
    CHECK(words().find("Get a private address your calendar app follows") != std::string::npos);
    CHECK(asked.size() == 1);   // asked once, not every frame

    const std::string webcal = "webcal://bank.example.nhs.uk/api/calendar/" + std::string(64, 'a') + ".ics";
    const std::string https = "https://bank.example.nhs.uk/api/calendar/" + std::string(64, 'a') + ".ics";
    REQUIRE(s.ui.click_widget("Get my calendar address"));
    REQUIRE(asked.size() == 2);
    CHECK(asked[1].method == "POST");
    asked[1].done(200, json{{"webcal", webcal}, {"https", https}, {"created", "2026-12-03T09:00:00Z"}}.dump());
    frames();
    CHECK(s.ui.app().last_message() == "Calendar link made: add it to your calendar app");
    bool field = false;
    for (const auto& n : s.ui.app().mirror().nodes()) field |= n.role == ui::a11y::Role::TextBox && n.name == "Calendar address" && n.value == webcal;
    CHECK(field);
    CHECK(words().find("Anyone with the address sees your shifts: keep it to yourself.") != std::string::npos);
    REQUIRE(s.ui.click_widget(ICON_CHECK "  Copy address"));
    frames();
    CHECK(std::string(ImGui::GetClipboardText()) == webcal);
    CHECK(words().find("Copied.") != std::string::npos);
    REQUIRE(s.ui.click_widget("Copy as https://"));
    CHECK(std::string(ImGui::GetClipboardText()) == https);

    // A new address: the old one stops working, and the person is told so.
    REQUIRE(s.ui.click_widget("Make a new address"));
    REQUIRE(asked.size() == 3);
    CHECK(asked[2].method == "POST");
    asked[2].done(0, "");   // no network
    frames();
    CHECK(words().find("The server cannot be reached: try again when you are online.") != std::string::npos);
    REQUIRE(s.ui.click_widget("Make a new address"));
    REQUIRE(asked.size() == 4);
    asked[3].done(200, json{{"webcal", webcal + "2"}, {"https", https + "2"}, {"created", "2026-12-03T09:05:00Z"}}.dump());
    frames();
    CHECK(s.ui.app().last_message() == "New calendar link made: the old one no longer works");
    CHECK(words().find("The server cannot be reached") == std::string::npos);

    REQUIRE(s.ui.click_widget("Turn off"));
    REQUIRE(asked.size() == 5);
    CHECK(asked[4].method == "DELETE");
    asked[4].done(204, "");
    frames();
    CHECK(s.ui.app().last_message() == "Calendar link turned off: calendars following it stop updating");
    CHECK(words().find("Get a private address your calendar app follows") != std::string::npos);
    CHECK(words().find(webcal) == std::string::npos);   // the address is gone from the page
}
