// What a clinician's snapshot leaves out, and that it is still valid data.
#include <doctest/doctest.h>

#include "core/data_format.hpp"
#include "core/demo_trust.hpp"
#include "core/visibility.hpp"

using namespace sb;

TEST_CASE("a clinician sees colleagues' shifts but not their personal details, pay, leave or requests") {
    DemoOptions o;
    o.staff = 80;
    State full = make_demo_trust(o);
    const User* clinician = nullptr;
    for (const User& u : full.users)
        if (u.role == Role::Clinician) clinician = &u;
    REQUIRE(clinician);
    full.leave.push_back({"l-other", full.staff[0].id == clinician->staff ? full.staff[1].id : full.staff[0].id,
                          LeaveKind::Sick, full.period_start, full.period_start + 2, RequestStatus::Approved});
    const State mine = visible_to(full, *clinician);
    CHECK(mine.shifts.size() == full.shifts.size());
    CHECK(mine.staff.size() == full.staff.size());
    for (const Staff& p : mine.staff) {
        if (p.id == clinician->staff) continue;
        CHECK(p.email.empty());
        CHECK(p.phone.empty());
        CHECK(p.documents.empty());
    }
    for (const Shift& s : mine.shifts)
        if (s.assignee != clinician->staff && s.status != ShiftStatus::Open) CHECK(s.rate_pence_per_hour == 0);
    for (const Leave& l : mine.leave) CHECK(l.staff == clinician->staff);
    // Still a valid document in the format.
    CHECK(load_state(save_state(mine)).ok());
    // Managers and administrators see everything.
    for (const User& u : full.users)
        if (u.role != Role::Clinician) CHECK(save_state(visible_to(full, u)) == save_state(full));
}
