#include "data_format.hpp"

#include <cctype>
#include <cmath>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <set>
#include <unordered_set>

#include "enum_names.hpp"

namespace sb {
namespace {
using json = nlohmann::json;

constexpr size_t kMaxIdLength = 64;
constexpr size_t kMaxTextLength = 200;

std::string type_name(const json& j) {
    switch (j.type()) {
        case json::value_t::null:
            return "null";
        case json::value_t::object:
            return "an object";
        case json::value_t::array:
            return "an array";
        case json::value_t::string:
            return "a string";
        case json::value_t::boolean:
            return "true/false";
        case json::value_t::number_float:
            return "a decimal number";
        case json::value_t::discarded:
            return "invalid";
        default:
            return "a number";
    }
}

// Runs every check (a braced list evaluates all its elements, in order) so that one bad field does
// not hide the next one's error; true if all passed.
bool all(std::initializer_list<bool> results) {
    for (bool ok : results)
        if (!ok) return false;
    return true;
}

bool valid_id(std::string_view s) {
    if (s.empty() || s.size() > kMaxIdLength) return false;
    for (unsigned char c : s)
        if (!(std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == ':')) return false;
    return true;
}

// Reads one JSON document into a State, remembering every problem and where it was.
// Each read_* returns false (and records why) instead of throwing.
class Reader {
public:
    std::vector<LoadError> errors;

    void fail(const std::string& path, std::string message) { errors.push_back({path, std::move(message)}); }

    // Checks that `j` is an object whose keys are all known; unknown keys are errors so that a
    // misspelt field ("asignee") is reported instead of silently dropping data.
    bool object(const json& j, const std::string& path, std::initializer_list<std::string_view> known) {
        if (!j.is_object()) {
            fail(path, "must be an object, not " + type_name(j));
            return false;
        }
        for (auto it = j.begin(); it != j.end(); ++it) {
            bool ok = false;
            for (auto k : known) ok = ok || k == it.key();
            if (!ok)
                fail(path + "/" + it.key(),
                     "is not a field of this object (unknown fields are not allowed in " + std::string(kFormat) + ")");
        }
        return true;
    }

    const json* field(const json& obj, const std::string& path, const char* key, bool required) {
        auto it = obj.find(key);
        if (it == obj.end()) {
            if (required) fail(path + "/" + key, "is missing");
            return nullptr;
        }
        return &*it;
    }

    bool text(const json& obj, const std::string& path, const char* key, std::string& out, bool required = true,
              bool is_id = false) {
        const json* v = field(obj, path, key, required);
        if (!v) return !required;
        const std::string p = path + "/" + key;
        if (!v->is_string()) return fail(p, "must be a string, not " + type_name(*v)), false;
        const auto& s = v->get_ref<const std::string&>();
        if (s.empty())
            return fail(p, required ? "must not be empty" : "must not be empty (leave the field out instead)"), false;
        if (is_id && !valid_id(s))
            return fail(p,
                        "\"" + s.substr(0, 80) + "\" is not a valid id (1–64 letters, digits, '-', '_', '.' or ':')"),
                   false;
        if (!is_id && s.size() > kMaxTextLength)
            return fail(p, "is longer than " + std::to_string(kMaxTextLength) + " bytes"), false;
        out = s;
        return true;
    }

    bool id(const json& obj, const std::string& path, const char* key, std::string& out, bool required = true) {
        return text(obj, path, key, out, required, true);
    }

    bool integer(const json& obj, const std::string& path, const char* key, int64_t& out, int64_t lo, int64_t hi,
                 bool required = true) {
        const json* v = field(obj, path, key, required);
        if (!v) return !required;
        const std::string p = path + "/" + key;
        if (!v->is_number_integer()) return fail(p, "must be a whole number, not " + type_name(*v)), false;
        const bool neg = v->is_number_unsigned() ? false : v->get<int64_t>() < 0;
        if (!neg && v->is_number_unsigned() && v->get<uint64_t>() > uint64_t(hi))
            return fail(p, "must be at most " + std::to_string(hi)), false;
        const int64_t x = v->is_number_unsigned() ? int64_t(v->get<uint64_t>()) : v->get<int64_t>();
        if (x < lo || x > hi)
            return fail(p, "must be between " + std::to_string(lo) + " and " + std::to_string(hi) + ", not " +
                               std::to_string(x)),
                   false;
        out = x;
        return true;
    }

    bool boolean(const json& obj, const std::string& path, const char* key, bool& out) {
        const json* v = field(obj, path, key, false);
        if (!v) return true;
        if (!v->is_boolean()) return fail(path + "/" + key, "must be true or false, not " + type_name(*v)), false;
        out = v->get<bool>();
        return true;
    }

    bool date(const json& obj, const std::string& path, const char* key, Date& out) {
        std::string s;
        if (!text(obj, path, key, s)) return false;
        auto d = parse_date(s);
        if (!d) return fail(path + "/" + key, "\"" + s + "\" is not a date like 2026-03-06"), false;
        out = *d;
        return true;
    }

    bool clock(const json& obj, const std::string& path, const char* key, int& out) {
        std::string s;
        if (!text(obj, path, key, s)) return false;
        auto t = parse_local_date_time("2000-01-01T" + s);
        if (s.size() != 5 || !t) return fail(path + "/" + key, "\"" + s + "\" is not a time of day like 07:30"), false;
        out = t->minute;
        return true;
    }

    bool local_time(const json& obj, const std::string& path, const char* key, LocalDateTime& out) {
        std::string s;
        if (!text(obj, path, key, s)) return false;
        auto t = parse_local_date_time(s);
        if (!t) return fail(path + "/" + key, "\"" + s + "\" is not a local date-time like 2026-03-06T20:00"), false;
        if (classify_london(*t) == LocalTimeKind::Skipped)
            return fail(path + "/" + key,
                        s + " does not exist in London: the clocks go forward from 01:00 to 02:00 that night"),
                   false;
        out = *t;
        return true;
    }

    template <class E>
    bool enumeration(const json& obj, const std::string& path, const char* key, E& out, bool required = true) {
        const json* v = field(obj, path, key, required);
        if (!v) return !required;
        const std::string p = path + "/" + key;
        if (!v->is_string()) return fail(p, "must be a string, not " + type_name(*v)), false;
        auto e = parse_enum<E>(v->get_ref<const std::string&>());
        if (!e)
            return fail(p, "\"" + v->get_ref<const std::string&>().substr(0, 40) + "\" is not one of " +
                               allowed_values<E>()),
                   false;
        out = *e;
        return true;
    }

    bool id_list(const json& obj, const std::string& path, const char* key, std::vector<std::string>& out) {
        const json* v = field(obj, path, key, false);
        if (!v) return true;
        const std::string p = path + "/" + key;
        if (!v->is_array()) return fail(p, "must be an array of ids, not " + type_name(*v)), false;
        bool ok = true;
        for (size_t i = 0; i < v->size(); ++i) {
            const json& item = (*v)[i];
            if (!item.is_string() || !valid_id(item.get_ref<const std::string&>())) {
                fail(p + "/" + std::to_string(i), "must be an id (1–64 letters, digits, '-', '_', '.' or ':')");
                ok = false;
            } else {
                out.push_back(item.get<std::string>());
            }
        }
        return ok;
    }

    template <class T, class F>
    void array(const json& doc, const char* key, std::vector<T>& out, F read_item, bool required = true) {
        const std::string p = std::string("/") + key;
        auto it = doc.find(key);
        if (it == doc.end()) {
            if (required) fail(p, "is missing (use [] for none)");
            return;
        }
        if (!it->is_array()) return fail(p, "must be an array, not " + type_name(*it));
        out.reserve(it->size());
        for (size_t i = 0; i < it->size(); ++i) {
            T item;
            if (read_item((*it)[i], p + "/" + std::to_string(i), item)) out.push_back(std::move(item));
        }
    }
};

bool read_site(Reader& r, const json& j, const std::string& p, Site& s) {
    return r.object(j, p, {"id", "name"}) && all({r.id(j, p, "id", s.id), r.text(j, p, "name", s.name)});
}

bool read_ward(Reader& r, const json& j, const std::string& p, Ward& w) {
    if (!r.object(j, p, {"id", "site", "name", "specialty", "rule_set", "instant_booking", "instant_bookers", "auto_approve"}))
        return false;
    bool ok = all({r.id(j, p, "id", w.id), r.id(j, p, "site", w.site), r.text(j, p, "name", w.name),
                   r.text(j, p, "specialty", w.specialty, false), r.id(j, p, "rule_set", w.rule_set, false),
                   r.boolean(j, p, "instant_booking", w.instant_booking),
                   r.id_list(j, p, "instant_bookers", w.instant_bookers),
                   r.enumeration(j, p, "auto_approve", w.auto_approve, false)});
    return ok;
}

bool read_shift_type(Reader& r, const json& j, const std::string& p, ShiftType& t) {
    if (!r.object(j, p, {"id", "name", "start", "end", "night"})) return false;
    bool ok = all({r.id(j, p, "id", t.id), r.text(j, p, "name", t.name), r.clock(j, p, "start", t.start_minute),
                   r.clock(j, p, "end", t.end_minute), r.boolean(j, p, "night", t.night)});
    if (ok && t.start_minute == t.end_minute) {
        r.fail(p + "/end", "must differ from the start (a shift cannot last 0 or 24 hours)");
        ok = false;
    }
    return ok;
}

bool read_document(Reader& r, const json& j, const std::string& p, ComplianceDocument& d) {
    return r.object(j, p, {"kind", "expires"}) && all({r.id(j, p, "kind", d.kind), r.date(j, p, "expires", d.expires)});
}

bool read_staff(Reader& r, const json& j, const std::string& p, Staff& s) {
    if (!r.object(j, p,
                  {"id", "name", "group", "grade", "skills", "contracted_hours_per_week", "employment", "contract",
                   "wards", "documents", "email", "phone"}))
        return false;
    bool ok = all({r.id(j, p, "id", s.id), r.text(j, p, "name", s.name), r.enumeration(j, p, "group", s.group),
                   r.text(j, p, "grade", s.grade), r.id_list(j, p, "skills", s.skills),
                   r.enumeration(j, p, "employment", s.employment), r.id(j, p, "contract", s.contract),
                   r.id_list(j, p, "wards", s.wards), r.text(j, p, "email", s.email, false),
                   r.text(j, p, "phone", s.phone, false)});
    if (auto it = j.find("contracted_hours_per_week"); it != j.end()) {
        if (!it->is_number() || it->get<double>() < 0 || it->get<double>() > 100) {
            r.fail(p + "/contracted_hours_per_week", "must be a number of hours from 0 to 100");
            ok = false;
        } else {
            s.contracted_minutes_per_week = int(std::lround(it->get<double>() * 60));
        }
    }
    if (auto it = j.find("documents"); it != j.end()) {
        if (!it->is_array()) {
            r.fail(p + "/documents", "must be an array, not " + type_name(*it));
            ok = false;
        } else {
            for (size_t i = 0; i < it->size(); ++i) {
                ComplianceDocument d;
                if (read_document(r, (*it)[i], p + "/documents/" + std::to_string(i), d))
                    s.documents.push_back(d);
                else
                    ok = false;
            }
        }
    }
    return ok;
}

bool read_requirements(Reader& r, const json& obj, const std::string& path, Requirements& q) {
    auto it = obj.find("requirements");
    const std::string p = path + "/requirements";
    if (it == obj.end()) return r.fail(p, "is missing"), false;
    if (!r.object(*it, p, {"group", "grades", "skills"})) return false;
    bool ok = r.enumeration(*it, p, "group", q.group);
    // Grades are free text ("Band 5"), so read them as strings rather than ids.
    if (auto g = it->find("grades"); g != it->end()) {
        if (!g->is_array()) {
            r.fail(p + "/grades", "must be an array of grade names");
            ok = false;
        } else {
            for (size_t i = 0; i < g->size(); ++i) {
                if ((*g)[i].is_string() && !(*g)[i].get_ref<const std::string&>().empty())
                    q.grades.push_back((*g)[i].get<std::string>());
                else {
                    r.fail(p + "/grades/" + std::to_string(i), "must be a grade name such as \"Band 5\"");
                    ok = false;
                }
            }
        }
    }
    return all({ok, r.id_list(*it, p, "skills", q.skills)});
}

bool read_shift(Reader& r, const json& j, const std::string& p, Shift& s) {
    if (!r.object(j, p,
                  {"id", "ward", "type", "start", "end", "requirements", "status", "assignee", "rate_pence_per_hour",
                   "source"}))
        return false;
    int64_t rate = 0;
    bool ok = all({r.id(j, p, "id", s.id), r.id(j, p, "ward", s.ward), r.id(j, p, "type", s.type),
                   r.local_time(j, p, "start", s.start), r.local_time(j, p, "end", s.end),
                   read_requirements(r, j, p, s.requirements), r.enumeration(j, p, "status", s.status),
                   r.id(j, p, "assignee", s.assignee, false), r.integer(j, p, "rate_pence_per_hour", rate, 0, 100000),
                   r.enumeration(j, p, "source", s.source)});
    s.rate_pence_per_hour = int(rate);
    if (!ok) return false;
    const int64_t minutes = shift_minutes(s);
    if (minutes <= 0) {
        r.fail(p + "/end", "must be after the start (" + format_local_date_time(s.start) + ")");
        return false;
    }
    if (minutes > 24 * 60) {
        r.fail(p + "/end", "makes the shift " + format_duration(minutes) + " long; a shift lasts at most 24 h");
        return false;
    }
    if (s.status == ShiftStatus::Open && !s.assignee.empty()) {
        r.fail(p + "/assignee", "must be absent: an open shift is a vacancy waiting in the bank");
        return false;
    }
    const bool needs_assignee =
        s.status == ShiftStatus::Booked || s.status == ShiftStatus::Worked || s.status == ShiftStatus::SignedOff;
    if (needs_assignee && s.assignee.empty()) {
        r.fail(p + "/assignee", "is missing: a " + std::string(to_string(s.status)) + " shift has someone assigned");
        return false;
    }
    return true;
}

bool read_user(Reader& r, const json& j, const std::string& p, User& u) {
    if (!r.object(j, p, {"id", "name", "role", "staff", "wards"})) return false;
    return all({r.id(j, p, "id", u.id), r.text(j, p, "name", u.name), r.enumeration(j, p, "role", u.role),
                r.id(j, p, "staff", u.staff, false), r.id_list(j, p, "wards", u.wards)});
}

bool read_rate(Reader& r, const json& j, const std::string& p, RateCardEntry& e) {
    if (!r.object(j, p, {"group", "grade", "type", "rate_pence_per_hour"})) return false;
    int64_t rate = 0;
    const bool ok = all({r.enumeration(j, p, "group", e.group), r.text(j, p, "grade", e.grade), r.id(j, p, "type", e.type, false),
                         r.integer(j, p, "rate_pence_per_hour", rate, 0, 100000)});
    e.pence_per_hour = int(rate);
    return ok;
}

bool read_leave(Reader& r, const json& j, const std::string& p, Leave& l) {
    if (!r.object(j, p, {"id", "staff", "kind", "first", "last", "status"})) return false;
    bool ok = all({r.id(j, p, "id", l.id), r.id(j, p, "staff", l.staff), r.enumeration(j, p, "kind", l.kind),
                   r.date(j, p, "first", l.first), r.date(j, p, "last", l.last), r.enumeration(j, p, "status", l.status)});
    if (ok && l.last < l.first) {
        r.fail(p + "/last", "must not be before the first day (" + format_date(l.first) + ")");
        ok = false;
    }
    return ok;
}

bool read_availability(Reader& r, const json& j, const std::string& p, Availability& a) {
    if (!r.object(j, p, {"staff", "date", "start", "end"})) return false;
    bool ok = all({r.id(j, p, "staff", a.staff), r.date(j, p, "date", a.date), r.clock(j, p, "start", a.start_minute),
                   r.clock(j, p, "end", a.end_minute)});
    if (ok && a.end_minute <= a.start_minute && a.end_minute != 0) {
        r.fail(p + "/end", "must be after the start (use 00:00 for midnight)");
        ok = false;
    }
    if (a.end_minute == 0) a.end_minute = 24 * 60;
    return ok;
}

bool read_application(Reader& r, const json& j, const std::string& p, Application& a) {
    return r.object(j, p, {"id", "shift", "staff", "status"}) &&
           all({r.id(j, p, "id", a.id), r.id(j, p, "shift", a.shift), r.id(j, p, "staff", a.staff),
                r.enumeration(j, p, "status", a.status)});
}

bool read_timesheet(Reader& r, const json& j, const std::string& p, Timesheet& t) {
    return r.object(j, p, {"id", "shift", "staff", "start", "end", "status"}) &&
           all({r.id(j, p, "id", t.id), r.id(j, p, "shift", t.shift), r.id(j, p, "staff", t.staff),
                r.local_time(j, p, "start", t.start), r.local_time(j, p, "end", t.end),
                r.enumeration(j, p, "status", t.status)});
}

bool read_swap(Reader& r, const json& j, const std::string& p, Swap& w) {
    return r.object(j, p, {"id", "shift", "other_shift", "from", "to", "status"}) &&
           all({r.id(j, p, "id", w.id), r.id(j, p, "shift", w.shift), r.id(j, p, "other_shift", w.other_shift),
                r.id(j, p, "from", w.from), r.id(j, p, "to", w.to), r.enumeration(j, p, "status", w.status)});
}

bool read_notification(Reader& r, const json& j, const std::string& p, Notification& n) {
    return r.object(j, p, {"id", "staff", "kind", "shift", "text", "time", "digest", "read"}) &&
           all({r.id(j, p, "id", n.id), r.id(j, p, "staff", n.staff), r.enumeration(j, p, "kind", n.kind),
                r.id(j, p, "shift", n.shift, false), r.text(j, p, "text", n.text), r.text(j, p, "time", n.time, false),
                r.boolean(j, p, "digest", n.digest), r.boolean(j, p, "read", n.read)});
}

bool read_prefs(Reader& r, const json& j, const std::string& p, NotificationPrefs& n) {
    if (!r.object(j, p, {"staff", "wards", "types", "days", "frequency"})) return false;
    int64_t days = 0x7F;
    const bool ok = all({r.id(j, p, "staff", n.staff), r.id_list(j, p, "wards", n.wards), r.id_list(j, p, "types", n.types),
                         r.integer(j, p, "days", days, 0, 0x7F, false), r.enumeration(j, p, "frequency", n.frequency, false)});
    n.days = uint8_t(days);
    return ok;
}

bool read_cancellation(Reader& r, const json& j, const std::string& p, Cancellation& c) {
    if (!r.object(j, p, {"id", "shift", "staff", "by", "by_ward", "time", "hours_notice", "late", "reason"})) return false;
    int64_t hours = 0;
    const bool ok = all({r.id(j, p, "id", c.id), r.id(j, p, "shift", c.shift), r.id(j, p, "staff", c.staff),
                         r.id(j, p, "by", c.by), r.boolean(j, p, "by_ward", c.by_ward), r.text(j, p, "time", c.time, false),
                         r.integer(j, p, "hours_notice", hours, -100000, 100000), r.boolean(j, p, "late", c.late),
                         r.text(j, p, "reason", c.reason, false)});
    c.hours_notice = int(hours);
    return ok;
}

// Ids must be unique within their list, and every reference must name something that exists.
template <class T>
std::unordered_set<std::string> unique_ids(Reader& r, const std::vector<T>& items, const char* list) {
    std::unordered_set<std::string> seen;
    for (size_t i = 0; i < items.size(); ++i)
        if (!seen.insert(items[i].id).second)
            r.fail(std::string("/") + list + "/" + std::to_string(i) + "/id",
                   "\"" + items[i].id + "\" is used twice in " + list);
    return seen;
}

void check_references(Reader& r, const State& s) {
    auto sites = unique_ids(r, s.sites, "sites");
    auto wards = unique_ids(r, s.wards, "wards");
    auto types = unique_ids(r, s.shift_types, "shift_types");
    auto staff = unique_ids(r, s.staff, "staff");
    auto shifts = unique_ids(r, s.shifts, "shifts");
    unique_ids(r, s.users, "users");
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
             "notification_prefs", "cancellations"})) {
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
    if (const json* t = r.field(doc, "", "trust", true); t && r.object(*t, "/trust", {"id", "name", "cancel_notice_hours"})) {
        int64_t notice = 48;
        r.id(*t, "/trust", "id", s.trust.id);
        r.text(*t, "/trust", "name", s.trust.name);
        r.integer(*t, "/trust", "cancel_notice_hours", notice, 0, 24 * 60, false);
        s.trust.cancel_notice_hours = int(notice);
    }
    if (const json* p = r.field(doc, "", "period", true); p && r.object(*p, "/period", {"start", "days"})) {
        int64_t days = 28;
        r.date(*p, "/period", "start", s.period_start);
        r.integer(*p, "/period", "days", days, 1, 366);
        s.period_days = int(days);
    }
    r.array(doc, "sites", s.sites, [&](const json& j, const std::string& p, Site& x) { return read_site(r, j, p, x); });
    r.array(doc, "wards", s.wards, [&](const json& j, const std::string& p, Ward& x) { return read_ward(r, j, p, x); });
    r.array(doc, "shift_types", s.shift_types,
            [&](const json& j, const std::string& p, ShiftType& x) { return read_shift_type(r, j, p, x); });
    r.array(doc, "staff", s.staff,
            [&](const json& j, const std::string& p, Staff& x) { return read_staff(r, j, p, x); });
    r.array(doc, "shifts", s.shifts,
            [&](const json& j, const std::string& p, Shift& x) { return read_shift(r, j, p, x); });
    r.array(doc, "users", s.users, [&](const json& j, const std::string& p, User& x) { return read_user(r, j, p, x); });
    r.array(doc, "rate_card", s.rate_card, [&](const json& j, const std::string& p, RateCardEntry& x) { return read_rate(r, j, p, x); },
            false);
    // Requests are optional: a rota exported from elsewhere may have none.
    r.array(doc, "leave", s.leave, [&](const json& j, const std::string& p, Leave& x) { return read_leave(r, j, p, x); }, false);
    r.array(doc, "availability", s.availability,
            [&](const json& j, const std::string& p, Availability& x) { return read_availability(r, j, p, x); }, false);
    r.array(doc, "applications", s.applications,
            [&](const json& j, const std::string& p, Application& x) { return read_application(r, j, p, x); }, false);
    r.array(doc, "timesheets", s.timesheets,
            [&](const json& j, const std::string& p, Timesheet& x) { return read_timesheet(r, j, p, x); }, false);
    r.array(doc, "swaps", s.swaps, [&](const json& j, const std::string& p, Swap& x) { return read_swap(r, j, p, x); }, false);
    r.array(doc, "notifications", s.notifications,
            [&](const json& j, const std::string& p, Notification& x) { return read_notification(r, j, p, x); }, false);
    r.array(doc, "notification_prefs", s.notification_prefs,
            [&](const json& j, const std::string& p, NotificationPrefs& x) { return read_prefs(r, j, p, x); }, false);
    r.array(doc, "cancellations", s.cancellations,
            [&](const json& j, const std::string& p, Cancellation& x) { return read_cancellation(r, j, p, x); }, false);
    if (r.errors.empty()) check_references(r, s);
    out.errors = std::move(r.errors);
    if (!out.errors.empty()) out.state = State{};  // never half-loaded
    return out;
}

json shift_to_json(const Shift& x) {
    json req = {{"group", to_string(x.requirements.group)}};
    if (!x.requirements.grades.empty()) req["grades"] = x.requirements.grades;
    if (!x.requirements.skills.empty()) req["skills"] = x.requirements.skills;
    json j = {{"id", x.id}, {"ward", x.ward}, {"type", x.type}, {"start", format_local_date_time(x.start)},
              {"end", format_local_date_time(x.end)}, {"requirements", std::move(req)}, {"status", to_string(x.status)},
              {"rate_pence_per_hour", x.rate_pence_per_hour}, {"source", to_string(x.source)}};
    if (!x.assignee.empty()) j["assignee"] = x.assignee;
    return j;
}

std::optional<Shift> shift_from_json(const json& j, const std::string& path, std::vector<LoadError>& errors) {
    Reader r;
    Shift s;
    const bool ok = read_shift(r, j, path, s);
    errors.insert(errors.end(), r.errors.begin(), r.errors.end());
    if (!ok || !r.errors.empty()) return std::nullopt;
    return s;
}

json to_json(const State& s) {
    json doc = json::object();
    doc["format"] = kFormat;
    doc["revision"] = s.revision;
    doc["trust"] = {{"id", s.trust.id}, {"name", s.trust.name}, {"cancel_notice_hours", s.trust.cancel_notice_hours}};
    doc["period"] = {{"start", format_date(s.period_start)}, {"days", s.period_days}};
    auto& sites = doc["sites"] = json::array();
    for (const auto& x : s.sites) sites.push_back({{"id", x.id}, {"name", x.name}});
    auto& wards = doc["wards"] = json::array();
    for (const auto& w : s.wards) {
        json j = {{"id", w.id},
                  {"site", w.site},
                  {"name", w.name},
                  {"rule_set", w.rule_set},
                  {"instant_booking", w.instant_booking}};
        if (!w.specialty.empty()) j["specialty"] = w.specialty;
        if (!w.instant_bookers.empty()) j["instant_bookers"] = w.instant_bookers;
        if (w.auto_approve != AutoApprove::Off) j["auto_approve"] = to_string(w.auto_approve);
        wards.push_back(std::move(j));
    }
    auto& types = doc["shift_types"] = json::array();
    for (const auto& t : s.shift_types)
        types.push_back({{"id", t.id},
                         {"name", t.name},
                         {"start", format_clock(t.start_minute)},
                         {"end", format_clock(t.end_minute)},
                         {"night", t.night}});
    auto& staff = doc["staff"] = json::array();
    for (const auto& p : s.staff) {
        json j = {{"id", p.id},
                  {"name", p.name},
                  {"group", to_string(p.group)},
                  {"grade", p.grade},
                  {"skills", p.skills},
                  {"contracted_hours_per_week", p.contracted_minutes_per_week / 60.0},
                  {"employment", to_string(p.employment)},
                  {"contract", p.contract},
                  {"wards", p.wards}};
        json docs = json::array();
        for (const auto& d : p.documents) docs.push_back({{"kind", d.kind}, {"expires", format_date(d.expires)}});
        j["documents"] = std::move(docs);
        if (!p.email.empty()) j["email"] = p.email;
        if (!p.phone.empty()) j["phone"] = p.phone;
        staff.push_back(std::move(j));
    }
    auto& shifts = doc["shifts"] = json::array();
    for (const auto& x : s.shifts) shifts.push_back(shift_to_json(x));
    if (!s.rate_card.empty()) {
        auto& a = doc["rate_card"] = json::array();
        for (const auto& e : s.rate_card) {
            json j = {{"group", to_string(e.group)}, {"grade", e.grade}, {"rate_pence_per_hour", e.pence_per_hour}};
            if (!e.type.empty()) j["type"] = e.type;
            a.push_back(std::move(j));
        }
    }
    // Requests are written only when there are some, so a plain rota stays short.
    if (!s.leave.empty()) {
        auto& a = doc["leave"] = json::array();
        for (const auto& l : s.leave)
            a.push_back({{"id", l.id}, {"staff", l.staff}, {"kind", to_string(l.kind)}, {"first", format_date(l.first)},
                         {"last", format_date(l.last)}, {"status", to_string(l.status)}});
    }
    if (!s.availability.empty()) {
        auto& a = doc["availability"] = json::array();
        for (const auto& v : s.availability)
            a.push_back({{"staff", v.staff}, {"date", format_date(v.date)}, {"start", format_clock(v.start_minute)},
                         {"end", format_clock(v.end_minute % (24 * 60))}});
    }
    if (!s.applications.empty()) {
        auto& a = doc["applications"] = json::array();
        for (const auto& x : s.applications)
            a.push_back({{"id", x.id}, {"shift", x.shift}, {"staff", x.staff}, {"status", to_string(x.status)}});
    }
    if (!s.timesheets.empty()) {
        auto& a = doc["timesheets"] = json::array();
        for (const auto& t : s.timesheets)
            a.push_back({{"id", t.id}, {"shift", t.shift}, {"staff", t.staff}, {"start", format_local_date_time(t.start)},
                         {"end", format_local_date_time(t.end)}, {"status", to_string(t.status)}});
    }
    if (!s.swaps.empty()) {
        auto& a = doc["swaps"] = json::array();
        for (const auto& w : s.swaps)
            a.push_back({{"id", w.id}, {"shift", w.shift}, {"other_shift", w.other_shift}, {"from", w.from},
                         {"to", w.to}, {"status", to_string(w.status)}});
    }
    if (!s.notifications.empty()) {
        auto& a = doc["notifications"] = json::array();
        for (const auto& n : s.notifications) {
            json j = {{"id", n.id}, {"staff", n.staff}, {"kind", to_string(n.kind)}, {"text", n.text},
                      {"digest", n.digest}, {"read", n.read}};
            if (!n.shift.empty()) j["shift"] = n.shift;
            if (!n.time.empty()) j["time"] = n.time;
            a.push_back(std::move(j));
        }
    }
    if (!s.notification_prefs.empty()) {
        auto& a = doc["notification_prefs"] = json::array();
        for (const auto& n : s.notification_prefs)
            a.push_back({{"staff", n.staff}, {"wards", n.wards}, {"types", n.types}, {"days", int(n.days)},
                         {"frequency", to_string(n.frequency)}});
    }
    if (!s.cancellations.empty()) {
        auto& a = doc["cancellations"] = json::array();
        for (const auto& c : s.cancellations) {
            json j = {{"id", c.id}, {"shift", c.shift}, {"staff", c.staff}, {"by", c.by}, {"by_ward", c.by_ward},
                      {"hours_notice", c.hours_notice}, {"late", c.late}};
            if (!c.time.empty()) j["time"] = c.time;
            if (!c.reason.empty()) j["reason"] = c.reason;
            a.push_back(std::move(j));
        }
    }
    auto& users = doc["users"] = json::array();
    for (const auto& u : s.users) {
        json j = {{"id", u.id}, {"name", u.name}, {"role", to_string(u.role)}, {"wards", u.wards}};
        if (!u.staff.empty()) j["staff"] = u.staff;
        users.push_back(std::move(j));
    }
    return doc;
}

std::string save_state(const State& state, int indent) {
    return to_json(state).dump(indent, ' ', false, json::error_handler_t::replace);
}

std::string describe(const LoadError& e) {
    return (e.path.empty() ? std::string("(document)") : e.path) + ": " + e.message;
}

}  // namespace sb
