// Time is respected by the core: a shift that has started (by the command's clock, which the server
// stamps) can no longer be applied for, booked, swapped, posted or re-rated, whatever screen sent
// the command; and asking twice for the same thing is refused as a duplicate. The fixture's clock
// is Sun 1 Mar 2026, 09:00 UTC (09:00 in London): day 1's Early (07:00–15:00) is under way, and
// a shift on day 0 (Sat 28 Feb) has ended.
#include <doctest/doctest.h>

#include "commands_fixture.hpp"

using namespace sb;
using sb::test::Ward1;

namespace {
std::string bank_shift(Ward1& w, int day) { return w.open_shift(day).id; }
}  // namespace

TEST_CASE("apply and book: refused for a shift that has started or ended, with the time it did") {
    Ward1 w;
    w.state.wards[0].instant_booking = true;
    const std::string now = bank_shift(w, 1), past = bank_shift(w, 0), later = bank_shift(w, 2);
    CHECK(w.run("zoe", "apply", {{"shift", now}}).reason ==
          "This shift started at 07:00 on Sun 1 Mar, so it can no longer be applied for");
    CHECK(w.run("zoe", "book", {{"shift", now}}).reason == "This shift started at 07:00 on Sun 1 Mar, so it can no longer be booked");
    CHECK(w.run("zoe", "book", {{"shift", past}}).reason == "This shift ended at 15:00 on Sat 28 Feb, so it can no longer be booked");
    // A manager booking someone onto it is refused the same way.
    CHECK(w.run("manager", "book", {{"shift", past}, {"staff", "p2"}}).reason ==
          "This shift ended at 15:00 on Sat 28 Feb, so it can no longer be booked");
    CHECK(w.state.find_shift(now)->assignee.empty());
    CHECK(w.state.find_shift(past)->status == ShiftStatus::Open);
    CHECK(w.run("zoe", "book", {{"shift", later}}).accepted());
}

TEST_CASE("approving an application: refused once the shift has started") {
    Ward1 w;
    const std::string id = bank_shift(w, 1);
    Application a{"app-late", id, "p1", RequestStatus::Pending};   // sent before the shift began
    w.state.applications.push_back(a);
    CHECK(w.run("manager", "approve_application", {{"application", "app-late"}}).reason ==
          "This shift started at 07:00 on Sun 1 Mar, so it can no longer be booked");
    CHECK(w.state.applications[0].status == RequestStatus::Pending);
    // Declining it is still possible: that tidies the queue.
    CHECK(w.run("manager", "decline_application", {{"application", "app-late"}}).accepted());
}

TEST_CASE("swaps: refused when either shift has started, at every step, and asked only once") {
    Ward1 w;
    const std::string mine_now = w.add(1, "07:00", "15:00").id;
    const std::string mine = w.add(16, "07:00", "15:00").id;
    Shift& t = w.add(18, "07:00", "15:00");
    t.assignee = "p2";
    const std::string theirs = t.id;
    Shift& tp = w.add(0, "07:00", "15:00");
    tp.assignee = "p2";
    const std::string theirs_past = tp.id;
    CHECK(w.run("zoe", "request_swap", {{"shift", mine_now}, {"other_shift", theirs}}).reason ==
          "This shift started at 07:00 on Sun 1 Mar, so it can no longer be swapped");
    CHECK(w.run("zoe", "request_swap", {{"shift", mine}, {"other_shift", theirs_past}}).reason ==
          "This shift ended at 15:00 on Sat 28 Feb, so it can no longer be swapped");
    CHECK(w.state.swaps.empty());

    REQUIRE(w.run("zoe", "request_swap", {{"shift", mine}, {"other_shift", theirs}}).accepted());
    // A second tap, and the colleague asking the same the other way round, are duplicates.
    CHECK(w.run("zoe", "request_swap", {{"shift", mine}, {"other_shift", theirs}}).reason == "You have already asked for this swap");
    CHECK(w.run("lukasz", "request_swap", {{"shift", theirs}, {"other_shift", mine}}).reason ==
          "Your colleague has already asked you for this swap: accept it from your requests");
    CHECK(w.state.swaps.size() == 1);

    // Time passes: accepting or approving after one of the shifts has begun is refused.
    const std::string swap = w.state.swaps[0].id;
    auto at = [&](const char* author, const char* type, const char* time) {
        return apply_command(w.state, w.log, Command{"t" + std::to_string(++w.n), author, time, type, {{"swap", swap}}});
    };
    CHECK(at("lukasz", "accept_swap", "2026-03-16T08:00:00Z").reason ==
          "This shift started at 07:00 on Mon 16 Mar, so it can no longer be swapped");
    REQUIRE(at("lukasz", "accept_swap", "2026-03-10T08:00:00Z").accepted());
    CHECK(at("manager", "approve_swap", "2026-03-18T16:00:00Z").reason ==
          "This shift ended at 15:00 on Mon 16 Mar, so it can no longer be swapped");
    CHECK(w.state.find_shift(mine)->assignee == "p1");
}

TEST_CASE("post to bank: a vacancy that has started is not posted; a batch posts only those to come") {
    Ward1 w;
    auto vacancy = [&](int day) {
        Shift& s = w.add(day, "07:00", "15:00");
        s.assignee.clear();
        s.status = ShiftStatus::Published;
        return s.id;
    };
    const std::string yesterday = vacancy(0), today = vacancy(1), tomorrow = vacancy(2);
    CHECK(w.run("manager", "post_to_bank", {{"shifts", {yesterday}}}).reason ==
          "This shift ended at 15:00 on Sat 28 Feb, so it can no longer be posted to the bank");
    CHECK(w.run("manager", "post_to_bank", {{"shifts", {yesterday, today}}}).reason ==
          "Only vacant draft or published shifts still to come can be posted to the bank");
    auto r = w.run("manager", "post_to_bank", {{"shifts", {yesterday, today, tomorrow}}});
    REQUIRE(r.accepted());
    CHECK(w.state.find_shift(yesterday)->status == ShiftStatus::Published);
    CHECK(w.state.find_shift(today)->status == ShiftStatus::Published);
    CHECK(w.state.find_shift(tomorrow)->status == ShiftStatus::Open);
    // Only the posted one is offered to staff.
    for (const Notification& n : w.state.notifications) CHECK(n.shift == tomorrow);
}

TEST_CASE("raise rate: refused for a vacancy that has started") {
    Ward1 w;
    Shift& vacancy = w.open_shift(1);
    vacancy.rate_pence_per_hour = 2500;
    const std::string id = vacancy.id;
    CHECK(w.run("manager", "raise_rate", {{"shift", id}, {"rate_pence_per_hour", 3000}}).reason ==
          "This shift started at 07:00 on Sun 1 Mar, so its rate can no longer be raised");
    CHECK(w.state.find_shift(id)->rate_pence_per_hour == 2500);
}

TEST_CASE("a command with no time (a file's, a replay's) is not refused for the time") {
    Ward1 w;
    w.state.wards[0].instant_booking = true;
    const std::string id = bank_shift(w, 0);
    CHECK(apply_command(w.state, w.log, Command{"x1", "zoe", "", "book", {{"shift", id}}}).accepted());
}
