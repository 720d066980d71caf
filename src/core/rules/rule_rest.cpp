// Rest between shifts: the minimum gap (11 h) and weekly uninterrupted rest (WTR regulation 11).
#include <algorithm>

#include "core/rules/rule_context.hpp"

namespace sb::rules {

void check_min_rest(const Context& c, const RuleSpec& r) {
    int latest = -1;   // the earlier shift that ends last
    for (int i = 0; i < int(c.spans.size()); ++i) {
        if (latest >= 0) {
            const int64_t gap = c.spans[size_t(i)].start - c.spans[size_t(latest)].end;
            // Overlaps (gap < 0) are the overlap rule's business; exactly the minimum is allowed.
            if (gap >= 0 && gap < r.limit && (c.involves(i) || c.involves(latest)))
                c.report_lazy(r, latest, i, [&] {
                    return format_duration(gap) + " rest between " + c.label(latest) + " and " + c.label(i) +
                           "; the minimum is " + format_duration(r.limit);
                });
        }
        if (latest < 0 || c.spans[size_t(i)].end > c.spans[size_t(latest)].end) latest = i;
    }
}

void check_weekly_rest(const Context& c, const RuleSpec& r) {
    const State& st = c.state;
    for (int week = 0; week * 7 < st.period_days; ++week) {
        const Date first = st.period_start + week * 7;
        const UtcMinutes from = london_to_utc({first, 0}), to = london_to_utc({first + 7, 0});
        if (to - from < r.window) continue;   // a partial week at the end of the period
        UtcMinutes cursor = from, longest = 0;
        int first_i = -1, last_i = -1;
        for (int i = 0; i < int(c.spans.size()); ++i) {
            const ShiftSpan& s = c.spans[size_t(i)];
            if (s.end <= from || s.start >= to) continue;
            if (first_i < 0) first_i = i;
            last_i = i;
            longest = std::max(longest, s.start - cursor);
            cursor = std::max(cursor, s.end);
        }
        longest = std::max(longest, to - cursor);
        if (first_i < 0 || longest >= r.limit || !c.involves_range(first_i, last_i)) continue;
        c.report_lazy(r, first_i, last_i, [&] {
            return "The longest break in the week from " + format_weekday_day_month(first) + " is " + format_duration(longest) +
                   "; at least " + format_duration(r.limit) + " of uninterrupted rest is needed each week";
        });
    }
}

}  // namespace sb::rules
