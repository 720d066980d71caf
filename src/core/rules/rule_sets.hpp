// Which rules apply to whom, with which figures: data, not ifs in the rule code.
//
// A rule set is a list of (rule id, severity, limit) rows. Each staff member is governed by one
// rule set, chosen from their contract and their home ward's rota setting:
//   doctors on the 2016 TCS: the ward's "tcs2016-2019" (default, as refreshed in 2019) or
//   "tcs2016-original"; everyone else: "wtr1998" (Working Time Regulations 1998 defaults).
// docs/rules.md is checked against this table by a test, so the two cannot drift.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/model.hpp"
#include "core/rules/violation.hpp"

namespace sb {

enum class RuleKind : unsigned char {
    Overlap,               // two shifts at the same time
    GroupMatch,            // staff group matches the shift's requirement
    GradeMatch,            // grade is one the shift accepts
    SkillMatch,            // has every skill the shift requires
    DocumentsValid,        // no compliance document expired on the day (bank bookings)
    LeaveConflict,         // not on approved leave that day
    MaxShiftLength,        // limit: minutes
    MinRest,               // limit: minutes between shifts
    MaxHoursInWindow,      // limit: minutes within window (minutes)
    AverageWeeklyHours,    // limit: minutes per week, averaged over the rota period
    MaxConsecutiveShifts,  // limit: count; rest_after: minutes after a maximal run
    MaxConsecutiveLong,    // limit: count of consecutive long shifts; rest_after
    MaxConsecutiveNights,  // limit: count; rest_after: minutes after any run of nights
    WeekendFrequency,      // limit: at most 1 weekend in `limit` worked
    WeeklyRest,            // limit: minutes of uninterrupted rest required in each window
};

struct RuleSpec {
    std::string_view id;
    RuleKind kind;
    Severity severity;
    long limit = 0;        // meaning depends on kind (see RuleKind)
    long window = 0;       // minutes, for windowed rules
    long rest_after = 0;   // minutes, for consecutive-run rules
    long rest_after_run = 0;   // rest_after is owed after a run this long (0: after a run of `limit`)
    std::string_view source;   // the clause it implements, for docs/rules.md
};

struct RuleSet {
    std::string_view id;
    std::string_view name;
    std::vector<RuleSpec> rules;
};

const std::vector<RuleSet>& rule_sets();
const RuleSet* find_rule_set(std::string_view id);
// The rule set that governs this person (see the file comment).
const RuleSet& rule_set_for(const State& state, const Staff& person);

// The contracts a member of staff can be on, and the rota variants a ward may choose for the doctors
// on it. The data format accepts only these (an unknown one is an error naming them, never a silent
// fall-back to weaker rules).
const std::vector<std::string_view>& contract_ids();       // "tcs2016", "afc", "consultant2003"
const std::vector<std::string_view>& ward_rule_set_ids();  // "tcs2016-2019", "tcs2016-original"
bool contract_allows(std::string_view contract, StaffGroup group);   // tcs2016 and consultant2003: doctors only
std::string contract_groups(std::string_view contract);              // "doctors" (for messages)

// A shift is "long" if it lasts more than this (TCS 2016 Schedule 3: "more than 10 hours").
inline constexpr long kLongShiftMinutes = 10 * 60;

}  // namespace sb
