#include "core/collections.hpp"

#include <array>

#include "core/enum_names.hpp"

namespace sb {
namespace {
constexpr std::array<std::string_view, kCollectionCount> kNames = {
    "sites", "wards", "shift_types", "staff", "shifts", "users", "rate_card", "leave", "availability", "applications",
    "timesheets", "swaps", "notifications", "notification_prefs", "cancellations", "pay_bands"};
}  // namespace

std::string_view collection_name(Collection c) { return kNames[size_t(c)]; }

std::optional<Collection> parse_collection(std::string_view name) {
    for (size_t i = 0; i < kNames.size(); ++i)
        if (kNames[i] == name) return Collection(i);
    return std::nullopt;
}

std::string key_of(const RateCardEntry& x) { return std::string(to_string(x.group)) + "/" + x.grade + "/" + x.type; }
std::string key_of(const Availability& x) { return x.staff + "/" + format_date(x.date); }
std::string key_of(const Enhancement& x) { return std::string(to_string(x.band)); }

}  // namespace sb
