#include <doctest/doctest.h>

#include <set>

#include "core/data_format.hpp"
#include "core/demo_trust.hpp"

using namespace sb;

TEST_CASE("the demo trust is deterministic for a seed and valid") {
    DemoOptions o;
    o.staff = 200;
    o.weeks = 4;
    o.seed = 42;
    const std::string a = save_state(make_demo_trust(o)), b = save_state(make_demo_trust(o));
    CHECK(a == b);
    o.seed = 43;
    CHECK(save_state(make_demo_trust(o)) != a);
    const LoadResult r = load_state(a);
    REQUIRE(r.ok());
    CHECK(r.state.period_days == 28);
    CHECK(r.state.wards.size() == 8);
}

TEST_CASE("the demo trust looks like a hospital") {
    DemoOptions o;
    o.staff = 500;
    const State s = make_demo_trust(o);
    int open = 0, agency = 0, bank = 0, vacant_draft = 0;
    std::set<StaffGroup> groups;
    for (const auto& p : s.staff) groups.insert(p.group);
    for (const auto& x : s.shifts) {
        open += x.status == ShiftStatus::Open;
        agency += x.source == ShiftSource::Agency;
        bank += x.source == ShiftSource::Bank && !x.assignee.empty();
        vacant_draft += x.assignee.empty() && x.status != ShiftStatus::Open;
    }
    CHECK(groups.size() == 4);
    CHECK(open > 50);
    CHECK(agency > 5);
    CHECK(bank > 10);
    CHECK(vacant_draft > 10);
    CHECK(s.shifts.size() > 500 * 10);
    // A manager per ward, an admin, and an account for everyone else who works here.
    int managers = 0, admins = 0;
    for (const auto& u : s.users) managers += u.role == Role::Manager, admins += u.role == Role::Admin;
    CHECK(managers == int(s.wards.size()));
    CHECK(admins == 1);
    CHECK(s.users.size() == 500 + 1);
}

TEST_CASE("the period starts on the Monday of the given date") {
    DemoOptions o;
    o.staff = 10;
    o.start = make_date(2026, 11, 26);   // a Thursday
    CHECK(make_demo_trust(o).period_start == make_date(2026, 11, 23));
    CHECK(monday_of(make_date(2026, 11, 23)) == make_date(2026, 11, 23));
    CHECK(monday_of(make_date(2026, 11, 29)) == make_date(2026, 11, 23));
}

TEST_CASE("names keep their accents; usernames are plain ASCII") {
    DemoOptions o;
    o.staff = 300;
    const State s = make_demo_trust(o);
    bool accented = false;
    for (const auto& p : s.staff)
        for (unsigned char c : p.name) accented = accented || c >= 0x80;
    CHECK(accented);
    for (const auto& u : s.users)
        for (unsigned char c : u.id) CHECK(c < 0x80);
}

TEST_CASE("the same seed gives the same trust natively and in wasm") {
    // FNV-1a of the serialised demo; this test runs in both builds, so a platform difference
    // (evaluation order, standard-library distributions) fails one of them.
    DemoOptions o;
    o.staff = 150;
    o.weeks = 2;
    o.seed = 5;
    const std::string text = save_state(make_demo_trust(o));
    uint64_t h = 1469598103934665603ull;
    for (unsigned char c : text) h = (h ^ c) * 1099511628211ull;
    MESSAGE("demo hash " << h << ", " << text.size() << " bytes");
    CHECK(h == 10792198901496143788ull);   // update only for an intended change to the generator
}
