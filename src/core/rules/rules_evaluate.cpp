#include "core/civil_time.hpp"
#include "core/rules/rule_context.hpp"

namespace sb {
namespace rules {

std::string Context::label(int i) const {
    const Shift& s = *spans[size_t(i)].shift;
    const ShiftType* t = state.find_shift_type(s.type);
    return (t ? t->name : s.type) + " " + format_weekday_day_month(s.start.date);
}

void Context::report(const RuleSpec& rule, int first, int last, std::string message) const {
    Violation v{std::string(rule.id), rule.severity, person.id, std::move(message), {}};
    for (int i = first; i <= last; ++i) v.shifts.push_back(spans[size_t(i)].shift->id);
    out.push_back(std::move(v));
}

}  // namespace rules

void evaluate_rules(const State& state, const Staff& person, const RuleSet& set, const std::vector<ShiftSpan>& spans,
                    const std::vector<const Leave*>& leave, int focus, bool with_messages, std::vector<Violation>& out) {
    const rules::Context c{state, person, spans, leave, focus, with_messages, out};
    for (const RuleSpec& r : set.rules) {
        switch (r.kind) {
            case RuleKind::Overlap: rules::check_overlap(c, r); break;
            case RuleKind::GroupMatch:
            case RuleKind::GradeMatch:
            case RuleKind::SkillMatch: rules::check_eligibility(c, r); break;
            case RuleKind::DocumentsValid: rules::check_documents(c, r); break;
            case RuleKind::LeaveConflict: rules::check_leave(c, r); break;
            case RuleKind::MaxShiftLength: rules::check_shift_length(c, r); break;
            case RuleKind::MinRest: rules::check_min_rest(c, r); break;
            case RuleKind::WeeklyRest: rules::check_weekly_rest(c, r); break;
            case RuleKind::MaxHoursInWindow: rules::check_hours_in_window(c, r); break;
            case RuleKind::AverageWeeklyHours: rules::check_average_hours(c, r); break;
            case RuleKind::MaxConsecutiveShifts:
            case RuleKind::MaxConsecutiveLong:
            case RuleKind::MaxConsecutiveNights: rules::check_consecutive(c, r); break;
            case RuleKind::WeekendFrequency: rules::check_weekends(c, r); break;
        }
    }
}

}  // namespace sb
