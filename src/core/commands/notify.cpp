// Who is told what when a command changes a shift. Only commands make notifications, so the same
// log replayed anywhere (browser, server) makes the same ones with the same ids.
#include <algorithm>

#include "core/commands/command_context.hpp"
#include "core/booking.hpp"
#include "core/rules/rules_engine.hpp"

namespace sb::commands {

std::string describe_shift(const State& state, const Shift& s) {
    const ShiftType* t = state.find_shift_type(s.type);
    const Ward* w = state.find_ward(s.ward);
    return (t ? t->name : s.type) + ", " + format_weekday_day_month(s.start.date) + ", " + (w ? w->name : s.ward);
}

std::string format_rate(int pence) {
    std::string p = std::to_string(pence % 100);
    return "\xC2\xA3" + std::to_string(pence / 100) + "." + (p.size() < 2 ? "0" + p : p) + "/h";
}

std::optional<UtcMinutes> utc_time(std::string_view time) {
    if (time.size() < 17 || time.back() != 'Z') return std::nullopt;
    auto t = parse_local_date_time(time.substr(0, 16));   // "YYYY-MM-DDTHH:MM" of UTC
    if (!t) return std::nullopt;
    return UtcMinutes(t->date.days) * 24 * 60 + t->minute;
}

std::optional<UtcMinutes> command_time(const Command& cmd) { return utc_time(cmd.time); }

void notify(Ctx& c, const std::string& staff, NoticeKind kind, const Shift& s, std::string text, bool digest) {
    if (staff.empty() || c.is_self(staff)) return;   // nobody needs telling what they just did
    Notification n;
    n.id = new_id(c, "n-") + "-" + std::to_string(++c.notices);
    n.staff = staff;
    n.kind = kind;
    n.shift = s.id;
    n.text = std::move(text);
    n.time = c.cmd.time;
    n.digest = digest;
    c.w.add(std::move(n));
}

void notify_assignment_change(Ctx& c, const Shift& before, const Shift& after) {
    if (before.status == ShiftStatus::Draft && after.status == ShiftStatus::Draft) return;
    const std::string what = describe_shift(c.state, after);
    if (before.assignee != after.assignee) {
        if (!before.assignee.empty())
            notify(c, before.assignee, NoticeKind::Cancelled, after, "You are no longer on " + describe_shift(c.state, before));
        if (!after.assignee.empty()) notify(c, after.assignee, NoticeKind::Changed, after, "You have been booked for " + what);
        return;
    }
    if (!after.assignee.empty() && (before.start != after.start || before.end != after.end || before.type != after.type ||
                                    before.ward != after.ward))
        notify(c, after.assignee, NoticeKind::Changed, after,
               "Your shift changed: " + describe_shift(c.state, before) + " is now " + what + ", " +
                   format_clock(after.start.minute) + "\xE2\x80\x93" + format_clock(after.end.minute));
}

namespace {
bool wants(const NotificationPrefs& p, const Shift& s) {
    auto any_or = [](const std::vector<std::string>& list, const std::string& x) {
        return list.empty() || std::find(list.begin(), list.end(), x) != list.end();
    };
    return p.frequency != NoticeFrequency::Off && any_or(p.wards, s.ward) && any_or(p.types, s.type) &&
           (p.days >> weekday(s.start.date) & 1);
}
}  // namespace

void offer_shifts(Ctx& c, const std::vector<std::string>& shift_ids, NoticeKind kind, const std::string& except) {
    std::vector<const Shift*> shifts;
    for (const auto& id : shift_ids)
        if (const Shift* s = c.state.find_shift(id); s && s->status == ShiftStatus::Open) shifts.push_back(s);
    if (shifts.empty()) return;
    const RulesEngine engine(c.state);
    for (const User& u : c.state.users) {
        const Staff* p = u.role == Role::Clinician ? c.state.find_staff(u.staff) : nullptr;
        if (!p || p->employment == Employment::Agency || p->id == except) continue;   // agency staff book through their agency
        const NotificationPrefs prefs = c.state.prefs_for(p->id);
        std::vector<const Shift*> workable;
        for (const Shift* s : shifts) {
            if (!eligible_for(*p, *s) || !wants(prefs, *s)) continue;
            if (engine.check_candidate(booked_candidate(*s, p->id), p->id, false).allowed) workable.push_back(s);
        }
        if (workable.empty()) continue;
        const Shift& first = *workable.front();
        std::string text;
        if (kind == NoticeKind::RateRaised) text = "Rate raised to " + format_rate(first.rate_pence_per_hour) + ": ";
        else text = workable.size() == 1 ? "New shift you can work: " : std::to_string(workable.size()) + " new shifts you can work, from ";
        text += describe_shift(c.state, first);
        notify(c, p->id, kind, first, std::move(text), prefs.frequency == NoticeFrequency::Daily);
    }
}

}  // namespace sb::commands
