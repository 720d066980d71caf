// What each rule function receives: the person, their sorted spans, the rule's row from the table,
// and where to report. Shared by the rule_*.cpp files; not part of the public API.
#pragma once
#include <string>
#include <vector>

#include "core/rules/rules_engine.hpp"

namespace sb::rules {

struct Context {
    const State& state;
    const Staff& person;
    const std::vector<ShiftSpan>& spans;
    const std::vector<const Leave*>& leave;
    int focus;               // index into spans, or -1 for "report everything"
    bool with_messages;
    std::vector<Violation>& out;

    bool involves(int i) const { return focus < 0 || focus == i; }
    bool involves_range(int first, int last) const { return focus < 0 || (focus >= first && focus <= last); }

    // "Late Tue 3 Mar": how people name a shift.
    std::string label(int i) const;
    void report(const RuleSpec& rule, int first, int last, std::string message) const;
    // Same, for rules whose message is expensive: builds it only when messages are wanted.
    template <class F>
    void report_lazy(const RuleSpec& rule, int first, int last, F make_message) const {
        report(rule, first, last, with_messages ? make_message() : std::string());
    }
};

void check_overlap(const Context& c, const RuleSpec& r);
void check_eligibility(const Context& c, const RuleSpec& r);   // GroupMatch, GradeMatch, SkillMatch
void check_documents(const Context& c, const RuleSpec& r);
void check_leave(const Context& c, const RuleSpec& r);
void check_shift_length(const Context& c, const RuleSpec& r);
void check_min_rest(const Context& c, const RuleSpec& r);
void check_weekly_rest(const Context& c, const RuleSpec& r);
void check_hours_in_window(const Context& c, const RuleSpec& r);
void check_average_hours(const Context& c, const RuleSpec& r);
void check_consecutive(const Context& c, const RuleSpec& r);   // shifts, long shifts, nights
void check_weekends(const Context& c, const RuleSpec& r);

}  // namespace sb::rules
