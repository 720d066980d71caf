// Requests people make about themselves: leave, availability, timesheets and swaps.
#include <algorithm>

#include "core/commands/command_context.hpp"
#include "core/enum_names.hpp"

namespace sb::commands {
namespace {
using json = nlohmann::json;

template <class T>
T* find_by_id(Ctx& c, std::vector<T>& items, const std::string& id, const char* what) {
    auto it = std::find_if(items.begin(), items.end(), [&](const T& x) { return x.id == id; });
    if (it == items.end()) {
        c.reject(std::string("There is no ") + what + " \"" + id + "\"");
        return nullptr;
    }
    return &*it;
}

// Managers act on staff of their wards; admins on everyone.
bool manages_staff(Ctx& c, const std::string& staff) {
    if (c.is_admin()) return true;
    const Staff* p = c.state.find_staff(staff);
    if (!p || c.author.role != Role::Manager) return false;
    return std::any_of(p->wards.begin(), p->wards.end(), [&](const std::string& w) { return c.manages(w); });
}

std::string self_or_managed(Ctx& c) {
    auto who = c.args.optional_text("staff");
    const std::string staff = who.value_or(c.author.staff);
    if (staff.empty()) {
        c.reject("Your account has no staff record: name the member of staff");
        return {};
    }
    if (!c.is_self(staff) && !manages_staff(c, staff)) {
        c.forbid("You can only do this for yourself");
        return {};
    }
    return staff;
}

bool request_leave(Ctx& c) {
    const std::string staff = self_or_managed(c);
    auto kind = parse_enum<LeaveKind>(c.args.text("kind"));
    auto first = c.args.date("first"), last = c.args.date("last");
    if (!c.args.ok() || staff.empty()) return false;
    if (!kind) return c.args.fail("payload.kind must be one of " + allowed_values<LeaveKind>()), false;
    if (*last < *first) return c.reject("The last day of leave is before the first");
    if (*last - *first > 366) return c.reject("Leave can be requested for at most a year at a time");
    Leave l{new_id(c.state, c.cmd, "leave-"), staff, *kind, *first, *last, RequestStatus::Pending};
    // Sickness is reported, not asked for: it is recorded as approved straight away.
    if (*kind == LeaveKind::Sick) l.status = RequestStatus::Approved;
    c.set_inverse("decline_leave", {{"leave", l.id}});
    c.state.leave.push_back(std::move(l));
    return true;
}

bool decide_leave(Ctx& c, bool approve) {
    Leave* l = find_by_id(c, c.state.leave, c.args.text("leave"), "leave request");
    if (!c.args.ok() || !l) return false;
    if (!manages_staff(c, l->staff) && !(c.is_self(l->staff) && !approve))   // people may cancel their own
        return c.forbid("Only a manager of this person's ward can decide their leave");
    if (approve && l->status == RequestStatus::Approved) return c.reject("This leave is already approved");
    c.set_inverse("set_leave_status", {{"leave", l->id}, {"status", to_string(l->status)}});
    l->status = approve ? RequestStatus::Approved : RequestStatus::Declined;
    return true;
}

bool approve_leave(Ctx& c) { return decide_leave(c, true); }
bool decline_leave(Ctx& c) { return decide_leave(c, false); }

bool set_leave_status(Ctx& c) {
    Leave* l = find_by_id(c, c.state.leave, c.args.text("leave"), "leave request");
    auto status = parse_enum<RequestStatus>(c.args.text("status"));
    if (!c.args.ok() || !l) return false;
    if (!status) return c.args.fail("payload.status must be one of " + allowed_values<RequestStatus>()), false;
    if (!manages_staff(c, l->staff) && !c.is_self(l->staff)) return c.forbid("Not your leave request");
    c.set_inverse("set_leave_status", {{"leave", l->id}, {"status", to_string(l->status)}});
    l->status = *status;
    return true;
}

// Replaces what is known about one day: {date, start, end} to say "I can work then", or
// {date, available: false} to clear it.
bool set_availability(Ctx& c) {
    const std::string staff = self_or_managed(c);
    auto date = c.args.date("date");
    if (!c.args.ok() || staff.empty()) return false;
    const auto flag = c.cmd.payload.find("available");
    const bool clear = flag != c.cmd.payload.end() && flag->is_boolean() && !flag->get<bool>();
    std::optional<int> start, end;
    if (!clear) {
        start = c.args.clock("start");
        end = c.args.clock("end");
        if (!c.args.ok()) return false;
        if (*end == 0) end = 24 * 60;
        if (*end <= *start) return c.reject("Available until must be after available from");
    }
    json undo = {{"date", format_date(*date)}, {"staff", staff}, {"available", false}};
    auto& av = c.state.availability;
    auto it = std::find_if(av.begin(), av.end(), [&](const Availability& a) { return a.staff == staff && a.date == *date; });
    if (it != av.end()) {
        undo = {{"date", format_date(*date)}, {"staff", staff}, {"start", format_clock(it->start_minute)},
                {"end", format_clock(it->end_minute % (24 * 60))}};
        av.erase(it);
    }
    if (!clear) av.push_back({staff, *date, *start, *end});
    c.set_inverse("set_availability", std::move(undo));
    return true;
}

bool submit_timesheet(Ctx& c) {
    Shift* s = c.shift(c.args.text("shift"));
    auto start = c.args.local_time("start"), end = c.args.local_time("end");
    if (!c.args.ok() || !s) return false;
    if (!c.is_self(s->assignee)) return c.forbid("You can only submit a timesheet for your own shift");
    if (s->status != ShiftStatus::Booked && s->status != ShiftStatus::Published)
        return c.reject("A timesheet can only be submitted for a booked shift");
    const int64_t worked = london_to_utc(*end) - london_to_utc(*start);
    if (worked <= 0 || worked > 24 * 60) return c.reject("The times worked must give between 1 minute and 24 hours");
    for (const auto& t : c.state.timesheets)
        if (t.shift == s->id && t.status != RequestStatus::Declined) return c.reject("A timesheet for this shift is already in");
    Timesheet t{new_id(c.state, c.cmd, "ts-"), s->id, s->assignee, *start, *end, RequestStatus::Pending};
    c.set_inverse("set_status", {{"shifts", json::array({{{"shift", s->id}, {"status", to_string(s->status)}}})}});
    s->status = ShiftStatus::Worked;
    c.state.timesheets.push_back(std::move(t));
    return true;
}

bool approve_timesheet(Ctx& c) {
    Timesheet* t = find_by_id(c, c.state.timesheets, c.args.text("timesheet"), "timesheet");
    if (!c.args.ok() || !t) return false;
    Shift* s = c.shift(t->shift);
    if (!s) return false;
    if (!c.manages(s->ward)) return c.forbid("Only a manager of this shift's ward can approve its timesheet");
    if (t->status != RequestStatus::Pending) return c.reject("This timesheet is already " + std::string(to_string(t->status)));
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
    Shift* mine = c.shift(c.args.text("shift"));
    Shift* theirs = mine ? c.shift(c.args.text("other_shift")) : nullptr;
    if (!c.args.ok() || !mine || !theirs) return false;
    if (!c.is_self(mine->assignee)) return c.forbid("You can only offer your own shift in a swap");
    if (theirs->assignee.empty() || theirs->assignee == mine->assignee) return c.reject("Swap with a colleague's shift");
    if (!swap_allowed(c, *mine, *theirs)) return false;
    Swap w{new_id(c.state, c.cmd, "swap-"), mine->id, theirs->id, mine->assignee, theirs->assignee, RequestStatus::Pending};
    c.set_inverse("decline_swap", {{"swap", w.id}});
    notify(c, w.to, NoticeKind::SwapAsked, *theirs,
           "Swap asked: your " + describe_shift(c.state, *theirs) + " for " + describe_shift(c.state, *mine));
    c.state.swaps.push_back(std::move(w));
    return true;
}

bool accept_swap(Ctx& c) {
    Swap* w = find_by_id(c, c.state.swaps, c.args.text("swap"), "swap");
    if (!c.args.ok() || !w) return false;
    if (!c.is_self(w->to)) return c.forbid("Only the colleague asked can accept this swap");
    if (w->status != RequestStatus::Pending) return c.reject("This swap is already " + std::string(to_string(w->status)));
    w->status = RequestStatus::Accepted;
    if (const Shift* s = c.state.find_shift(w->shift))
        notify(c, w->from, NoticeKind::SwapAccepted, *s, "Swap accepted; waiting for the rota coordinator: " + describe_shift(c.state, *s));
    return true;
}

// The two shifts of a swap, for the rota coordinator of both wards; nullptrs (and a reason) otherwise.
std::pair<Shift*, Shift*> coordinated_shifts(Ctx& c, const Swap& w) {
    Shift* a = c.shift(w.shift);
    Shift* b = a ? c.shift(w.other_shift) : nullptr;
    if (!a || !b) return {nullptr, nullptr};
    if (!c.manages(a->ward) || !c.manages(b->ward)) {
        c.forbid("Only the rota coordinator of both wards can approve or undo this swap");
        return {nullptr, nullptr};
    }
    return {a, b};
}

bool approve_swap(Ctx& c) {
    Swap* w = find_by_id(c, c.state.swaps, c.args.text("swap"), "swap");
    if (!c.args.ok() || !w) return false;
    auto [a, b] = coordinated_shifts(c, *w);
    if (!a) return false;
    if (w->status != RequestStatus::Accepted) return c.reject("The colleague has not accepted this swap yet");
    if (a->assignee != w->from || b->assignee != w->to) return c.reject("These shifts have changed hands since the swap was asked for");
    if (!swap_allowed(c, *a, *b)) return false;
    std::swap(a->assignee, b->assignee);
    w->status = RequestStatus::Approved;
    c.set_inverse("approve_swap_undo", {{"swap", w->id}});
    notify(c, w->from, NoticeKind::SwapApproved, *b, "Swap approved: you now work " + describe_shift(c.state, *b));
    notify(c, w->to, NoticeKind::SwapApproved, *a, "Swap approved: you now work " + describe_shift(c.state, *a));
    return true;
}

bool approve_swap_undo(Ctx& c) {
    Swap* w = find_by_id(c, c.state.swaps, c.args.text("swap"), "swap");
    if (!c.args.ok() || !w) return false;
    auto [a, b] = coordinated_shifts(c, *w);
    if (!a) return false;
    if (w->status != RequestStatus::Approved) return c.reject("This swap is not approved");
    std::swap(a->assignee, b->assignee);
    w->status = RequestStatus::Accepted;
    return true;
}

bool decline_swap(Ctx& c) {
    Swap* w = find_by_id(c, c.state.swaps, c.args.text("swap"), "swap");
    if (!c.args.ok() || !w) return false;
    const Shift* a = c.state.find_shift(w->shift);
    if (!c.is_self(w->to) && !c.is_self(w->from) && !(a && c.manages(a->ward)))
        return c.forbid("Only the two colleagues or the rota coordinator can decline this swap");
    if (w->status == RequestStatus::Approved) return c.reject("This swap has already happened");
    w->status = RequestStatus::Declined;
    if (a)
        for (const std::string& who : {w->from, w->to})
            notify(c, who, NoticeKind::SwapDeclined, *a, "Swap declined: " + describe_shift(c.state, *a));
    return true;
}

}  // namespace

const std::vector<HandlerEntry>& request_handlers() {
    static const std::vector<HandlerEntry> h = {
        {"request_leave", request_leave},       {"approve_leave", approve_leave},
        {"decline_leave", decline_leave},       {"set_leave_status", set_leave_status},
        {"set_availability", set_availability}, {"submit_timesheet", submit_timesheet},
        {"approve_timesheet", approve_timesheet}, {"request_swap", request_swap},
        {"accept_swap", accept_swap},           {"approve_swap", approve_swap},
        {"approve_swap_undo", approve_swap_undo}, {"decline_swap", decline_swap},
    };
    return h;
}

}  // namespace sb::commands
