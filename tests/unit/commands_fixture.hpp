// A small ward for command tests: a manager, two nurses who are clinicians, another ward's
// manager and an admin; run() applies a command at a fixed time (Sun 1 Mar 2026, 09:00 UTC).
#pragma once
#include "core/commands/command.hpp"
#include "rules_fixture.hpp"

namespace sb::test {
using json = nlohmann::json;
// A ward with a manager, a nurse who is a clinician, a second nurse, and an admin.
struct Ward1 : test::RotaFixture {
    CommandLog log;
    int n = 0;
    Ward1() : RotaFixture("afc") {
        Staff p2 = state.staff[0];
        p2.id = "p2";
        p2.name = "Łukasz Nowak";
        state.staff.push_back(p2);
        Ward other = state.wards[0];
        other.id = "w9";
        other.name = "Ward 9";
        state.wards.push_back(other);
        state.users = {{"admin", "Admin", Role::Admin, "", {}},
                       {"manager", "Adaeze Okafor", Role::Manager, "", {"w1"}},
                       {"other.manager", "Tom Evans", Role::Manager, "", {"w9"}},
                       {"zoe", "Zoë Adeyemi", Role::Clinician, "p1", {}},
                       {"lukasz", "Łukasz Nowak", Role::Clinician, "p2", {}}};
    }
    CommandResult run(const char* author, const char* type, json payload, std::string id = "") {
        return run_at("2026-03-01T09:00:00Z", author, type, std::move(payload), std::move(id));
    }
    CommandResult run_at(const char* time, const char* author, const char* type, json payload, std::string id = "") {
        if (id.empty()) id = "c" + std::to_string(++n);
        return apply_command(state, log, Command{id, author, time, type, std::move(payload)});
    }
    Shift& open_shift(int day, const char* from = "07:00", const char* to = "15:00") {
        Shift& s = add(day, from, to);
        s.assignee.clear();
        s.status = ShiftStatus::Open;
        s.source = ShiftSource::Bank;
        return s;
    }
};

}  // namespace sb::test
