// Requests people make about themselves: leave, availability, timesheets and swaps.
#include <algorithm>

#include "core/booking.hpp"
#include "core/commands/command_context.hpp"
#include "core/enum_names.hpp"
#include "core/rules/rules_engine.hpp"
#include "core/visibility.hpp"

namespace sb::commands {
namespace {
using json = nlohmann::json;

std::string self_or_managed(Ctx& c) {
    auto who = c.args.optional_id("staff");
    const std::string staff = who.value_or(c.author.staff);
    if (staff.empty()) {
        c.reject("Your account has no staff record: name the member of staff");
        return {};
    }
    if (!c.state.find_staff(staff)) {
        c.reject("There is no member of staff \"" + staff + "\"");
        return {};
    }
    if (!c.is_self(staff) && !c.manages_staff(staff)) {
        c.forbid("You can only do this for yourself");
        return {};
    }
    return staff;
}

bool request_leave(Ctx& c) {
    const std::string staff = self_or_managed(c);
    auto kind = parse_enum<LeaveKind>(c.args.id("kind"));
    auto first = c.args.date("first"), last = c.args.date("last");
    if (!c.args.ok() || staff.empty()) return false;
    if (!kind) return c.args.fail("payload.kind must be one of " + allowed_values<LeaveKind>()), false;
    if (*last < *first) return c.reject("The last day of leave is before the first");
    if (*last - *first > 366) return c.reject("Leave can be requested for at most a year at a time");
    Leave l{new_id(c, "leave-"), staff, *kind, *first, *last, RequestStatus::Pending};
    // Sickness is reported, not asked for: it is recorded as approved straight away.
    if (*kind == LeaveKind::Sick) l.status = RequestStatus::Approved;
    if (!c.w.add(std::move(l))) return c.reject("That leave request already exists (send it again with a new id)");
    return true;
}

// Approving leave says what it means before and as it is done: each of the person's shifts in those
// days comes back as a warning in the rules' words (a preview shows them on the approval card), and
// with payload.post_shifts the ones still to come go to the bank in the same command (one undo).
bool decide_leave(Ctx& c, bool approve) {
    Leave* l = c.find<Leave>(c.args.id("leave"), "leave request");
    auto post = c.args.boolean("post_shifts");
    if (!c.args.ok() || !l) return false;
    if (!c.manages_staff(l->staff) && !(c.is_self(l->staff) && !approve))   // people may cancel their own
        return c.forbid("Only a manager of this person's ward can decide their leave");
    if (approve && l->status == RequestStatus::Approved) return c.reject("This leave is already approved");
    if (!approve && l->status == RequestStatus::Declined) return c.reject("This leave is already declined");
    if (post && (!approve || !c.manages_staff(l->staff)))
        return c.args.fail("payload.post_shifts goes with approve_leave, by a manager of the person's ward"), false;
    l->status = approve ? RequestStatus::Approved : RequestStatus::Declined;
    if (!approve) return true;
    const Leave leave = *l;
    const auto now = command_time(c.cmd);
    std::vector<std::string> rostered;
    for (const Shift& s : c.state.shifts)
        if (s.assignee == leave.staff && s.status != ShiftStatus::Cancelled && s.end.date >= leave.first && s.start.date <= leave.last &&
            !(now && has_started(s, *now)))
            rostered.push_back(s.id);
    const RulesEngine engine(c.state);
    std::vector<std::string> posted;
    for (const std::string& id : rostered) {
        Shift* s = c.w.edit<Shift>(id);
        if (post.value_or(false) && s->status != ShiftStatus::Worked && s->status != ShiftStatus::SignedOff) {
            s->assignee.clear();   // posted: no longer theirs, so no longer a conflict
            s->status = ShiftStatus::Open;
            s->source = ShiftSource::Bank;
            posted.push_back(id);
            continue;
        }
        for (Violation& v : engine.check_candidate(*s, leave.staff, true).violations)
            if (v.rule == "leave_conflict") c.result.warnings.push_back(as_seen_by(c.state, c.author, std::move(v)));
    }
    if (!posted.empty()) offer_shifts(c, posted, NoticeKind::NewShifts, leave.staff);
    return true;
}

bool approve_leave(Ctx& c) { return decide_leave(c, true); }
bool decline_leave(Ctx& c) { return decide_leave(c, false); }

// Replaces what is known about one day: {date, start, end} to say "I can work then", or
// {date, available: false} to clear it.
bool set_availability(Ctx& c) {
    const std::string staff = self_or_managed(c);
    auto date = c.args.date("date");
    auto flag = c.args.boolean("available");
    if (!c.args.ok() || staff.empty()) return false;
    const bool clear = flag && !*flag;
    if (clear && (c.args.has("start") || c.args.has("end")))
        return c.args.fail("payload.start and payload.end go with available: true (or no \"available\")"), false;
    std::optional<int> start, end;
    if (!clear) {
        start = c.args.clock("start");
        end = c.args.clock("end");
        if (!c.args.ok()) return false;
        if (*end == 0) end = 24 * 60;
        if (*end <= *start) return c.reject("Available until must be after available from");
    }
    const Availability day{staff, *date, start.value_or(0), end.value_or(24 * 60)};
    if (clear) {
        if (!c.w.remove<Availability>(key_of(day))) return c.reject("Nothing was recorded for that day, so there is nothing to clear");
    } else if (Availability* known = c.w.edit<Availability>(key_of(day))) {
        *known = day;
    } else {
        c.w.add(day);
    }
    return true;
}

// The times on a timesheet: an end after the start, no more than a day, a break shorter than the
// time worked. `what` names who gives them in the refusal.
bool times_worked(Ctx& c, const LocalDateTime& start, const LocalDateTime& end, int break_minutes) {
    const int64_t worked = london_to_utc(end) - london_to_utc(start);
    if (worked <= 0 || worked > 24 * 60) return c.reject("The times worked must give between 1 minute and 24 hours");
    if (break_minutes >= worked) return c.reject("The break (" + format_duration(break_minutes) + ") must be shorter than the time worked (" + format_duration(worked) + ")");
    return true;
}

bool submit_timesheet(Ctx& c) {
    Shift* s = c.shift(c.args.id("shift"));
    auto start = c.args.local_time("start"), end = c.args.local_time("end");
    const auto pause = c.args.has("break_minutes") ? c.args.integer("break_minutes", 0, 8 * 60) : std::optional<int64_t>(0);
    if (!c.args.ok() || !s) return false;
    if (!c.is_self(s->assignee)) return c.forbid("You can only submit a timesheet for your own shift");
    if (s->status != ShiftStatus::Booked && s->status != ShiftStatus::Published)
        return c.reject("A timesheet can only be submitted for a booked shift");
    // Only for work done: a claim before the shift has begun is a mistake (or worse).
    if (const auto now = command_time(c.cmd); now && !has_started(*s, *now))
        return c.reject("This shift starts at " + format_clock(s->start.minute) + " on " + format_weekday_day_month(s->start.date) +
                        ": its timesheet can be submitted once it has been worked");
    if (!times_worked(c, *start, *end, int(*pause))) return false;
    for (const auto& t : c.state.timesheets)
        if (t.shift == s->id && t.status != RequestStatus::Declined) return c.reject("A timesheet for this shift is already in");
    s->status = ShiftStatus::Worked;
    Timesheet t;
    t.id = new_id(c, "ts-"), t.shift = s->id, t.staff = s->assignee;
    t.start = *start, t.end = *end, t.break_minutes = int(*pause);
    if (!c.w.add(t)) return c.reject("That timesheet already exists (send it again with a new id)");
    return true;
}

// Signing off, as claimed or with the times the ward knows were worked: then the claim is kept
// beside them (an amended timesheet shows both).
bool approve_timesheet(Ctx& c) {
    Timesheet* t = c.find<Timesheet>(c.args.id("timesheet"), "timesheet");
    const auto start = c.args.has("start") ? c.args.local_time("start") : std::nullopt;
    const auto end = c.args.has("end") ? c.args.local_time("end") : std::nullopt;
    const auto pause = c.args.has("break_minutes") ? c.args.integer("break_minutes", 0, 8 * 60) : std::nullopt;
    if (!c.args.ok() || !t) return false;
    Shift* s = c.shift(t->shift);
    if (!s) return false;
    if (!c.manages(s->ward)) return c.forbid("Only a manager of this shift's ward can approve its timesheet");
    if (t->status != RequestStatus::Pending) return c.reject("This timesheet is already " + std::string(to_string(t->status)));
    const LocalDateTime new_start = start.value_or(t->start), new_end = end.value_or(t->end);
    const int new_break = int(pause.value_or(t->break_minutes));
    if (!times_worked(c, new_start, new_end, new_break)) return false;
    if (new_start != t->start || new_end != t->end || new_break != t->break_minutes) {
        t->amended = true;
        t->claimed_start = t->start, t->claimed_end = t->end, t->claimed_break_minutes = t->break_minutes;
        t->start = new_start, t->end = new_end, t->break_minutes = new_break;
    }
    t->status = RequestStatus::Approved;
    s->status = ShiftStatus::SignedOff;
    return true;
}

// Swaps are like for like: same shift type and same grade requirement, and no rule broken for
// either person after the exchange.
bool swap_allowed(Ctx& c, Shift& a, Shift& b) {
    if (a.type != b.type) return c.reject("Swaps are like for like: both shifts must be the same type");
    if (a.requirements.group != b.requirements.group || a.requirements.grades != b.requirements.grades)
        return c.reject("Swaps are like for like: both shifts must need the same staff group and grade");
    // Check each person's schedule as it would be after the exchange, then put things back.
    std::swap(a.assignee, b.assignee);
    const bool ok = c.rules_allow(a, a.assignee) && c.rules_allow(b, b.assignee);
    std::swap(a.assignee, b.assignee);
    return ok;
}

bool request_swap(Ctx& c) {
    Shift* mine = c.shift(c.args.id("shift"));
    Shift* theirs = mine ? c.shift(c.args.id("other_shift")) : nullptr;
    if (!c.args.ok() || !mine || !theirs) return false;
    if (!c.is_self(mine->assignee)) return c.forbid("You can only offer your own shift in a swap");
    if (theirs->assignee.empty() || theirs->assignee == mine->assignee) return c.reject("Swap with a colleague's shift");
    if (!c.not_started(*mine, "it can no longer be swapped") || !c.not_started(*theirs, "it can no longer be swapped")) return false;
    for (const Swap& w : c.state.swaps) {
        if (w.status != RequestStatus::Pending && w.status != RequestStatus::Accepted) continue;
        if (w.shift == mine->id && w.other_shift == theirs->id) return c.reject("You have already asked for this swap");
        if (w.shift == theirs->id && w.other_shift == mine->id)
            return c.reject("Your colleague has already asked you for this swap: accept it from your requests");
    }
    if (!swap_allowed(c, *mine, *theirs)) return false;
    Swap w{new_id(c, "swap-"), mine->id, theirs->id, mine->assignee, theirs->assignee, RequestStatus::Pending};
    notify(c, w.to, NoticeKind::SwapAsked, *theirs,
           "Swap asked: your " + describe_shift(c.state, *theirs) + " for " + describe_shift(c.state, *mine));
    if (!c.w.add(std::move(w))) return c.reject("That swap already exists (send it again with a new id)");
    return true;
}

bool accept_swap(Ctx& c) {
    Swap* w = c.find<Swap>(c.args.id("swap"), "swap");
    if (!c.args.ok() || !w) return false;
    if (!c.is_self(w->to)) return c.forbid("Only the colleague asked can accept this swap");
    if (w->status != RequestStatus::Pending) return c.reject("This swap is already " + std::string(to_string(w->status)));
    for (const std::string* id : {&w->shift, &w->other_shift})
        if (const Shift* s = c.state.find_shift(*id); s && !c.not_started(*s, "it can no longer be swapped")) return false;
    w->status = RequestStatus::Accepted;
    if (const Shift* s = c.state.find_shift(w->shift))
        notify(c, w->from, NoticeKind::SwapAccepted, *s, "Swap accepted; waiting for the rota coordinator: " + describe_shift(c.state, *s));
    return true;
}

bool approve_swap(Ctx& c) {
    Swap* w = c.find<Swap>(c.args.id("swap"), "swap");
    if (!c.args.ok() || !w) return false;
    Shift* a = c.shift(w->shift);
    Shift* b = a ? c.shift(w->other_shift) : nullptr;
    if (!a || !b) return false;
    if (!c.manages(a->ward) || !c.manages(b->ward)) return c.forbid("Only the rota coordinator of both wards can approve this swap");
    if (w->status != RequestStatus::Accepted) return c.reject("The colleague has not accepted this swap yet");
    if (a->assignee != w->from || b->assignee != w->to) return c.reject("These shifts have changed hands since the swap was asked for");
    if (!c.not_started(*a, "it can no longer be swapped") || !c.not_started(*b, "it can no longer be swapped")) return false;
    if (!swap_allowed(c, *a, *b)) return false;
    std::swap(a->assignee, b->assignee);
    w->status = RequestStatus::Approved;
    notify(c, w->from, NoticeKind::SwapApproved, *b, "Swap approved: you now work " + describe_shift(c.state, *b));
    notify(c, w->to, NoticeKind::SwapApproved, *a, "Swap approved: you now work " + describe_shift(c.state, *a));
    return true;
}

bool decline_swap(Ctx& c) {
    Swap* w = c.find<Swap>(c.args.id("swap"), "swap");
    if (!c.args.ok() || !w) return false;
    const Shift* a = c.state.find_shift(w->shift);
    if (!c.is_self(w->to) && !c.is_self(w->from) && !(a && c.manages(a->ward)))
        return c.forbid("Only the two colleagues or the rota coordinator can decline this swap");
    if (w->status == RequestStatus::Approved) return c.reject("This swap has already happened");
    if (w->status == RequestStatus::Declined) return c.reject("This swap is already declined");
    w->status = RequestStatus::Declined;
    if (a)
        for (const std::string& who : {w->from, w->to})
            notify(c, who, NoticeKind::SwapDeclined, *a, "Swap declined: " + describe_shift(c.state, *a));
    return true;
}

}  // namespace

const std::vector<HandlerEntry>& request_handlers() {
    static const std::vector<HandlerEntry> h = {
        {"request_leave", request_leave, {"kind", "first", "last", "staff"}},
        {"approve_leave", approve_leave, {"leave", "post_shifts"}},
        {"decline_leave", decline_leave, {"leave"}},
        {"set_availability", set_availability, {"date", "start", "end", "available", "staff"}},
        {"submit_timesheet", submit_timesheet, {"shift", "start", "end", "break_minutes"}},
        {"approve_timesheet", approve_timesheet, {"timesheet", "start", "end", "break_minutes"}},
        {"request_swap", request_swap, {"shift", "other_shift"}},
        {"accept_swap", accept_swap, {"swap"}},
        {"approve_swap", approve_swap, {"swap", "override_reason"}},
        {"decline_swap", decline_swap, {"swap"}},
    };
    return h;
}

}  // namespace sb::commands
