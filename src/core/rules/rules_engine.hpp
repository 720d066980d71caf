// The safety rules engine: every violation of a person's shifts against the rule set that governs
// them (rule_sets.hpp), with the numbers in words.
//
// Build a RulesEngine once per state revision; then
//   check_all()          the whole rota (benchmark: docs/performance.md),
//   check_person(id)     one person,
//   check_candidate(...) "what if this shift were placed on this person": what the rota screen asks
//                        for every visible cell while a shift is dragged, so it only evaluates the
//                        one person's schedule and formats messages only when asked.
#pragma once
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/model.hpp"
#include "core/rules/rule_sets.hpp"
#include "core/rules/violation.hpp"

namespace sb {

// One shift of one person in real time, with the properties the rota rules ask about.
struct ShiftSpan {
    const Shift* shift = nullptr;
    UtcMinutes start = 0, end = 0;
    bool night = false;        // at least 3 hours between 23:00 and 06:00 (TCS 2016), or a night type
    bool long_shift = false;   // more than 10 hours
};
// `state` supplies the shift's type: a type marked `night: true` makes it a night shift for the rules
// even with fewer than 3 hours in the night window (a trust's own definition may be stricter).
ShiftSpan make_span(const State& state, const Shift& s);

struct CandidateVerdict {
    bool allowed = true;                  // no Block violation involves the candidate
    bool warnings = false;                // some Warn violation does
    std::vector<Violation> violations;    // those involving the candidate (messages only if asked)
};

class RulesEngine {
public:
    explicit RulesEngine(const State& state);

    std::vector<Violation> check_all() const;
    std::vector<Violation> check_person(std::string_view staff_id) const;

    // As if `candidate` (a shift, possibly moved or new) were worked by `staff_id`. A shift with the
    // same id already in that person's schedule is replaced by the candidate.
    CandidateVerdict check_candidate(const Shift& candidate, std::string_view staff_id, bool with_messages = true) const;

    const State& state() const { return state_; }

private:
    struct Person {
        const Staff* staff = nullptr;
        const RuleSet* rules = nullptr;
    };
    const State& state_;
    std::unordered_map<std::string_view, Person> people_;                     // lookups the drag needs in µs
    std::unordered_map<std::string_view, std::vector<ShiftSpan>> by_person_;   // sorted by start
    std::unordered_map<std::string_view, std::vector<const Leave*>> leave_;    // approved leave
};

// Runs a rule set over one person's sorted spans. With focus >= 0 only violations that involve
// spans[focus] are reported; messages are built only when with_messages is true.
void evaluate_rules(const State& state, const Staff& person, const RuleSet& rules, const std::vector<ShiftSpan>& spans,
                    const std::vector<const Leave*>& leave, int focus, bool with_messages, std::vector<Violation>& out);

}  // namespace sb

namespace sb {
// The same question without a prepared engine: scans the state for this one person (what a single
// command needs; a screen checking many cells builds a RulesEngine once instead).
CandidateVerdict check_candidate(const State& state, const Shift& candidate, std::string_view staff_id,
                                 bool with_messages = true);
}  // namespace sb
