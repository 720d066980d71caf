#include <doctest/doctest.h>

#include "core/civil_time.hpp"

using namespace sb;

TEST_CASE("dates convert to and from the civil calendar") {
    CHECK(make_date(1970, 1, 1).days == 0);
    CHECK(make_date(2026, 3, 6).days == 20518);
    for (int d = -1000; d < 40000; d += 7) {
        const auto c = civil(Date{d});
        CHECK(make_date(c.year, c.month, c.day).days == d);
    }
    CHECK(weekday(make_date(2026, 3, 2)) == 0);   // a Monday
    CHECK(weekday(make_date(2026, 3, 8)) == 6);   // a Sunday
    CHECK(is_weekend(make_date(2026, 3, 7)));
    CHECK_FALSE(is_weekend(make_date(2026, 3, 6)));
    CHECK(format_weekday_day_month(make_date(2026, 3, 6)) == "Fri 6 Mar");
}

TEST_CASE("parsing rejects malformed and impossible dates") {
    CHECK(parse_date("2026-02-28"));
    CHECK(parse_date("2028-02-29"));
    CHECK_FALSE(parse_date("2026-02-29"));
    CHECK_FALSE(parse_date("2026-13-01"));
    CHECK_FALSE(parse_date("2026-3-01"));
    CHECK_FALSE(parse_date("2026-03-0a"));
    CHECK_FALSE(parse_date("+026-03-01"));
    CHECK_FALSE(parse_date(""));
    CHECK(parse_local_date_time("2026-03-06T20:00")->minute == 1200);
    CHECK_FALSE(parse_local_date_time("2026-03-06T24:00"));
    CHECK_FALSE(parse_local_date_time("2026-03-06 20:00"));
    CHECK_FALSE(parse_local_date_time("2026-03-06T20:60"));
    CHECK(format_local_date_time(*parse_local_date_time("2026-03-06T07:05")) == "2026-03-06T07:05");
}

TEST_CASE("Europe/London: GMT in winter, BST in summer, changes on the last Sundays at 01:00 UTC") {
    // 2026: BST from Sun 29 March to Sun 25 October.
    const LocalDateTime winter{make_date(2026, 1, 15), 12 * 60};
    const LocalDateTime summer{make_date(2026, 7, 15), 12 * 60};
    CHECK(london_to_utc(winter) == int64_t(winter.date.days) * 1440 + 720);
    CHECK(london_to_utc(summer) == int64_t(summer.date.days) * 1440 + 660);
    CHECK(utc_to_london(london_to_utc(summer)) == summer);
    CHECK(utc_to_london(london_to_utc(winter)) == winter);

    const Date spring = make_date(2026, 3, 29), autumn = make_date(2026, 10, 25);
    CHECK(classify_london({spring, 60 + 30}) == LocalTimeKind::Skipped);
    CHECK(classify_london({spring, 2 * 60}) == LocalTimeKind::Normal);
    CHECK(classify_london({autumn, 60 + 30}) == LocalTimeKind::Repeated);
    CHECK(classify_london({make_date(2026, 3, 22), 90}) == LocalTimeKind::Normal);
    // 00:59 GMT and 02:00 BST are one minute apart on the spring night.
    CHECK(london_to_utc({spring, 2 * 60}) - london_to_utc({spring, 59}) == 1);
    // A repeated time means its first (BST) occurrence.
    CHECK(london_to_utc({autumn, 90}) == int64_t(autumn.days) * 1440 + 30);
}

TEST_CASE("a night shift across a clock change lasts an hour more or less") {
    // Night 20:00–08:30 is 12 h 30 min, 11 h 30 min over the spring change, 13 h 30 min over autumn.
    auto length = [](Date day) {
        return london_to_utc({day + 1, 8 * 60 + 30}) - london_to_utc({day, 20 * 60});
    };
    CHECK(length(make_date(2026, 3, 6)) == 750);
    CHECK(length(make_date(2026, 3, 28)) == 690);
    CHECK(length(make_date(2026, 10, 24)) == 810);
}

TEST_CASE("durations are named the way the rules engine says them") {
    CHECK(format_duration(570) == "9 h 30 min");
    CHECK(format_duration(660) == "11 h");
    CHECK(format_duration(45) == "45 min");
    CHECK(format_duration(0) == "0 min");
    CHECK(format_duration(-90) == "-1 h 30 min");
}
