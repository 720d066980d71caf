#include "core/rules/rules_engine.hpp"

#include <algorithm>

namespace sb {

ShiftSpan make_span(const State& state, const Shift& s) {
    ShiftSpan span{&s, london_to_utc(s.start), london_to_utc(s.end)};
    span.long_shift = span.end - span.start > kLongShiftMinutes;
    if (const ShiftType* t = state.find_shift_type(s.type); t && t->night) span.night = true;
    // Night: at least 3 hours of the shift fall between 23:00 and 06:00 local time.
    for (Date d = s.start.date - 1; d <= s.end.date; d = d + 1) {
        const UtcMinutes a = std::max(span.start, london_to_utc({d, 23 * 60}));
        const UtcMinutes b = std::min(span.end, london_to_utc({d + 1, 6 * 60}));
        if (b - a >= 3 * 60) span.night = true;
    }
    return span;
}

namespace {
bool counts_for_rules(const Shift& s) { return !s.assignee.empty() && s.status != ShiftStatus::Cancelled; }
bool by_start(const ShiftSpan& a, const ShiftSpan& b) { return a.start < b.start || (a.start == b.start && a.end < b.end); }
}  // namespace

RulesEngine::RulesEngine(const State& state) : state_(state) {
    for (const Staff& p : state.staff) people_[p.id] = {&p, &rule_set_for(state, p)};
    for (const Shift& s : state.shifts)
        if (counts_for_rules(s)) by_person_[s.assignee].push_back(make_span(state, s));
    for (auto& [id, spans] : by_person_) std::sort(spans.begin(), spans.end(), by_start);
    for (const Leave& l : state.leave)
        if (l.status == RequestStatus::Approved) leave_[l.staff].push_back(&l);
}

std::vector<Violation> RulesEngine::check_person(std::string_view staff_id) const {
    std::vector<Violation> out;
    auto who = people_.find(staff_id);
    if (who == people_.end()) return out;
    static const std::vector<ShiftSpan> none;
    static const std::vector<const Leave*> no_leave;
    auto it = by_person_.find(staff_id);
    auto lv = leave_.find(staff_id);
    evaluate_rules(state_, *who->second.staff, *who->second.rules, it == by_person_.end() ? none : it->second,
                   lv == leave_.end() ? no_leave : lv->second, -1, true, out);
    return out;
}

std::vector<Violation> RulesEngine::check_all() const {
    std::vector<Violation> out;
    static const std::vector<const Leave*> no_leave;
    for (const Staff& person : state_.staff) {
        auto it = by_person_.find(person.id);
        if (it == by_person_.end()) continue;
        auto lv = leave_.find(person.id);
        evaluate_rules(state_, person, *people_.at(person.id).rules, it->second,
                       lv == leave_.end() ? no_leave : lv->second, -1, true, out);
    }
    return out;
}

namespace {
CandidateVerdict verdict_for(const State& state, const Staff& person, const RuleSet& rules, std::vector<ShiftSpan>& spans,
                             const Shift& candidate, const std::vector<const Leave*>& leave, bool with_messages) {
    CandidateVerdict verdict;
    const ShiftSpan cand = make_span(state, candidate);
    auto pos = std::lower_bound(spans.begin(), spans.end(), cand, by_start);
    const int focus = int(pos - spans.begin());
    spans.insert(pos, cand);
    evaluate_rules(state, person, rules, spans, leave, focus, with_messages, verdict.violations);
    for (const Violation& v : verdict.violations) {
        if (v.severity == Severity::Block) verdict.allowed = false;
        else verdict.warnings = true;
    }
    return verdict;
}

CandidateVerdict unknown_staff(std::string_view staff_id, bool with_messages) {
    CandidateVerdict verdict;
    verdict.allowed = false;
    if (with_messages)
        verdict.violations.push_back({"unknown_staff", Severity::Block, std::string(staff_id), "There is no member of staff \"" + std::string(staff_id) + "\"", {}});
    return verdict;
}
}  // namespace

CandidateVerdict check_candidate(const State& state, const Shift& candidate, std::string_view staff_id, bool with_messages) {
    const Staff* person = state.find_staff(staff_id);
    if (!person) return unknown_staff(staff_id, with_messages);
    std::vector<ShiftSpan> spans;
    for (const Shift& s : state.shifts)
        if (s.assignee == staff_id && s.id != candidate.id && counts_for_rules(s)) spans.push_back(make_span(state, s));
    std::sort(spans.begin(), spans.end(), by_start);
    std::vector<const Leave*> leave;
    for (const Leave& l : state.leave)
        if (l.staff == staff_id && l.status == RequestStatus::Approved) leave.push_back(&l);
    return verdict_for(state, *person, rule_set_for(state, *person), spans, candidate, leave, with_messages);
}

CandidateVerdict RulesEngine::check_candidate(const Shift& candidate, std::string_view staff_id, bool with_messages) const {
    auto who = people_.find(staff_id);
    if (who == people_.end()) return unknown_staff(staff_id, with_messages);
    // The person's schedule with the candidate in place of any shift of the same id.
    thread_local std::vector<ShiftSpan> spans;
    spans.clear();
    if (auto it = by_person_.find(staff_id); it != by_person_.end())
        for (const ShiftSpan& s : it->second)
            if (s.shift->id != candidate.id) spans.push_back(s);
    static const std::vector<const Leave*> no_leave;
    auto lv = leave_.find(staff_id);
    return verdict_for(state_, *who->second.staff, *who->second.rules, spans, candidate,
                       lv == leave_.end() ? no_leave : lv->second, with_messages);
}

}  // namespace sb
