#include "core/icalendar.hpp"

#include <cstdio>

namespace sb {

std::string escape_ical_text(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c == '\\' || c == ';' || c == ',') out += '\\', out += c;
        else if (c == '\n') out += "\\n";
        else if (c != '\r') out += c;
    }
    return out;
}

std::string fold_ical_line(std::string_view line) {
    std::string out;
    size_t width = 0;   // octets on the current physical line
    for (size_t i = 0; i < line.size();) {
        // Length of this UTF-8 character, so a fold never splits one.
        const unsigned char c = static_cast<unsigned char>(line[i]);
        const size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1;
        if (width + n > 75) {
            out += "\r\n ";
            width = 1;   // the leading space counts
        }
        out.append(line.substr(i, n));
        width += n;
        i += n;
    }
    return out + "\r\n";
}

namespace {
std::string utc_stamp(UtcMinutes t) {
    const int64_t day = t >= 0 ? t / 1440 : (t - 1439) / 1440;
    const auto c = civil(Date{int32_t(day)});
    const int minute = int(t - day * 1440);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d%02d%02dT%02d%02d00Z", c.year, c.month, c.day, minute / 60, minute % 60);
    return buf;
}
}  // namespace

std::string shifts_to_icalendar(const State& state, std::string_view staff_id, UtcMinutes stamp) {
    std::string out;
    auto line = [&](const std::string& text) { out += fold_ical_line(text); };
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line("PRODID:-//Shiftbank//Rota export//EN");
    line("CALSCALE:GREGORIAN");
    line("METHOD:PUBLISH");
    line("X-WR-CALNAME:" + escape_ical_text("Shifts · " + state.trust.name));
    // A subscribed calendar (the server's feed) asks again hourly: RFC 7986 and its older
    // Microsoft spelling, which Outlook reads.
    line("REFRESH-INTERVAL;VALUE=DURATION:PT1H");
    line("X-PUBLISHED-TTL:PT1H");
    for (const Shift& s : state.shifts) {
        if (s.assignee != staff_id || s.status == ShiftStatus::Cancelled) continue;
        const Ward* ward = state.find_ward(s.ward);
        const ShiftType* type = state.find_shift_type(s.type);
        line("BEGIN:VEVENT");
        line("UID:" + s.id + "@" + (state.trust.id.empty() ? std::string("shiftbank") : state.trust.id) + ".shiftbank");
        line("DTSTAMP:" + utc_stamp(stamp));
        line("DTSTART:" + utc_stamp(london_to_utc(s.start)));
        line("DTEND:" + utc_stamp(london_to_utc(s.end)));
        line("SUMMARY:" + escape_ical_text((type ? type->name : s.type) + " shift, " + (ward ? ward->name : s.ward)));
        if (ward) line("LOCATION:" + escape_ical_text(ward->name));
        line("DESCRIPTION:" + escape_ical_text(format_clock(s.start.minute) + "–" + format_clock(s.end.minute) +
                                               " (local time). Booked through Shiftbank."));
        line("STATUS:CONFIRMED");
        line("TRANSP:OPAQUE");
        line("END:VEVENT");
    }
    line("END:VCALENDAR");
    return out;
}

}  // namespace sb
