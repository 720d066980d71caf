// Weekend frequency: work on at most 1 weekend in N over the rota period.
#include "core/rules/rule_context.hpp"

namespace sb::rules {

void check_weekends(const Context& c, const RuleSpec& r) {
    const State& st = c.state;
    const Date end = st.period_start + st.period_days;
    Date saturday = st.period_start + ((5 - weekday(st.period_start)) + 7) % 7;
    int weekends = 0, worked = 0, first = -1, last = -1;
    std::string days;
    for (; saturday < end; saturday = saturday + 7) {
        ++weekends;
        // Weekend work: any work between 00:00 Saturday and 24:00 Sunday, local time.
        const UtcMinutes from = london_to_utc({saturday, 0}), to = london_to_utc({saturday + 2, 0});
        bool any = false;
        for (int i = 0; i < int(c.spans.size()); ++i) {
            if (c.spans[size_t(i)].start >= to || c.spans[size_t(i)].end <= from) continue;
            any = true;
            if (first < 0 || i < first) first = i;
            if (i > last) last = i;
        }
        if (any) {
            ++worked;
            days += (days.empty() ? "" : ", ") + format_day_month(saturday);
        }
    }
    const int allowed = (weekends + int(r.limit) - 1) / int(r.limit);
    if (weekends == 0 || worked <= allowed || !c.involves_range(first, last)) return;
    c.report_lazy(r, first, last, [&] {
        return c.person.name + " works " + std::to_string(worked) + " of the " + std::to_string(weekends) +
               " weekends in this rota (" + days + "); the limit is 1 weekend in " + std::to_string(r.limit) + ", so " +
               std::to_string(allowed) + " here";
    });
}

}  // namespace sb::rules
