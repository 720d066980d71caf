#include "core/audit.hpp"

#include <algorithm>

#include "core/enum_names.hpp"
#include "core/format/entity_json.hpp"
#include "core/pay.hpp"
#include "core/permissions.hpp"
#include "core/rules/rule_sets.hpp"

namespace sb {
namespace {
using json = nlohmann::json;

template <class T>
std::optional<T> read_image(const json& image) {
    if (!image.is_object()) return std::nullopt;
    format::Reader r;
    T x;
    if (!format::read(r, image, "", x) || !r.errors.empty()) return std::nullopt;
    return x;
}

std::string staff_name(const State& s, const std::string& id) {
    const Staff* p = s.find_staff(id);
    return p ? p->name : id;
}

std::string possessive(const std::string& name) { return name + "\xE2\x80\x99s"; }   // ’s

std::string type_name(const State& s, const Shift& x) {
    const ShiftType* t = s.find_shift_type(x.type);
    return t ? t->name : x.type;
}

std::string ward_name(const State& s, const std::string& id) {
    const Ward* w = s.find_ward(id);
    return w ? w->name : id;
}

// "Grace Nowak’s Late on Tue 1 Dec" or "the vacant Late on Tue 1 Dec"
std::string shift_phrase(const State& s, const Shift& x, bool with_ward = false) {
    std::string out = x.assignee.empty() ? "the vacant " : possessive(staff_name(s, x.assignee)) + " ";
    out += type_name(s, x) + " on " + format_weekday_day_month(x.start.date);
    if (with_ward) out += " on " + ward_name(s, x.ward);
    return out;
}

// "the Late on Tue 1 Dec on Ward 7", without its owner.
std::string plain_shift(const State& s, const Shift& x) {
    return "the " + type_name(s, x) + " on " + format_weekday_day_month(x.start.date) + " on " + ward_name(s, x.ward);
}

std::string times(const Shift& x) { return format_clock(x.start.minute) + "\xE2\x80\x93" + format_clock(x.end.minute); }

std::string money(int pence) {
    std::string p = std::to_string(pence % 100);
    return "\xC2\xA3" + std::to_string(pence / 100) + "." + (p.size() < 2 ? "0" + p : p) + "/h";
}

std::string lower(std::string_view s) {
    std::string out(s);
    if (!out.empty() && out[0] >= 'A' && out[0] <= 'Z') out[0] = char(out[0] - 'A' + 'a');
    return out;
}
std::string count(size_t n, const char* one, const char* many) { return std::to_string(n) + " " + (n == 1 ? one : many); }

struct Images {
    std::vector<std::pair<std::optional<Shift>, std::optional<Shift>>> shifts;   // before, after
    const EntityChange* first(const CommandResult& r, Collection c) const {
        for (const EntityChange& e : r.changes)
            if (e.collection == c) return &e;
        return nullptr;
    }
};

Images images_of(const CommandResult& r) {
    Images out;
    for (const EntityChange& e : r.changes)
        if (e.collection == Collection::Shifts) out.shifts.emplace_back(read_image<Shift>(e.before), read_image<Shift>(e.after));
    return out;
}

std::string wards_phrase(const State& s, const std::vector<std::pair<std::optional<Shift>, std::optional<Shift>>>& shifts) {
    std::vector<std::string> wards;
    for (const auto& [b, a] : shifts) {
        const Shift& x = a ? *a : *b;
        if (std::find(wards.begin(), wards.end(), x.ward) == wards.end()) wards.push_back(x.ward);
    }
    if (wards.size() == 1) return ward_name(s, wards[0]);
    return count(wards.size(), "ward", "wards");
}

std::string moved(const State& s, const Shift& b, const Shift& a) {
    std::string out = shift_phrase(s, b);
    if (a.assignee != b.assignee) out += a.assignee.empty() ? " to the vacant shifts" : " to " + staff_name(s, a.assignee);
    if (a.start.date != b.start.date) out += (a.assignee != b.assignee ? " on " : " to ") + format_weekday_day_month(a.start.date);
    else if (a.start != b.start || a.end != b.end) out += ", now " + times(a);
    return out;
}

std::string leave_phrase(const State& s, const Leave& l, bool owner) {
    std::string kind = std::string(to_string(l.kind)) + " leave";
    std::string when = l.first == l.last ? "on " + format_weekday_day_month(l.first)
                                         : "from " + format_day_month(l.first) + " to " + format_day_month(l.last);
    return (owner ? possessive(staff_name(s, l.staff)) + " " : "") + kind + " " + when;
}

template <class T>
std::optional<T> image(const CommandResult& r, Collection c, bool after = true) {
    for (const EntityChange& e : r.changes)
        if (e.collection == c) return read_image<T>(after ? e.after : e.before);
    return std::nullopt;
}

const User* author_of(const State& s, const std::string& id) { return s.find_user(id); }
bool is_self(const State& s, const std::string& author, const std::string& staff) {
    const User* u = author_of(s, author);
    return u && !u->staff.empty() && u->staff == staff;
}

// What the command did, after the author's name ("moved Grace Nowak’s Late on Tue 1 Dec to Wed 2 Dec").
std::string body(const State& s, const std::string& type, const std::string& author, const CommandResult& r,
                 const json& payload, const CommandResult* undone);

std::string generic(const State& s, const CommandResult& r) {
    if (r.changes.empty()) return "changed nothing";
    const EntityChange& e = r.changes.front();
    return "changed " + describe_entity(s, e.collection, e.after.is_null() ? e.before : e.after) +
           (r.changes.size() > 1 ? " and " + count(r.changes.size() - 1, "other record", "other records") : "");
}

std::string body(const State& s, const std::string& type, const std::string& author, const CommandResult& r,
                 const json& payload, const CommandResult* undone) {
    const Images im = images_of(r);
    auto reason_of = [&](const char* key) {
        auto it = payload.find(key);
        return it != payload.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    if (type == "undo") {
        if (undone && undone->type == "undo") return "redid a change they had undone: " + generic(s, r).substr(8);
        if (undone) return "undid their change (" + body(s, undone->type, author, *undone, json::object(), nullptr) + ")";
        return "undid a change";
    }
    if (type == "move_shift" && im.shifts.size() >= 1 && im.shifts[0].first && im.shifts[0].second)
        return "moved " + moved(s, *im.shifts[0].first, *im.shifts[0].second);
    if (type == "move_shifts") {
        std::string out = "moved " + count(im.shifts.size(), "shift", "shifts");
        for (size_t i = 0; i < im.shifts.size() && i < 2; ++i)
            if (im.shifts[i].first && im.shifts[i].second) out += (i ? "; " : ": ") + moved(s, *im.shifts[i].first, *im.shifts[i].second);
        if (im.shifts.size() > 2) out += "; \xE2\x80\xA6";
        return out;
    }
    if ((type == "create_shift" || type == "create_shifts") && !im.shifts.empty()) {
        if (im.shifts.size() == 1 && im.shifts[0].second) {
            const Shift& a = *im.shifts[0].second;
            return "added " + (a.assignee.empty() ? std::string("a vacant ") : "a " ) + type_name(s, a) + " on " +
                   format_weekday_day_month(a.start.date) + " on " + ward_name(s, a.ward) +
                   (a.assignee.empty() ? "" : " for " + staff_name(s, a.assignee));
        }
        Date first = im.shifts[0].second->start.date, last = first;
        for (const auto& [b, a] : im.shifts)
            if (a) first = std::min(first, a->start.date), last = std::max(last, a->start.date);
        return "added " + count(im.shifts.size(), "shift", "shifts") + " to " + wards_phrase(s, im.shifts) + " (" +
               format_weekday_day_month(first) + " to " + format_weekday_day_month(last) + ")";
    }
    if ((type == "delete_shift" || type == "delete_shifts") && !im.shifts.empty()) {
        if (im.shifts.size() == 1 && im.shifts[0].first) return "deleted " + shift_phrase(s, *im.shifts[0].first, true);
        return "deleted " + count(im.shifts.size(), "shift", "shifts") + " from " + wards_phrase(s, im.shifts);
    }
    if (type == "edit_shift" && !im.shifts.empty() && im.shifts[0].first && im.shifts[0].second) {
        const Shift &b = *im.shifts[0].first, &a = *im.shifts[0].second;
        std::vector<std::string> what;
        if (a.start != b.start || a.end != b.end) what.push_back(times(a) + (a.start.date != b.start.date ? " on " + format_weekday_day_month(a.start.date) : ""));
        if (a.type != b.type) what.push_back("now a " + type_name(s, a));
        if (a.rate_pence_per_hour != b.rate_pence_per_hour) what.push_back(money(a.rate_pence_per_hour));
        if (a.ward != b.ward) what.push_back("moved to " + ward_name(s, a.ward));
        if (a.requirements.grades != b.requirements.grades) {
            std::string g;
            for (const auto& x : a.requirements.grades) g += (g.empty() ? "" : " or ") + x;
            what.push_back(g.empty() ? "any grade" : "needs " + g);
        }
        std::string out = "changed " + shift_phrase(s, b);
        for (size_t i = 0; i < what.size(); ++i) out += (i ? ", " : ": ") + what[i];
        return out;
    }
    if (type == "assign" && !im.shifts.empty() && im.shifts[0].second)
        return "assigned " + staff_name(s, im.shifts[0].second->assignee) + " to " + plain_shift(s, *im.shifts[0].second);
    if (type == "unassign" && !im.shifts.empty() && im.shifts[0].first)
        return "took " + staff_name(s, im.shifts[0].first->assignee) + " off " + plain_shift(s, *im.shifts[0].first);
    if ((type == "publish" || type == "post_to_bank") && !im.shifts.empty())
        return (type == "publish" ? "published " : "posted ") + count(im.shifts.size(), "shift", "shifts") + " on " +
               wards_phrase(s, im.shifts) + (type == "publish" ? "" : " to the bank");
    if (type == "raise_rate" && !im.shifts.empty() && im.shifts[0].first && im.shifts[0].second)
        return "raised the rate for " + shift_phrase(s, *im.shifts[0].first, true) + " from " + money(im.shifts[0].first->rate_pence_per_hour) +
               " to " + money(im.shifts[0].second->rate_pence_per_hour);
    if (type == "apply" || type == "withdraw" || type == "approve_application" || type == "decline_application") {
        auto app = image<Application>(r, Collection::Applications);
        const Shift* shift = app ? s.find_shift(app->shift) : nullptr;
        if (!app) return generic(s, r);
        const std::string what = shift ? plain_shift(s, *shift) : "a shift";
        const bool self = is_self(s, author, app->staff);
        if (type == "apply")
            return (self ? "applied for " : "applied for " + staff_name(s, app->staff) + " for ") + what +
                   (app->status == RequestStatus::Approved ? ", approved at once (the ward approves that grade automatically)" : "");
        if (type == "withdraw") return "withdrew " + (self ? std::string("their") : possessive(staff_name(s, app->staff))) + " application for " + what;
        return std::string(type == "approve_application" ? "approved " : "declined ") + possessive(staff_name(s, app->staff)) +
               " application for " + what;
    }
    if (type == "book" && !im.shifts.empty() && im.shifts[0].second) {
        const Shift& a = *im.shifts[0].second;
        return is_self(s, author, a.assignee) ? "booked " + plain_shift(s, a) : "booked " + staff_name(s, a.assignee) + " for " + plain_shift(s, a);
    }
    if (type == "cancel_booking") {
        auto cx = image<Cancellation>(r, Collection::Cancellations);
        const Shift* shift = cx ? s.find_shift(cx->shift) : nullptr;
        if (!cx) return generic(s, r);
        std::string out = "cancelled " + (is_self(s, author, cx->staff) ? std::string("their") : possessive(staff_name(s, cx->staff))) +
                          " booking for " + (shift ? plain_shift(s, *shift) : "a shift");
        if (cx->late) out += " at short notice (" + std::to_string(cx->hours_notice) + " h before it starts)";
        if (!cx->reason.empty()) out += "; reason: " + cx->reason;
        return out;
    }
    if (type == "request_leave" || type == "approve_leave" || type == "decline_leave") {
        auto after = image<Leave>(r, Collection::Leave);
        if (!after) return generic(s, r);
        const bool self = is_self(s, author, after->staff);
        if (type == "request_leave")
            return std::string(after->kind == LeaveKind::Sick ? "reported " : "asked for ") + leave_phrase(s, *after, false) +
                   (self ? "" : " for " + staff_name(s, after->staff));
        if (type == "decline_leave" && self) return "withdrew their request for " + leave_phrase(s, *after, false);
        return std::string(type == "approve_leave" ? "approved " : "declined ") + leave_phrase(s, *after, true);
    }
    if (type == "set_availability") {
        auto b = image<Availability>(r, Collection::Availability, false);
        auto a = image<Availability>(r, Collection::Availability, true);
        const Availability* any = a ? &*a : b ? &*b : nullptr;
        if (!any) return generic(s, r);
        const std::string who = is_self(s, author, any->staff) ? "they" : staff_name(s, any->staff);
        if (!a) return "cleared " + (who == "they" ? std::string("their") : possessive(who)) + " availability on " + format_weekday_day_month(any->date);
        return "said " + who + " can work " + format_clock(a->start_minute) + "\xE2\x80\x93" + format_clock(a->end_minute % 1440) + " on " +
               format_weekday_day_month(a->date);
    }
    if (type == "submit_timesheet" || type == "approve_timesheet") {
        auto t = image<Timesheet>(r, Collection::Timesheets);
        const Shift* shift = t ? s.find_shift(t->shift) : nullptr;
        if (!t) return generic(s, r);
        const std::string what = shift ? plain_shift(s, *shift) : "a shift";
        auto worked = [](const LocalDateTime& a, const LocalDateTime& b, int pause) {
            return format_clock(a.minute) + "\xE2\x80\x93" + format_clock(b.minute) + (pause ? ", " + format_duration(pause) + " break" : "");
        };
        if (type == "submit_timesheet") return "submitted a timesheet for " + what + ": worked " + worked(t->start, t->end, t->break_minutes);
        if (t->amended)
            return "signed off " + possessive(staff_name(s, t->staff)) + " timesheet for " + what + " as " + worked(t->start, t->end, t->break_minutes) +
                   " (claimed " + worked(t->claimed_start, t->claimed_end, t->claimed_break_minutes) + ")";
        return "approved " + possessive(staff_name(s, t->staff)) + " timesheet for " + what;
    }
    if (type == "request_swap" || type == "accept_swap" || type == "approve_swap" || type == "decline_swap") {
        auto w = image<Swap>(r, Collection::Swaps);
        if (!w) return generic(s, r);
        const Shift* a = s.find_shift(w->shift);
        const Shift* b = s.find_shift(w->other_shift);
        auto label = [&](const Shift* x) { return x ? type_name(s, *x) + " on " + format_weekday_day_month(x->start.date) : std::string("a shift"); };
        if (type == "request_swap")
            return "asked " + staff_name(s, w->to) + " to swap their " + label(a) + " for " + possessive(staff_name(s, w->to)) + " " + label(b);
        if (type == "accept_swap") return "accepted " + possessive(staff_name(s, w->from)) + " swap of their " + label(a) + " for " + label(b);
        return std::string(type == "approve_swap" ? "approved" : "declined") + " the swap between " + staff_name(s, w->from) + " (" +
               label(a) + ") and " + staff_name(s, w->to) + " (" + label(b) + ")";
    }
    if (type == "set_ward_policy") {
        auto b = image<Ward>(r, Collection::Wards, false);
        auto a = image<Ward>(r, Collection::Wards, true);
        if (!a || !b) return generic(s, r);
        std::vector<std::string> what;
        if (a->instant_booking != b->instant_booking) what.push_back(a->instant_booking ? "instant booking on" : "instant booking off");
        if (a->instant_bookers != b->instant_bookers)
            what.push_back(count(a->instant_bookers.size(), "person", "people") + " trusted to book at once");
        if (a->auto_approve != b->auto_approve)
            what.push_back(a->auto_approve == AutoApprove::Off ? "every application waits for a manager" : "matching grades approved at once");
        std::string out = "changed how " + a->name + " books bank staff";
        for (size_t i = 0; i < what.size(); ++i) out += (i ? ", " : ": ") + what[i];
        return out;
    }
    if (type == "import_staff") {
        size_t added = 0, changed = 0;
        for (const EntityChange& ch : r.changes)
            if (ch.collection == Collection::Staff) (ch.before.is_null() ? added : changed) += 1;
        return "imported the staff list: " + count(added, "person", "people") + " added, " + count(changed, "record", "records") + " updated";
    }
    if (type == "set_document") {
        auto b = image<Staff>(r, Collection::Staff, false);
        auto a = image<Staff>(r, Collection::Staff, true);
        if (!a || !b) return generic(s, r);
        for (const ComplianceDocument& d : a->documents) {
            const auto old = std::find_if(b->documents.begin(), b->documents.end(), [&](const ComplianceDocument& x) { return x.kind == d.kind; });
            if (old != b->documents.end() && old->expires == d.expires) continue;
            return (old == b->documents.end() ? "recorded " : "renewed ") + possessive(a->name) + " " + std::string(document_name(d.kind)) +
                   ": valid to " + format_weekday_day_month(d.expires) + " " + std::to_string(civil(d.expires).year);
        }
        return generic(s, r);
    }
    if (type == "run_payroll") {
        const auto period = parse_pay_period(payload.value("period", ""));
        return "ran payroll for " + (period ? period->name : std::string("a month")) + ": " + count(r.changes.size(), "timesheet", "timesheets") + " paid";
    }
    if (type == "set_pay_band" || type == "remove_pay_band") {
        auto b = image<Enhancement>(r, Collection::PayBands, false);
        auto a = image<Enhancement>(r, Collection::PayBands, true);
        if (!a && b) return "stopped paying more for " + lower(display_name(b->band)) + " work";
        if (!a) return generic(s, r);
        return "set " + lower(display_name(a->band)) + " work" +
               (a->band == PayBand::Night ? " (" + format_clock(a->from_minute) + "\xE2\x80\x93" + format_clock(a->to_minute) + ")" : std::string()) +
               " to pay the basic rate + " + std::to_string(a->percent) + "%";
    }
    if (type == "set_notification_prefs") return "changed their notification settings";
    if (type == "mark_notifications_read") return "marked " + count(r.changes.size(), "notification", "notifications") + " read";
    (void)reason_of;
    return generic(s, r);
}

std::string short_name(const RuleSpec& r);

std::string rule_short_name(const State& s, const Violation& v) {
    const Staff* p = s.find_staff(v.staff);
    const RuleSet* set = p ? &rule_set_for(s, *p) : nullptr;
    const RuleSpec* spec = nullptr;
    for (const RuleSet& rs : rule_sets())
        for (const RuleSpec& x : (set ? set->rules : rs.rules))
            if (x.id == v.rule && !spec) spec = &x;
    return spec ? short_name(*spec) : v.rule;
}

std::string short_name(const RuleSpec& r) {
    const RuleSpec* spec = &r;
    switch (spec->kind) {
        case RuleKind::Overlap: return "no double booking";
        case RuleKind::GroupMatch: return "staff group";
        case RuleKind::GradeMatch: return "grade";
        case RuleKind::SkillMatch: return "skills";
        case RuleKind::DocumentsValid: return "documents in date";
        case RuleKind::LeaveConflict: return "approved leave";
        case RuleKind::MaxShiftLength: return format_duration(spec->limit) + " longest shift";
        case RuleKind::MinRest: return format_duration(spec->limit) + " rest";
        case RuleKind::MaxHoursInWindow: return format_duration(spec->limit) + " in " + format_duration(spec->window);
        case RuleKind::AverageWeeklyHours: return format_duration(spec->limit) + " average week";
        case RuleKind::MaxConsecutiveShifts: return std::to_string(spec->limit) + " shifts in a row";
        case RuleKind::MaxConsecutiveLong: return std::to_string(spec->limit) + " long shifts in a row";
        case RuleKind::MaxConsecutiveNights: return std::to_string(spec->limit) + " nights in a row";
        case RuleKind::WeekendFrequency: return "1 weekend in " + std::to_string(spec->limit);
        case RuleKind::WeeklyRest: return format_duration(spec->limit) + " weekly rest";
    }
    return std::string(spec->id);
}

void add_unique(std::vector<std::string>& list, const std::string& x) {
    if (!x.empty() && std::find(list.begin(), list.end(), x) == list.end()) list.push_back(x);
}

// Which wards and people an entity image concerns.
void concerns(const State& s, const EntityChange& e, const json& img, AuditEntry& out) {
    if (!img.is_object()) return;
    auto text = [&](const char* k) { return img.contains(k) && img[k].is_string() ? img[k].get<std::string>() : std::string(); };
    auto staff_wards = [&](const std::string& staff) {
        add_unique(out.staff, staff);
        if (const Staff* p = s.find_staff(staff))
            for (const auto& w : p->wards) add_unique(out.wards, w);
    };
    switch (e.collection) {
        case Collection::Shifts:
            add_unique(out.wards, text("ward"));
            add_unique(out.staff, text("assignee"));
            break;
        case Collection::Applications:
        case Collection::Timesheets:
        case Collection::Cancellations:
            add_unique(out.staff, text("staff"));
            if (const Shift* x = s.find_shift(text("shift"))) add_unique(out.wards, x->ward);
            break;
        case Collection::Swaps:
            add_unique(out.staff, text("from"));
            add_unique(out.staff, text("to"));
            if (const Shift* x = s.find_shift(text("shift"))) add_unique(out.wards, x->ward);
            if (const Shift* x = s.find_shift(text("other_shift"))) add_unique(out.wards, x->ward);
            break;
        case Collection::Leave:
        case Collection::Availability:
            staff_wards(text("staff"));
            break;
        case Collection::Wards: add_unique(out.wards, text("id")); break;
        case Collection::Staff: staff_wards(text("id")); break;
        default: break;   // notifications, preferences: whoever the command itself concerned
    }
}

}  // namespace

AuditEntry audit_entry(const State& names, const Command& cmd, const CommandResult& r, int64_t revision, const CommandResult* undone) {
    AuditEntry e;
    e.revision = revision;
    e.time = r.time.empty() ? cmd.time : r.time;
    e.author = cmd.author;
    e.type = cmd.type;
    const User* u = names.find_user(cmd.author);
    e.text = (u ? u->name : cmd.author) + " " + body(names, cmd.type, cmd.author, r, cmd.payload, undone);
    if (auto it = cmd.payload.find("override_reason"); it != cmd.payload.end() && it->is_string())
        for (const Violation& v : r.warnings)
            if (v.severity == Severity::Block) {
                e.override_reason = it->get<std::string>();
                add_unique(e.overridden, rule_short_name(names, v));
                add_unique(e.overridden_rules, v.rule);
            }
    for (const EntityChange& c : r.changes)
        if (c.collection != Collection::Notifications) {
            concerns(names, c, c.before, e);
            concerns(names, c, c.after, e);
        }
    return e;
}

AuditEntry access_entry(const State& names, int64_t revision, const std::string& time, const std::string& event,
                        const std::string& user, const std::string& by, int count) {
    auto name = [&](const std::string& id) {
        const User* u = names.find_user(id);
        return u ? u->name : id;
    };
    AuditEntry e;
    e.revision = revision;
    e.time = time;
    e.type = event;
    e.author = event == "sessions_ended" ? by : user;
    if (event == "sign_in") e.text = name(user) + " signed in";
    else if (event == "sign_out") e.text = name(user) + " signed out";
    else if (event == "calendar_link_made") e.text = name(user) + " made a calendar link";
    else if (event == "calendar_link_reset") e.text = name(user) + " reset their calendar link (the old one no longer works)";
    else if (event == "calendar_link_revoked") e.text = name(user) + " turned off their calendar link";
    else
        e.text = name(by) + " ended " + (by == user ? std::string("their own") : possessive(name(user))) + " " +
                 (count == 0 ? std::string("sessions (none was open)") : count == 1 ? std::string("session") : std::to_string(count) + " sessions");
    if (const User* u = names.find_user(user); u && !u->staff.empty()) e.staff.push_back(u->staff);
    return e;
}

std::string audit_sentence(const AuditEntry& e, bool with_override) {
    std::string out = e.text;
    if (with_override && !e.override_reason.empty()) {
        out += ", overriding ";
        for (size_t i = 0; i < e.overridden.size(); ++i)
            out += std::string(i ? (i + 1 == e.overridden.size() ? " and " : ", ") : "") + "\xE2\x80\x98" + e.overridden[i] + "\xE2\x80\x99";
        out += " because: " + e.override_reason;
    }
    return out;
}

bool may_read(const State& state, const User& viewer, const AuditEntry& e) {
    if (viewer.role == Role::Admin || e.author == viewer.id) return true;
    if (viewer.role == Role::Manager)
        return std::any_of(e.wards.begin(), e.wards.end(), [&](const std::string& w) { return manages_ward(viewer, w); });
    return !viewer.staff.empty() && std::find(e.staff.begin(), e.staff.end(), viewer.staff) != e.staff.end();
}

AuditEntry as_read_by(const User& viewer, AuditEntry e) {
    // A manager's reason for overriding a rule may speak of colleagues: it is for the people who run
    // the rota, and for its author.
    if (viewer.role == Role::Clinician && e.author != viewer.id) {
        e.override_reason.clear();
        e.overridden.clear();
        e.overridden_rules.clear();
    }
    // Nor who else a change concerned (the other applicants for a shift): only themselves.
    if (viewer.role == Role::Clinician) {
        const bool me = std::find(e.staff.begin(), e.staff.end(), viewer.staff) != e.staff.end();
        e.staff.clear();
        if (me) e.staff.push_back(viewer.staff);
    }
    return e;
}

bool is_access(const AuditEntry& e) {
    return e.type == "sign_in" || e.type == "sign_out" || e.type == "sessions_ended" || e.type.starts_with("calendar_link_");
}

bool matches(const AuditEntry& e, const AuditFilter& f) {
    if (f.events != AuditFilter::Events::All && is_access(e) != (f.events == AuditFilter::Events::Access)) return false;
    if (!f.ward.empty() && std::find(e.wards.begin(), e.wards.end(), f.ward) == e.wards.end()) return false;
    if (!f.staff.empty() && e.author != f.staff && std::find(e.staff.begin(), e.staff.end(), f.staff) == e.staff.end()) return false;
    if (f.rule == "*" && e.overridden_rules.empty()) return false;
    if (!f.rule.empty() && f.rule != "*" && std::find(e.overridden_rules.begin(), e.overridden_rules.end(), f.rule) == e.overridden_rules.end())
        return false;
    if (f.from || f.to) {
        auto t = e.time.size() >= 16 ? parse_local_date_time(std::string_view(e.time).substr(0, 16)) : std::nullopt;
        if (!t) return false;
        const Date day = utc_to_london(UtcMinutes(t->date.days) * 1440 + t->minute).date;
        if ((f.from && day < *f.from) || (f.to && day > *f.to)) return false;
    }
    return true;
}

namespace {
std::string csv_field(std::string x) {
    if (!x.empty() && (x[0] == '=' || x[0] == '+' || x[0] == '-' || x[0] == '@')) x = "'" + x;
    if (x.find_first_of(",\"\r\n") == std::string::npos) return x;
    std::string out = "\"";
    for (char ch : x) out += ch == '"' ? "\"\"" : std::string(1, ch);
    return out + "\"";
}
}  // namespace

std::string audit_csv(const State& names, const std::vector<AuditEntry>& entries) {
    std::string out = "revision,time,author,type,text,override_reason\r\n";
    for (const AuditEntry& e : entries) {
        const User* u = names.find_user(e.author);
        out += std::to_string(e.revision) + "," + csv_field(e.time) + "," + csv_field(u ? u->name : e.author) + "," + csv_field(e.type) +
               "," + csv_field(audit_sentence(e)) + "," + csv_field(e.override_reason) + "\r\n";
    }
    return out;
}

json to_json(const State& names, const AuditEntry& e) {
    const User* u = names.find_user(e.author);
    json j = {{"revision", e.revision}, {"time", e.time}, {"author", e.author}, {"author_name", u ? u->name : e.author},
              {"type", e.type}, {"text", audit_sentence(e)}, {"summary", e.text}, {"wards", e.wards}, {"staff", e.staff}};
    if (!e.override_reason.empty())
        j.update({{"override_reason", e.override_reason}, {"overridden", e.overridden_rules}, {"overridden_names", e.overridden}});
    return j;
}

std::optional<AuditEntry> audit_entry_from_json(const json& j) {
    if (!j.is_object() || !j.contains("revision") || !j["revision"].is_number_integer()) return std::nullopt;
    AuditEntry e;
    e.revision = j["revision"].get<int64_t>();
    auto text = [&](const char* k) { return j.contains(k) && j[k].is_string() ? j[k].get<std::string>() : std::string(); };
    auto list = [&](const char* k) {
        std::vector<std::string> out;
        if (j.contains(k) && j[k].is_array())
            for (const json& x : j[k])
                if (x.is_string()) out.push_back(x.get<std::string>());
        return out;
    };
    e.time = text("time");
    e.author = text("author");
    e.type = text("type");
    e.text = j.contains("summary") ? text("summary") : text("text");
    e.override_reason = text("override_reason");
    e.overridden_rules = list("overridden");
    e.overridden = list("overridden_names");
    e.wards = list("wards");
    e.staff = list("staff");
    return e;
}

std::string audit_time(const AuditEntry& e) {
    auto t = e.time.size() >= 16 ? parse_local_date_time(std::string_view(e.time).substr(0, 16)) : std::nullopt;
    if (!t) return e.time;
    const LocalDateTime local = utc_to_london(UtcMinutes(t->date.days) * 1440 + t->minute);
    return format_weekday_day_month(local.date) + ", " + format_clock(local.minute);
}

std::vector<std::pair<std::string, std::string>> overridable_rules() {
    std::vector<std::pair<std::string, std::string>> out;
    for (const RuleSet& set : rule_sets())
        for (const RuleSpec& r : set.rules)
            if (r.severity == Severity::Block &&
                std::none_of(out.begin(), out.end(), [&](const auto& x) { return x.first == r.id; }))
                out.emplace_back(std::string(r.id), short_name(r));
    return out;
}

std::string describe_entity(const State& s, Collection c, const json& img) {
    auto text = [&](const char* k) { return img.is_object() && img.contains(k) && img[k].is_string() ? img[k].get<std::string>() : std::string(); };
    switch (c) {
        case Collection::Shifts:
            if (auto x = read_image<Shift>(img)) return type_name(s, *x) + ", " + format_weekday_day_month(x->start.date) + ", " + ward_name(s, x->ward);
            break;
        case Collection::Applications: {
            const Shift* x = s.find_shift(text("shift"));
            return possessive(staff_name(s, text("staff"))) + " application" + (x ? " for " + plain_shift(s, *x) : "");
        }
        case Collection::Leave:
            if (auto l = read_image<Leave>(img)) return leave_phrase(s, *l, true);
            break;
        case Collection::Wards: return ward_name(s, text("id"));
        case Collection::Staff: return staff_name(s, text("id"));
        case Collection::Swaps: return "the swap between " + staff_name(s, text("from")) + " and " + staff_name(s, text("to"));
        case Collection::Timesheets: return possessive(staff_name(s, text("staff"))) + " timesheet";
        case Collection::PayBands:
            if (auto e = read_image<Enhancement>(img)) return "the " + lower(display_name(e->band)) + " enhancement";
            break;
        case Collection::Availability: return possessive(staff_name(s, text("staff"))) + " availability on " + text("date");
        default: break;
    }
    return std::string(collection_name(c)) + " record";
}

namespace {
// "booked", "moved", "approved an application for": what someone has since done to an entity.
std::string since_verb(std::string_view type) {
    static const std::pair<std::string_view, std::string_view> verbs[] = {
        {"book", "booked"}, {"apply", "applied for"}, {"approve_application", "approved an application for"},
        {"decline_application", "declined an application for"}, {"withdraw", "withdrawn an application for"},
        {"cancel_booking", "cancelled the booking for"}, {"move_shift", "moved"}, {"move_shifts", "moved"},
        {"edit_shift", "changed"}, {"assign", "assigned someone to"}, {"unassign", "taken someone off"},
        {"delete_shift", "deleted"}, {"delete_shifts", "deleted"}, {"publish", "published"}, {"post_to_bank", "posted to the bank"},
        {"raise_rate", "raised the rate of"}, {"submit_timesheet", "submitted a timesheet for"}, {"approve_timesheet", "signed off"},
        {"approve_swap", "approved a swap of"}, {"approve_leave", "approved"}, {"decline_leave", "declined"}, {"undo", "undone a change to"},
    };
    for (const auto& [t, v] : verbs)
        if (t == type) return std::string(v);
    return "changed";
}
}  // namespace

std::string undo_conflict(const State& state, const CommandLog& log, const EntityChange& change) {
    const json now = current_image(state, change.collection, change.key);
    const std::string what = describe_entity(state, change.collection, now.is_null() ? change.after : now);
    auto last = log.last_change.find(std::string(collection_name(change.collection)) + "/" + change.key);
    const CommandResult* by = nullptr;
    if (last != log.last_change.end())
        if (auto it = log.results.find(last->second); it != log.results.end()) by = &it->second;
    if (!by) return what + " has changed since, so this cannot be undone";
    const User* u = state.find_user(by->author);
    return (u ? u->name : by->author) + " has since " + since_verb(by->type) + " " + what + ", so this cannot be undone";
}

}  // namespace sb
