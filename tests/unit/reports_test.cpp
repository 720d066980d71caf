#include <doctest/doctest.h>

#include "core/reports.hpp"
#include "rules_fixture.hpp"

using namespace sb;

namespace {
Shift shift(const char* id, const char* ward, Date day, const char* assignee, ShiftStatus st, ShiftSource src, int rate) {
    Shift s;
    s.id = id;
    s.ward = ward;
    s.type = "early";
    s.start = {day, 7 * 60};
    s.end = {day, 15 * 60};   // 8 h
    s.assignee = assignee;
    s.status = st;
    s.source = src;
    s.rate_pence_per_hour = rate;
    return s;
}
}  // namespace

TEST_CASE("fill rate and bank/agency spend per ward and in total") {
    State s;
    s.wards.resize(2);
    s.wards[0].id = "w1";
    s.wards[1].id = "w2";
    const Date d = make_date(2026, 3, 2);
    s.shifts = {shift("a", "w1", d, "p1", ShiftStatus::Published, ShiftSource::Roster, 2000),
                shift("b", "w1", d, "", ShiftStatus::Open, ShiftSource::Bank, 2500),
                shift("c", "w1", d, "p2", ShiftStatus::Booked, ShiftSource::Bank, 2500),
                shift("d", "w2", d, "p3", ShiftStatus::Booked, ShiftSource::Agency, 6000),
                shift("e", "w2", d, "", ShiftStatus::Cancelled, ShiftSource::Roster, 2000),
                shift("f", "w2", d + 7, "p3", ShiftStatus::Booked, ShiftSource::Agency, 6000)};   // outside
    const auto rows = ward_figures(s, d, 7);
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].shifts == 3);
    CHECK(rows[0].filled == 2);
    CHECK(rows[0].open_in_bank == 1);
    CHECK(rows[0].bank_pence == 8 * 2500);
    CHECK(rows[1].shifts == 1);
    CHECK(rows[1].agency_pence == 8 * 6000);
    CHECK(rows[2].shifts == 4);
    CHECK(rows[2].fill_rate() == doctest::Approx(0.75));
}

TEST_CASE("money reads like money") {
    CHECK(format_money(6800) == "£68.00");
    CHECK(format_money(6805) == "£68.05");
    CHECK(format_money(123456789) == "£1,234,568");
    CHECK(format_money(0) == "£0.00");
    CHECK(format_money(-250) == "-£2.50");
}

TEST_CASE("rate card: a type-specific rate beats the grade's general one; no entry gives 0") {
    State s;
    s.rate_card = {{StaffGroup::Nurse, "Band 5", "", 2650}, {StaffGroup::Nurse, "Band 5", "night", 3250},
                   {StaffGroup::Nurse, "Band 6", "", 3150}};
    Requirements band5{StaffGroup::Nurse, {"Band 5"}, {}};
    CHECK(rate_for(s, band5, "early") == 2650);
    CHECK(rate_for(s, band5, "night") == 3250);
    CHECK(rate_for(s, {StaffGroup::Nurse, {"Band 7", "Band 6"}, {}}, "early") == 3150);
    CHECK(rate_for(s, {StaffGroup::Doctor, {"Band 5"}, {}}, "early") == 0);
}

TEST_CASE("hours summary: this week, the busiest 168 h against 72 h, and the period average against 48 h") {
    test::RotaFixture f("tcs2016");
    // Mon 2 to Fri 6 March 2026: five 13 h long days = 65 h in one 168 h window.
    for (int day = 2; day <= 6; ++day) f.add(day, "07:30", "20:30", "long_day");
    f.add(16, "07:00", "15:00");   // one more in the third week
    const HoursSummary h = hours_summary(f.state, f.state.staff[0], make_date(2026, 3, 4));
    CHECK(h.week_minutes == 65 * 60);
    CHECK(h.window == 168 * 60);
    CHECK(h.window_limit == 72 * 60);
    CHECK(h.busiest_window_minutes == 65 * 60);
    CHECK(h.average_limit == 48 * 60);
    CHECK(h.average_week_minutes == (65 + 8) * 60 * 7 / 28);
    // Seen from the third week, the first week's window no longer reaches today.
    const HoursSummary later = hours_summary(f.state, f.state.staff[0], make_date(2026, 3, 16));
    CHECK(later.busiest_window_minutes == 8 * 60);
}
