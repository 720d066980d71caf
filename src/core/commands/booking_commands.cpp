// The staff bank: clinicians apply for or book open shifts; managers approve, decline and cancel.
#include <algorithm>

#include "core/booking.hpp"
#include "core/commands/command_context.hpp"
#include "core/enum_names.hpp"

namespace sb::commands {
namespace {
using json = nlohmann::json;

// The staff member a command is for: yourself, or (for a manager of the ward) payload.staff.
std::string subject(Ctx& c, const Shift& s) {
    auto who = c.args.optional_id("staff");
    if (!who || *who == c.author.staff) {
        if (c.author.staff.empty()) c.reject("Your account has no staff record, so you cannot take shifts yourself");
        return c.author.staff;
    }
    if (!c.manages(s.ward)) {
        c.forbid("You can only book or apply for yourself");
        return {};
    }
    if (!c.state.find_staff(*who)) {
        c.reject("There is no member of staff \"" + *who + "\"");
        return {};
    }
    return *who;
}

bool open_for_booking(Ctx& c, const Shift& s) {
    if (s.status == ShiftStatus::Open) return true;
    if (!s.assignee.empty()) return c.reject("Someone else has already booked this shift");
    return c.reject("This shift is not open in the bank (it is " + std::string(display_name(s.status)) + ")");
}

// Other applicants are told no once the shift is taken.
void decline_others(Ctx& c, const Shift& shift, const std::string& except) {
    std::vector<std::string> others;
    for (const auto& a : c.state.applications)
        if (a.shift == shift.id && a.id != except && a.status == RequestStatus::Pending) others.push_back(a.id);
    for (const auto& id : others) {
        Application* a = c.w.edit<Application>(id);
        a->status = RequestStatus::Declined;
        notify(c, a->staff, NoticeKind::Declined, shift, "Filled by someone else: " + describe_shift(c.state, shift));
    }
}

bool apply(Ctx& c) {
    Shift* s = c.shift(c.args.id("shift"));
    if (!c.args.ok() || !s) return false;
    const std::string who = subject(c, *s);
    if (who.empty() || !open_for_booking(c, *s) || !c.not_started(*s, "it can no longer be applied for")) return false;
    for (const auto& a : c.state.applications)
        if (a.shift == s->id && a.staff == who && a.status == RequestStatus::Pending)
            return c.reject("You have already applied for this shift");
    const Shift candidate = booked_candidate(*s, who);
    if (!c.rules_allow(candidate, who)) return false;   // no point applying for a shift you may not work
    Application a{new_id(c, "app-"), s->id, who, RequestStatus::Pending};
    const Ward* ward = c.state.find_ward(s->ward);
    const Staff* person = c.state.find_staff(who);
    if (ward && person && auto_approves(*ward, *s, *person, c.result.warnings.empty())) {
        a.status = RequestStatus::Approved;
        *s = candidate;
        decline_others(c, *s, a.id);
        notify(c, who, NoticeKind::Approved, *s, "Approved automatically: " + describe_shift(c.state, *s));
    }
    if (!c.w.add(std::move(a))) return c.reject("That application already exists (send the command again with a new id)");
    return true;
}

bool withdraw(Ctx& c) {
    Application* a = c.find<Application>(c.args.id("application"), "application");
    if (!c.args.ok() || !a) return false;
    if (!c.is_self(a->staff) && !c.is_admin()) return c.forbid("You can only withdraw your own applications");
    if (a->status != RequestStatus::Pending) return c.reject("This application is already " + std::string(to_string(a->status)));
    a->status = RequestStatus::Withdrawn;
    return true;
}

bool decide_application(Ctx& c, bool approve) {
    Application* a = c.find<Application>(c.args.id("application"), "application");
    if (!c.args.ok() || !a) return false;
    Shift* s = c.shift(a->shift);
    if (!s) return false;
    if (!c.manages(s->ward)) return c.forbid("Only a manager of this shift's ward can decide applications");
    if (a->status != RequestStatus::Pending) return c.reject("This application is already " + std::string(to_string(a->status)));
    if (approve) {
        if (!open_for_booking(c, *s) || !c.not_started(*s, "it can no longer be booked")) return false;
        Shift next = booked_candidate(*s, a->staff);
        if (!c.rules_allow(next, a->staff)) return false;
        *s = std::move(next);
        decline_others(c, *s, a->id);
    }
    a->status = approve ? RequestStatus::Approved : RequestStatus::Declined;
    notify(c, a->staff, approve ? NoticeKind::Approved : NoticeKind::Declined, *s,
           (approve ? "Approved: " : "Not this time: ") + describe_shift(c.state, *s));
    return true;
}

bool approve_application(Ctx& c) { return decide_application(c, true); }
bool decline_application(Ctx& c) { return decide_application(c, false); }

// Book without an application: a clinician on a ward that allows instant booking, or a manager
// booking someone directly.
bool book(Ctx& c) {
    Shift* s = c.shift(c.args.id("shift"));
    if (!c.args.ok() || !s) return false;
    const std::string who = subject(c, *s);
    if (who.empty() || !open_for_booking(c, *s) || !c.not_started(*s, "it can no longer be booked")) return false;
    const Ward* ward = c.state.find_ward(s->ward);
    if (!c.manages(s->ward) && !(ward && may_book_instantly(*ward, who)))
        return c.reject("This ward approves bank shifts itself: apply for it instead, and the ward will confirm");
    Shift next = booked_candidate(*s, who);
    if (!c.rules_allow(next, who)) return false;
    *s = std::move(next);
    decline_others(c, *s, "");
    notify(c, who, NoticeKind::Changed, *s, "You have been booked for " + describe_shift(c.state, *s));
    return true;
}

// Either side may cancel a booking. Within the trust's notice period it is a late cancellation:
// recorded, and a clinician must give a reason. The shift goes back to the bank and is offered again.
bool cancel_booking(Ctx& c) {
    Shift* s = c.shift(c.args.id("shift"));
    auto reason = c.args.optional_text("reason", 300);
    if (!c.args.ok() || !s) return false;
    if (s->status != ShiftStatus::Booked) return c.reject("This shift is not booked");
    const bool own = c.is_self(s->assignee);
    if (!own && !c.manages(s->ward)) return c.forbid("You can only cancel your own bookings");
    Cancellation rec{new_id(c, "cx-"), s->id, s->assignee, c.author.id, !own, c.cmd.time, 0, false, reason.value_or("")};
    if (auto now = command_time(c.cmd)) {
        const int64_t minutes = london_to_utc(s->start) - *now;
        if (minutes <= 0) return c.reject("This shift has already started; it can no longer be cancelled");
        rec.hours_notice = int(minutes / 60);
        rec.late = minutes < int64_t(c.state.trust.cancel_notice_hours) * 60;
    }
    const std::string policy = std::to_string(c.state.trust.cancel_notice_hours) + " h";
    if (rec.late && own && rec.reason.empty())
        return c.reject("It starts in " + format_duration(int64_t(rec.hours_notice) * 60) + ", within the trust's " + policy +
                        " notice: this would be a late cancellation. Give a reason; the ward sees it with the record.");
    const std::string who = s->assignee;
    s->assignee.clear();
    s->status = ShiftStatus::Open;   // back in the bank for someone else
    if (!own)
        notify(c, who, NoticeKind::Cancelled, *s,
               std::string(rec.late ? "Cancelled at short notice by the ward: " : "Cancelled by the ward: ") + describe_shift(c.state, *s) +
                   (rec.reason.empty() ? "" : " (" + rec.reason + ")"));
    const std::string shift_id = s->id;
    if (!c.w.add(std::move(rec))) return c.reject("That cancellation is already recorded (send it again with a new id)");
    offer_shifts(c, {shift_id}, NoticeKind::NewShifts, who);
    return true;
}

}  // namespace

const std::vector<HandlerEntry>& booking_handlers() {
    static const std::vector<HandlerEntry> h = {
        {"apply", apply, {"shift", "staff", "override_reason"}},
        {"withdraw", withdraw, {"application"}},
        {"approve_application", approve_application, {"application", "override_reason"}},
        {"decline_application", decline_application, {"application"}},
        {"book", book, {"shift", "staff", "override_reason"}},
        {"cancel_booking", cancel_booking, {"shift", "reason"}},
    };
    return h;
}

}  // namespace sb::commands
