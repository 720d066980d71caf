#include "core/booking.hpp"

#include <algorithm>

namespace sb {

Shift booked_candidate(const Shift& s, const std::string& staff) {
    Shift next = s;
    next.assignee = staff;
    next.status = ShiftStatus::Booked;
    next.source = ShiftSource::Bank;
    return next;
}

Shift with_assignee(Shift s, const std::string& assignee) {
    s.assignee = assignee;
    if (assignee.empty() && s.status == ShiftStatus::Booked) s.status = ShiftStatus::Published;
    if (!assignee.empty() && s.status == ShiftStatus::Open) s.status = ShiftStatus::Booked;
    return s;
}

Shift moved_candidate(const Shift& s, Date day, const std::string& assignee) {
    Shift next = s;
    const int delta = day - s.start.date;
    next.start.date = s.start.date + delta;
    next.end.date = s.end.date + delta;
    return with_assignee(std::move(next), assignee);
}

bool has_started(const Shift& s, UtcMinutes now) { return london_to_utc(s.start) <= now; }

bool postable(const Shift& s, std::optional<UtcMinutes> now) {
    if (!s.assignee.empty() || (s.status != ShiftStatus::Draft && s.status != ShiftStatus::Published)) return false;
    return !now || !has_started(s, *now);
}

bool auto_approves(const Ward& ward, const Shift& shift, const Staff& applicant, bool no_warnings) {
    if (ward.auto_approve != AutoApprove::GradeMatchNoWarnings || !no_warnings) return false;
    const auto& grades = shift.requirements.grades;
    return std::find(grades.begin(), grades.end(), applicant.grade) != grades.end();
}

}  // namespace sb
