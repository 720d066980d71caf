// Commands a manager uses to build the rota: create, edit, move, delete, assign, publish, post.
#include <algorithm>

#include "core/commands/command_context.hpp"
#include "core/enum_names.hpp"

namespace sb::commands {
namespace {
using json = nlohmann::json;

bool managed_shift(Ctx& c, Shift*& s) {
    s = c.shift(c.args.text("shift"));
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
    c.state.shifts.push_back(std::move(*s));
    return true;
}

bool create_shift(Ctx& c) {
    const json* j = c.args.object("shift");
    if (!j || !add_shift(c, *j, "payload.shift")) return false;
    c.set_inverse("delete_shift", {{"shift", c.state.shifts.back().id}});
    return true;
}

// Several shifts at once (copy a week, apply a pattern): all are added or none. Later shifts are
// checked against the earlier ones of the same batch, as a run of nights must be.
bool create_shifts(Ctx& c) {
    auto it = c.cmd.payload.find("shifts");
    if (it == c.cmd.payload.end() || !it->is_array() || it->empty() || it->size() > 2000)
        return c.args.fail("payload.shifts must be an array of 1 to 2000 shifts"), false;
    const size_t before = c.state.shifts.size();
    json ids = json::array();
    for (size_t i = 0; i < it->size(); ++i) {
        if (!add_shift(c, (*it)[i], "payload.shifts/" + std::to_string(i))) {
            c.state.shifts.resize(before);   // roll back the ones already added
            if (c.result.status == CommandStatus::Rejected)
                c.result.reason = "Shift " + std::to_string(i + 1) + " of " + std::to_string(it->size()) + ": " + c.result.reason;
            return false;
        }
        ids.push_back(c.state.shifts.back().id);
    }
    c.set_inverse("delete_shifts", {{"shifts", std::move(ids)}});
    return true;
}

bool delete_shifts(Ctx& c) {
    const auto ids = c.args.text_list("shifts");
    if (!c.args.ok()) return false;
    json removed = json::array();
    for (const auto& id : ids) {
        const Shift* s = c.shift(id);
        if (!s) return false;
        if (!c.manages(s->ward)) return c.forbid("Only a manager of " + s->ward + " can delete shift " + id);
        removed.push_back(shift_to_json(*s));
    }
    for (const auto& id : ids)
        if (const Shift* s = c.state.find_shift(id); s && !s->assignee.empty() && s->status != ShiftStatus::Draft)
            notify(c, s->assignee, NoticeKind::Cancelled, *s, "Shift removed from the rota: " + describe_shift(c.state, *s));
    c.state.shifts.erase(std::remove_if(c.state.shifts.begin(), c.state.shifts.end(),
                                        [&](const Shift& s) { return std::find(ids.begin(), ids.end(), s.id) != ids.end(); }),
                         c.state.shifts.end());
    for (auto& a : c.state.applications)
        if (a.status == RequestStatus::Pending && std::find(ids.begin(), ids.end(), a.shift) != ids.end()) a.status = RequestStatus::Declined;
    c.set_inverse("create_shifts", {{"shifts", std::move(removed)}});
    return true;
}

bool delete_shift(Ctx& c) {
    Shift* s;
    if (!managed_shift(c, s)) return false;
    c.set_inverse("create_shift", {{"shift", shift_to_json(*s)}});
    const std::string id = s->id;
    c.state.shifts.erase(c.state.shifts.begin() + (s - c.state.shifts.data()));
    // Applications for a shift that no longer exists are declined, not left dangling.
    for (auto& a : c.state.applications)
        if (a.shift == id && a.status == RequestStatus::Pending) a.status = RequestStatus::Declined;
    return true;
}

// edit_shift and move_shift: new times, type, rate or assignee; the rules run on the result.
bool change_shift(Ctx& c, bool move) {
    Shift* s;
    if (!managed_shift(c, s)) return false;
    Shift next = *s;
    if (auto t = c.args.local_time("start", move)) next.start = *t;
    if (auto t = c.args.local_time("end", move)) next.end = *t;
    if (move) {
        auto who = c.args.optional_text("assignee");
        next.assignee = who.value_or("");
        if (!next.assignee.empty() && !c.state.find_staff(next.assignee))
            return c.reject("There is no member of staff \"" + next.assignee + "\"");
        if (next.assignee.empty() && next.status == ShiftStatus::Booked) next.status = ShiftStatus::Published;
    } else {
        if (auto t = c.args.optional_text("type")) {
            if (!c.state.find_shift_type(*t)) return c.reject("There is no shift type \"" + *t + "\"");
            next.type = *t;
        }
        if (c.cmd.payload.contains("rate_pence_per_hour"))
            if (auto r = c.args.integer("rate_pence_per_hour", 0, 100000)) next.rate_pence_per_hour = int(*r);
        if (auto g = c.cmd.payload.find("grades"); g != c.cmd.payload.end()) {
            if (!g->is_array() || std::any_of(g->begin(), g->end(), [](const json& x) { return !x.is_string() || x.get_ref<const std::string&>().empty(); }))
                return c.args.fail("payload.grades must be an array of grade names (empty: any grade)"), false;
            next.requirements.grades = g->get<std::vector<std::string>>();
        }
        if (auto w = c.args.optional_text("ward")) {
            if (!c.state.find_ward(*w)) return c.reject("There is no ward \"" + *w + "\"");
            if (!c.manages(*w)) return c.forbid("Only a manager of that ward can move shifts to it");
            next.ward = *w;
        }
    }
    if (!c.args.ok() || !valid_times(c, next) || !check_assignee(c, next)) return false;
    json undo = {{"shift", s->id}, {"start", format_local_date_time(s->start)}, {"end", format_local_date_time(s->end)}};
    if (move) undo["assignee"] = s->assignee.empty() ? json(nullptr) : json(s->assignee);
    else undo.update({{"type", s->type}, {"rate_pence_per_hour", s->rate_pence_per_hour}, {"ward", s->ward},
                      {"grades", s->requirements.grades}});
    c.set_inverse(move ? "move_shift" : "edit_shift", std::move(undo));
    notify_assignment_change(c, *s, next);
    *s = std::move(next);
    return true;
}

bool edit_shift(Ctx& c) { return change_shift(c, false); }

// Several moves at once (a multi-selection dragged together): all happen or none. Each is checked
// against the schedule as changed by the moves before it.
bool move_shifts(Ctx& c) {
    auto it = c.cmd.payload.find("moves");
    if (it == c.cmd.payload.end() || !it->is_array() || it->empty() || it->size() > 500)
        return c.args.fail("payload.moves must be an array of 1 to 500 moves"), false;
    std::vector<Shift> originals;
    json undo = json::array();
    for (size_t i = 0; i < it->size(); ++i) {
        const json& move = (*it)[i];
        if (!move.is_object()) return c.args.fail("payload.moves[" + std::to_string(i) + "] must be an object"), false;
        Ctx one{c.state, c.cmd, c.author, c.result, Args(move, c.result)};
        const auto id = move.find("shift");
        if (id != move.end() && id->is_string())
            if (const Shift* s = c.state.find_shift(id->get<std::string>())) originals.push_back(*s);
        if (!change_shift(one, true) || !one.args.ok()) {
            for (const Shift& o : originals)   // put back the ones already moved
                for (Shift& s : c.state.shifts)
                    if (s.id == o.id) s = o;
            if (c.result.status == CommandStatus::Rejected)
                c.result.reason = "Move " + std::to_string(i + 1) + " of " + std::to_string(it->size()) + ": " + c.result.reason;
            return false;
        }
        undo.push_back(c.result.inverse->payload);
    }
    std::reverse(undo.begin(), undo.end());   // undo the last move first
    c.set_inverse("move_shifts", {{"moves", std::move(undo)}});
    return true;
}
bool move_shift(Ctx& c) { return change_shift(c, true); }

bool assign(Ctx& c) {
    Shift* s;
    if (!managed_shift(c, s)) return false;
    const std::string who = c.args.text("staff");
    if (!c.args.ok()) return false;
    if (!c.state.find_staff(who)) return c.reject("There is no member of staff \"" + who + "\"");
    if (s->status == ShiftStatus::Cancelled) return c.reject("This shift is cancelled");
    Shift next = *s;
    next.assignee = who;
    if (next.status == ShiftStatus::Open) next.status = ShiftStatus::Booked;
    if (!c.rules_allow(next, who)) return false;
    c.set_inverse("set_assignment", {{"shift", s->id}, {"assignee", s->assignee.empty() ? json(nullptr) : json(s->assignee)},
                                     {"status", to_string(s->status)}});
    notify_assignment_change(c, *s, next);
    *s = std::move(next);
    return true;
}

bool unassign(Ctx& c) {
    Shift* s;
    if (!managed_shift(c, s)) return false;
    if (s->assignee.empty()) return c.reject("This shift has nobody assigned");
    c.set_inverse("set_assignment", {{"shift", s->id}, {"assignee", s->assignee}, {"status", to_string(s->status)}});
    const Shift before = *s;
    s->assignee.clear();
    if (s->status == ShiftStatus::Booked) s->status = ShiftStatus::Published;
    notify_assignment_change(c, before, *s);
    return true;
}

// The inverse of assign/unassign/book/cancel: puts assignee and status back exactly.
bool set_assignment(Ctx& c) {
    Shift* s;
    if (!managed_shift(c, s)) return false;
    auto who = c.args.optional_text("assignee");
    auto status = parse_enum<ShiftStatus>(c.args.text("status"));
    if (!c.args.ok()) return false;
    if (!status) return c.args.fail("payload.status must be one of " + allowed_values<ShiftStatus>()), false;
    Shift next = *s;
    next.assignee = who.value_or("");
    next.status = *status;
    if (!next.assignee.empty() && !c.rules_allow(next, next.assignee)) return false;
    c.set_inverse("set_assignment", {{"shift", s->id}, {"assignee", s->assignee.empty() ? json(nullptr) : json(s->assignee)},
                                     {"status", to_string(s->status)}});
    notify_assignment_change(c, *s, next);
    *s = std::move(next);
    return true;
}

// publish and post_to_bank change the status of many shifts; their inverse is set_status.
bool change_statuses(Ctx& c, ShiftStatus to, bool (*eligible)(const Shift&), const char* none) {
    const auto ids = c.args.text_list("shifts");
    if (!c.args.ok()) return false;
    std::vector<Shift*> targets;
    for (const auto& id : ids) {
        Shift* s = c.shift(id);
        if (!s) return false;
        if (!c.manages(s->ward)) return c.forbid("Only a manager of " + s->ward + " can change shift " + id);
        if (eligible(*s)) targets.push_back(s);
    }
    if (targets.empty()) return c.reject(none);
    json undo = json::array();
    for (Shift* s : targets) {
        undo.push_back({{"shift", s->id}, {"status", to_string(s->status)}, {"source", to_string(s->source)}});
        s->status = to;
        if (to == ShiftStatus::Open) s->source = ShiftSource::Bank;
    }
    c.set_inverse("set_status", {{"shifts", std::move(undo)}});
    return true;
}

bool publish(Ctx& c) {
    return change_statuses(c, ShiftStatus::Published, [](const Shift& s) { return s.status == ShiftStatus::Draft; },
                           "None of these shifts is a draft, so there is nothing to publish");
}

bool post_to_bank(Ctx& c) {
    if (!change_statuses(c, ShiftStatus::Open,
                         [](const Shift& s) {
                             return s.assignee.empty() && (s.status == ShiftStatus::Draft || s.status == ShiftStatus::Published);
                         },
                         "Only vacant draft or published shifts can be posted to the bank"))
        return false;
    offer_shifts(c, c.args.text_list("shifts"), NoticeKind::NewShifts);
    return true;
}

bool set_status(Ctx& c) {
    auto it = c.cmd.payload.find("shifts");
    if (it == c.cmd.payload.end() || !it->is_array() || it->empty()) return c.args.fail("payload.shifts must be a non-empty array"), false;
    json undo = json::array();
    for (const auto& item : *it) {
        if (!item.is_object() || !item.contains("shift") || !item["shift"].is_string() || !item.contains("status") ||
            !item["status"].is_string())
            return c.args.fail("each of payload.shifts needs \"shift\" and \"status\" strings"), false;
        auto status = parse_enum<ShiftStatus>(item["status"].get<std::string>());
        if (!status) return c.args.fail("payload.shifts[].status must be one of " + allowed_values<ShiftStatus>()), false;
        Shift* s = c.shift(item["shift"].get<std::string>());
        if (!s) return false;
        if (!c.manages(s->ward)) return c.forbid("Only a manager of " + s->ward + " can change shift " + s->id);
        if (*status == ShiftStatus::Open && !s->assignee.empty()) return c.reject("An assigned shift cannot be open in the bank");
        undo.push_back({{"shift", s->id}, {"status", to_string(s->status)}, {"source", to_string(s->source)}});
    }
    for (const auto& item : *it) {
        Shift* s = c.shift(item["shift"].get<std::string>());
        s->status = *parse_enum<ShiftStatus>(item["status"].get<std::string>());
        if (item.contains("source") && item["source"].is_string())
            if (auto src = parse_enum<ShiftSource>(item["source"].get<std::string>())) s->source = *src;
    }
    c.set_inverse("set_status", {{"shifts", std::move(undo)}});
    return true;
}

}  // namespace

const std::vector<HandlerEntry>& shift_handlers() {
    static const std::vector<HandlerEntry> h = {
        {"create_shift", create_shift}, {"create_shifts", create_shifts}, {"delete_shifts", delete_shifts},
        {"edit_shift", edit_shift},   {"move_shift", move_shift}, {"move_shifts", move_shifts},
        {"delete_shift", delete_shift}, {"assign", assign},           {"unassign", unassign},
        {"set_assignment", set_assignment}, {"publish", publish},     {"post_to_bank", post_to_bank},
        {"set_status", set_status},
    };
    return h;
}

}  // namespace sb::commands
