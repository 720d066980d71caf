// The staff bank's policies: auto-approval, instant bookers, rate raises, the cancellation notice
// policy, and notifications that respect eligibility and preferences.
#include <doctest/doctest.h>

#include <algorithm>

#include "commands_fixture.hpp"
#include "core/data_format.hpp"

using namespace sb;
using sb::test::Ward1;
using json = nlohmann::json;

namespace {
std::vector<const Notification*> notices_for(const State& s, const std::string& staff) {
    std::vector<const Notification*> out;
    for (const auto& n : s.notifications)
        if (n.staff == staff) out.push_back(&n);
    return out;
}
}  // namespace

TEST_CASE("auto-approval: a matching grade with no warnings is booked at once; anything else waits") {
    Ward1 w;
    const std::string id = w.open_shift(5).id;
    REQUIRE(w.run("manager", "set_ward_policy", {{"ward", "w1"}, {"auto_approve", "grade_match_no_warnings"}}).accepted());
    auto r = w.run("zoe", "apply", {{"shift", id}});
    REQUIRE(r.accepted());
    CHECK(w.state.find_shift(id)->assignee == "p1");
    CHECK(w.state.find_shift(id)->status == ShiftStatus::Booked);
    CHECK(w.state.applications.back().status == RequestStatus::Approved);

    // A shift that names no grade is not a "grade match": it waits for the manager.
    Shift& any = w.open_shift(8);
    any.requirements.grades.clear();
    REQUIRE(w.run("lukasz", "apply", {{"shift", any.id}}).accepted());
    CHECK(w.state.applications.back().status == RequestStatus::Pending);

    // Policy changes are the ward manager's alone, and malformed values are named.
    CHECK(w.run("other.manager", "set_ward_policy", {{"ward", "w1"}, {"instant_booking", true}}).status == CommandStatus::Forbidden);
    auto bad = w.run("manager", "set_ward_policy", {{"ward", "w1"}, {"auto_approve", "always"}});
    CHECK(bad.status == CommandStatus::Malformed);
    CHECK(bad.reason.find("grade_match_no_warnings") != std::string::npos);
}

TEST_CASE("auto-approval waits when a rule warns") {
    Ward1 w;   // nurses on Agenda for Change: the Working Time Regulations apply
    w.state.wards[0].auto_approve = AutoApprove::GradeMatchNoWarnings;
    for (int day = 2; day <= 7; ++day) w.add(day, "07:00", "15:00");   // Monday to Saturday
    const std::string sunday = w.open_shift(8).id;                      // a seventh day: no 24 h rest that week
    auto r = w.run("zoe", "apply", {{"shift", sunday}});
    REQUIRE(r.accepted());
    REQUIRE_FALSE(r.warnings.empty());
    CHECK(r.warnings[0].rule == "weekly_rest");
    CHECK(w.state.applications.back().status == RequestStatus::Pending);
    CHECK(w.state.find_shift(sunday)->assignee.empty());
}

TEST_CASE("instant bookers: a ward can trust named staff to book without approval") {
    Ward1 w;
    const std::string id = w.open_shift(5).id;
    CHECK(w.run("lukasz", "book", {{"shift", id}}).status == CommandStatus::Rejected);
    REQUIRE(w.run("manager", "set_ward_policy", {{"ward", "w1"}, {"instant_bookers", {"p2"}}}).accepted());
    CHECK(w.run("zoe", "book", {{"shift", id}}).status == CommandStatus::Rejected);   // not trusted
    REQUIRE(w.run("lukasz", "book", {{"shift", id}}).accepted());
    CHECK(w.state.find_shift(id)->assignee == "p2");
    // The setting survives a save and a load.
    auto loaded = load_state(save_state(w.state));
    REQUIRE(loaded.ok());
    CHECK(loaded.state.wards[0].instant_bookers == std::vector<std::string>{"p2"});
}

TEST_CASE("raising a rate: only upwards, only an open vacancy, and eligible staff are told") {
    Ward1 w;
    Shift& s = w.open_shift(5);
    s.rate_pence_per_hour = 2500;
    const std::string id = s.id;
    CHECK(w.run("manager", "raise_rate", {{"shift", id}, {"rate_pence_per_hour", 2400}}).status == CommandStatus::Rejected);
    CHECK(w.run("zoe", "raise_rate", {{"shift", id}, {"rate_pence_per_hour", 3000}}).status == CommandStatus::Forbidden);
    auto r = w.run("manager", "raise_rate", {{"shift", id}, {"rate_pence_per_hour", 3000}});
    REQUIRE(r.accepted());
    CHECK(w.state.find_shift(id)->rate_pence_per_hour == 3000);
    auto zoe = notices_for(w.state, "p1");
    REQUIRE(zoe.size() == 1);
    CHECK(zoe[0]->kind == NoticeKind::RateRaised);
    CHECK(zoe[0]->text.find("\xC2\xA3" "30.00/h") != std::string::npos);
    CHECK(notices_for(w.state, "p2").size() == 1);
    // Undo puts the rate back.
    REQUIRE(w.run("manager", "undo", {{"command", r.id}}).accepted());
    CHECK(w.state.find_shift(id)->rate_pence_per_hour == 2500);
    CHECK(notices_for(w.state, "p1").empty());   // the offer at the raised rate goes with it
}

TEST_CASE("offers reach only people who can work the shift and want to hear about it") {
    Ward1 w;
    // Zoë is busy that day (a rule would block the booking); Łukasz is not.
    w.add(5, "07:00", "15:00");
    Shift& s = w.add(5, "13:00", "21:00");
    s.assignee.clear();
    s.status = ShiftStatus::Published;
    const std::string id = s.id;
    REQUIRE(w.run("manager", "post_to_bank", {{"shifts", {id}}}).accepted());
    CHECK(notices_for(w.state, "p1").empty());
    REQUIRE(notices_for(w.state, "p2").size() == 1);
    CHECK(notices_for(w.state, "p2")[0]->kind == NoticeKind::NewShifts);

    // Preferences: Łukasz wants only nights → the next early is not offered; daily → a digest.
    Ward1 v;
    REQUIRE(v.run("lukasz", "set_notification_prefs", {{"types", {"night"}}}).accepted());
    Shift& e = v.add(6, "07:00", "15:00");
    e.assignee.clear();
    e.status = ShiftStatus::Published;
    REQUIRE(v.run("manager", "post_to_bank", {{"shifts", {e.id}}}).accepted());
    CHECK(notices_for(v.state, "p2").empty());
    CHECK(notices_for(v.state, "p1").size() == 1);
    REQUIRE(v.run("zoe", "set_notification_prefs", {{"frequency", "daily"}, {"days", 0}}).accepted());
    CHECK(v.run("zoe", "set_notification_prefs", {{"wards", {"nowhere"}}}).status == CommandStatus::Malformed);
    CHECK(v.state.prefs_for("p1").days == 0);   // no day wanted: nothing more is offered
    // A different grade is never offered, whatever the preferences.
    v.state.staff[1].grade = "Band 7";
    Shift& f = v.add(9, "07:00", "15:00");
    f.assignee.clear();
    f.status = ShiftStatus::Published;
    v.run("lukasz", "set_notification_prefs", {{"types", json::array()}});
    REQUIRE(v.run("manager", "post_to_bank", {{"shifts", {f.id}}}).accepted());
    CHECK(notices_for(v.state, "p2").empty());
    CHECK(notices_for(v.state, "p1").size() == 1);
    // Preferences and notifications survive a save and a load.
    auto loaded = load_state(save_state(v.state));
    REQUIRE(loaded.ok());
    CHECK(loaded.state.notifications.size() == v.state.notifications.size());
    CHECK(loaded.state.prefs_for("p1").frequency == NoticeFrequency::Daily);
}

TEST_CASE("applicants hear the outcome; mark as read") {
    Ward1 w;
    const std::string id = w.open_shift(5).id;
    REQUIRE(w.run("zoe", "apply", {{"shift", id}}).accepted());
    REQUIRE(w.run("lukasz", "apply", {{"shift", id}}).accepted());
    REQUIRE(w.run("manager", "approve_application", {{"application", w.state.applications[0].id}}).accepted());
    REQUIRE(notices_for(w.state, "p1").size() == 1);
    CHECK(notices_for(w.state, "p1")[0]->kind == NoticeKind::Approved);
    REQUIRE(notices_for(w.state, "p2").size() == 1);
    CHECK(notices_for(w.state, "p2")[0]->text.find("Filled by someone else") == 0);
    REQUIRE(w.run("zoe", "mark_notifications_read", json::object()).accepted());
    CHECK(notices_for(w.state, "p1")[0]->read);
    CHECK_FALSE(notices_for(w.state, "p2")[0]->read);   // only your own
    CHECK(w.run("zoe", "mark_notifications_read", json::object()).status == CommandStatus::Rejected);
}

TEST_CASE("cancellation notice policy: late cancellations need a reason from the clinician and are recorded") {
    Ward1 w;
    w.state.wards[0].instant_booking = true;
    const std::string soon = w.open_shift(2).id;    // Mon 2 Mar 07:00: 22 h after the command time
    const std::string later = w.open_shift(6).id;   // Fri 6 Mar: days away
    REQUIRE(w.run("zoe", "book", {{"shift", soon}}).accepted());
    REQUIRE(w.run("zoe", "book", {{"shift", later}}).accepted());

    auto r = w.run("zoe", "cancel_booking", {{"shift", soon}});
    CHECK(r.status == CommandStatus::Rejected);
    CHECK(r.reason.find("late cancellation") != std::string::npos);
    CHECK(r.reason.find("22 h") != std::string::npos);
    REQUIRE(w.run("zoe", "cancel_booking", {{"shift", soon}, {"reason", "Childcare fell through"}}).accepted());
    REQUIRE(w.state.cancellations.size() == 1);
    CHECK(w.state.cancellations[0].late);
    CHECK(w.state.cancellations[0].hours_notice == 22);
    CHECK_FALSE(w.state.cancellations[0].by_ward);
    CHECK(w.state.find_shift(soon)->status == ShiftStatus::Open);
    CHECK(notices_for(w.state, "p2").size() == 1);   // reopened and offered to Łukasz

    // In good time: no reason needed, not late. The ward cancelling tells the clinician.
    REQUIRE(w.run("lukasz", "book", {{"shift", soon}}).accepted());
    REQUIRE(w.run("manager", "cancel_booking", {{"shift", soon}}).accepted());
    CHECK(w.state.cancellations.back().by_ward);
    CHECK(w.state.cancellations.back().late);
    CHECK(notices_for(w.state, "p2").back()->kind == NoticeKind::Cancelled);
    REQUIRE(w.run("zoe", "cancel_booking", {{"shift", later}}).accepted());
    CHECK_FALSE(w.state.cancellations.back().late);
    auto loaded = load_state(save_state(w.state));
    REQUIRE(loaded.ok());
    CHECK(loaded.state.cancellations.size() == 3);
}

TEST_CASE("swaps: each step tells the other person") {
    Ward1 w;
    const std::string mine = w.add(5, "07:00", "15:00").id;
    Shift& theirs = w.add(6, "07:00", "15:00");
    theirs.assignee = "p2";
    const std::string other = theirs.id;
    REQUIRE(w.run("zoe", "request_swap", {{"shift", mine}, {"other_shift", other}}).accepted());
    REQUIRE(notices_for(w.state, "p2").size() == 1);
    CHECK(notices_for(w.state, "p2")[0]->kind == NoticeKind::SwapAsked);
    const std::string swap = w.state.swaps[0].id;
    REQUIRE(w.run("lukasz", "accept_swap", {{"swap", swap}}).accepted());
    CHECK(notices_for(w.state, "p1").back()->kind == NoticeKind::SwapAccepted);
    REQUIRE(w.run("manager", "approve_swap", {{"swap", swap}}).accepted());
    CHECK(notices_for(w.state, "p1").back()->kind == NoticeKind::SwapApproved);
    CHECK(notices_for(w.state, "p2").back()->kind == NoticeKind::SwapApproved);
    CHECK(w.state.find_shift(mine)->assignee == "p2");
}
