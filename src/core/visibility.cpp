#include "visibility.hpp"

#include <algorithm>

namespace sb {
namespace {
template <class T, class Keep>
void keep_only(std::vector<T>& items, Keep keep) {
    items.erase(std::remove_if(items.begin(), items.end(), [&](const T& x) { return !keep(x); }), items.end());
}
}  // namespace

State visible_to(const State& state, const User& user) {
    if (user.role != Role::Clinician) return state;
    State s = state;
    const std::string& me = user.staff;
    for (Staff& p : s.staff) {
        if (p.id == me) continue;
        p.email.clear();
        p.phone.clear();
        p.documents.clear();
        p.contracted_minutes_per_week = 0;
    }
    // A vacancy's rate is an offer to everyone; what a colleague is paid is theirs.
    for (Shift& x : s.shifts)
        if (x.assignee != me && x.status != ShiftStatus::Open) x.rate_pence_per_hour = 0;
    keep_only(s.leave, [&](const Leave& l) { return l.staff == me; });
    keep_only(s.availability, [&](const Availability& a) { return a.staff == me; });
    keep_only(s.applications, [&](const Application& a) { return a.staff == me; });
    keep_only(s.timesheets, [&](const Timesheet& t) { return t.staff == me; });
    keep_only(s.swaps, [&](const Swap& w) { return w.from == me || w.to == me; });
    keep_only(s.notifications, [&](const Notification& n) { return n.staff == me; });
    keep_only(s.notification_prefs, [&](const NotificationPrefs& p) { return p.staff == me; });
    keep_only(s.cancellations, [&](const Cancellation& c) { return c.staff == me; });
    for (Ward& w : s.wards) keep_only(w.instant_bookers, [&](const std::string& id) { return id == me; });
    return s;
}

}  // namespace sb
