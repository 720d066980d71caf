#include "civil_time.hpp"

#include <charconv>
#include <cstdio>

namespace sb {
namespace {

// Howard Hinnant's days-from-civil algorithm (public domain), valid for all int32 days.
int32_t days_from_civil(int y, int m, int d) {
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = y - era * 400;
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

bool parse_int(std::string_view s, int& out) {
    if (s.empty()) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc{} && p == s.data() + s.size();
}

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

Date last_sunday(int year, int month) {
    Date last = make_date(year, month, days_in_month(year, month));
    return last + -((weekday(last) + 1) % 7);
}

// The UTC instants at which BST starts and ends in a year (both at 01:00 UTC).
UtcMinutes bst_start(int year) { return int64_t(last_sunday(year, 3).days) * 1440 + 60; }
UtcMinutes bst_end(int year) { return int64_t(last_sunday(year, 10).days) * 1440 + 60; }

}  // namespace

Date make_date(int year, int month, int day) { return Date{days_from_civil(year, month, day)}; }

YearMonthDay civil(Date date) {
    int z = date.days + 719468;
    const int era = (z >= 0 ? z : z - 146096) / 146097;
    const int doe = z - era * 146097;
    const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int y = yoe + era * 400;
    const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int mp = (5 * doy + 2) / 153;
    const int d = doy - (153 * mp + 2) / 5 + 1;
    const int m = mp + (mp < 10 ? 3 : -9);
    return {y + (m <= 2), m, d};
}

int weekday(Date d) {
    // 1970-01-01 was a Thursday (index 3 with Monday = 0).
    int w = (d.days + 3) % 7;
    return w < 0 ? w + 7 : w;
}

bool is_weekend(Date d) { return weekday(d) >= 5; }

std::optional<Date> parse_date(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    int y, m, d;
    if (!parse_int(s.substr(0, 4), y) || !parse_int(s.substr(5, 2), m) || !parse_int(s.substr(8, 2), d))
        return std::nullopt;
    if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) return std::nullopt;
    return make_date(y, m, d);
}

std::string format_date(Date d) {
    auto c = civil(d);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", c.year, c.month, c.day);
    return buf;
}

const char* month_short(int month) {
    static const char* names[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    return month >= 1 && month <= 12 ? names[month - 1] : "?";
}

const char* month_name(int month) {
    static const char* names[] = {"January", "February", "March",     "April",   "May",      "June",
                                  "July",    "August",   "September", "October", "November", "December"};
    return month >= 1 && month <= 12 ? names[month - 1] : "?";
}

const char* weekday_short(Date d) {
    static const char* names[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    return names[weekday(d)];
}

std::string format_day_month(Date d) {
    auto c = civil(d);
    return std::to_string(c.day) + " " + month_short(c.month);
}

std::string format_weekday_day_month(Date d) { return std::string(weekday_short(d)) + " " + format_day_month(d); }

std::optional<LocalDateTime> parse_local_date_time(std::string_view s) {
    if (s.size() != 16 || s[10] != 'T' || s[13] != ':') return std::nullopt;
    auto date = parse_date(s.substr(0, 10));
    int h, m;
    if (!date || !parse_int(s.substr(11, 2), h) || !parse_int(s.substr(14, 2), m)) return std::nullopt;
    if (h > 23 || m > 59) return std::nullopt;
    return LocalDateTime{*date, h * 60 + m};
}

std::string format_clock(int minute_of_day) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d:%02d", minute_of_day / 60, minute_of_day % 60);
    return buf;
}

std::string format_local_date_time(const LocalDateTime& t) { return format_date(t.date) + "T" + format_clock(t.minute); }

LocalTimeKind classify_london(const LocalDateTime& t) {
    if (t.minute < 60 || t.minute >= 120) return LocalTimeKind::Normal;
    const int year = civil(t.date).year;
    if (t.date == last_sunday(year, 3)) return LocalTimeKind::Skipped;
    if (t.date == last_sunday(year, 10)) return LocalTimeKind::Repeated;
    return LocalTimeKind::Normal;
}

bool london_is_summer_time(UtcMinutes t) {
    const int year = civil(Date{int32_t(t >= 0 ? t / 1440 : (t - 1439) / 1440)}).year;
    return t >= bst_start(year) && t < bst_end(year);
}

UtcMinutes london_to_utc(const LocalDateTime& t) {
    const UtcMinutes naive = int64_t(t.date.days) * 1440 + t.minute;
    // Try the summer-time reading first: it is right for every time but the skipped hour,
    // and it picks the first occurrence of the repeated hour.
    // Otherwise it is winter time, or the skipped hour, where 01:30 GMT is what a clock shows as 02:30.
    return london_is_summer_time(naive - 60) ? naive - 60 : naive;
}

LocalDateTime utc_to_london(UtcMinutes t) {
    const UtcMinutes local = t + (london_is_summer_time(t) ? 60 : 0);
    const int64_t day = local >= 0 ? local / 1440 : (local - 1439) / 1440;
    return LocalDateTime{Date{int32_t(day)}, int(local - day * 1440)};
}

std::string format_duration(int64_t minutes) {
    const bool negative = minutes < 0;
    if (negative) minutes = -minutes;
    const int64_t h = minutes / 60, m = minutes % 60;
    std::string out = negative ? "-" : "";
    if (h) out += std::to_string(h) + " h";
    if (m) out += std::string(h ? " " : "") + std::to_string(m) + " min";
    if (!h && !m) out += "0 min";
    return out;
}

}  // namespace sb
