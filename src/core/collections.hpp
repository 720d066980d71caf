// The State's lists of entities, named as in the data format, each entity with a key that is unique
// in its list. Change sets (commands/change_set.hpp), visibility and the audit trail address an
// entity as (collection, key) and go through the visitor below, so a new list is added in one place.
//
// The trust record and the rota period are not lists and no command changes them yet; settings
// commands that do (issue 17) add them here.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.hpp"

namespace sb {

enum class Collection : uint8_t {
    Sites, Wards, ShiftTypes, Staff, Shifts, Users, RateCard, Leave, Availability, Applications, Timesheets, Swaps,
    Notifications, NotificationPrefs, Cancellations, PayBands,
};
inline constexpr int kCollectionCount = 16;

std::string_view collection_name(Collection c);   // "shifts": the data format's key for the list
std::optional<Collection> parse_collection(std::string_view name);

// Keys: the id where the entity has one; otherwise what makes it unique in its list.
inline const std::string& key_of(const Site& x) { return x.id; }
inline const std::string& key_of(const Ward& x) { return x.id; }
inline const std::string& key_of(const ShiftType& x) { return x.id; }
inline const std::string& key_of(const Staff& x) { return x.id; }
inline const std::string& key_of(const Shift& x) { return x.id; }
inline const std::string& key_of(const User& x) { return x.id; }
inline const std::string& key_of(const Leave& x) { return x.id; }
inline const std::string& key_of(const Application& x) { return x.id; }
inline const std::string& key_of(const Timesheet& x) { return x.id; }
inline const std::string& key_of(const Swap& x) { return x.id; }
inline const std::string& key_of(const Notification& x) { return x.id; }
inline const std::string& key_of(const Cancellation& x) { return x.id; }
inline const std::string& key_of(const NotificationPrefs& x) { return x.staff; }   // one per person
std::string key_of(const RateCardEntry& x);    // "nurse/Band 5/night" (type empty: any type)
std::string key_of(const Availability& x);     // "p001/2026-03-06": one per person and day
std::string key_of(const Enhancement& x);      // "night": one per band

// The list of entities of type T in a state, and which collection that is.
template <class T> struct Entities;
#define SB_ENTITIES(T, member, name)                                                  \
    template <> struct Entities<T> {                                                  \
        static constexpr Collection collection = Collection::name;                    \
        static std::vector<T>& of(State& s) { return s.member; }                      \
        static const std::vector<T>& of(const State& s) { return s.member; }          \
    };
SB_ENTITIES(Site, sites, Sites)
SB_ENTITIES(Ward, wards, Wards)
SB_ENTITIES(ShiftType, shift_types, ShiftTypes)
SB_ENTITIES(Staff, staff, Staff)
SB_ENTITIES(Shift, shifts, Shifts)
SB_ENTITIES(User, users, Users)
SB_ENTITIES(RateCardEntry, rate_card, RateCard)
SB_ENTITIES(Leave, leave, Leave)
SB_ENTITIES(Availability, availability, Availability)
SB_ENTITIES(Application, applications, Applications)
SB_ENTITIES(Timesheet, timesheets, Timesheets)
SB_ENTITIES(Swap, swaps, Swaps)
SB_ENTITIES(Notification, notifications, Notifications)
SB_ENTITIES(NotificationPrefs, notification_prefs, NotificationPrefs)
SB_ENTITIES(Cancellation, cancellations, Cancellations)
SB_ENTITIES(Enhancement, pay_bands, PayBands)
#undef SB_ENTITIES

// Calls f(T{}) with a value of the collection's entity type, for code that works on any list.
template <class F>
decltype(auto) visit_collection(Collection c, F&& f) {
    switch (c) {
        case Collection::Sites: return f(Site{});
        case Collection::Wards: return f(Ward{});
        case Collection::ShiftTypes: return f(ShiftType{});
        case Collection::Staff: return f(Staff{});
        case Collection::Shifts: return f(Shift{});
        case Collection::Users: return f(User{});
        case Collection::RateCard: return f(RateCardEntry{});
        case Collection::Leave: return f(Leave{});
        case Collection::Availability: return f(Availability{});
        case Collection::Applications: return f(Application{});
        case Collection::Timesheets: return f(Timesheet{});
        case Collection::Swaps: return f(Swap{});
        case Collection::Notifications: return f(Notification{});
        case Collection::NotificationPrefs: return f(NotificationPrefs{});
        case Collection::Cancellations: return f(Cancellation{});
        case Collection::PayBands: return f(Enhancement{});
    }
    return f(Site{});
}

// Position of the entity with this key in its list, or -1.
template <class T>
int index_of(const std::vector<T>& items, std::string_view key) {
    for (size_t i = 0; i < items.size(); ++i)
        if (key_of(items[i]) == key) return int(i);
    return -1;
}

}  // namespace sb
