// What bank work pays: a shift's worked time split into the trust's time bands (nights, Saturdays,
// Sundays, bank holidays), priced from the rate card, and the payroll file a bank office sends to
// payroll each month. The reports' bank spend and the payroll file both come from pay_for, so the
// two cannot disagree.
#pragma once
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "model.hpp"

namespace sb {

// The bank holidays of England and Wales for 2026 and 2027 (GOV.UK's list, with the substitute days
// when Christmas or Boxing Day falls at a weekend).
bool is_bank_holiday(Date d);
const std::vector<Date>& bank_holidays();

// One stretch of paid time at one rate: plain time (no band, percent 0) or one band.
struct PayPart {
    std::optional<PayBand> band;   // nullopt: plain time
    int percent = 0;
    int64_t minutes = 0;
};

struct Pay {
    int64_t worked_minutes = 0;     // start to end in real time, less the break
    int rate_pence_per_hour = 0;    // the shift's basic rate
    std::vector<PayPart> parts;     // plain first, then the bands in the trust's order; none empty
    int64_t basic_pence = 0;        // every paid minute at the basic rate
    int64_t enhancement_pence = 0;  // what the bands add
    int64_t total_pence() const { return basic_pence + enhancement_pence; }
};

// Pay for working [start, end) local time with an unpaid break, at `rate_pence_per_hour` and the
// trust's pay bands (State::pay_bands). Each real minute (so a night across the clock change is paid as worked) is
// in the highest band that covers it; the break comes off the lowest-paid minutes first. Amounts
// are rounded to the penny once, on the whole.
Pay pay_for(const std::vector<Enhancement>& bands, int rate_pence_per_hour, LocalDateTime start, LocalDateTime end, int break_minutes);
// A shift's pay: from its timesheet's times once it is signed off, else as rostered.
Pay pay_for(const State& state, const Shift& shift);
Pay pay_for(const std::vector<Enhancement>& bands, const Shift& shift, const Timesheet* signed_off);   // the same, looked up already
// The signed-off timesheet of a shift, if any.
const Timesheet* signed_off_timesheet(const State& state, const std::string& shift);

// A pay period is a calendar month, named "2026-12". Shifts belong to the period their start falls in.
struct PayPeriod {
    Date first;
    int days = 0;
    std::string id;      // "2026-12"
    std::string name;    // "December 2026"
};
std::optional<PayPeriod> parse_pay_period(std::string_view id);
PayPeriod pay_period_of(Date d);

// Bank work a payroll run would pay: signed-off timesheets of bank shifts not paid before, for shifts
// that started before the period's end (so a late sign-off from an earlier month is paid in the next
// run, never lost), oldest first.
std::vector<const Timesheet*> payable_timesheets(const State& state, const PayPeriod& period);

// The payroll file of one run: a header row and one line per timesheet it paid (assignment number,
// name, date, times, hours, rate, each band's hours, enhancements, amount), UTF-8, guarded against
// spreadsheet formulas.
std::string payroll_csv(const State& state, const std::string& run);
int64_t payroll_total_pence(const State& state, const std::string& run);
// The runs made so far, newest first.
std::vector<std::string> payroll_runs(const State& state);
// "1 timesheet, £120.25" / "3 timesheets, £1,204".
std::string describe_payroll(const State& state, const std::vector<const Timesheet*>& timesheets);

}  // namespace sb
