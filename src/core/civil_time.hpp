// Calendar dates and wall-clock times in Europe/London, without a time-zone database.
//
// Shifts are planned in local time ("Night, 20:00 to 08:30"), but rest and hours rules need
// real elapsed time: a night that spans the October clock change lasts an hour longer.
// Emscripten 3.1.6's libc++ has no C++20 time-zone database, so the UK rule is coded here:
// since 1996, British Summer Time runs from 01:00 UTC on the last Sunday of March to
// 01:00 UTC on the last Sunday of October (The Summer Time Order 2002).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sb {

// Days since 1970-01-01 (proleptic Gregorian).
struct Date {
    int32_t days = 0;
    friend auto operator<=>(const Date&, const Date&) = default;
    Date operator+(int n) const { return Date{days + n}; }
    Date operator-(int n) const { return Date{days - n}; }
    int operator-(Date o) const { return days - o.days; }
};

struct YearMonthDay { int year = 1970, month = 1, day = 1; };

Date make_date(int year, int month, int day);
YearMonthDay civil(Date d);
int weekday(Date d);                         // 0 = Monday … 6 = Sunday
bool is_weekend(Date d);
std::optional<Date> parse_date(std::string_view iso);   // "2026-03-06"
std::string format_date(Date d);                         // "2026-03-06"
std::string format_day_month(Date d);                    // "6 Mar"
std::string format_weekday_day_month(Date d);            // "Fri 6 Mar"
const char* weekday_short(Date d);                       // "Fri"
const char* month_short(int month);                      // "Mar"
const char* month_name(int month);                       // "March"

// A wall-clock time in Europe/London: a date plus minutes after local midnight.
struct LocalDateTime {
    Date date;
    int minute = 0;   // 0 … 1439
    friend auto operator<=>(const LocalDateTime&, const LocalDateTime&) = default;
};

std::optional<LocalDateTime> parse_local_date_time(std::string_view iso);  // "2026-03-06T20:00"
std::string format_local_date_time(const LocalDateTime& t);                // "2026-03-06T20:00"
std::string format_clock(int minute_of_day);                               // "07:30"

// Minutes since 1970-01-01T00:00Z.
using UtcMinutes = int64_t;

enum class LocalTimeKind { Normal, Skipped, Repeated };
// Skipped: 01:00–01:59 on the last Sunday of March does not exist.
// Repeated: 01:00–01:59 on the last Sunday of October happens twice.
LocalTimeKind classify_london(const LocalDateTime& t);

// Repeated times resolve to their first (BST) occurrence; skipped times move forward an hour,
// as a clock would show them. Validation rejects skipped times before they get here.
UtcMinutes london_to_utc(const LocalDateTime& t);
LocalDateTime utc_to_london(UtcMinutes t);
bool london_is_summer_time(UtcMinutes t);

// "9 h 30 min", "11 h", "45 min": how the rules engine names durations to people.
std::string format_duration(int64_t minutes);

}  // namespace sb
