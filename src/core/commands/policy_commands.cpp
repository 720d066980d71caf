// How a ward runs its part of the bank (instant booking, auto-approval, rates) and how a person
// wants to hear about it (notification preferences, read marks).
#include <algorithm>

#include "core/commands/command_context.hpp"
#include "core/enum_names.hpp"

namespace sb::commands {
namespace {
using json = nlohmann::json;

// A hard-to-fill vacancy pays more; everyone who could work it (and wants to hear) is told.
bool raise_rate(Ctx& c) {
    Shift* s = c.shift(c.args.text("shift"));
    auto rate = c.args.integer("rate_pence_per_hour", 1, 100000);
    if (!c.args.ok() || !s) return false;
    if (!c.manages(s->ward)) return c.forbid("Only a manager of this shift's ward can change its rate");
    if (s->status != ShiftStatus::Open) return c.forbid("Only a vacancy open in the bank can have its rate raised");
    if (*rate <= s->rate_pence_per_hour)
        return c.reject("The new rate must be higher than the current " + format_rate(s->rate_pence_per_hour));
    c.set_inverse("edit_shift", {{"shift", s->id}, {"rate_pence_per_hour", s->rate_pence_per_hour}});
    s->rate_pence_per_hour = int(*rate);
    offer_shifts(c, {s->id}, NoticeKind::RateRaised);
    return true;
}

json policy_json(const Ward& w) {
    return {{"ward", w.id}, {"instant_booking", w.instant_booking}, {"instant_bookers", w.instant_bookers},
            {"auto_approve", to_string(w.auto_approve)}};
}

// Any of instant_booking (bool), instant_bookers (staff ids) and auto_approve; the rest stay.
bool set_ward_policy(Ctx& c) {
    const std::string id = c.args.text("ward");
    if (!c.args.ok()) return false;
    auto it = std::find_if(c.state.wards.begin(), c.state.wards.end(), [&](const Ward& w) { return w.id == id; });
    if (it == c.state.wards.end()) return c.reject("There is no ward \"" + id + "\"");
    if (!c.manages(id)) return c.forbid("Only a manager of this ward can change how it books bank staff");
    Ward next = *it;
    const json& p = c.cmd.payload;
    if (auto f = p.find("instant_booking"); f != p.end()) {
        if (!f->is_boolean()) return c.args.fail("payload.instant_booking must be true or false"), false;
        next.instant_booking = f->get<bool>();
    }
    if (p.contains("instant_bookers")) {
        next.instant_bookers.clear();
        if (!p["instant_bookers"].is_array()) return c.args.fail("payload.instant_bookers must be an array of staff ids"), false;
        for (const auto& x : p["instant_bookers"]) {
            if (!x.is_string()) return c.args.fail("payload.instant_bookers must contain only staff ids"), false;
            if (!c.state.find_staff(x.get<std::string>())) return c.reject("There is no member of staff \"" + x.get<std::string>() + "\"");
            next.instant_bookers.push_back(x.get<std::string>());
        }
    }
    if (auto a = c.args.optional_text("auto_approve")) {
        auto v = parse_enum<AutoApprove>(*a);
        if (!v) return c.args.fail("payload.auto_approve must be one of " + allowed_values<AutoApprove>()), false;
        next.auto_approve = *v;
    }
    if (!c.args.ok()) return false;
    c.set_inverse("set_ward_policy", policy_json(*it));
    *it = std::move(next);
    return true;
}

bool set_notification_prefs(Ctx& c) {
    if (c.author.staff.empty()) return c.reject("Your account has no staff record, so there is nothing to notify you about");
    NotificationPrefs next = c.state.prefs_for(c.author.staff);
    const json& p = c.cmd.payload;
    for (const char* key : {"wards", "types"}) {
        if (!p.contains(key)) continue;
        auto& list = std::string_view(key) == "wards" ? next.wards : next.types;
        list.clear();
        if (!p[key].is_array()) return c.args.fail(std::string("payload.") + key + " must be an array of ids (empty: any)"), false;
        for (const auto& x : p[key]) {
            const bool known = x.is_string() && (std::string_view(key) == "wards" ? c.state.find_ward(x.get<std::string>()) != nullptr
                                                                               : c.state.find_shift_type(x.get<std::string>()) != nullptr);
            if (!known) return c.args.fail(std::string("payload.") + key + " names something that does not exist"), false;
            list.push_back(x.get<std::string>());
        }
    }
    if (p.contains("days"))
        if (auto d = c.args.integer("days", 0, 0x7F)) next.days = uint8_t(*d);
    if (auto f = c.args.optional_text("frequency")) {
        auto v = parse_enum<NoticeFrequency>(*f);
        if (!v) return c.args.fail("payload.frequency must be one of " + allowed_values<NoticeFrequency>()), false;
        next.frequency = *v;
    }
    if (!c.args.ok()) return false;
    auto& all = c.state.notification_prefs;
    auto it = std::find_if(all.begin(), all.end(), [&](const NotificationPrefs& x) { return x.staff == c.author.staff; });
    const NotificationPrefs before = it != all.end() ? *it : c.state.prefs_for(c.author.staff);
    c.set_inverse("set_notification_prefs", {{"wards", before.wards}, {"types", before.types}, {"days", int(before.days)},
                                             {"frequency", to_string(before.frequency)}});
    if (it != all.end()) *it = std::move(next);
    else all.push_back(std::move(next));
    return true;
}

// Marks the listed notifications (or, without ids, all of them) of the author as read.
bool mark_notifications_read(Ctx& c) {
    if (c.author.staff.empty()) return c.reject("Your account has no staff record");
    std::vector<std::string> ids;
    if (c.cmd.payload.contains("ids")) ids = c.args.text_list("ids");
    if (!c.args.ok()) return false;
    int marked = 0;
    for (auto& n : c.state.notifications)
        if (n.staff == c.author.staff && !n.read && (ids.empty() || std::find(ids.begin(), ids.end(), n.id) != ids.end())) {
            n.read = true;
            ++marked;
        }
    if (marked == 0) return c.reject("There are no unread notifications to mark");
    return true;
}

}  // namespace

const std::vector<HandlerEntry>& policy_handlers() {
    static const std::vector<HandlerEntry> h = {
        {"raise_rate", raise_rate},
        {"set_ward_policy", set_ward_policy},
        {"set_notification_prefs", set_notification_prefs},
        {"mark_notifications_read", mark_notifications_read},
    };
    return h;
}

}  // namespace sb::commands
