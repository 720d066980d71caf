#include "data_format.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <unordered_set>

#include "core/collections.hpp"
#include "core/format/entity_json.hpp"

namespace sb {
namespace {
using json = nlohmann::json;
using format::Reader;

// Calls f(list, required) for every list of a state: the first six must be in every file.
template <class S, class F>
void for_each_collection(S& state, F&& f) {
    for (int k = 0; k < kCollectionCount; ++k)
        visit_collection(Collection(k), [&](auto tag) {
            using T = decltype(tag);
            f(Entities<T>::of(state), Collection(k) <= Collection::Users);
            return 0;
        });
}

template <class T> constexpr bool keyed_by_id = true;
template <> constexpr bool keyed_by_id<RateCardEntry> = false;
template <> constexpr bool keyed_by_id<Availability> = false;
template <> constexpr bool keyed_by_id<NotificationPrefs> = false;
template <> constexpr bool keyed_by_id<Enhancement> = false;

// Keys must be unique within their list (commands and change sets address entities by key), and
// every reference must name something that exists.
template <class T>
std::unordered_set<std::string> unique_keys(Reader& r, const std::vector<T>& items) {
    const std::string list(collection_name(Entities<T>::collection));
    std::unordered_set<std::string> seen;
    for (size_t i = 0; i < items.size(); ++i)
        if (!seen.insert(std::string(key_of(items[i]))).second)
            r.fail("/" + list + "/" + std::to_string(i) + (keyed_by_id<T> ? "/id" : ""),
                   "\"" + std::string(key_of(items[i])) + "\" is used twice in " + list +
                       (std::is_same_v<T, Availability> ? " (one entry per person and day)"
                        : std::is_same_v<T, RateCardEntry> ? " (one rate per staff group, grade and shift type)"
                        : std::is_same_v<T, NotificationPrefs> ? " (one entry per person)"
                        : std::is_same_v<T, Enhancement> ? " (one entry per band)" : ""));
    return seen;
}

void check_references(Reader& r, const State& s) {
    auto sites = unique_keys(r, s.sites);
    auto wards = unique_keys(r, s.wards);
    auto types = unique_keys(r, s.shift_types);
    auto staff = unique_keys(r, s.staff);
    auto shifts = unique_keys(r, s.shifts);
    unique_keys(r, s.users);
    unique_keys(r, s.rate_card);
    unique_keys(r, s.leave);
    unique_keys(r, s.availability);
    unique_keys(r, s.applications);
    unique_keys(r, s.timesheets);
    unique_keys(r, s.swaps);
    unique_keys(r, s.notifications);
    unique_keys(r, s.notification_prefs);
    unique_keys(r, s.cancellations);
    unique_keys(r, s.pay_bands);
    auto ref = [&](const std::unordered_set<std::string>& set, const std::string& id, const std::string& path,
                   const char* what) {
        if (!id.empty() && !set.count(id))
            r.fail(path, "refers to " + std::string(what) + " \"" + id + "\", which does not exist");
    };
    for (size_t i = 0; i < s.wards.size(); ++i)
        ref(sites, s.wards[i].site, "/wards/" + std::to_string(i) + "/site", "site");
    for (size_t i = 0; i < s.staff.size(); ++i)
        for (size_t k = 0; k < s.staff[i].wards.size(); ++k)
            ref(wards, s.staff[i].wards[k], "/staff/" + std::to_string(i) + "/wards/" + std::to_string(k), "ward");
    for (size_t i = 0; i < s.shifts.size(); ++i) {
        const std::string p = "/shifts/" + std::to_string(i);
        ref(wards, s.shifts[i].ward, p + "/ward", "ward");
        ref(types, s.shifts[i].type, p + "/type", "shift type");
        ref(staff, s.shifts[i].assignee, p + "/assignee", "staff member");
    }
    for (size_t i = 0; i < s.rate_card.size(); ++i) ref(types, s.rate_card[i].type, "/rate_card/" + std::to_string(i) + "/type", "shift type");
    for (size_t i = 0; i < s.leave.size(); ++i) ref(staff, s.leave[i].staff, "/leave/" + std::to_string(i) + "/staff", "staff member");
    for (size_t i = 0; i < s.availability.size(); ++i)
        ref(staff, s.availability[i].staff, "/availability/" + std::to_string(i) + "/staff", "staff member");
    for (size_t i = 0; i < s.applications.size(); ++i) {
        ref(staff, s.applications[i].staff, "/applications/" + std::to_string(i) + "/staff", "staff member");
        ref(shifts, s.applications[i].shift, "/applications/" + std::to_string(i) + "/shift", "shift");
    }
    for (size_t i = 0; i < s.timesheets.size(); ++i) {
        ref(staff, s.timesheets[i].staff, "/timesheets/" + std::to_string(i) + "/staff", "staff member");
        ref(shifts, s.timesheets[i].shift, "/timesheets/" + std::to_string(i) + "/shift", "shift");
    }
    for (size_t i = 0; i < s.notifications.size(); ++i)
        ref(staff, s.notifications[i].staff, "/notifications/" + std::to_string(i) + "/staff", "staff member");
    for (size_t i = 0; i < s.notification_prefs.size(); ++i) {
        const std::string p = "/notification_prefs/" + std::to_string(i);
        ref(staff, s.notification_prefs[i].staff, p + "/staff", "staff member");
        for (const auto& w : s.notification_prefs[i].wards) ref(wards, w, p + "/wards", "ward");
        for (const auto& t : s.notification_prefs[i].types) ref(types, t, p + "/types", "shift type");
    }
    // A cancellation outlives its shift (the record matters even if the shift is later deleted).
    for (size_t i = 0; i < s.cancellations.size(); ++i)
        ref(staff, s.cancellations[i].staff, "/cancellations/" + std::to_string(i) + "/staff", "staff member");
    for (size_t i = 0; i < s.swaps.size(); ++i) {
        const std::string p = "/swaps/" + std::to_string(i);
        ref(shifts, s.swaps[i].shift, p + "/shift", "shift");
        ref(shifts, s.swaps[i].other_shift, p + "/other_shift", "shift");
        ref(staff, s.swaps[i].from, p + "/from", "staff member");
        ref(staff, s.swaps[i].to, p + "/to", "staff member");
    }
    for (size_t i = 0; i < s.users.size(); ++i) {
        const std::string p = "/users/" + std::to_string(i);
        ref(staff, s.users[i].staff, p + "/staff", "staff member");
        for (size_t k = 0; k < s.users[i].wards.size(); ++k)
            ref(wards, s.users[i].wards[k], p + "/wards/" + std::to_string(k), "ward");
        if (s.users[i].role == Role::Clinician && s.users[i].staff.empty())
            r.fail(p + "/staff", "is missing: a clinician's account must name their staff record");
    }
}

}  // namespace

LoadResult load_state(std::string_view text) {
    json doc = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded()) {
        // Re-run with a callback-free SAX pass only to find where it broke: the non-throwing
        // parse tells us nothing more than "invalid".
        struct Locator : nlohmann::json_sax<json> {
            std::string where;
            bool null() override { return true; }
            bool boolean(bool) override { return true; }
            bool number_integer(number_integer_t) override { return true; }
            bool number_unsigned(number_unsigned_t) override { return true; }
            bool number_float(number_float_t, const string_t&) override { return true; }
            bool string(string_t&) override { return true; }
            bool binary(binary_t&) override { return true; }
            bool start_object(std::size_t) override { return true; }
            bool key(string_t&) override { return true; }
            bool end_object() override { return true; }
            bool start_array(std::size_t) override { return true; }
            bool end_array() override { return true; }
            bool parse_error(std::size_t pos, const std::string&, const nlohmann::detail::exception& e) override {
                where = "byte " + std::to_string(pos) + ": " + e.what();
                return false;
            }
        } locator;
        json::sax_parse(text.begin(), text.end(), &locator, nlohmann::detail::input_format_t::json, false);
        LoadResult out;
        out.errors.push_back(
            {"", "is not valid JSON (" + (locator.where.empty() ? std::string("empty input") : locator.where) + ")"});
        return out;
    }
    return load_document(doc);
}

LoadResult load_document(const json& doc) {
    Reader r;
    LoadResult out;
    State& s = out.state;
    if (!r.object(
            doc, "",
            {"format", "revision", "trust", "period", "sites", "wards", "shift_types", "staff", "shifts", "users",
             "rate_card", "leave", "availability", "applications", "timesheets", "swaps", "notifications",
             "notification_prefs", "cancellations", "pay_bands"})) {
        out.errors = std::move(r.errors);
        return out;
    }
    std::string format;
    if (r.text(doc, "", "format", format) && format != kFormat)
        r.fail("/format",
               "is \"" + format.substr(0, 40) + "\"; this version of Shiftbank reads \"" + std::string(kFormat) + "\"");
    if (!r.errors.empty()) {  // a different format: field-by-field errors would only confuse
        out.errors = std::move(r.errors);
        return out;
    }
    r.integer(doc, "", "revision", s.revision, 0, int64_t(1) << 53, false);
    if (const json* t = r.field(doc, "", "trust", true)) format::read(r, *t, "/trust", s.trust);
    if (const json* p = r.field(doc, "", "period", true); p && r.object(*p, "/period", {"start", "days"})) {
        int64_t days = 28;
        r.date(*p, "/period", "start", s.period_start);
        r.integer(*p, "/period", "days", days, 1, 366);
        s.period_days = int(days);
    }
    // Every list but the requests' must be there (use [] for none): a rota exported from elsewhere
    // may have no requests, but a file without staff is a mistake.
    auto list = [&](auto& out, bool required) {
        using T = typename std::decay_t<decltype(out)>::value_type;
        const char* key = collection_name(Entities<T>::collection).data();
        const std::string p = std::string("/") + key;
        auto it = doc.find(key);
        if (it == doc.end()) {
            if (required) r.fail(p, "is missing (use [] for none)");
            return;
        }
        if (!it->is_array()) return r.fail(p, "must be an array, not " + format::type_name(*it));
        out.reserve(it->size());
        for (size_t i = 0; i < it->size(); ++i) {
            T item;
            if (format::read(r, (*it)[i], p + "/" + std::to_string(i), item)) out.push_back(std::move(item));
        }
    };
    for_each_collection(s, list);
    if (r.errors.empty()) check_references(r, s);
    out.errors = std::move(r.errors);
    if (!out.errors.empty()) out.state = State{};  // never half-loaded
    return out;
}

json shift_to_json(const Shift& x) { return format::write(x); }

std::optional<Shift> shift_from_json(const json& j, const std::string& path, std::vector<LoadError>& errors) {
    Reader r;
    Shift s;
    const bool ok = format::read(r, j, path, s);
    errors.insert(errors.end(), r.errors.begin(), r.errors.end());
    if (!ok || !r.errors.empty()) return std::nullopt;
    return s;
}

json to_json(const State& s) {
    json doc = json::object();
    doc["format"] = kFormat;
    doc["revision"] = s.revision;
    doc["trust"] = format::write(s.trust);
    doc["period"] = {{"start", format_date(s.period_start)}, {"days", s.period_days}};
    // The lists the data format requires are always written; the requests only when there are some,
    // so a plain rota stays short.
    auto list = [&](const auto& items, bool always) {
        using T = typename std::decay_t<decltype(items)>::value_type;
        if (items.empty() && !always) return;
        json& a = doc[std::string(collection_name(Entities<T>::collection))] = json::array();
        for (const auto& x : items) a.push_back(format::write(x));
    };
    for_each_collection(s, list);
    return doc;
}

std::string state_hash(const State& state) {
    // Canonical: the lists sorted by key and the revision left out, so two states with the same
    // content hash alike however they came to be (a browser applying changes in place lists a
    // clinician's own requests in the order they arrived, the server in the order they were made).
    json doc = to_json(state);
    doc.erase("revision");
    for (auto entry = doc.begin(); entry != doc.end(); ++entry) {
        json& value = entry.value();
        auto c = parse_collection(entry.key());
        if (!c || !value.is_array()) continue;
        std::vector<std::pair<std::string, json>> keyed;
        visit_collection(*c, [&](auto tag) {
            using T = decltype(tag);
            for (const json& item : value) {
                Reader r;
                T x;
                format::read(r, item, "", x);
                keyed.emplace_back(std::string(key_of(x)), item);
            }
            return 0;
        });
        std::sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        value = json::array();
        for (auto& [k, item] : keyed) value.push_back(std::move(item));
    }
    const std::string text = doc.dump(-1, ' ', false, json::error_handler_t::replace);
    uint64_t h = 1469598103934665603ull;
    for (unsigned char ch : text) h = (h ^ ch) * 1099511628211ull;
    static const char* hex = "0123456789abcdef";
    std::string out;
    for (int i = 15; i >= 0; --i) out += hex[(h >> (i * 4)) & 15];
    return out;
}

std::string save_state(const State& state, int indent) {
    return to_json(state).dump(indent, ' ', false, json::error_handler_t::replace);
}

std::string describe(const LoadError& e) {
    return (e.path.empty() ? std::string("(document)") : e.path) + ": " + e.message;
}

}  // namespace sb
