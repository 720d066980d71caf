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

int64_t shift_minutes(const Shift& s) { return london_to_utc(s.end) - london_to_utc(s.start); }

bool is_vacant(const Shift& s) { return s.assignee.empty() && s.status != ShiftStatus::Cancelled; }

}  // namespace sb
