// apply_command: permissions, rules, idempotency and undo, for every command type.
#include <doctest/doctest.h>

#include <algorithm>

#include "core/commands/command.hpp"
#include "core/data_format.hpp"
#include "commands_fixture.hpp"

using namespace sb;
using sb::test::Ward1;
using json = nlohmann::json;


TEST_CASE("book: instant booking on a ward that allows it; otherwise apply, then the manager approves") {
    Ward1 w;
    const std::string id = w.open_shift(5).id;
    auto r = w.run("zoe", "book", {{"shift", id}});
    CHECK(r.status == CommandStatus::Rejected);
    CHECK(r.reason.find("apply for it instead") != std::string::npos);
    w.state.wards[0].instant_booking = true;
    r = w.run("zoe", "book", {{"shift", id}});
    REQUIRE(r.accepted());
    CHECK(w.state.find_shift(id)->assignee == "p1");
    CHECK(w.state.find_shift(id)->status == ShiftStatus::Booked);
    CHECK(r.revision == 1);
    // Someone else is too late, and told why.
    r = w.run("lukasz", "book", {{"shift", id}});
    CHECK(r.reason == "Someone else has already booked this shift");
}

TEST_CASE("apply → approve books the shift and declines the other applicants") {
    Ward1 w;
    const std::string id = w.open_shift(5).id;
    REQUIRE(w.run("zoe", "apply", {{"shift", id}}).accepted());
    REQUIRE(w.run("lukasz", "apply", {{"shift", id}}).accepted());
    CHECK(w.run("zoe", "apply", {{"shift", id}}).reason == "You have already applied for this shift");
    CHECK(w.run("zoe", "approve_application", {{"application", w.state.applications[0].id}}).status == CommandStatus::Forbidden);
    REQUIRE(w.run("manager", "approve_application", {{"application", w.state.applications[0].id}}).accepted());
    CHECK(w.state.find_shift(id)->assignee == "p1");
    CHECK(w.state.applications[1].status == RequestStatus::Declined);
}

TEST_CASE("a booking that breaks a rule is refused with the rule's words; a manager may override with a reason") {
    Ward1 w;
    w.state.wards[0].instant_booking = true;
    w.add(4, "13:30", "21:30", "late");                  // p1 works a Late on Wed 4
    const std::string early = w.open_shift(5).id;       // Early Thu 5: 9 h 30 min later
    auto r = w.run("zoe", "book", {{"shift", early}});
    CHECK(r.status == CommandStatus::Rejected);
    CHECK(r.reason == "This would break a rule: 9 h 30 min rest between Late Wed 4 Mar and Early Thu 5 Mar; the minimum is 11 h");
    CHECK(w.state.find_shift(early)->assignee.empty());
    // A clinician cannot override; the ward's manager can, and the reason stays with the command.
    CHECK_FALSE(w.run("zoe", "book", {{"shift", early}, {"override_reason", "please"}}).accepted());
    r = w.run("manager", "assign", {{"shift", early}, {"staff", "p1"}, {"override_reason", "No one else; agreed with Zoë"}});
    REQUIRE(r.accepted());
    REQUIRE(r.warnings.size() == 1);
    CHECK(r.warnings[0].rule == "min_rest");
}

TEST_CASE("permissions: clinicians act for themselves, managers within their wards, admins everywhere") {
    Ward1 w;
    const std::string id = w.open_shift(5).id;
    CHECK(w.run("zoe", "apply", {{"shift", id}, {"staff", "p2"}}).reason == "You can only book or apply for yourself");
    CHECK(w.run("zoe", "delete_shift", {{"shift", id}}).reason == "Only a manager of this shift's ward can change it");
    CHECK(w.run("other.manager", "delete_shift", {{"shift", id}}).reason == "Only a manager of this shift's ward can change it");
    CHECK(w.run("manager", "apply", {{"shift", id}}).reason.find("no staff record") != std::string::npos);
    CHECK(w.run("nobody", "apply", {{"shift", id}}).reason == "Unknown author \"nobody\"");
    CHECK(w.run("admin", "delete_shift", {{"shift", id}}).accepted());
}

TEST_CASE("the same command id twice changes nothing and returns the first answer") {
    Ward1 w;
    w.state.wards[0].instant_booking = true;
    const std::string id = w.open_shift(5).id;
    auto first = w.run("zoe", "book", {{"shift", id}}, "same-id");
    auto again = w.run("zoe", "book", {{"shift", id}}, "same-id");
    CHECK(first.accepted());
    CHECK(again.accepted());
    CHECK(again.revision == first.revision);
    CHECK(w.state.revision == 1);
    // Ids are per author: the same id from someone else is another command, judged on its own.
    auto other = w.run("lukasz", "book", {{"shift", id}}, "same-id");
    CHECK(other.reason == "Someone else has already booked this shift");
    // A rejected command is remembered too: retrying it does not suddenly succeed.
    auto no = w.run("lukasz", "book", {{"shift", id}}, "late-id");
    for (Shift& s : w.state.shifts)
        if (s.id == id) s.assignee.clear(), s.status = ShiftStatus::Open;
    CHECK(w.run("lukasz", "book", {{"shift", id}}, "late-id").reason == no.reason);
}

TEST_CASE("undo: the author's own change comes back exactly; someone else's later change stops it, saying who") {
    Ward1 w;
    w.state.wards[0].instant_booking = true;
    const std::string id = w.open_shift(10).id;
    const std::string before = save_state(w.state);
    // A clinician undoes their own booking (no manager needed): the shift is open again, exactly.
    auto booked = w.run("zoe", "book", {{"shift", id}}, "b1");
    REQUIRE(booked.accepted());
    auto undone = w.run("zoe", "undo", {{"command", "b1"}}, "u1");
    REQUIRE_MESSAGE(undone.accepted(), undone.reason);
    CHECK(state_hash(w.state) == state_hash(load_state(before).state));
    CHECK(w.state.find_shift(id)->status == ShiftStatus::Open);
    // Redo is the undo of the undo.
    REQUIRE(w.run("zoe", "undo", {{"command", "u1"}}, "r1").accepted());
    CHECK(w.state.find_shift(id)->assignee == "p1");
    // Nobody may undo (or even name) someone else's change: ids are the author's own.
    CHECK(w.run("lukasz", "undo", {{"command", "b1"}}).reason == "There is no change of yours with the id \"b1\" to undo");
    // Once the manager has moved the shift on, Zoë's undo says who changed it and how.
    REQUIRE(w.run("manager", "unassign", {{"shift", id}}).accepted());
    REQUIRE(w.run("manager", "assign", {{"shift", id}, {"staff", "p2"}}).accepted());
    CHECK(w.run("zoe", "undo", {{"command", "r1"}}).reason ==
          "Adaeze Okafor has since assigned someone to Early, Tue 10 Mar, Ward 1, so this cannot be undone");
}

TEST_CASE("undo of approve_application puts back the application, the others declined with it and the notifications") {
    Ward1 w;
    const std::string id = w.open_shift(5).id;
    REQUIRE(w.run("zoe", "apply", {{"shift", id}}).accepted());
    REQUIRE(w.run("lukasz", "apply", {{"shift", id}}).accepted());
    const std::string before = save_state(w.state);
    REQUIRE(w.run("manager", "approve_application", {{"application", w.state.applications[0].id}}, "ok1").accepted());
    CHECK(w.state.applications[1].status == RequestStatus::Declined);
    CHECK(w.state.notifications.size() == 2);   // approved; filled by someone else
    REQUIRE(w.run("manager", "undo", {{"command", "ok1"}}).accepted());
    CHECK(w.state.applications[0].status == RequestStatus::Pending);
    CHECK(w.state.applications[1].status == RequestStatus::Pending);
    CHECK(w.state.notifications.empty());
    json a = to_json(w.state), b = json::parse(before);
    a.erase("revision");
    b.erase("revision");
    CHECK(a.dump() == b.dump());   // byte for byte, the lists in the same order
}

TEST_CASE("create_shifts adds all or none, checking each against the ones before it") {
    Ward1 w;
    auto night = [&](int day, const char* id) {
        char start[20], end[20];
        std::snprintf(start, sizeof start, "2026-03-%02dT20:00", day);
        std::snprintf(end, sizeof end, "2026-03-%02dT08:30", day + 1);
        return json{{"id", id}, {"ward", "w1"}, {"type", "night"}, {"start", start}, {"end", end}, {"assignee", "p1"},
                    {"requirements", {{"group", "nurse"}}}, {"status", "draft"}, {"rate_pence_per_hour", 3000}, {"source", "roster"}};
    };
    // A Late the morning after the last night: only 5 h rest, so the whole batch is refused.
    json bad = json::array({night(2, "n1"), night(3, "n2"),
                            {{"id", "l1"}, {"ward", "w1"}, {"type", "late"}, {"start", "2026-03-04T13:30"}, {"end", "2026-03-04T21:30"},
                             {"assignee", "p1"}, {"requirements", {{"group", "nurse"}}}, {"status", "draft"},
                             {"rate_pence_per_hour", 3000}, {"source", "roster"}}});
    auto r = w.run("manager", "create_shifts", {{"shifts", bad}});
    CHECK(r.status == CommandStatus::Rejected);
    CHECK(r.reason.rfind("Shift 3 of 3: This would break a rule: 5 h rest between Night Tue 3 Mar and Late Wed 4 Mar", 0) == 0);
    CHECK(w.state.shifts.empty());
    r = w.run("manager", "create_shifts", {{"shifts", {night(2, "n1"), night(3, "n2")}}});
    REQUIRE(r.accepted());
    CHECK(w.state.shifts.size() == 2);
    CHECK(w.run("manager", "undo", {{"command", r.id}}).accepted());
    CHECK(w.state.shifts.empty());
}

TEST_CASE("move_shifts moves a selection together, or nothing if one move breaks a rule") {
    Ward1 w;
    w.add(2, "07:00", "15:00");   // sh1, p1 Mon
    w.add(3, "07:00", "15:00");   // sh2, p1 Tue
    w.add(4, "13:30", "21:30", "late").assignee = "p2";   // sh3, p2 Wed Late
    auto move = [](const char* id, const char* day, const char* who) {
        return json{{"shift", id}, {"start", std::string("2026-03-") + day + "T07:00"}, {"end", std::string("2026-03-") + day + "T15:00"},
                    {"assignee", who}};
    };
    // Both to p2 on Thu and Fri: Thu's Early comes 9 h 30 after p2's Late, so neither moves.
    auto r = w.run("manager", "move_shifts", {{"moves", {move("sh1", "05", "p2"), move("sh2", "06", "p2")}}});
    CHECK(r.status == CommandStatus::Rejected);
    CHECK(r.reason.rfind("Move 1 of 2: This would break a rule", 0) == 0);
    CHECK(w.state.find_shift("sh1")->assignee == "p1");
    r = w.run("manager", "move_shifts", {{"moves", {move("sh1", "09", "p2"), move("sh2", "10", "p2")}}});
    REQUIRE(r.accepted());
    CHECK(w.state.find_shift("sh2")->assignee == "p2");
    REQUIRE(w.run("manager", "undo", {{"command", r.id}}).accepted());
    CHECK(w.state.find_shift("sh1")->assignee == "p1");
    CHECK(format_date(w.state.find_shift("sh2")->start.date) == "2026-03-03");
}

TEST_CASE("malformed commands are told apart from refused ones") {
    Ward1 w;
    CHECK(w.run("zoe", "teleport", json::object()).status == CommandStatus::Malformed);
    CHECK(w.run("zoe", "book", json::object()).status == CommandStatus::Malformed);
    CHECK(w.run("zoe", "book", {{"shift", 42}}).reason == "payload.shift must be an id (1–64 letters, digits, '-', '_', '.' or ':')");
    // Unknown payload fields are refused, naming what the type takes: nothing is stored as sent.
    CHECK(w.run("zoe", "book", {{"shift", "x"}, {"junk", std::string(1000, 'x')}}).reason ==
          "payload.junk is not a field of book (it takes shift, staff, override_reason)");
    CHECK(w.run("zoe", "book", {{"shift", "bad id"}}).status == CommandStatus::Malformed);
    CHECK(w.run("zoe", "book", json::array()).status == CommandStatus::Malformed);
    w.add(3, "07:00", "15:00");
    CHECK(w.run("manager", "move_shift", {{"shift", "sh1"}, {"start", "2026-03-29T01:30"}, {"end", "x"}}).status ==
          CommandStatus::Malformed);
    CHECK(w.run("zoe", "book", {{"shift", "nope"}}).reason == "There is no shift \"nope\" (it may have been deleted)");
    CHECK(apply_command(w.state, w.log, Command{"", "zoe", "", "book", {{"shift", "x"}}}).status == CommandStatus::Malformed);
    CHECK(apply_command(w.state, w.log, Command{"a b", "zoe", "", "book", {{"shift", "x"}}}).status == CommandStatus::Malformed);
    CHECK(apply_command(w.state, w.log, Command{std::string(65, 'a'), "zoe", "", "book", {{"shift", "x"}}}).status ==
          CommandStatus::Malformed);
    CHECK(w.state.revision == 0);
}

TEST_CASE("leave: a clinician asks, the manager approves, and the rota then blocks shifts that day") {
    Ward1 w;
    w.state.wards[0].instant_booking = true;
    auto r = w.run("zoe", "request_leave", {{"kind", "annual"}, {"first", "2026-03-09"}, {"last", "2026-03-13"}});
    REQUIRE(r.accepted());
    const std::string leave = w.state.leave[0].id;
    CHECK(w.run("lukasz", "approve_leave", {{"leave", leave}}).status == CommandStatus::Forbidden);
    REQUIRE(w.run("manager", "approve_leave", {{"leave", leave}}).accepted());
    const std::string id = w.open_shift(10).id;
    CHECK(w.run("zoe", "book", {{"shift", id}}).reason.find("approved annual leave") != std::string::npos);
    CHECK(w.run("manager", "decline_leave", {{"leave", leave}}).accepted());
    CHECK(w.run("zoe", "book", {{"shift", id}}).accepted());
    CHECK(w.run("zoe", "request_leave", {{"kind", "holiday"}, {"first", "2026-03-09"}, {"last", "2026-03-13"}}).status ==
          CommandStatus::Malformed);
}

TEST_CASE("approving leave names the shifts it leaves uncovered, and can post them to the bank in the same step") {
    Ward1 w;
    const std::string mon = w.add(9, "07:00", "15:00").id, wed = w.add(11, "13:30", "21:30", "late").id;   // Zoë's
    const std::string after = w.add(16, "07:00", "15:00").id;                                           // after the leave
    REQUIRE(w.run("zoe", "request_leave", {{"kind", "annual"}, {"first", "2026-03-09"}, {"last", "2026-03-13"}}).accepted());
    const std::string leave = w.state.leave[0].id;
    // Asked first (a preview, as the approval card does): two warnings, in the rules' words.
    State before = w.state;
    auto r = w.run("manager", "approve_leave", {{"leave", leave}});
    REQUIRE(r.accepted());
    REQUIRE(r.warnings.size() == 2);
    CHECK(r.warnings[0].rule == "leave_conflict");
    CHECK(r.warnings[0].message == "Early Mon 9 Mar falls in Zoë Adeyemi's approved annual leave (9 Mar to 13 Mar)");
    CHECK(w.state.find_shift(mon)->assignee == "p1");   // kept: the manager chose to
    // The other way: approve and post them, one command.
    w.state = before;
    w.log = CommandLog{};
    r = w.run("manager", "approve_leave", {{"leave", leave}, {"post_shifts", true}});
    REQUIRE(r.accepted());
    CHECK(r.warnings.empty());   // nothing left uncovered
    for (const std::string& id : {mon, wed}) {
        CHECK(w.state.find_shift(id)->assignee.empty());
        CHECK(w.state.find_shift(id)->status == ShiftStatus::Open);
    }
    CHECK(w.state.find_shift(after)->assignee == "p1");
    REQUIRE(w.run("manager", "undo", {{"command", r.id}}).accepted());   // one undo puts it all back
    CHECK(w.state.find_shift(mon)->assignee == "p1");
    CHECK(w.state.leave[0].status == RequestStatus::Pending);
    // Only a manager posts, and only when approving.
    CHECK(w.run("zoe", "decline_leave", {{"leave", leave}, {"post_shifts", true}}).status == CommandStatus::Malformed);
}

TEST_CASE("availability, timesheets and swaps") {
    Ward1 w;
    REQUIRE(w.run("zoe", "set_availability", {{"date", "2026-03-14"}, {"start", "07:00"}, {"end", "20:00"}}).accepted());
    REQUIRE(w.state.availability.size() == 1);
    CHECK(w.run("zoe", "set_availability", {{"date", "2026-03-14"}, {"available", false}}).accepted());
    CHECK(w.state.availability.empty());
    CHECK(w.run("zoe", "set_availability", {{"date", "2026-03-14"}, {"staff", "p2"}, {"start", "07:00"}, {"end", "20:00"}})
              .reason == "You can only do this for yourself");

    const std::string mine = w.add(3, "07:00", "15:00").id;
    CHECK(w.run("zoe", "submit_timesheet", {{"shift", mine}, {"start", "2026-03-03T07:00"}, {"end", "2026-03-03T15:30"}}).reason ==
          "This shift starts at 07:00 on Tue 3 Mar: its timesheet can be submitted once it has been worked");
    REQUIRE(w.run_at("2026-03-03T16:00:00Z", "zoe", "submit_timesheet", {{"shift", mine}, {"start", "2026-03-03T07:00"}, {"end", "2026-03-03T15:30"}}).accepted());
    CHECK(w.state.find_shift(mine)->status == ShiftStatus::Worked);
    REQUIRE(w.run("manager", "approve_timesheet", {{"timesheet", w.state.timesheets[0].id}}).accepted());
    CHECK(w.state.find_shift(mine)->status == ShiftStatus::SignedOff);

    const std::string ida = w.add(16, "07:00", "15:00").id;
    Shift& b = w.add(18, "07:00", "15:00");   // (adding may move earlier shifts: keep ids, not references)
    b.assignee = "p2";
    const std::string idb = b.id;
    REQUIRE(w.run("zoe", "request_swap", {{"shift", ida}, {"other_shift", idb}}).accepted());
    const std::string swap = w.state.swaps[0].id;
    CHECK(w.run("manager", "approve_swap", {{"swap", swap}}).reason == "The colleague has not accepted this swap yet");
    CHECK(w.run("zoe", "accept_swap", {{"swap", swap}}).reason == "Only the colleague asked can accept this swap");
    REQUIRE(w.run("lukasz", "accept_swap", {{"swap", swap}}).accepted());
    REQUIRE(w.run("manager", "approve_swap", {{"swap", swap}}).accepted());
    CHECK(w.state.find_shift(ida)->assignee == "p2");
    CHECK(w.state.find_shift(idb)->assignee == "p1");
}

TEST_CASE("publish and post to the bank; cancelling a booking puts the shift back in the bank") {
    Ward1 w;
    Shift& d = w.add(20, "07:00", "15:00");
    d.status = ShiftStatus::Draft;
    d.assignee.clear();
    const std::string id = d.id;
    REQUIRE(w.run("manager", "publish", {{"shifts", {id}}}).accepted());
    CHECK(w.state.find_shift(id)->status == ShiftStatus::Published);
    REQUIRE(w.run("manager", "post_to_bank", {{"shifts", {id}}}).accepted());
    CHECK(w.state.find_shift(id)->status == ShiftStatus::Open);
    w.state.wards[0].instant_booking = true;
    REQUIRE(w.run("lukasz", "book", {{"shift", id}}).accepted());
    CHECK(w.run("zoe", "cancel_booking", {{"shift", id}}).reason == "You can only cancel your own bookings");
    REQUIRE(w.run("lukasz", "cancel_booking", {{"shift", id}}).accepted());
    CHECK(w.state.find_shift(id)->status == ShiftStatus::Open);
    CHECK(w.state.find_shift(id)->assignee.empty());
}

TEST_CASE("a state with requests round-trips through the JSON format") {
    Ward1 w;
    w.run("zoe", "request_leave", {{"kind", "study"}, {"first", "2026-03-09"}, {"last", "2026-03-10"}});
    w.run("zoe", "set_availability", {{"date", "2026-03-14"}, {"start", "07:00"}, {"end", "00:00"}});
    w.open_shift(5);
    w.run("zoe", "apply", {{"shift", w.state.shifts.back().id}});
    const json doc = to_json(w.state);
    const LoadResult r = load_document(doc);
    REQUIRE_MESSAGE(r.ok(), describe(r.errors.front()));
    CHECK(to_json(r.state) == doc);
}

TEST_CASE("undo is a change like any other: refused when it would leave a dangling request or break a rule since") {
    Ward1 w;
    w.state.wards[0].instant_booking = true;
    json open_shift = {{"id", "new1"}, {"ward", "w1"}, {"type", "early"}, {"start", "2026-03-12T07:00"}, {"end", "2026-03-12T15:00"},
                       {"requirements", {{"group", "nurse"}}}, {"status", "open"}, {"rate_pence_per_hour", 2650}, {"source", "bank"}};
    REQUIRE(w.run("manager", "create_shift", {{"shift", open_shift}}, "mk").accepted());
    REQUIRE(w.run("lukasz", "apply", {{"shift", "new1"}}).accepted());
    // Taking the shift away now would leave Łukasz's application pointing at nothing.
    CHECK(w.run("manager", "undo", {{"command", "mk"}}).reason ==
          "Early, Thu 12 Mar, Ward 1 has been applied for since, so this cannot be undone");
    CHECK(load_state(save_state(w.state)).ok());

    // Zoë cancels one booking, books an overlapping shift, then tries to take the first one back.
    const std::string first = w.open_shift(16, "07:00", "15:00").id;
    const std::string second = w.open_shift(16, "08:00", "16:00").id;
    REQUIRE(w.run("zoe", "book", {{"shift", first}}).accepted());
    REQUIRE(w.run("zoe", "cancel_booking", {{"shift", first}}, "cx").accepted());
    REQUIRE(w.run("zoe", "book", {{"shift", second}}).accepted());
    const CommandResult again = w.run("zoe", "undo", {{"command", "cx"}});
    CHECK(again.status == CommandStatus::Rejected);
    CHECK(again.reason.rfind("Undoing this would break a rule: ", 0) == 0);
    CHECK(again.reason.find("overlap") != std::string::npos);
    CHECK(w.state.find_shift(first)->assignee.empty());   // nothing changed
}

TEST_CASE("a refusal about a colleague does not tell a clinician the colleague's leave, in words or in rule ids") {
    Ward1 w;
    const std::string mine = w.add(16, "07:00", "15:00").id;
    Shift& theirs = w.add(18, "07:00", "15:00");
    theirs.assignee = "p2";
    const std::string other = theirs.id;
    // Łukasz is on approved study leave on the day of Zoë's shift: he cannot take it in a swap.
    w.state.leave.push_back({"lv1", "p2", LeaveKind::Study, make_date(2026, 3, 16), make_date(2026, 3, 16), RequestStatus::Approved});
    const CommandResult r = w.run("zoe", "request_swap", {{"shift", mine}, {"other_shift", other}});
    REQUIRE(r.status == CommandStatus::Rejected);
    CHECK(r.reason == "This would break a rule: Łukasz Nowak is not available for Early Mon 16 Mar");
    REQUIRE(r.blocks.size() == 1);
    CHECK(r.blocks[0].rule == "colleague_unavailable");
    CHECK(to_json(r).dump().find("leave") == std::string::npos);
    CHECK(to_json(r).dump().find("study") == std::string::npos);
}
