// The .ics export against RFC 5545: CRLF, folding at 75 octets, escaping, stable UIDs, and UTC
// times that are right across the clock changes.
#include <doctest/doctest.h>

#include "core/icalendar.hpp"
#include "rules_fixture.hpp"

using namespace sb;

namespace {
std::vector<std::string> physical_lines(const std::string& ics) {
    std::vector<std::string> out;
    size_t start = 0;
    for (size_t at; (at = ics.find("\r\n", start)) != std::string::npos; start = at + 2) out.push_back(ics.substr(start, at - start));
    return out;
}
std::string unfolded(const std::string& ics) {   // RFC 5545 §3.1: remove CRLF followed by one space
    std::string out = ics;
    for (size_t at; (at = out.find("\r\n ")) != std::string::npos;) out.erase(at, 3);
    return out;
}
}  // namespace

TEST_CASE("every line ends in CRLF, none is longer than 75 octets, and no bare LF appears") {
    test::RotaFixture f("afc");
    f.state.wards[0].name = std::string("Ward 7 · Acute Medicine, the one with a very long name; Łódź wing ") + std::string(60, 'x');
    f.add(5, "20:00", "08:30", "night");
    const std::string ics = shifts_to_icalendar(f.state, "p1", 0);
    REQUIRE(ics.size() > 4);
    CHECK(ics.substr(ics.size() - 2) == "\r\n");
    size_t bare_lf = 0;
    for (size_t i = 0; i < ics.size(); ++i) bare_lf += ics[i] == '\n' && (i == 0 || ics[i - 1] != '\r');
    CHECK(bare_lf == 0);
    for (const auto& l : physical_lines(ics)) CHECK(l.size() <= 75);
    // Folding never splits a UTF-8 character.
    for (const auto& l : physical_lines(ics))
        if (!l.empty()) CHECK((static_cast<unsigned char>(l.back()) & 0xC0) != 0xC0u);
    CHECK(unfolded(ics).find("LOCATION:Ward 7 · Acute Medicine\\, the one with a very long name\\; Łódź wing") != std::string::npos);
}

TEST_CASE("times are UTC instants, right across both clock changes") {
    test::RotaFixture f("afc");
    Shift& spring = f.add(1, "20:00", "08:30", "night");   // Sat 28 Mar 2026 → Sun 29 Mar (clocks go forward)
    spring.start.date = make_date(2026, 3, 28);
    spring.end.date = make_date(2026, 3, 29);
    Shift& autumn = f.add(1, "20:00", "08:30", "night");   // Sat 24 Oct → Sun 25 Oct (clocks go back)
    autumn.start.date = make_date(2026, 10, 24);
    autumn.end.date = make_date(2026, 10, 25);
    const std::string ics = unfolded(shifts_to_icalendar(f.state, "p1", 0));
    CHECK(ics.find("DTSTART:20260328T200000Z\r\nDTEND:20260329T073000Z") != std::string::npos);   // 08:30 BST = 07:30 UTC
    CHECK(ics.find("DTSTART:20261024T190000Z\r\nDTEND:20261025T083000Z") != std::string::npos);   // 20:00 BST = 19:00 UTC
}

TEST_CASE("each shift has a stable UID; other people's shifts are not exported") {
    test::RotaFixture f("afc");
    f.add(3, "07:00", "15:00");
    Shift& other = f.add(4, "07:00", "15:00");
    other.assignee = "someone-else";
    const std::string a = shifts_to_icalendar(f.state, "p1", 100), b = shifts_to_icalendar(f.state, "p1", 200);
    CHECK(a.find("UID:sh1@t.shiftbank\r\n") != std::string::npos);
    CHECK(b.find("UID:sh1@t.shiftbank\r\n") != std::string::npos);
    CHECK(a.find("sh2@") == std::string::npos);
    CHECK(a.find("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:") == 0);
    size_t events = 0;
    for (size_t at = 0; (at = a.find("BEGIN:VEVENT", at)) != std::string::npos; ++at) ++events;
    CHECK(events == 1);
}

TEST_CASE("a subscribed calendar is told to refresh hourly (RFC 7986 and Outlook's spelling), once, before the events") {
    test::RotaFixture f("afc");
    f.add(3, "07:00", "15:00");
    const std::string ics = shifts_to_icalendar(f.state, "p1", 0);
    const size_t refresh = ics.find("\r\nREFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n"), ttl = ics.find("\r\nX-PUBLISHED-TTL:PT1H\r\n");
    REQUIRE(refresh != std::string::npos);
    REQUIRE(ttl != std::string::npos);
    CHECK(refresh < ics.find("BEGIN:VEVENT"));
    CHECK(ttl < ics.find("BEGIN:VEVENT"));
    CHECK(ics.find("REFRESH-INTERVAL", refresh + 3) == std::string::npos);
    CHECK(ics.find("X-PUBLISHED-TTL", ttl + 3) == std::string::npos);
}

TEST_CASE("text escaping and folding follow the RFC") {
    CHECK(escape_ical_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne");
    const std::string folded = fold_ical_line(std::string(150, 'a'));
    CHECK(folded == std::string(75, 'a') + "\r\n " + std::string(74, 'a') + "\r\n " + std::string(1, 'a') + "\r\n");
}
