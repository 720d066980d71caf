// The staff bank: clinicians apply for or book open shifts; managers approve, decline and cancel.
#include <algorithm>

#include "core/commands/command_context.hpp"
#include "core/enum_names.hpp"

namespace sb::commands {
namespace {
using json = nlohmann::json;

// The staff member a command is for: yourself, or (for a manager of the ward) payload.staff.
std::string subject(Ctx& c, const Shift& s) {
    auto who = c.args.optional_text("staff");
    if (!who || *who == c.author.staff) {
        if (c.author.staff.empty()) c.reject("Your account has no staff record, so you cannot take shifts yourself");
        return c.author.staff;
    }
    if (!c.manages(s.ward)) {
        c.reject("You can only book or apply for yourself");
        return {};
    }
    if (!c.state.find_staff(*who)) {
        c.reject("There is no member of staff \"" + *who + "\"");
        return {};
    }
    return *who;
}

Application* find_application(Ctx& c, const std::string& id) {
    auto it = std::find_if(c.state.applications.begin(), c.state.applications.end(), [&](const Application& a) { return a.id == id; });
    if (it == c.state.applications.end()) {
        c.reject("There is no application \"" + id + "\"");
        return nullptr;
    }
    return &*it;
}

bool open_for_booking(Ctx& c, const Shift& s) {
    if (s.status == ShiftStatus::Open) return true;
    if (!s.assignee.empty()) return c.reject("Someone else has already booked this shift");
    return c.reject("This shift is not open in the bank (it is " + std::string(display_name(s.status)) + ")");
}

Shift booked(const Shift& s, const std::string& who) {
    Shift next = s;
    next.assignee = who;
    next.status = ShiftStatus::Booked;
    next.source = ShiftSource::Bank;
    return next;
}

json assignment_undo(const Shift& s) {
    return {{"shift", s.id}, {"assignee", s.assignee.empty() ? json(nullptr) : json(s.assignee)}, {"status", to_string(s.status)}};
}

// Other applicants are told no once the shift is taken.
void decline_others(Ctx& c, const std::string& shift, const std::string& except) {
    for (auto& a : c.state.applications)
        if (a.shift == shift && a.id != except && a.status == RequestStatus::Pending) a.status = RequestStatus::Declined;
}

bool apply(Ctx& c) {
    Shift* s = c.shift(c.args.text("shift"));
    if (!c.args.ok() || !s) return false;
    const std::string who = subject(c, *s);
    if (who.empty() || !open_for_booking(c, *s)) return false;
    for (const auto& a : c.state.applications)
        if (a.shift == s->id && a.staff == who && a.status == RequestStatus::Pending)
            return c.reject("You have already applied for this shift");
    if (!c.rules_allow(booked(*s, who), who)) return false;   // no point applying for a shift you may not work
    Application a{new_id(c.state, c.cmd, "app-"), s->id, who, RequestStatus::Pending};
    c.set_inverse("withdraw", {{"application", a.id}});
    c.state.applications.push_back(std::move(a));
    return true;
}

bool withdraw(Ctx& c) {
    Application* a = find_application(c, c.args.text("application"));
    if (!c.args.ok() || !a) return false;
    if (!c.is_self(a->staff) && !c.is_admin()) return c.reject("You can only withdraw your own applications");
    if (a->status != RequestStatus::Pending) return c.reject("This application is already " + std::string(to_string(a->status)));
    a->status = RequestStatus::Withdrawn;
    return true;
}

bool decide_application(Ctx& c, bool approve) {
    Application* a = find_application(c, c.args.text("application"));
    if (!c.args.ok() || !a) return false;
    Shift* s = c.shift(a->shift);
    if (!s) return false;
    if (!c.manages(s->ward)) return c.reject("Only a manager of this shift's ward can decide applications");
    if (a->status != RequestStatus::Pending) return c.reject("This application is already " + std::string(to_string(a->status)));
    if (approve) {
        if (!open_for_booking(c, *s)) return false;
        Shift next = booked(*s, a->staff);
        if (!c.rules_allow(next, a->staff)) return false;
        c.set_inverse("set_assignment", assignment_undo(*s));
        *s = std::move(next);
        decline_others(c, s->id, a->id);
    }
    a->status = approve ? RequestStatus::Approved : RequestStatus::Declined;
    return true;
}

bool approve_application(Ctx& c) { return decide_application(c, true); }
bool decline_application(Ctx& c) { return decide_application(c, false); }

// Book without an application: a clinician on a ward that allows instant booking, or a manager
// booking someone directly.
bool book(Ctx& c) {
    Shift* s = c.shift(c.args.text("shift"));
    if (!c.args.ok() || !s) return false;
    const std::string who = subject(c, *s);
    if (who.empty() || !open_for_booking(c, *s)) return false;
    const Ward* ward = c.state.find_ward(s->ward);
    if (!c.manages(s->ward) && !(ward && ward->instant_booking))
        return c.reject("This ward approves bank shifts itself: apply for it instead, and the ward will confirm");
    Shift next = booked(*s, who);
    if (!c.rules_allow(next, who)) return false;
    c.set_inverse("set_assignment", assignment_undo(*s));
    *s = std::move(next);
    decline_others(c, s->id, "");
    return true;
}

bool cancel_booking(Ctx& c) {
    Shift* s = c.shift(c.args.text("shift"));
    if (!c.args.ok() || !s) return false;
    if (s->status != ShiftStatus::Booked) return c.reject("This shift is not booked");
    if (!c.is_self(s->assignee) && !c.manages(s->ward)) return c.reject("You can only cancel your own bookings");
    c.set_inverse("set_assignment", assignment_undo(*s));
    s->assignee.clear();
    s->status = ShiftStatus::Open;   // back in the bank for someone else
    return true;
}

}  // namespace

const std::vector<HandlerEntry>& booking_handlers() {
    static const std::vector<HandlerEntry> h = {
        {"apply", apply}, {"withdraw", withdraw}, {"approve_application", approve_application},
        {"decline_application", decline_application}, {"book", book}, {"cancel_booking", cancel_booking},
    };
    return h;
}

}  // namespace sb::commands
