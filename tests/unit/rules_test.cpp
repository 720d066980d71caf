// One TEST_CASE per rule, each with its boundary: the limit itself passes, one minute more fails.
#include <doctest/doctest.h>

#include "core/demo_trust.hpp"
#include "rules_fixture.hpp"

using namespace sb;
using sb::test::RotaFixture;

TEST_CASE("max_shift_length: 13 h 00 passes, 13 h 01 fails, and the message names the numbers") {
    RotaFixture f;
    f.add(2, "07:00", "20:00");
    CHECK(f.violations("max_shift_length").empty());
    f.add(4, "07:00", "20:01");
    auto v = f.violations("max_shift_length");
    REQUIRE(v.size() == 1);
    CHECK(v[0].severity == Severity::Block);
    CHECK(v[0].message == "Early Wed 4 Mar lasts 13 h 1 min; the maximum is 13 h");
}

TEST_CASE("max_shift_length counts real time across the clock change") {
    RotaFixture f;
    f.state.period_start = make_date(2026, 10, 19);
    // 19:00 Sat 24 Oct to 07:30 Sun 25 Oct is 12 h 30 on the clock, 13 h 30 in real time.
    Shift& s = f.add(1, "19:00", "07:30", "night");
    s.start.date = make_date(2026, 10, 24);
    s.end.date = make_date(2026, 10, 25);
    CHECK(f.violations("max_shift_length").size() == 1);
}

TEST_CASE("min_rest: exactly 11 h passes; 10 h 59 fails with the design's wording") {
    RotaFixture f;
    f.add(5, "20:00", "08:30", "night");   // Thu 5 → Fri 6 08:30
    f.add(6, "19:30", "23:00", "late");    // 11 h after
    CHECK(f.violations("min_rest").empty());
    RotaFixture g("afc");
    g.add(3, "13:30", "21:30", "late");
    g.add(4, "07:00", "15:00", "early");   // 9 h 30 min later
    auto v = g.violations("min_rest");
    REQUIRE(v.size() == 1);
    CHECK(v[0].message == "9 h 30 min rest between Late Tue 3 Mar and Early Wed 4 Mar; the minimum is 11 h");
    CHECK(v[0].shifts == std::vector<std::string>{"sh1", "sh2"});
    RotaFixture h("afc");
    h.add(3, "13:30", "21:30", "late");
    h.add(4, "08:29", "15:00", "early");   // 10 h 59 min
    CHECK(h.violations("min_rest").size() == 1);
}

TEST_CASE("overlap: double booking is blocked, back-to-back is not an overlap") {
    RotaFixture f;
    f.add(2, "07:00", "15:00");
    f.add(2, "14:00", "20:00", "late");
    auto v = f.violations("overlap");
    REQUIRE(v.size() == 1);
    CHECK(v[0].message.find("overlap") != std::string::npos);
    RotaFixture g;
    g.add(2, "07:00", "15:00");
    g.add(2, "15:00", "20:00", "late");
    CHECK(g.violations("overlap").empty());
}

TEST_CASE("overlap: two shifts of the same type on the same day are told apart by their wards") {
    RotaFixture f;
    Ward second = f.state.wards.front();
    second.id = "w2", second.name = "Ward 12";
    f.state.wards.push_back(second);
    f.add(2, "13:30", "21:30", "late");
    f.add(2, "13:30", "21:30", "late").ward = "w2";
    auto v = f.violations("overlap");
    REQUIRE(v.size() == 1);
    const std::string ward1 = f.state.wards.front().name;
    CHECK(v[0].message == "Late Mon 2 Mar on " + ward1 + " and Late Mon 2 Mar on Ward 12 overlap: " +
                              f.state.staff.front().name + " would be booked twice at once");
    RotaFixture g;
    g.add(2, "13:30", "21:30", "late");
    g.add(2, "14:00", "21:30", "late");
    REQUIRE(g.violations("overlap").size() == 1);
    CHECK(g.violations("overlap")[0].message.rfind("Two shifts, both Late Mon 2 Mar on " + ward1 + ", overlap", 0) == 0);
}

TEST_CASE("max_72_in_168: 72 h passes, 72 h 01 fails") {
    RotaFixture f;
    // Six 12 h shifts Mon–Sat = 72 h within 168 h (with 12 h rests between).
    for (int d = 2; d <= 7; ++d) f.add(d, "08:00", "20:00", "long_day");
    CHECK(f.violations("max_72_in_168").empty());
    f.state.shifts.back().end.minute += 1;
    auto v = f.violations("max_72_in_168");
    REQUIRE(v.size() == 1);
    CHECK(v[0].message.find("72 h 1 min of work in the 168 hours") == 0);
}

TEST_CASE("max_consecutive_shifts: 7 in a row passes (2019), 8 fails; the 2016 version allows 8") {
    RotaFixture f;
    for (int d = 2; d <= 8; ++d) f.add(d, "09:00", "17:00");
    CHECK(f.violations("max_consecutive_shifts").empty());
    f.add(9, "09:00", "17:00");
    auto v = f.violations("max_consecutive_shifts");
    REQUIRE(v.size() == 1);
    CHECK(v[0].message == "8 shifts in a row (Mon 2 Mar to Mon 9 Mar); the limit is 7 in a row");

    RotaFixture original("tcs2016", "tcs2016-original");
    for (int d = 2; d <= 9; ++d) original.add(d, "09:00", "17:00");
    CHECK(original.violations("max_consecutive_shifts").empty());
}

TEST_CASE("after 7 shifts in a row, 48 h rest: exactly 48 h passes, less fails") {
    RotaFixture f;
    for (int d = 2; d <= 8; ++d) f.add(d, "09:00", "17:00");
    f.add(10, "17:00", "21:00", "late");   // Sun 8 17:00 + 48 h = Tue 10 17:00
    CHECK(f.violations("max_consecutive_shifts").empty());
    f.state.shifts.back().start.minute -= 1;
    auto v = f.violations("max_consecutive_shifts");
    REQUIRE(v.size() == 1);
    CHECK(v[0].message.find("47 h 59 min rest after a run of 7 shifts") == 0);
}

TEST_CASE("long shifts: a long shift is more than 10 h, as the contract's text says") {
    // NHS Employers' text: "more than 10 hours"; the BMA's checker counts 10 h or more. We follow the contract.
    RotaFixture f;
    for (int d = 2; d <= 6; ++d) f.add(d, "08:00", "18:00", "long_day");   // exactly 10 h: not long
    CHECK(f.violations("max_consecutive_long").empty());
    RotaFixture g;
    for (int d = 2; d <= 6; ++d) g.add(d, "08:00", "18:01", "long_day");   // 10 h 01: long, 5 in a row
    auto v = g.violations("max_consecutive_long");
    REQUIRE(!v.empty());
    CHECK(v[0].message.find("5 long shifts in a row") == 0);
}

TEST_CASE("nights: 4 in a row pass, 5 fail; 46 h rest after nights (2019)") {
    RotaFixture f;
    for (int d = 2; d <= 5; ++d) f.add(d, "20:00", "08:30", "night");   // last ends Fri 6 08:30
    f.add(8, "06:30", "14:00");   // Sun 8 06:30 = 46 h after
    CHECK(f.violations("max_consecutive_nights").empty());
    f.state.shifts.back().start.minute -= 1;
    CHECK(f.violations("max_consecutive_nights").size() == 1);

    RotaFixture g;
    for (int d = 2; d <= 6; ++d) g.add(d, "20:00", "08:30", "night");
    auto v = g.violations("max_consecutive_nights");
    REQUIRE(v.size() == 1);
    CHECK(v[0].message.find("5 night shifts in a row") == 0);

    // 2019: even a single night needs 46 h rest after it; the 2016 original asked it after 3+.
    RotaFixture one;
    one.add(5, "20:00", "08:30", "night");
    one.add(6, "20:00", "23:30", "late");   // 11 h 30 later
    auto w = one.violations("max_consecutive_nights");
    REQUIRE(w.size() == 1);
    CHECK(w[0].message == "11 h 30 min rest after the Night Thu 5 Mar before Late Fri 6 Mar; at least 46 h is required");
    RotaFixture original("tcs2016", "tcs2016-original");
    original.add(5, "20:00", "08:30", "night");
    original.add(6, "20:00", "23:30", "late");
    CHECK(original.violations("max_consecutive_nights").empty());
}

TEST_CASE("a night shift has at least 3 h between 23:00 and 06:00") {
    RotaFixture f;
    CHECK(make_span(f.state, f.add(2, "20:00", "02:00", "late")).night);    // 23:00–02:00: exactly 3 h
    CHECK_FALSE(make_span(f.state, f.add(4, "20:00", "01:59", "late")).night);
    CHECK(make_span(f.state, f.add(6, "03:00", "11:00")).night);             // 03:00–06:00
}

TEST_CASE("night: true on a shift type makes its shifts nights for the rules, at the 3-hour boundary too") {
    // 20:00–01:59 has 2 h 59 min in the night window: not a night by the TCS's hours alone…
    RotaFixture plain;
    plain.state.shift_types.push_back({"evening", "Evening", 20 * 60, 1 * 60 + 59, false});
    plain.add(5, "20:00", "01:59", "evening");
    plain.add(6, "20:00", "23:30", "late");   // 18 h later
    CHECK_FALSE(make_span(plain.state, plain.state.shifts[0]).night);
    CHECK(plain.violations("max_consecutive_nights").empty());
    // …but a trust that marks the type a night gets the rest owed after a night (46 h in 2019).
    RotaFixture marked;
    marked.state.shift_types.push_back({"evening", "Evening", 20 * 60, 1 * 60 + 59, true});
    marked.add(5, "20:00", "01:59", "evening");
    marked.add(6, "20:00", "23:30", "late");
    CHECK(make_span(marked.state, marked.state.shifts[0]).night);
    auto v = marked.violations("max_consecutive_nights");
    REQUIRE(v.size() == 1);
    CHECK(v[0].message == "18 h 1 min rest after the Evening Thu 5 Mar before Late Fri 6 Mar; at least 46 h is required");
}

TEST_CASE("weekend_frequency: at most 1 weekend in 3 (2019), 1 in 2 (2016)") {
    RotaFixture f;   // 28 days from Mon 2 Mar: 4 weekends, so ceil(4/3) = 2 allowed
    f.add(7, "09:00", "17:00");
    f.add(14, "09:00", "17:00");
    CHECK(f.violations("weekend_frequency").empty());
    f.add(21, "09:00", "17:00");
    auto v = f.violations("weekend_frequency");
    REQUIRE(v.size() == 1);
    CHECK(v[0].severity == Severity::Warn);
    CHECK(v[0].message.find("works 3 of the 4 weekends") != std::string::npos);
    RotaFixture g("tcs2016", "tcs2016-original");
    for (int d : {7, 14}) g.add(d, "09:00", "17:00");
    CHECK(g.violations("weekend_frequency").empty());
    g.add(22, "09:00", "17:00");
    CHECK(g.violations("weekend_frequency").size() == 1);
}

TEST_CASE("average_48: over the period, 48 h a week passes and more warns") {
    RotaFixture f;
    f.state.period_days = 7;
    for (int d = 2; d <= 5; ++d) f.add(d, "08:00", "20:00", "long_day");   // 48 h
    CHECK(f.violations("average_48").empty());
    f.add(7, "08:00", "08:01");
    auto v = f.violations("average_48");
    REQUIRE(v.size() == 1);
    CHECK(v[0].severity == Severity::Warn);
}

TEST_CASE("eligibility: group, grade and skills") {
    RotaFixture f("afc");
    Shift& s = f.add(2, "07:00", "15:00");
    s.requirements.group = StaffGroup::Doctor;
    CHECK(f.violations("group_match").size() == 1);
    s.requirements.group = StaffGroup::Nurse;
    s.requirements.grades = {"Band 6", "Band 7"};
    auto g = f.violations("grade_match");
    REQUIRE(g.size() == 1);
    CHECK(g[0].message == "Early Mon 2 Mar needs Band 6 or Band 7; Zoë Adeyemi is Band 5");
    s.requirements.grades = {};
    s.requirements.skills = {"iv_cannulation"};
    CHECK(f.violations("skill_match").size() == 1);
    f.state.staff[0].skills = {"iv_cannulation"};
    CHECK(f.violations("skill_match").empty());
}

TEST_CASE("documents_valid: an expired DBS blocks bank shifts only, from the day after expiry") {
    RotaFixture f("afc");
    f.state.staff[0].documents = {{"dbs", make_date(2026, 3, 3)}};
    Shift& a = f.add(3, "07:00", "15:00");   // on the expiry day: still valid
    a.source = ShiftSource::Bank;
    CHECK(f.violations("documents_valid").empty());
    Shift& b = f.add(5, "07:00", "15:00");
    b.source = ShiftSource::Bank;
    auto v = f.violations("documents_valid");
    REQUIRE(v.size() == 1);
    CHECK(v[0].message == "Zoë Adeyemi's DBS check expired on 3 Mar 2026, before Early Thu 5 Mar; bank shifts need it in date");
    f.add(9, "07:00", "15:00");   // roster shift: not this rule's business
    CHECK(f.violations("documents_valid").size() == 1);
}

TEST_CASE("leave_conflict: approved leave blocks, pending does not") {
    RotaFixture f("afc");
    f.add(4, "07:00", "15:00");
    f.state.leave.push_back({"l1", "p1", LeaveKind::Annual, make_date(2026, 3, 4), make_date(2026, 3, 6), RequestStatus::Pending});
    CHECK(f.violations("leave_conflict").empty());
    f.state.leave[0].status = RequestStatus::Approved;
    auto v = f.violations("leave_conflict");
    REQUIRE(v.size() == 1);
    CHECK(v[0].message == "Early Wed 4 Mar falls in Zoë Adeyemi's approved annual leave (4 Mar to 6 Mar)");
}

TEST_CASE("weekly_rest (WTR): a week with no 24 h break warns") {
    RotaFixture f("afc");
    f.state.period_days = 7;
    for (int d = 2; d <= 8; ++d) f.add(d, "07:00", "22:00", "long_day");   // 9 h breaks only
    f.add(1, "00:00", "00:01");   // outside the week, ignored
    auto v = f.violations("weekly_rest");
    REQUIRE(v.size() == 1);
    CHECK(v[0].severity == Severity::Warn);
    RotaFixture g("afc");
    g.state.period_days = 7;
    for (int d = 2; d <= 7; ++d) g.add(d, "07:00", "15:00");
    CHECK(g.violations("weekly_rest").empty());
}

TEST_CASE("rule sets are chosen per person: doctors by their ward's version, others WTR") {
    RotaFixture f;
    CHECK(rule_set_for(f.state, f.state.staff[0]).id == "tcs2016-2019");
    f.state.wards[0].rule_set = "tcs2016-original";
    CHECK(rule_set_for(f.state, f.state.staff[0]).id == "tcs2016-original");
    RotaFixture nurse("afc");
    CHECK(rule_set_for(nurse.state, nurse.state.staff[0]).id == "wtr1998");
}

TEST_CASE("check_candidate: only the candidate's violations, and the same verdict as a full check") {
    RotaFixture f("afc");
    f.add(3, "13:30", "21:30", "late");
    f.add(10, "07:00", "15:00");
    RulesEngine engine(f.state);
    Shift cand = f.state.shifts[1];
    cand.start.date = make_date(2026, 3, 4);   // move the Early to Wed 4: 9 h 30 after the Late
    cand.end.date = cand.start.date;
    auto verdict = engine.check_candidate(cand, "p1");
    CHECK_FALSE(verdict.allowed);
    REQUIRE(verdict.violations.size() == 1);
    CHECK(verdict.violations[0].rule == "min_rest");
    cand.start.date = cand.end.date = make_date(2026, 3, 5);
    CHECK(engine.check_candidate(cand, "p1").allowed);
    CHECK(engine.check_candidate(cand, "p1", false).violations.empty());
}

TEST_CASE("the demo trust's deliberate breaches are found") {
    DemoOptions o;
    o.staff = 300;
    const State s = make_demo_trust(o);
    RulesEngine engine(s);
    int rest = 0;
    for (const auto& v : engine.check_all()) {
        rest += v.rule == "min_rest";
        CHECK(!v.message.empty());
    }
    CHECK(rest >= 2);
}
