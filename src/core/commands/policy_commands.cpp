// How a ward runs its part of the bank (instant booking, auto-approval, rates) and how a person
// wants to hear about it (notification preferences, read marks).
#include <algorithm>

#include "core/commands/command_context.hpp"
#include "core/enum_names.hpp"
#include "core/format/json_reader.hpp"

namespace sb::commands {
namespace {
using json = nlohmann::json;

// A hard-to-fill vacancy pays more; everyone who could work it (and wants to hear) is told.
bool raise_rate(Ctx& c) {
    Shift* s = c.shift(c.args.id("shift"));
    auto rate = c.args.integer("rate_pence_per_hour", 1, 100000);
    if (!c.args.ok() || !s) return false;
    if (!c.manages(s->ward)) return c.forbid("Only a manager of this shift's ward can change its rate");
    if (s->status != ShiftStatus::Open) return c.reject("Only a vacancy open in the bank can have its rate raised");
    if (!c.not_started(*s, "its rate can no longer be raised")) return false;
    if (*rate <= s->rate_pence_per_hour)
        return c.reject("The new rate must be higher than the current " + format_rate(s->rate_pence_per_hour));
    s->rate_pence_per_hour = int(*rate);
    offer_shifts(c, {s->id}, NoticeKind::RateRaised);
    return true;
}

// Any of instant_booking (bool), instant_bookers (staff ids) and auto_approve; the rest stay.
bool set_ward_policy(Ctx& c) {
    Ward* w = c.find<Ward>(c.args.id("ward"), "ward");
    if (!c.args.ok() || !w) return false;
    if (!c.manages(w->id)) return c.forbid("Only a manager of this ward can change how it books bank staff");
    Ward next = *w;
    if (auto f = c.args.boolean("instant_booking")) next.instant_booking = *f;
    if (c.args.has("instant_bookers")) {
        const json* list = c.args.array("instant_bookers", 0, 5000);
        if (!list) return false;
        next.instant_bookers.clear();
        for (const auto& x : *list) {
            if (!x.is_string() || !format::valid_id(x.get_ref<const std::string&>()))
                return c.args.fail("payload.instant_bookers must contain only staff ids"), false;
            if (!c.state.find_staff(x.get<std::string>())) return c.reject("There is no member of staff \"" + x.get<std::string>() + "\"");
            if (std::find(next.instant_bookers.begin(), next.instant_bookers.end(), x.get<std::string>()) == next.instant_bookers.end())
                next.instant_bookers.push_back(x.get<std::string>());
        }
    }
    if (auto a = c.args.optional_id("auto_approve")) {
        auto v = parse_enum<AutoApprove>(*a);
        if (!v) return c.args.fail("payload.auto_approve must be one of " + allowed_values<AutoApprove>()), false;
        next.auto_approve = *v;
    }
    if (!c.args.ok()) return false;
    *w = std::move(next);
    return true;
}

bool set_notification_prefs(Ctx& c) {
    if (c.author.staff.empty()) return c.reject("Your account has no staff record, so there is nothing to notify you about");
    NotificationPrefs next = c.state.prefs_for(c.author.staff);
    for (const char* key : {"wards", "types"}) {
        if (!c.args.has(key)) continue;
        const bool wards = std::string_view(key) == "wards";
        const json* list = c.args.array(key, 0, 500);
        if (!list) return false;
        auto& out = wards ? next.wards : next.types;
        out.clear();
        for (const auto& x : *list) {
            const bool known = x.is_string() && (wards ? c.state.find_ward(x.get<std::string>()) != nullptr
                                                       : c.state.find_shift_type(x.get<std::string>()) != nullptr);
            if (!known) return c.args.fail(std::string("payload.") + key + " names something that does not exist"), false;
            out.push_back(x.get<std::string>());
        }
    }
    if (c.args.has("days"))
        if (auto d = c.args.integer("days", 0, 0x7F)) next.days = uint8_t(*d);
    if (auto f = c.args.optional_id("frequency")) {
        auto v = parse_enum<NoticeFrequency>(*f);
        if (!v) return c.args.fail("payload.frequency must be one of " + allowed_values<NoticeFrequency>()), false;
        next.frequency = *v;
    }
    if (!c.args.ok()) return false;
    if (NotificationPrefs* mine = c.w.edit<NotificationPrefs>(c.author.staff)) *mine = std::move(next);
    else c.w.add(std::move(next));
    return true;
}

// Marks the listed notifications (or, without ids, all of them) of the author as read.
bool mark_notifications_read(Ctx& c) {
    if (c.author.staff.empty()) return c.reject("Your account has no staff record");
    std::vector<std::string> ids;
    if (c.args.has("ids")) ids = c.args.id_list("ids", 5000);
    if (!c.args.ok()) return false;
    std::vector<std::string> unread;
    for (const auto& n : c.state.notifications)
        if (n.staff == c.author.staff && !n.read && (ids.empty() || std::find(ids.begin(), ids.end(), n.id) != ids.end()))
            unread.push_back(n.id);
    if (unread.empty()) return c.reject("There are no unread notifications to mark");
    for (const auto& id : unread) c.w.edit<Notification>(id)->read = true;
    return true;
}

}  // namespace

const std::vector<HandlerEntry>& policy_handlers() {
    static const std::vector<HandlerEntry> h = {
        {"raise_rate", raise_rate, {"shift", "rate_pence_per_hour"}},
        {"set_ward_policy", set_ward_policy, {"ward", "instant_booking", "instant_bookers", "auto_approve"}},
        {"set_notification_prefs", set_notification_prefs, {"wards", "types", "days", "frequency"}},
        {"mark_notifications_read", mark_notifications_read, {"ids"}},
    };
    return h;
}

}  // namespace sb::commands
