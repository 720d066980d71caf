#include "reports.hpp"

#include <algorithm>
#include <unordered_map>

#include "pay.hpp"
#include "rules/rule_sets.hpp"

namespace sb {

std::vector<WardFigures> ward_figures(const State& state, Date from, int days) {
    std::vector<WardFigures> rows(state.wards.size() + 1);
    std::unordered_map<std::string, size_t> index;
    for (size_t i = 0; i < state.wards.size(); ++i) {
        rows[i].ward = state.wards[i].id;
        index[state.wards[i].id] = i;
    }
    WardFigures& total = rows.back();
    std::unordered_map<std::string_view, const Timesheet*> signed_off;
    for (const Timesheet& t : state.timesheets)
        if (t.status == RequestStatus::Approved) signed_off[t.shift] = &t;
    for (const Shift& s : state.shifts) {
        if (s.status == ShiftStatus::Cancelled || s.start.date < from || s.start.date >= from + days) continue;
        auto it = index.find(s.ward);
        if (it == index.end()) continue;
        // Bank work is costed as payroll will pay it (pay.hpp): its bands, and once signed off the
        // times worked. Agency work is the agency's invoice: hours at the agreed rate.
        int64_t pay = shift_minutes(s) * s.rate_pence_per_hour / 60;
        if (s.source == ShiftSource::Bank && !s.assignee.empty()) {
            auto t = signed_off.find(s.id);
            pay = pay_for(state.pay_bands, s, t == signed_off.end() ? nullptr : t->second).total_pence();
        }
        for (WardFigures* f : {&rows[it->second], &total}) {
            ++f->shifts;
            if (!s.assignee.empty()) ++f->filled;
            if (s.status == ShiftStatus::Open) ++f->open_in_bank;
            if (!s.assignee.empty() && s.source == ShiftSource::Bank) f->bank_pence += pay;
            if (!s.assignee.empty() && s.source == ShiftSource::Agency) f->agency_pence += pay;
        }
    }
    return rows;
}

std::string format_money(int64_t pence) {
    const bool negative = pence < 0;
    if (negative) pence = -pence;
    std::string out;
    if (pence < 100000) {
        out = std::to_string(pence / 100) + "." + (pence % 100 < 10 ? "0" : "") + std::to_string(pence % 100);
    } else {
        std::string digits = std::to_string((pence + 50) / 100);
        for (size_t i = 0; i < digits.size(); ++i) {
            if (i && (digits.size() - i) % 3 == 0) out += ',';
            out += digits[i];
        }
    }
    return (negative ? "-£" : "£") + out;
}

HoursSummary hours_summary(const State& state, const Staff& person, Date today) {
    HoursSummary h;
    h.contracted_minutes = person.contracted_minutes_per_week;
    const RuleSet& rules = rule_set_for(state, person);
    h.rules = std::string(rules.name);
    for (const RuleSpec& r : rules.rules) {
        if (r.kind == RuleKind::MaxHoursInWindow) h.window = r.window, h.window_limit = r.limit;
        if (r.kind == RuleKind::AverageWeeklyHours) h.average_limit = r.limit;
    }
    std::vector<std::pair<UtcMinutes, UtcMinutes>> spans;
    const Date monday = today - weekday(today);
    int64_t period_minutes = 0;
    for (const Shift& s : state.shifts) {
        if (s.assignee != person.id || s.status == ShiftStatus::Cancelled) continue;
        const int64_t m = shift_minutes(s);
        if (s.start.date >= monday && s.start.date < monday + 7) h.week_minutes += m;
        if (s.start.date >= state.period_start && s.start.date < state.period_start + state.period_days) period_minutes += m;
        spans.push_back({london_to_utc(s.start), london_to_utc(s.end)});
    }
    h.average_week_minutes = period_minutes * 7 / std::max(1, state.period_days);
    if (h.window > 0) {
        // The busiest window starts at some shift's start; only windows that reach today matter.
        const UtcMinutes from = london_to_utc({today, 0});
        for (const auto& [start, end] : spans) {
            if (start + h.window <= from) continue;
            int64_t total = 0;
            for (const auto& [a, b] : spans) total += std::max<int64_t>(0, std::min(b, start + h.window) - std::max(a, start));
            h.busiest_window_minutes = std::max(h.busiest_window_minutes, total);
        }
    }
    return h;
}

}  // namespace sb
