#include "pay.hpp"

#include <algorithm>
#include <cstdio>

#include "csv.hpp"
#include "enum_names.hpp"
#include "reports.hpp"

namespace sb {

const std::vector<Date>& bank_holidays() {
    static const std::vector<Date> days = {
        // 2026: New Year's Day, Good Friday, Easter Monday, early May, spring, summer, Christmas Day,
        // and Boxing Day's substitute (26 December is a Saturday).
        make_date(2026, 1, 1), make_date(2026, 4, 3), make_date(2026, 4, 6), make_date(2026, 5, 4),
        make_date(2026, 5, 25), make_date(2026, 8, 31), make_date(2026, 12, 25), make_date(2026, 12, 28),
        // 2027: Christmas Day and Boxing Day fall on a Saturday and a Sunday, so both are substituted.
        make_date(2027, 1, 1), make_date(2027, 3, 26), make_date(2027, 3, 29), make_date(2027, 5, 3),
        make_date(2027, 5, 31), make_date(2027, 8, 30), make_date(2027, 12, 27), make_date(2027, 12, 28)};
    return days;
}

bool is_bank_holiday(Date d) {
    const auto& days = bank_holidays();
    return std::binary_search(days.begin(), days.end(), d);
}

namespace {

bool in_night(const Enhancement& e, int minute) {
    return e.from_minute < e.to_minute ? minute >= e.from_minute && minute < e.to_minute
                                       : minute >= e.from_minute || minute < e.to_minute;
}

bool covers(const Enhancement& e, const LocalDateTime& t) {
    switch (e.band) {
        case PayBand::Night: return in_night(e, t.minute);
        case PayBand::Saturday: return weekday(t.date) == 5;
        case PayBand::Sunday: return weekday(t.date) == 6;
        case PayBand::BankHoliday: return is_bank_holiday(t.date);
    }
    return false;
}

// The band a local minute is paid in: the highest that covers it (the first, on a tie); -1 for plain.
int band_at(const std::vector<Enhancement>& bands, const LocalDateTime& t) {
    int best = -1;
    for (size_t i = 0; i < bands.size(); ++i)
        if (covers(bands[i], t) && (best < 0 || bands[i].percent > bands[size_t(best)].percent))
            best = int(i);
    return best;
}

int64_t round_div(int64_t n, int64_t d) { return (n + d / 2) / d; }

}  // namespace

Pay pay_for(const std::vector<Enhancement>& bands, int rate, LocalDateTime start, LocalDateTime end, int break_minutes) {
    Pay pay;
    pay.rate_pence_per_hour = rate;
    // Minutes per band, index 0 for plain time and i + 1 for the trust's i-th band.
    std::vector<int64_t> minutes(bands.size() + 1, 0);
    const UtcMinutes to = london_to_utc(end);
    // Walk in pieces over which the band cannot change: UK clock changes fall on the hour, and so do
    // days; only a night band's own edges can fall between, and they end a piece too.
    for (UtcMinutes at = london_to_utc(start); at < to;) {
        const LocalDateTime local = utc_to_london(at);
        int64_t step = std::min<int64_t>(to - at, 60 - ((at % 60) + 60) % 60);
        for (const Enhancement& e : bands) {
            if (e.band != PayBand::Night) continue;
            for (int edge : {e.from_minute, e.to_minute}) {
                const int64_t ahead = ((edge - local.minute) % 1440 + 1440) % 1440;
                if (ahead > 0 && ahead < step) step = ahead;
            }
        }
        minutes[size_t(band_at(bands, local) + 1)] += step;
        at += step;
    }
    // The break comes off the lowest-paid time first.
    std::vector<size_t> order(minutes.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    auto percent = [&](size_t i) { return i == 0 ? 0 : bands[i - 1].percent; };
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return percent(a) < percent(b); });
    int64_t unpaid = std::max(0, break_minutes);
    for (size_t i : order) {
        const int64_t off = std::min(unpaid, minutes[i]);
        minutes[i] -= off;
        unpaid -= off;
    }
    int64_t priced = 0;
    for (size_t i = 0; i < minutes.size(); ++i) {
        if (!minutes[i]) continue;
        PayPart part;
        if (i > 0) part.band = bands[i - 1].band;
        part.percent = percent(i);
        part.minutes = minutes[i];
        pay.parts.push_back(part);
        pay.worked_minutes += minutes[i];
        priced += minutes[i] * rate * (100 + part.percent);
    }
    pay.basic_pence = round_div(pay.worked_minutes * rate, 60);
    pay.enhancement_pence = round_div(priced, 6000) - pay.basic_pence;
    return pay;
}

const Timesheet* signed_off_timesheet(const State& state, const std::string& shift) {
    for (const Timesheet& t : state.timesheets)
        if (t.shift == shift && t.status == RequestStatus::Approved) return &t;
    return nullptr;
}

Pay pay_for(const std::vector<Enhancement>& bands, const Shift& shift, const Timesheet* t) {
    if (t) return pay_for(bands, shift.rate_pence_per_hour, t->start, t->end, t->break_minutes);
    return pay_for(bands, shift.rate_pence_per_hour, shift.start, shift.end, 0);
}

Pay pay_for(const State& state, const Shift& shift) { return pay_for(state.pay_bands, shift, signed_off_timesheet(state, shift.id)); }

std::optional<PayPeriod> parse_pay_period(std::string_view id) {
    int year = 0, month = 0;
    char tail = 0;
    if (id.size() != 7 || id[4] != '-' || std::sscanf(std::string(id).c_str(), "%4d-%2d%c", &year, &month, &tail) != 2 ||
        year < 2000 || year > 2100 || month < 1 || month > 12)
        return std::nullopt;
    const Date first = make_date(year, month, 1);
    const Date next = month == 12 ? make_date(year + 1, 1, 1) : make_date(year, month + 1, 1);
    return PayPeriod{first, next - first, std::string(id), std::string(month_name(month)) + " " + std::to_string(year)};
}

PayPeriod pay_period_of(Date d) {
    const YearMonthDay c = civil(d);
    char id[16];
    std::snprintf(id, sizeof id, "%04d-%02d", c.year, c.month);
    return *parse_pay_period(id);
}

std::vector<const Timesheet*> payable_timesheets(const State& state, const PayPeriod& period) {
    std::vector<std::pair<const Shift*, const Timesheet*>> due;
    for (const Timesheet& t : state.timesheets) {
        if (t.status != RequestStatus::Approved || !t.payroll.empty()) continue;
        const Shift* s = state.find_shift(t.shift);
        if (s && s->source == ShiftSource::Bank && s->start.date < period.first + period.days) due.emplace_back(s, &t);
    }
    std::sort(due.begin(), due.end(), [](const auto& a, const auto& b) {
        return a.first->start != b.first->start ? a.first->start < b.first->start : a.second->id < b.second->id;
    });
    std::vector<const Timesheet*> out;
    for (const auto& [s, t] : due) out.push_back(t);
    return out;
}

namespace {

std::string pounds(int64_t pence) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%lld.%02lld", (long long)(pence / 100), (long long)(pence % 100));
    return buf;
}

std::string hours(int64_t minutes) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", double(minutes) / 60.0);
    return buf;
}

std::vector<const Timesheet*> paid_in(const State& state, const std::string& run) {
    std::vector<const Timesheet*> out;
    for (const Timesheet& t : state.timesheets)
        if (!run.empty() && t.payroll == run) out.push_back(&t);
    std::sort(out.begin(), out.end(), [&](const Timesheet* a, const Timesheet* b) {
        const Shift* x = state.find_shift(a->shift);
        const Shift* y = state.find_shift(b->shift);
        if (x && y && x->start != y->start) return x->start < y->start;
        return a->id < b->id;
    });
    return out;
}

}  // namespace

std::string payroll_csv(const State& state, const std::string& run) {
    std::string out = csv_line({"Assignment number", "Name", "Date", "Shift", "Ward", "Start", "End", "Break (minutes)", "Hours",
                                "Rate", "Plain hours", "Night hours", "Saturday hours", "Sunday hours", "Bank holiday hours",
                                "Enhancements", "Amount", "Timesheet"});
    for (const Timesheet* t : paid_in(state, run)) {
        const Shift* s = state.find_shift(t->shift);
        if (!s) continue;
        const Staff* person = state.find_staff(t->staff);
        const Ward* ward = state.find_ward(s->ward);
        const ShiftType* type = state.find_shift_type(s->type);
        const Pay pay = pay_for(state.pay_bands, *s, t);   // t is the signed-off timesheet
        int64_t by_band[5] = {0, 0, 0, 0, 0};
        for (const PayPart& p : pay.parts) by_band[p.band ? size_t(*p.band) + 1 : 0] += p.minutes;
        out += csv_line({person ? person->assignment : "", person ? person->name : t->staff, format_date(s->start.date),
                         type ? type->name : s->type, ward ? ward->name : s->ward, format_local_date_time(t->start),
                         format_local_date_time(t->end), std::to_string(t->break_minutes), hours(pay.worked_minutes),
                         pounds(pay.rate_pence_per_hour), hours(by_band[0]), hours(by_band[1]), hours(by_band[2]),
                         hours(by_band[3]), hours(by_band[4]), pounds(pay.enhancement_pence), pounds(pay.total_pence()), t->id});
    }
    return out;
}

int64_t payroll_total_pence(const State& state, const std::string& run) {
    int64_t total = 0;
    for (const Timesheet* t : paid_in(state, run))
        if (const Shift* s = state.find_shift(t->shift)) total += pay_for(state.pay_bands, *s, t).total_pence();
    return total;
}

std::vector<std::string> payroll_runs(const State& state) {
    std::vector<std::string> runs;
    for (const Timesheet& t : state.timesheets)
        if (!t.payroll.empty() && std::find(runs.begin(), runs.end(), t.payroll) == runs.end()) runs.push_back(t.payroll);
    // "2026-12-2" after "2026-12", and December after November.
    std::sort(runs.begin(), runs.end(), [](const std::string& a, const std::string& b) {
        return a.substr(0, 7) != b.substr(0, 7) ? a > b : a.size() != b.size() ? a.size() > b.size() : a > b;
    });
    return runs;
}

std::string describe_payroll(const State& state, const std::vector<const Timesheet*>& timesheets) {
    int64_t total = 0;
    for (const Timesheet* t : timesheets)
        if (const Shift* s = state.find_shift(t->shift)) total += pay_for(state.pay_bands, *s, t).total_pence();
    const size_t n = timesheets.size();
    return std::to_string(n) + (n == 1 ? " timesheet, " : " timesheets, ") + format_money(total);
}

}  // namespace sb
