// Runs of shifts on consecutive days: too many in a row, and the rest owed after a run
// (consecutive shifts, consecutive long shifts, consecutive nights).
#include "core/rules/rule_context.hpp"

namespace sb::rules {
namespace {

bool member(const RuleSpec& r, const ShiftSpan& s) {
    switch (r.kind) {
        case RuleKind::MaxConsecutiveLong: return s.long_shift;
        case RuleKind::MaxConsecutiveNights: return s.night;
        default: return true;
    }
}

const char* noun(const RuleSpec& r) {
    switch (r.kind) {
        case RuleKind::MaxConsecutiveLong: return "long shifts";
        case RuleKind::MaxConsecutiveNights: return "night shifts";
        default: return "shifts";
    }
}

std::string ordinal(int n) {
    const int t = n % 100;
    const char* suffix = (t >= 11 && t <= 13) ? "th" : n % 10 == 1 ? "st" : n % 10 == 2 ? "nd" : n % 10 == 3 ? "rd" : "th";
    return std::to_string(n) + suffix;
}

}  // namespace

void check_consecutive(const Context& c, const RuleSpec& r) {
    const int n = int(c.spans.size());
    const long rest_from = r.rest_after_run ? r.rest_after_run : r.limit;
    int i = 0;
    while (i < n) {
        if (!member(r, c.spans[size_t(i)])) {
            ++i;
            continue;
        }
        // Extend the run while each next shift is a member starting on the next calendar day; a
        // second shift on the same day does not lengthen the run, and any other kind of shift ends it.
        int last = i, days = 1;
        for (int j = i + 1; j < n && member(r, c.spans[size_t(j)]); ++j) {
            const int gap_days = c.spans[size_t(j)].shift->start.date - c.spans[size_t(last)].shift->start.date;
            if (gap_days > 1) break;
            days += gap_days;
            last = j;
        }
        const Date first_day = c.spans[size_t(i)].shift->start.date, last_day = c.spans[size_t(last)].shift->start.date;
        if (days > r.limit && c.involves_range(i, last)) {
            c.report_lazy(r, i, last, [&] {
                return std::to_string(days) + " " + noun(r) + " in a row (" + format_weekday_day_month(first_day) + " to " +
                       format_weekday_day_month(last_day) + "); the limit is " + std::to_string(r.limit) + " in a row";
            });
        }
        // The rest owed after the run: the next shift of any kind must start late enough.
        if (r.rest_after > 0 && days >= rest_from) {
            int next = last + 1;
            while (next < n && c.spans[size_t(next)].start < c.spans[size_t(last)].end) ++next;
            if (next < n) {
                const int64_t gap = c.spans[size_t(next)].start - c.spans[size_t(last)].end;
                if (gap < r.rest_after && gap >= 0 && c.involves_range(i, next))
                    c.report_lazy(r, last, next, [&] {
                        const std::string after = days == 1 ? "the " + c.label(last)
                                                            : "a run of " + std::to_string(days) + " " + noun(r) + " ending " + c.label(last);
                        return format_duration(gap) + " rest after " + after + " before " + c.label(next) + "; at least " +
                               format_duration(r.rest_after) + " is required" +
                               (days >= r.limit ? " after the " + ordinal(int(r.limit)) + " in a row" : "");
                    });
            }
        }
        i = last + 1;
    }
}

}  // namespace sb::rules
