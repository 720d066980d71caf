// A person's shifts as an iCalendar file (RFC 5545) that Google, Apple and Outlook calendars import.
//
// Times are written in UTC ("…Z"), worked out from the rota's Europe/London local times, so a night
// across a clock change lands at the right instant in every calendar without shipping a VTIMEZONE.
// Lines end in CRLF and are folded at 75 octets without splitting a UTF-8 character; each shift
// keeps the same UID across exports, so re-importing updates events instead of duplicating them. A
// calendar subscribed to the server's feed (GET /api/calendar/<token>.ics) is told to refresh hourly.
#pragma once
#include <string>
#include <string_view>

#include "core/model.hpp"

namespace sb {

// `stamp` is the DTSTAMP (when the file was made), in UTC minutes since the epoch.
std::string shifts_to_icalendar(const State& state, std::string_view staff_id, UtcMinutes stamp);

// RFC 5545 §3.1: lines longer than 75 octets continue on the next line after CRLF + one space.
std::string fold_ical_line(std::string_view line);
// RFC 5545 §3.3.11: backslash, semicolon, comma and newline in TEXT values are escaped.
std::string escape_ical_text(std::string_view text);

}  // namespace sb
