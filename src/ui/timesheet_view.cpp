#include "ui/timesheet_view.hpp"

#include <algorithm>

#include "core/civil_time.hpp"
#include "core/enum_names.hpp"
#include "core/pay.hpp"
#include "core/permissions.hpp"
#include "core/reports.hpp"
#include "ui/access_mirror.hpp"
#include "ui/downloads.hpp"
#include "ui/icons.hpp"
#include "ui/table.hpp"
#include "ui/widgets.hpp"

namespace sb::ui {
using namespace colour;

namespace {

constexpr int kQuarters = 2 * 96;   // the shift's first day and the next, in quarter hours
constexpr int kBreaks[] = {0, 15, 20, 30, 45, 60, 75, 90, 120};
constexpr const char* kBreakNames[] = {"No break", "15 min", "20 min", "30 min", "45 min", "1 h", "1 h 15", "1 h 30", "2 h"};

ImVec2 touch(const ViewContext& ctx, float w = 0) { return ImVec2(w, ctx.phone ? 44.0f : 30.0f); }

// "07:15", and "07:15 next day" past midnight.
const char* const* quarter_names() {
    static std::vector<std::string> words;
    static std::vector<const char*> names;
    if (names.empty()) {
        for (int q = 0; q < kQuarters; ++q) words.push_back(format_clock((q % 96) * 15) + (q >= 96 ? " next day" : ""));
        for (const std::string& w : words) names.push_back(w.c_str());
    }
    return names.data();
}

int quarter_of(const LocalDateTime& t, Date first) { return std::clamp((t.date - first) * 96 + t.minute / 15, 0, kQuarters - 1); }
LocalDateTime time_of(int quarter, Date first) { return {first + quarter / 96, (quarter % 96) * 15}; }

int break_index(int minutes) {
    for (int i = 0; i < int(std::size(kBreaks)); ++i)
        if (kBreaks[i] >= minutes) return i;
    return int(std::size(kBreaks)) - 1;
}

// "08:00–20:30, 30 min break".
std::string worked(const LocalDateTime& a, const LocalDateTime& b, int pause) {
    return format_clock(a.minute) + "\xE2\x80\x93" + format_clock(b.minute) + (pause ? ", " + format_duration(pause) + " break" : ", no break");
}

void said(const std::string& words) {
    ImGui::TextWrapped("%s", words.c_str());
    if (a11y::Mirror* m = a11y::current()) m->text(words);
}

// The three pickers, for a shift starting on `first`; true while the times make sense.
bool times_pickers(const ViewContext& ctx, TimesheetForm& f, Date first) {
    const float w = ctx.phone ? ImGui::GetContentRegionAvail().x * 0.55f : 150.0f;
    ImGui::SetNextItemWidth(w);
    ImGui::Combo("Started", &f.start, quarter_names(), 96);
    ImGui::SetNextItemWidth(w);
    ImGui::Combo("Finished", &f.end, quarter_names(), kQuarters);
    ImGui::SetNextItemWidth(w);
    ImGui::Combo("Unpaid break", &f.break_index, kBreakNames, int(std::size(kBreakNames)));
    const int64_t minutes = london_to_utc(time_of(f.end, first)) - london_to_utc(time_of(f.start, first));
    const int pause = kBreaks[f.break_index];
    if (minutes <= 0) {
        text_coloured(kRed, "\"Finished\" must be after \"Started\".");
        return false;
    }
    if (pause >= minutes) {
        text_coloured(kRed, "The break must be shorter than the time worked.");
        return false;
    }
    const std::string sum = format_duration(minutes) + " worked, " + format_duration(minutes - pause) + " paid";
    text_muted_wrapped("%s", sum.c_str());
    if (a11y::Mirror* m = a11y::current()) m->text(sum);
    return true;
}

nlohmann::json times_payload(const TimesheetForm& f, Date first) {
    return {{"start", format_local_date_time(time_of(f.start, first))}, {"end", format_local_date_time(time_of(f.end, first))},
            {"break_minutes", kBreaks[f.break_index]}};
}

const Timesheet* timesheet_of(const State& s, const std::string& shift) {
    for (const Timesheet& t : s.timesheets)
        if (t.shift == shift && t.status != RequestStatus::Declined) return &t;
    return nullptr;
}

}  // namespace

void timesheet_for_shift(ViewContext& ctx, TimesheetForm& f, const Shift& s) {
    ImGui::PushFont(ctx.fonts.bold);
    said(ICON_CLOCK "  Timesheet");
    ImGui::PopFont();
    if (const Timesheet* t = timesheet_of(ctx.state, s.id)) {
        if (t->status == RequestStatus::Pending) {
            said("Sent: " + worked(t->start, t->end, t->break_minutes) + ". Waiting for the ward to sign it off.");
        } else if (t->amended) {
            said("Signed off as " + worked(t->start, t->end, t->break_minutes) + " (you claimed " +
                 worked(t->claimed_start, t->claimed_end, t->claimed_break_minutes) + ").");
        } else {
            said("Signed off: " + worked(t->start, t->end, t->break_minutes) + ".");
        }
        if (!t->payroll.empty() && s.source == ShiftSource::Bank) {
            const auto period = parse_pay_period(t->payroll.substr(0, 7));
            said("Paid in the " + (period ? period->name : t->payroll) + " payroll: " + format_money(pay_for(ctx.state, s).total_pence()) + ".");
        }
        return;
    }
    if (s.status != ShiftStatus::Booked && s.status != ShiftStatus::Published) return;
    if (f.id != s.id) {   // a fresh form says what was rostered; the person corrects it
        f.id = s.id;
        f.start = quarter_of(s.start, s.start.date);
        f.end = quarter_of(s.end, s.start.date);
        f.break_index = 0;
    }
    text_muted_wrapped("What you worked. The ward signs it off; bank work is then paid in the month's payroll.");
    const bool ok = times_pickers(ctx, f, s.start.date);
    ImGui::BeginDisabled(!ok);
    if (button(("Submit timesheet##" + s.id).c_str(), ButtonKind::Primary, touch(ctx))) {
        nlohmann::json p = times_payload(f, s.start.date);
        p["shift"] = s.id;
        ctx.commands.submit("submit_timesheet", p, "Timesheet sent for " + shift_label(s, ctx.state) + ", " + format_weekday_day_month(s.start.date));
    }
    ImGui::EndDisabled();
}

bool timesheets_to_sign_off(ViewContext& ctx, TimesheetForm& amend) {
    if (!ctx.user) return false;
    std::vector<const Timesheet*> waiting;
    for (const Timesheet& t : ctx.state.timesheets)
        if (const Shift* s = ctx.state.find_shift(t.shift); s && t.status == RequestStatus::Pending && manages_ward(*ctx.user, s->ward))
            waiting.push_back(&t);
    if (waiting.empty()) return false;
    begin_card("timesheets");
    card_title(ctx.fonts, ICON_CLOCK, "Timesheets to sign off", int(waiting.size()));
    for (const Timesheet* t : waiting) {
        const Shift& s = *ctx.state.find_shift(t->shift);
        const Ward* w = ctx.state.find_ward(s.ward);
        ImGui::Separator();
        said(person_label(ctx.state, t->staff) + ": " + shift_label(s, ctx.state) + ", " + format_weekday_day_month(s.start.date) +
             (w ? ", " + w->name : ""));
        said("Claimed " + worked(t->start, t->end, t->break_minutes) + " (rostered " + shift_times(s) + ")");
        if (amend.id == t->id) {
            const bool ok = times_pickers(ctx, amend, s.start.date);
            ImGui::BeginDisabled(!ok);
            if (button(("Sign off as amended##" + t->id).c_str(), ButtonKind::Primary, touch(ctx))) {
                nlohmann::json p = times_payload(amend, s.start.date);
                p["timesheet"] = t->id;
                if (ctx.commands.submit("approve_timesheet", p, "Timesheet signed off as amended").accepted()) amend.id.clear();
            }
            ImGui::EndDisabled();
            ImGui::SameLine(0, 8);
            if (button(("Cancel##amend" + t->id).c_str(), ButtonKind::Quiet, touch(ctx))) amend.id.clear();
            continue;
        }
        if (button(("Sign off##" + t->id).c_str(), ButtonKind::Primary, touch(ctx)))
            ctx.commands.submit("approve_timesheet", {{"timesheet", t->id}}, "Timesheet signed off for " + person_label(ctx.state, t->staff));
        ImGui::SameLine(0, 8);
        if (button(("Amend times##" + t->id).c_str(), ButtonKind::Secondary, touch(ctx))) {
            amend.id = t->id;
            amend.start = quarter_of(t->start, s.start.date);
            amend.end = quarter_of(t->end, s.start.date);
            amend.break_index = break_index(t->break_minutes);
        }
    }
    end_card();
    return true;
}

void payroll_card(ViewContext& ctx, PayrollScreen& m) {
    if (!ctx.user || ctx.user->role != Role::Admin) return;
    begin_card("payroll");
    card_title(ctx.fonts, ICON_GBP, "Payroll");
    const YearMonthDay today = civil(ctx.session.today);
    const int months = today.year * 12 + (today.month - 1) + m.month_offset;
    const PayPeriod period = pay_period_of(make_date(months / 12, months % 12 + 1, 1));
    if (button(ICON_CHEVRON_LEFT "##payroll-earlier", ButtonKind::Quiet, touch(ctx, 36))) --m.month_offset;
    ImGui::SameLine(0, 4);
    ImGui::PushFont(ctx.fonts.bold);
    ImGui::AlignTextToFramePadding();
    said(period.name);
    ImGui::PopFont();
    ImGui::SameLine(0, 4);
    if (button(ICON_CHEVRON_RIGHT "##payroll-later", ButtonKind::Quiet, touch(ctx, 36))) ++m.month_offset;
    const auto due = payable_timesheets(ctx.state, period);
    if (due.empty()) {
        said("No signed-off bank timesheets are waiting to be paid for " + period.name + ".");
    } else {
        said("Signed off and waiting: " + describe_payroll(ctx.state, due) + ". A run marks each as paid, so no later run pays it again.");
        if (button(("Run payroll for " + period.name).c_str(), ButtonKind::Primary, touch(ctx)))
            ctx.commands.submit("run_payroll", {{"period", period.id}}, "Payroll run for " + period.name + ": " + describe_payroll(ctx.state, due));
    }
    const auto runs = payroll_runs(ctx.state);
    if (!runs.empty()) {
        ImGui::Spacing();
        if (Table t{"payroll-runs", "Payroll runs", 4, int(runs.size()), ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp}) {
            t.column("Run");
            t.column("Timesheets");
            t.column("Total");
            t.column("File");
            t.headers();
            for (const std::string& run : runs) {
                int n = 0;
                for (const Timesheet& x : ctx.state.timesheets) n += x.payroll == run;
                t.row();
                t.cell(run);
                t.cell(std::to_string(n));
                t.cell(format_money(payroll_total_pence(ctx.state, run)));
                if (t.button_cell("Download payroll-" + run + ".csv", "payroll-" + run, nullptr, ctx.phone ? 44.0f : 0.0f))
                    offer_download("payroll-" + run + ".csv", "text/csv", payroll_csv(ctx.state, run));
            }
        }
    }
    end_card();
}

}  // namespace sb::ui
