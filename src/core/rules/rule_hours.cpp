// Hours limits: most hours in any rolling window (72 in 168) and the weekly average over the period.
#include <algorithm>

#include "core/rules/rule_context.hpp"

namespace sb::rules {

void check_hours_in_window(const Context& c, const RuleSpec& r) {
    const int n = int(c.spans.size());
    // The heaviest window always starts when some shift starts, so only those windows are tried.
    // After a breach, skip to the first shift that starts outside it: one report per breach.
    for (int i = 0; i < n;) {
        const UtcMinutes from = c.spans[size_t(i)].start, to = from + r.window;
        int64_t worked = 0;
        int last = i;
        for (int j = i; j < n && c.spans[size_t(j)].start < to; ++j) {
            worked += std::min(c.spans[size_t(j)].end, to) - c.spans[size_t(j)].start;
            last = j;
        }
        if (worked > r.limit && c.involves_range(i, last)) {
            c.report_lazy(r, i, last, [&] {
                return format_duration(worked) + " of work in the " + std::to_string(r.window / 60) + " hours from " +
                       c.label(i) + " to " + c.label(last) + "; the limit is " + format_duration(r.limit);
            });
            int next = i + 1;
            while (next < n && c.spans[size_t(next)].start < to) ++next;
            i = next;
        } else {
            ++i;
        }
    }
}

void check_average_hours(const Context& c, const RuleSpec& r) {
    const State& st = c.state;
    const Date end = st.period_start + st.period_days;
    int64_t worked = 0;
    int first = -1, last = -1;
    for (int i = 0; i < int(c.spans.size()); ++i) {
        const Date d = c.spans[size_t(i)].shift->start.date;
        if (d < st.period_start || d >= end) continue;
        worked += c.spans[size_t(i)].end - c.spans[size_t(i)].start;
        if (first < 0) first = i;
        last = i;
    }
    const double weeks = st.period_days / 7.0;
    const int64_t average = int64_t(double(worked) / weeks + 0.5);
    if (first < 0 || average <= r.limit || !c.involves_range(first, last)) return;
    c.report_lazy(r, first, last, [&] {
        char w[16];
        std::snprintf(w, sizeof w, "%g", weeks);
        return c.person.name + " averages " + format_duration(average) + " a week over the " + w +
               " weeks of this rota; the limit is " + format_duration(r.limit) + " on average";
    });
}

}  // namespace sb::rules
