#include "model.hpp"

#include <algorithm>

namespace sb {
namespace {
template <class T>
const T* find_by_id(const std::vector<T>& items, std::string_view id) {
    auto it = std::find_if(items.begin(), items.end(), [&](const T& x) { return x.id == id; });
    return it == items.end() ? nullptr : &*it;
}
}  // namespace

const Ward* State::find_ward(std::string_view id) const { return find_by_id(wards, id); }
const Staff* State::find_staff(std::string_view id) const { return find_by_id(staff, id); }
const ShiftType* State::find_shift_type(std::string_view id) const { return find_by_id(shift_types, id); }
const Shift* State::find_shift(std::string_view id) const { return find_by_id(shifts, id); }
const User* State::find_user(std::string_view id) const { return find_by_id(users, id); }

const User* State::user_for_staff(std::string_view staff) const {
    for (const auto& u : users)
        if (u.staff == staff) return &u;
    return nullptr;
}

NotificationPrefs State::prefs_for(std::string_view staff) const {
    for (const auto& p : notification_prefs)
        if (p.staff == staff) return p;
    NotificationPrefs defaults;
    defaults.staff = std::string(staff);
    return defaults;
}

bool matches_requirements(const Staff& person, const Shift& s) {
    const Requirements& q = s.requirements;
    if (q.group != person.group) return false;
    if (!q.grades.empty() && std::find(q.grades.begin(), q.grades.end(), person.grade) == q.grades.end()) return false;
    for (const auto& skill : q.skills)
        if (std::find(person.skills.begin(), person.skills.end(), skill) == person.skills.end()) return false;
    return true;
}

const ComplianceDocument* expired_document(const Staff& person, Date day) {
    for (const auto& d : person.documents)
        if (d.expires < day) return &d;
    return nullptr;
}

bool eligible_for(const Staff& person, const Shift& s) { return matches_requirements(person, s) && !expired_document(person, s.start.date); }

bool may_book_instantly(const Ward& ward, std::string_view staff) {
    return ward.instant_booking ||
           std::find(ward.instant_bookers.begin(), ward.instant_bookers.end(), staff) != ward.instant_bookers.end();
}

int64_t shift_minutes(const Shift& s) { return london_to_utc(s.end) - london_to_utc(s.start); }

int rate_for(const State& state, const Requirements& req, const std::string& type) {
    for (const auto& grade : req.grades) {
        int any_type = 0;
        for (const RateCardEntry& e : state.rate_card) {
            if (e.group != req.group || e.grade != grade) continue;
            if (e.type == type) return e.pence_per_hour;
            if (e.type.empty()) any_type = e.pence_per_hour;
        }
        if (any_type) return any_type;
    }
    return 0;
}

bool valid_assignment_number(std::string_view s) {
    const size_t dash = s.find('-');
    const std::string_view main = s.substr(0, dash), post = dash == std::string_view::npos ? std::string_view{} : s.substr(dash + 1);
    auto digits = [](std::string_view d, size_t most) {
        if (d.empty() || d.size() > most) return false;
        for (char c : d)
            if (c < '0' || c > '9') return false;
        return true;
    };
    return digits(main, 12) && (dash == std::string_view::npos || digits(post, 2));
}

bool is_vacant(const Shift& s) { return s.assignee.empty() && s.status != ShiftStatus::Cancelled; }

}  // namespace sb
