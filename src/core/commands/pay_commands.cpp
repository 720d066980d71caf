// Pay: the trust's time bands (set by its administrators, like any setting) and the payroll run
// that marks each signed-off bank timesheet as paid, so that no later run can pay it again.
#include "core/commands/command_context.hpp"

#include "core/enum_names.hpp"
#include "core/pay.hpp"

namespace sb::commands {
namespace {

// A band paid on top of the basic rate: nights need their hours; the day bands are whole days.
bool set_pay_band(Ctx& c) {
    if (!c.is_admin()) return c.forbid("Only the trust's administrators can change how bank work is paid");
    const std::string name = c.args.id("band");
    const auto percent = c.args.integer("percent", 1, 200);
    if (!c.args.ok()) return false;
    const auto band = parse_enum<PayBand>(name);
    if (!band) return c.args.fail("payload.band must be one of " + allowed_values<PayBand>()), false;
    Enhancement e{*band, 0, 0, int(*percent)};
    if (*band == PayBand::Night) {
        const auto from = c.args.clock("from"), to = c.args.clock("to");
        if (!c.args.ok()) return false;
        if (*from == *to) return c.reject("A night band must end at another time than it starts");
        e.from_minute = *from, e.to_minute = *to;
    } else if (c.args.has("from") || c.args.has("to")) {
        return c.args.fail("payload.from and payload.to are only for a night band: a " + std::string(name) + " band is the whole day"), false;
    }
    if (Enhancement* known = c.w.edit<Enhancement>(name)) {
        if (known->percent == e.percent && known->from_minute == e.from_minute && known->to_minute == e.to_minute)
            return c.reject(std::string(display_name(*band)) + " work is already paid that way");
        *known = e;
    } else {
        c.w.add(e);
    }
    return true;
}

bool remove_pay_band(Ctx& c) {
    if (!c.is_admin()) return c.forbid("Only the trust's administrators can change how bank work is paid");
    const std::string name = c.args.id("band");
    if (!c.args.ok()) return false;
    if (!c.w.remove<Enhancement>(name)) return c.reject("No enhancement is paid for \"" + name.substr(0, 40) + "\", so there is none to remove");
    return true;
}

// Every signed-off bank timesheet due by the period's end and not yet paid, marked with this run's
// id: "2026-12", then "2026-12-2" for a second run in the month (late sign-offs).
bool run_payroll(Ctx& c) {
    if (!c.is_admin()) return c.forbid("Only the trust's administrators (the bank office) can run payroll");
    const std::string id = c.args.id("period");
    if (!c.args.ok()) return false;
    const auto period = parse_pay_period(id);
    if (!period) return c.args.fail("payload.period must be a month like \"2026-12\""), false;
    const auto due = payable_timesheets(c.state, *period);
    if (due.empty()) return c.reject("No signed-off bank timesheets are waiting to be paid for " + period->name);
    std::string run = period->id;
    const auto runs = payroll_runs(c.state);
    for (int n = 2; std::find(runs.begin(), runs.end(), run) != runs.end(); ++n) run = period->id + "-" + std::to_string(n);
    for (const Timesheet* t : due) c.w.edit<Timesheet>(t->id)->payroll = run;
    return true;
}

}  // namespace

const std::vector<HandlerEntry>& pay_handlers() {
    static const std::vector<HandlerEntry> h = {
        {"set_pay_band", set_pay_band, {"band", "percent", "from", "to"}},
        {"remove_pay_band", remove_pay_band, {"band"}},
        {"run_payroll", run_payroll, {"period"}},
    };
    return h;
}

}  // namespace sb::commands
