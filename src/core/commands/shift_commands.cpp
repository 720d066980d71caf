// Commands a manager uses to build the rota: create, edit, move, delete, assign, publish, post.
#include <algorithm>

#include "core/booking.hpp"
#include "core/commands/command_context.hpp"
#include "core/enum_names.hpp"
#include "core/format/entity_json.hpp"

namespace sb::commands {
namespace {
using json = nlohmann::json;

bool managed_shift(Ctx& c, Shift*& s) {
    s = c.shift(c.args.id("shift"));
    if (!c.args.ok() || !s) return false;
    if (!c.manages(s->ward)) return c.forbid("Only a manager of this shift's ward can change it");
    return true;
}

bool valid_times(Ctx& c, const Shift& s) {
    const int64_t minutes = shift_minutes(s);
    if (minutes <= 0) return c.reject("The shift must end after it starts");
    if (minutes > 24 * 60) return c.reject("A shift lasts at most 24 h; this one would last " + format_duration(minutes));
    return true;
}

bool check_assignee(Ctx& c, const Shift& s) { return s.assignee.empty() || c.rules_allow(s, s.assignee); }

// Who worked a shift is on its timesheet; the rota no longer changes hands once it is worked.
bool not_worked(Ctx& c, const Shift& s) {
    if (s.status == ShiftStatus::Worked || s.status == ShiftStatus::SignedOff)
        return c.reject("This shift has been worked (its timesheet records who worked it), so it can no longer change hands");
    return true;
}

// Validates one new shift and adds it; false (with the reason set) if it may not be added.
bool add_shift(Ctx& c, const json& j, const std::string& path) {
    std::vector<LoadError> errors;
    auto s = shift_from_json(j, path, errors);
    if (!s) return c.args.fail(describe(errors.front())), false;
    if (c.state.find_shift(s->id)) return c.reject("A shift with the id \"" + s->id + "\" already exists");
    if (!c.state.find_ward(s->ward)) return c.reject("There is no ward \"" + s->ward + "\"");
    if (!c.state.find_shift_type(s->type)) return c.reject("There is no shift type \"" + s->type + "\"");
    if (!s->assignee.empty() && !c.state.find_staff(s->assignee)) return c.reject("There is no member of staff \"" + s->assignee + "\"");
    if (!c.manages(s->ward)) return c.forbid("Only a manager of this ward can add shifts to it");
    if (!check_assignee(c, *s)) return false;
    c.w.add(std::move(*s));
    return true;
}

bool create_shift(Ctx& c) {
    const json* j = c.args.object("shift");
    return j && add_shift(c, *j, "payload.shift");
}

// Several shifts at once (copy a week, apply a pattern): all are added or none. Later shifts are
// checked against the earlier ones of the same batch, as a run of nights must be.
bool create_shifts(Ctx& c) {
    const json* list = c.args.array("shifts", 1, 2000);
    if (!list) return false;
    for (size_t i = 0; i < list->size(); ++i)
        if (!add_shift(c, (*list)[i], "payload.shifts/" + std::to_string(i))) {
            if (c.result.status == CommandStatus::Rejected)
                c.result.reason = "Shift " + std::to_string(i + 1) + " of " + std::to_string(list->size()) + ": " + c.result.reason;
            return false;
        }
    return true;
}

// Requests about shifts that are going away go with them; a shift with a timesheet or an agreed swap
// is a record of work and stays (the manager is told why).
bool remove_requests_for(Ctx& c, const std::vector<std::string>& shifts) {
    auto gone = [&](const std::string& id) { return std::find(shifts.begin(), shifts.end(), id) != shifts.end(); };
    for (const auto& t : c.state.timesheets)
        if (gone(t.shift) && t.status != RequestStatus::Declined)
            return c.reject(describe_shift(c.state, *c.state.find_shift(t.shift)) + " has a timesheet, so it stays on the rota");
    for (const auto& w : c.state.swaps)
        if ((gone(w.shift) || gone(w.other_shift)) && (w.status == RequestStatus::Accepted || w.status == RequestStatus::Approved))
            return c.reject(describe_shift(c.state, *c.state.find_shift(gone(w.shift) ? w.shift : w.other_shift)) +
                            " is part of an agreed swap, so it stays on the rota");
    std::vector<std::string> applications, swaps, timesheets;
    for (const auto& a : c.state.applications)
        if (gone(a.shift)) applications.push_back(a.id);
    for (const auto& w : c.state.swaps)
        if (gone(w.shift) || gone(w.other_shift)) swaps.push_back(w.id);
    for (const auto& t : c.state.timesheets)
        if (gone(t.shift)) timesheets.push_back(t.id);
    for (const auto& id : applications) c.w.remove<Application>(id);
    for (const auto& id : swaps) c.w.remove<Swap>(id);
    for (const auto& id : timesheets) c.w.remove<Timesheet>(id);
    return true;
}

bool delete_shifts(Ctx& c) {
    const auto ids = c.args.id_list("shifts");
    if (!c.args.ok()) return false;
    for (const auto& id : ids) {
        const Shift* s = c.shift(id);
        if (!s) return false;
        if (!c.manages(s->ward)) return c.forbid("Only a manager of " + s->ward + " can delete shift " + id);
    }
    if (!remove_requests_for(c, ids)) return false;
    for (const auto& id : ids)
        if (const Shift* s = c.state.find_shift(id); s && !s->assignee.empty() && s->status != ShiftStatus::Draft)
            notify(c, s->assignee, NoticeKind::Cancelled, *s, "Shift removed from the rota: " + describe_shift(c.state, *s));
    for (const auto& id : ids) c.w.remove<Shift>(id);
    return true;
}

bool delete_shift(Ctx& c) {
    Shift* s;
    if (!managed_shift(c, s)) return false;
    const std::string id = s->id;
    if (!remove_requests_for(c, {id})) return false;
    if (!s->assignee.empty() && s->status != ShiftStatus::Draft)
        notify(c, s->assignee, NoticeKind::Cancelled, *s, "Shift removed from the rota: " + describe_shift(c.state, *s));
    c.w.remove<Shift>(id);
    return true;
}

// edit_shift and move_shift: new times, type, rate or assignee; the rules run on the result.
bool change_shift(Ctx& c, Args& a, bool move) {
    Shift* s = c.shift(a.id("shift"));
    if (!a.ok() || !s) return false;
    if (!c.manages(s->ward)) return c.forbid("Only a manager of this shift's ward can change it");
    Shift next = *s;
    if (auto t = a.local_time("start", move)) next.start = *t;
    if (auto t = a.local_time("end", move)) next.end = *t;
    if (move) {
        if (!not_worked(c, *s)) return false;
        if (!a.has("assignee") && a.ok()) return a.fail(a.prefix() + "assignee is missing (a staff id, or null for vacant)"), false;
        next = with_assignee(std::move(next), a.optional_id("assignee").value_or(""));
        if (!next.assignee.empty() && !c.state.find_staff(next.assignee))
            return c.reject("There is no member of staff \"" + next.assignee + "\"");
    } else {
        if (auto t = a.optional_id("type")) {
            if (!c.state.find_shift_type(*t)) return c.reject("There is no shift type \"" + *t + "\"");
            next.type = *t;
        }
        if (a.has("rate_pence_per_hour"))
            if (auto r = a.integer("rate_pence_per_hour", 0, 100000)) next.rate_pence_per_hour = int(*r);
        if (a.has("grades")) {
            const json& g = c.cmd.payload["grades"];
            if (!g.is_array() || g.size() > 20 ||
                std::any_of(g.begin(), g.end(), [](const json& x) {
                    return !x.is_string() || x.get_ref<const std::string&>().empty() || x.get_ref<const std::string&>().size() > 40;
                }))
                return a.fail(a.prefix() + "grades must be an array of grade names (empty: any grade)"), false;
            next.requirements.grades = g.get<std::vector<std::string>>();
        }
        if (auto w = a.optional_id("ward")) {
            if (!c.state.find_ward(*w)) return c.reject("There is no ward \"" + *w + "\"");
            if (!c.manages(*w)) return c.forbid("Only a manager of that ward can move shifts to it");
            next.ward = *w;
        }
    }
    if (!a.ok() || !valid_times(c, next) || !check_assignee(c, next)) return false;
    notify_assignment_change(c, *s, next);
    *s = std::move(next);
    return true;
}

bool edit_shift(Ctx& c) { return change_shift(c, c.args, false); }
bool move_shift(Ctx& c) { return change_shift(c, c.args, true); }

// Several moves at once (a multi-selection dragged together): all happen or none. Each is checked
// against the schedule as changed by the moves before it.
bool move_shifts(Ctx& c) {
    const json* list = c.args.array("moves", 1, 500);
    if (!list) return false;
    for (size_t i = 0; i < list->size(); ++i) {
        const json& move = (*list)[i];
        const std::string at = "payload.moves[" + std::to_string(i) + "].";
        if (!move.is_object()) return c.args.fail("payload.moves[" + std::to_string(i) + "] must be an object"), false;
        for (auto it = move.begin(); it != move.end(); ++it)
            if (it.key() != "shift" && it.key() != "start" && it.key() != "end" && it.key() != "assignee")
                return c.args.fail(at + it.key().substr(0, 40) + " is not a field of a move (shift, start, end, assignee)"), false;
        Args a(move, c.result, at);
        if (!change_shift(c, a, true) || !a.ok()) {
            if (c.result.status == CommandStatus::Rejected)
                c.result.reason = "Move " + std::to_string(i + 1) + " of " + std::to_string(list->size()) + ": " + c.result.reason;
            return false;
        }
    }
    return true;
}

bool assign(Ctx& c) {
    Shift* s;
    if (!managed_shift(c, s)) return false;
    const std::string who = c.args.id("staff");
    if (!c.args.ok()) return false;
    if (!c.state.find_staff(who)) return c.reject("There is no member of staff \"" + who + "\"");
    if (s->status == ShiftStatus::Cancelled) return c.reject("This shift is cancelled");
    if (!not_worked(c, *s)) return false;
    Shift next = *s;
    next.assignee = who;
    if (next.status == ShiftStatus::Open) next.status = ShiftStatus::Booked;
    if (!c.rules_allow(next, who)) return false;
    notify_assignment_change(c, *s, next);
    *s = std::move(next);
    return true;
}

bool unassign(Ctx& c) {
    Shift* s;
    if (!managed_shift(c, s)) return false;
    if (s->assignee.empty()) return c.reject("This shift has nobody assigned");
    if (!not_worked(c, *s)) return false;
    const Shift before = *s;
    s->assignee.clear();
    if (s->status == ShiftStatus::Booked) s->status = ShiftStatus::Published;
    notify_assignment_change(c, before, *s);
    return true;
}

// publish and post_to_bank change the status of many shifts: those of `ids` that are `eligible`.
// Empty (with the reason set) if the author may not change one of them or none is eligible.
template <class Eligible>
std::vector<Shift*> change_statuses(Ctx& c, const std::vector<std::string>& ids, ShiftStatus to, Eligible eligible, const char* none) {
    std::vector<Shift*> targets;
    for (const auto& id : ids) {
        Shift* s = c.shift(id);
        if (!s) return {};
        if (!c.manages(s->ward)) return c.forbid("Only a manager of " + s->ward + " can change shift " + id), std::vector<Shift*>{};
        if (eligible(*s)) targets.push_back(s);
    }
    if (targets.empty()) return c.reject(none), targets;
    for (Shift* s : targets) {
        s->status = to;
        if (to == ShiftStatus::Open) s->source = ShiftSource::Bank;
    }
    return targets;
}

bool publish(Ctx& c) {
    const auto ids = c.args.id_list("shifts");
    return c.args.ok() && !change_statuses(c, ids, ShiftStatus::Published, [](const Shift& s) { return s.status == ShiftStatus::Draft; },
                                           "None of these shifts is a draft, so there is nothing to publish")
                               .empty();
}

// Only vacancies still to come are posted: nobody can be booked for a shift that has started. A
// list that holds some is posted without them (the rota's "Post N to bank" counts the same way).
bool post_to_bank(Ctx& c) {
    const auto ids = c.args.id_list("shifts");
    if (!c.args.ok()) return false;
    const auto now = command_time(c.cmd);
    if (ids.size() == 1)   // one shift: say exactly why not
        if (const Shift* s = c.state.find_shift(ids.front()); s && postable(*s, std::nullopt) && !c.not_started(*s, "it can no longer be posted to the bank"))
            return false;
    const auto posted = change_statuses(c, ids, ShiftStatus::Open, [&](const Shift& s) { return postable(s, now); },
                                        "Only vacant draft or published shifts still to come can be posted to the bank");
    if (posted.empty()) return false;
    std::vector<std::string> posted_ids;
    for (const Shift* s : posted) posted_ids.push_back(s->id);
    offer_shifts(c, posted_ids, NoticeKind::NewShifts);
    return true;
}

}  // namespace

const std::vector<HandlerEntry>& shift_handlers() {
    static const std::vector<HandlerEntry> h = {
        {"create_shift", create_shift, {"shift", "override_reason"}},
        {"create_shifts", create_shifts, {"shifts", "override_reason"}},
        {"delete_shifts", delete_shifts, {"shifts"}},
        {"edit_shift", edit_shift, {"shift", "start", "end", "type", "rate_pence_per_hour", "grades", "ward", "override_reason"}},
        {"move_shift", move_shift, {"shift", "start", "end", "assignee", "override_reason"}},
        {"move_shifts", move_shifts, {"moves", "override_reason"}},
        {"delete_shift", delete_shift, {"shift"}},
        {"assign", assign, {"shift", "staff", "override_reason"}},
        {"unassign", unassign, {"shift"}},
        {"publish", publish, {"shifts"}},
        {"post_to_bank", post_to_bank, {"shifts"}},
    };
    return h;
}

}  // namespace sb::commands
