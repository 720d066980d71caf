// The property every command type must have: applied, then undone, the state is byte for byte what
// it was (and its hash the same); redone, it is what the command made it. Random walks over small
// demo trusts, with random valid commands of every type in command_types(), so that requests made
// early in a walk are approved, declined, swapped and cancelled later in it. Runs natively and in wasm.
#include <doctest/doctest.h>

#include <functional>
#include <map>
#include <optional>

#include "core/commands/command.hpp"
#include "core/csv.hpp"
#include "core/data_format.hpp"
#include "core/demo_trust.hpp"
#include "core/enum_names.hpp"

using namespace sb;
using json = nlohmann::json;

namespace {

struct Rng {
    uint64_t s;
    uint64_t next() {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        return s;
    }
    int below(int n) { return n <= 0 ? 0 : int(next() % uint64_t(n)); }
    bool chance(int percent) { return below(100) < percent; }
    template <class T>
    const T* pick(const std::vector<T>& v) {
        return v.empty() ? nullptr : &v[size_t(below(int(v.size())))];
    }
    template <class T, class F>
    const T* pick_if(const std::vector<T>& v, F keep) {
        std::vector<const T*> ok;
        for (const T& x : v)
            if (keep(x)) ok.push_back(&x);
        return ok.empty() ? nullptr : ok[size_t(below(int(ok.size())))];
    }
};

// The content of a state, byte for byte: the data format without its revision (which counts commands).
std::string content(const State& s) {
    json j = to_json(s);
    j.erase("revision");
    return j.dump();
}

struct Proposal {
    std::string author;
    json payload;
    std::string time = {};   // when it is sent, if it must be other than the run's usual times
};
using Generator = std::function<std::optional<Proposal>(const State&, Rng&)>;

const User* user_for(const State& s, const std::string& staff) { return s.user_for_staff(staff); }
std::string manager_of(const State& s, const std::string& ward, Rng& rng) {
    std::vector<std::string> ids;
    for (const User& u : s.users)
        if (u.role == Role::Manager && std::find(u.wards.begin(), u.wards.end(), ward) != u.wards.end()) ids.push_back(u.id);
    return ids.empty() || rng.chance(30) ? "admin" : ids[size_t(rng.below(int(ids.size())))];
}

json new_shift(const State& s, Rng& rng, int n) {
    const Ward& w = *rng.pick(s.wards);
    const ShiftType& t = *rng.pick(s.shift_types);
    const Date d = s.period_start + rng.below(s.period_days);
    LocalDateTime start{d, t.start_minute}, end{t.end_minute <= t.start_minute ? d + 1 : d, t.end_minute};
    json j = {{"id", "prop-" + std::to_string(n) + "-" + std::to_string(rng.below(1000000))}, {"ward", w.id}, {"type", t.id},
              {"start", format_local_date_time(start)}, {"end", format_local_date_time(end)},
              {"requirements", {{"group", rng.chance(60) ? "nurse" : "hca"}}}, {"status", rng.chance(50) ? "draft" : "published"},
              {"rate_pence_per_hour", 2500}, {"source", "roster"}};
    if (rng.chance(40))
        if (const Staff* p = rng.pick(s.staff); p && p->employment != Employment::Agency) j["assignee"] = p->id;
    return j;
}

std::map<std::string, Generator> generators() {
    std::map<std::string, Generator> g;
    auto managed_shift = [](const State& s, Rng& rng, auto keep) -> std::optional<std::pair<const Shift*, std::string>> {
        const Shift* x = rng.pick_if(s.shifts, keep);
        if (!x) return std::nullopt;
        return std::pair{x, manager_of(s, x->ward, rng)};
    };
    auto any = [](const Shift&) { return true; };
    g["create_shift"] = [](const State& s, Rng& rng) -> std::optional<Proposal> {
        json shift = new_shift(s, rng, 1);
        return Proposal{manager_of(s, shift["ward"], rng), {{"shift", shift}}};
    };
    g["create_shifts"] = [](const State& s, Rng& rng) -> std::optional<Proposal> {
        json list = json::array();
        for (int i = 0; i < 1 + rng.below(3); ++i) list.push_back(new_shift(s, rng, i));
        return Proposal{"admin", {{"shifts", list}}};
    };
    g["delete_shifts"] = [](const State& s, Rng& rng) -> std::optional<Proposal> {
        json ids = json::array();
        for (int i = 0; i < 1 + rng.below(3); ++i)
            if (const Shift* x = rng.pick(s.shifts); x && std::find(ids.begin(), ids.end(), x->id) == ids.end()) ids.push_back(x->id);
        if (ids.empty()) return std::nullopt;
        return Proposal{"admin", {{"shifts", ids}}};
    };
    g["edit_shift"] = [=](const State& s, Rng& rng) -> std::optional<Proposal> {
        auto m = managed_shift(s, rng, any);
        if (!m) return std::nullopt;
        const Shift& x = *m->first;
        json p = {{"shift", x.id}};
        if (rng.chance(50)) {
            LocalDateTime start = x.start;
            start.minute = std::max(0, start.minute - 30);
            p["start"] = format_local_date_time(start);
        }
        if (rng.chance(50)) p["rate_pence_per_hour"] = x.rate_pence_per_hour + 100;
        if (rng.chance(30)) p["grades"] = json::array();
        if (rng.chance(20)) p["ward"] = rng.pick(s.wards)->id;
        return Proposal{rng.chance(50) ? "admin" : m->second, p};
    };
    auto move_payload = [](const State& s, const Shift& x, Rng& rng, int delta, const std::string& to) {
        LocalDateTime a = x.start, b = x.end;
        a.date = a.date + delta;
        b.date = b.date + delta;
        (void)s;
        (void)rng;
        return json{{"shift", x.id}, {"start", format_local_date_time(a)}, {"end", format_local_date_time(b)},
                    {"assignee", to.empty() ? json(nullptr) : json(to)}};
    };
    g["move_shift"] = [=](const State& s, Rng& rng) -> std::optional<Proposal> {
        auto m = managed_shift(s, rng, any);
        if (!m) return std::nullopt;
        const Staff* to = rng.chance(80) ? rng.pick(s.staff) : nullptr;
        json p = move_payload(s, *m->first, rng, rng.below(3) - 1, to ? to->id : "");
        if (rng.chance(30)) p["override_reason"] = "agreed with staff";
        return Proposal{m->second, p};
    };
    g["move_shifts"] = [=](const State& s, Rng& rng) -> std::optional<Proposal> {
        const Shift* a = rng.pick(s.shifts);
        const Shift* b = rng.pick(s.shifts);
        if (!a || !b || a->id == b->id) return std::nullopt;
        const int delta = rng.below(3) - 1;
        return Proposal{"admin", {{"moves", {move_payload(s, *a, rng, delta, a->assignee), move_payload(s, *b, rng, delta, b->assignee)}}}};
    };
    g["delete_shift"] = [=](const State& s, Rng& rng) -> std::optional<Proposal> {
        auto m = managed_shift(s, rng, any);
        if (!m) return std::nullopt;
        return Proposal{m->second, {{"shift", m->first->id}}};
    };
    g["assign"] = [=](const State& s, Rng& rng) -> std::optional<Proposal> {
        auto m = managed_shift(s, rng, [](const Shift& x) { return x.assignee.empty(); });
        const Staff* p = rng.pick(s.staff);
        if (!m || !p) return std::nullopt;
        return Proposal{m->second, {{"shift", m->first->id}, {"staff", p->id}}};
    };
    g["unassign"] = [=](const State& s, Rng& rng) -> std::optional<Proposal> {
        auto m = managed_shift(s, rng, [](const Shift& x) { return !x.assignee.empty(); });
        if (!m) return std::nullopt;
        return Proposal{m->second, {{"shift", m->first->id}}};
    };
    g["publish"] = [=](const State& s, Rng& rng) -> std::optional<Proposal> {
        auto m = managed_shift(s, rng, [](const Shift& x) { return x.status == ShiftStatus::Draft; });
        if (!m) return std::nullopt;
        return Proposal{m->second, {{"shifts", {m->first->id}}}};
    };
    g["post_to_bank"] = [=](const State& s, Rng& rng) -> std::optional<Proposal> {
        auto m = managed_shift(s, rng, [](const Shift& x) { return x.assignee.empty() && x.status != ShiftStatus::Open; });
        if (!m) return std::nullopt;
        return Proposal{m->second, {{"shifts", {m->first->id}}}};
    };
    auto open_shift = [](const State& s, Rng& rng) { return rng.pick_if(s.shifts, [](const Shift& x) { return x.status == ShiftStatus::Open; }); };
    auto eligible_clinician = [](const State& s, Rng& rng, const Shift& x) -> const User* {
        std::vector<const User*> ok;
        for (const User& u : s.users)
            if (const Staff* p = s.find_staff(u.staff); u.role == Role::Clinician && p && p->group == x.requirements.group) ok.push_back(&u);
        return ok.empty() ? nullptr : ok[size_t(rng.below(int(ok.size())))];
    };
    g["apply"] = [=](const State& s, Rng& rng) -> std::optional<Proposal> {
        const Shift* x = open_shift(s, rng);
        const User* u = x ? eligible_clinician(s, rng, *x) : nullptr;
        if (!u) return std::nullopt;
        return Proposal{u->id, {{"shift", x->id}}};
    };
    g["book"] = [=](const State& s, Rng& rng) -> std::optional<Proposal> {
        const Shift* x = open_shift(s, rng);
        const User* u = x ? eligible_clinician(s, rng, *x) : nullptr;
        if (!u) return std::nullopt;
        if (rng.chance(50)) return Proposal{u->id, {{"shift", x->id}}};
        return Proposal{manager_of(s, x->ward, rng), {{"shift", x->id}, {"staff", u->staff}}};
    };
    auto pending_app = [](const State& s, Rng& rng) {
        return rng.pick_if(s.applications, [](const Application& a) { return a.status == RequestStatus::Pending; });
    };
    g["withdraw"] = [=](const State& s, Rng& rng) -> std::optional<Proposal> {
        const Application* a = pending_app(s, rng);
        const User* u = a ? user_for(s, a->staff) : nullptr;
        if (!u) return std::nullopt;
        return Proposal{u->id, {{"application", a->id}}};
    };
    for (const char* type : {"approve_application", "decline_application"})
        g[type] = [=](const State& s, Rng& rng) -> std::optional<Proposal> {
            const Application* a = pending_app(s, rng);
            const Shift* x = a ? s.find_shift(a->shift) : nullptr;
            if (!x) return std::nullopt;
            return Proposal{manager_of(s, x->ward, rng), {{"application", a->id}}};
        };
    g["cancel_booking"] = [=](const State& s, Rng& rng) -> std::optional<Proposal> {
        const Shift* x = rng.pick_if(s.shifts, [](const Shift& y) { return y.status == ShiftStatus::Booked; });
        if (!x) return std::nullopt;
        const User* u = user_for(s, x->assignee);
        json p = {{"shift", x->id}};
        if (rng.chance(50)) p["reason"] = "unwell";
        return Proposal{u && rng.chance(50) ? u->id : manager_of(s, x->ward, rng), p};
    };
    auto clinician = [](const State& s, Rng& rng) {
        return rng.pick_if(s.users, [](const User& u) { return u.role == Role::Clinician; });
    };
    g["request_leave"] = [=](const State& s, Rng& rng) -> std::optional<Proposal> {
        const User* u = clinician(s, rng);
        if (!u) return std::nullopt;
        const Date first = s.period_start + rng.below(s.period_days);
        const char* kinds[] = {"annual", "study", "sick"};
        return Proposal{u->id, {{"kind", kinds[rng.below(3)]}, {"first", format_date(first)}, {"last", format_date(first + rng.below(4))}}};
    };
    for (const char* type : {"approve_leave", "decline_leave"})
        g[type] = [=](const State& s, Rng& rng) -> std::optional<Proposal> {
            const Leave* l = rng.pick(s.leave);
            if (!l) return std::nullopt;
            return Proposal{"admin", {{"leave", l->id}}};
        };
    g["set_availability"] = [=](const State& s, Rng& rng) -> std::optional<Proposal> {
        const User* u = clinician(s, rng);
        if (!u) return std::nullopt;
        const Date d = s.period_start + rng.below(s.period_days);
        if (rng.chance(30)) return Proposal{u->id, {{"date", format_date(d)}, {"available", false}}};
        return Proposal{u->id, {{"date", format_date(d)}, {"start", "07:00"}, {"end", rng.chance(50) ? "20:00" : "00:00"}}};
    };
    g["submit_timesheet"] = [=](const State& s, Rng& rng) -> std::optional<Proposal> {
        const Shift* x = rng.pick_if(s.shifts, [&](const Shift& y) {
            return (y.status == ShiftStatus::Booked || y.status == ShiftStatus::Published) && user_for(s, y.assignee);
        });
        if (!x) return std::nullopt;
        // Sent once the shift has ended (a timesheet is for work done), sometimes with a break.
        json p = {{"shift", x->id}, {"start", format_local_date_time(x->start)}, {"end", format_local_date_time(x->end)}};
        if (rng.chance(50)) p["break_minutes"] = 30;
        return Proposal{user_for(s, x->assignee)->id, p, format_date(x->end.date + 1) + "T12:00:00Z"};
    };
    g["approve_timesheet"] = [=](const State& s, Rng& rng) -> std::optional<Proposal> {
        const Timesheet* t = rng.pick_if(s.timesheets, [](const Timesheet& x) { return x.status == RequestStatus::Pending; });
        if (!t) return std::nullopt;
        if (rng.chance(30)) return Proposal{"admin", {{"timesheet", t->id}, {"end", format_local_date_time(t->end)}, {"break_minutes", 45}}};
        return Proposal{"admin", {{"timesheet", t->id}}};
    };
    g["set_pay_band"] = [=](const State&, Rng& rng) -> std::optional<Proposal> {
        if (rng.chance(50)) return Proposal{"admin", {{"band", "night"}, {"from", "20:00"}, {"to", rng.chance(50) ? "06:00" : "07:00"}, {"percent", 30}}};
        const char* bands[] = {"saturday", "sunday", "bank_holiday"};
        return Proposal{"admin", {{"band", bands[rng.below(3)]}, {"percent", 30 + 30 * rng.below(2)}}};
    };
    g["remove_pay_band"] = [=](const State& s, Rng& rng) -> std::optional<Proposal> {
        const Enhancement* e = rng.pick(s.pay_bands);
        if (!e) return std::nullopt;
        return Proposal{"admin", {{"band", std::string(to_string(e->band))}}};
    };
    g["request_swap"] = [=](const State& s, Rng& rng) -> std::optional<Proposal> {
        const Shift* a = rng.pick_if(s.shifts, [&](const Shift& y) { return !y.assignee.empty() && user_for(s, y.assignee); });
        if (!a) return std::nullopt;
        const Shift* b = rng.pick_if(s.shifts, [&](const Shift& y) {
            return !y.assignee.empty() && y.assignee != a->assignee && y.type == a->type && y.requirements.group == a->requirements.group &&
                   y.requirements.grades == a->requirements.grades;
        });
        if (!b) return std::nullopt;
        return Proposal{user_for(s, a->assignee)->id, {{"shift", a->id}, {"other_shift", b->id}}};
    };
    g["accept_swap"] = [=](const State& s, Rng& rng) -> std::optional<Proposal> {
        const Swap* w = rng.pick_if(s.swaps, [&](const Swap& x) { return x.status == RequestStatus::Pending && user_for(s, x.to); });
        if (!w) return std::nullopt;
        return Proposal{user_for(s, w->to)->id, {{"swap", w->id}}};
    };
    g["approve_swap"] = [=](const State& s, Rng& rng) -> std::optional<Proposal> {
        const Swap* w = rng.pick_if(s.swaps, [](const Swap& x) { return x.status == RequestStatus::Accepted; });
        if (!w) return std::nullopt;
        return Proposal{"admin", {{"swap", w->id}}};
    };
    g["decline_swap"] = [=](const State& s, Rng& rng) -> std::optional<Proposal> {
        const Swap* w = rng.pick_if(s.swaps, [](const Swap& x) { return x.status == RequestStatus::Pending || x.status == RequestStatus::Accepted; });
        if (!w) return std::nullopt;
        const User* u = user_for(s, w->from);
        return Proposal{u && rng.chance(50) ? u->id : "admin", {{"swap", w->id}}};
    };
    g["raise_rate"] = [=](const State& s, Rng& rng) -> std::optional<Proposal> {
        const Shift* x = open_shift(s, rng);
        if (!x) return std::nullopt;
        return Proposal{manager_of(s, x->ward, rng), {{"shift", x->id}, {"rate_pence_per_hour", x->rate_pence_per_hour + 150}}};
    };
    g["set_ward_policy"] = [=](const State& s, Rng& rng) -> std::optional<Proposal> {
        const Ward* w = rng.pick(s.wards);
        json p = {{"ward", w->id}};
        if (rng.chance(60)) p["instant_booking"] = !w->instant_booking;
        if (rng.chance(40)) p["auto_approve"] = w->auto_approve == AutoApprove::Off ? "grade_match_no_warnings" : "off";
        if (rng.chance(40))
            if (const Staff* x = rng.pick(s.staff)) p["instant_bookers"] = {x->id};
        return Proposal{manager_of(s, w->id, rng), p};
    };
    g["import_staff"] = [=](const State& s, Rng& rng) -> std::optional<Proposal> {
        // A staff list changing one person (bank, or back) and adding one (or, later, updating them).
        const Staff* x = rng.pick_if(s.staff, [](const Staff& p) { return !p.assignment.empty() && !p.wards.empty(); });
        if (!x) return std::nullopt;
        std::string wards;
        for (const auto& w : x->wards) wards += (wards.empty() ? "" : ";") + w;
        std::string csv = csv_line({"Assignment number", "Name", "Staff group", "Grade", "Ward", "Employment type"});
        csv += csv_line({x->assignment, x->name, std::string(display_name(x->group)), x->grade, wards,
                         x->employment == Employment::Bank ? "Substantive" : "Bank"});
        csv += csv_line({std::to_string(70000000 + rng.below(20)), "New Person", "Nurse", "Band 5", s.wards.front().id, "Bank"});
        return Proposal{"admin", {{"csv", csv}}};
    };
    g["set_document"] = [=](const State& s, Rng& rng) -> std::optional<Proposal> {
        const Staff* x = rng.pick(s.staff);
        if (!x) return std::nullopt;
        const char* kinds[] = {"dbs", "right_to_work", "nmc"};
        return Proposal{"admin", {{"staff", x->id}, {"kind", kinds[rng.below(3)]}, {"expires", format_date(s.period_start + 400 + rng.below(700))}}};
    };
    g["set_notification_prefs"] = [=](const State& s, Rng& rng) -> std::optional<Proposal> {
        const User* u = clinician(s, rng);
        if (!u) return std::nullopt;
        const char* freq[] = {"instant", "daily", "off"};
        return Proposal{u->id, {{"days", rng.below(128)}, {"frequency", freq[rng.below(3)]}}};
    };
    g["mark_notifications_read"] = [=](const State& s, Rng& rng) -> std::optional<Proposal> {
        const Notification* n = rng.pick_if(s.notifications, [&](const Notification& x) { return !x.read && user_for(s, x.staff); });
        if (!n) return std::nullopt;
        return Proposal{user_for(s, n->staff)->id, rng.chance(50) ? json::object() : json{{"ids", {n->id}}}};
    };
    return g;
}

}  // namespace

TEST_CASE("every command type: apply, undo gives the state back byte for byte, redo gives the applied state") {
    const auto gens = generators();
    // Every type the core knows has a generator here (the undo command is what is being tested),
    // but a payroll run, which is final: pay_test checks that its undo is refused.
    for (std::string_view type : command_types())
        if (type != "undo" && type != "run_payroll") CHECK_MESSAGE(gens.count(std::string(type)), "no generator for " << type);
    std::map<std::string, int> accepted;
    int steps = 0;
    for (uint64_t seed : {1, 2, 3, 4, 5, 6}) {
        DemoOptions o;
        o.staff = 14;
        o.weeks = 2;
        o.seed = seed;
        State state = make_demo_trust(o);
        CommandLog log;
        Rng rng{seed * 0x9E3779B97F4A7C15ull + 1};
        for (int step = 0; step < 700; ++step) {
            auto it = gens.begin();
            std::advance(it, rng.below(int(gens.size())));
            const auto proposal = it->second(state, rng);
            if (!proposal) continue;
            // Before the rota starts, so cancellations are not late; sometimes within 48 h of it.
            const std::string time = !proposal->time.empty() ? proposal->time : rng.chance(80) ? "2026-02-20T09:00:00Z" : "2026-03-01T09:00:00Z";
            const std::string id = "s" + std::to_string(seed) + "-" + std::to_string(step);
            const bool hashed = step % 10 == 0;   // the hash is the slow part; the byte comparison runs every time
            const std::string before = content(state), before_hash = hashed ? state_hash(state) : "";
            const CommandResult r = apply_command(state, log, Command{id, proposal->author, time, it->first, proposal->payload});
            ++steps;
            if (!r.accepted()) {
                CHECK_MESSAGE(content(state) == before, it->first << " refused (" << r.reason << ") but changed the state");
                continue;
            }
            ++accepted[it->first];
            const std::string after = content(state);
            CAPTURE(it->first);
            CAPTURE(proposal->payload.dump());
            const CommandResult u = apply_command(state, log, Command{id + "-undo", proposal->author, time, "undo", {{"command", id}}});
            REQUIRE_MESSAGE(u.accepted(), u.reason);
            CHECK(content(state) == before);
            if (hashed) CHECK(state_hash(state) == before_hash);
            const CommandResult again = apply_command(state, log, Command{id + "-redo", proposal->author, time, "undo", {{"command", id + "-undo"}}});
            REQUIRE_MESSAGE(again.accepted(), again.reason);
            CHECK(content(state) == after);
            // The state still reads back as a valid file after all of it.
            if (step % 25 == 0) {
                const LoadResult back = load_state(save_state(state));
                REQUIRE_MESSAGE(back.ok(), describe(back.errors.front()));
            }
        }
    }
    std::string summary;
    for (const auto& [type, n] : accepted) summary += type + " " + std::to_string(n) + ", ";
    MESSAGE(accepted.size() << " command types accepted at least once in " << steps << " commands: " << summary);
    for (const auto& entry : gens) CHECK_MESSAGE(accepted[entry.first] > 0, entry.first << " was never accepted: its property is untested");
}
