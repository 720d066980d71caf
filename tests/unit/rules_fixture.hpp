// A tiny trust for rule tests: one ward, one person, shifts added by date and clock time.
#pragma once
#include <string>

#include "core/rules/rules_engine.hpp"

namespace sb::test {

struct RotaFixture {
    State state;
    int next = 1;

    explicit RotaFixture(const char* contract = "tcs2016", const char* rule_set = "tcs2016-2019") {
        state.trust = {"t", "Test Trust"};
        state.period_start = make_date(2026, 3, 2);   // a Monday
        state.period_days = 28;
        Ward w;
        w.id = "w1";
        w.site = "s1";
        w.name = "Ward 1";
        w.rule_set = rule_set;
        state.wards.push_back(w);
        state.sites.push_back({"s1", "Test Hospital"});
        for (auto [id, name, start, end, night] : {std::tuple{"early", "Early", 7 * 60, 15 * 60, false},
                                                   std::tuple{"late", "Late", 13 * 60 + 30, 21 * 60 + 30, false},
                                                   std::tuple{"long_day", "Long day", 7 * 60 + 30, 20 * 60, false},
                                                   std::tuple{"night", "Night", 20 * 60, 8 * 60 + 30, true}})
            state.shift_types.push_back({id, name, start, end, night});
        Staff p;
        p.id = "p1";
        p.name = "Zoë Adeyemi";
        p.group = contract == std::string("tcs2016") ? StaffGroup::Doctor : StaffGroup::Nurse;
        p.grade = contract == std::string("tcs2016") ? "ST3" : "Band 5";
        p.contract = contract;
        p.wards = {"w1"};
        p.documents = {{"dbs", make_date(2027, 1, 1)}};
        state.staff.push_back(p);
    }

    // A shift for p1 on 2026-03-(day) from "HH:MM" to "HH:MM" (next day if the end is earlier).
    Shift& add(int day, const char* from, const char* to, const char* type = "early") {
        Shift s;
        s.id = "sh" + std::to_string(next++);
        s.ward = "w1";
        s.type = type;
        const Date d = make_date(2026, 3, 1) + (day - 1);
        s.start = *parse_local_date_time(format_date(d) + "T" + from);
        s.end = *parse_local_date_time(format_date(d) + "T" + to);
        if (!(s.start < s.end)) s.end.date = s.end.date + 1;
        s.requirements.group = state.staff[0].group;
        s.requirements.grades = {state.staff[0].grade};
        s.status = ShiftStatus::Published;
        s.assignee = "p1";
        state.shifts.push_back(s);
        return state.shifts.back();
    }

    std::vector<Violation> violations(const std::string& rule) const {
        RulesEngine engine(state);
        std::vector<Violation> out;
        for (auto& v : engine.check_person("p1"))
            if (v.rule == rule) out.push_back(v);
        return out;
    }
};

}  // namespace sb::test
