#include "core/format/entity_json.hpp"

#include <cmath>

#include "core/rules/rule_sets.hpp"

namespace sb::format {

// --- Enhancement (pay_bands) -------------------------------------------------------------------
bool read(Reader& r, const json& j, const std::string& p, Enhancement& e) {
    if (!r.object(j, p, {"band", "from", "to", "percent"})) return false;
    int64_t percent = 0;
    bool ok = all({r.enumeration(j, p, "band", e.band), r.integer(j, p, "percent", percent, 1, 200)});
    e.percent = int(percent);
    // Only a night band has hours; a day band's are the whole day, so giving them is a mistake.
    if (e.band == PayBand::Night) {
        ok = all({ok, r.clock(j, p, "from", e.from_minute), r.clock(j, p, "to", e.to_minute)});
        if (ok && e.from_minute == e.to_minute) r.fail(p + "/to", "must differ from the start of the band"), ok = false;
    } else {
        for (const char* key : {"from", "to"})
            if (j.contains(key)) r.fail(p + "/" + key, "is only for a night band: a " + std::string(to_string(e.band)) + " band is the whole day"), ok = false;
    }
    return ok;
}
json write(const Enhancement& e) {
    json j = {{"band", to_string(e.band)}, {"percent", e.percent}};
    if (e.band == PayBand::Night) j["from"] = format_clock(e.from_minute), j["to"] = format_clock(e.to_minute);
    return j;
}

// --- Trust --------------------------------------------------------------------------------------
bool read(Reader& r, const json& j, const std::string& p, Trust& t) {
    if (!r.object(j, p, {"id", "name", "cancel_notice_hours"})) return false;
    int64_t notice = 48;
    const bool ok = all({r.id(j, p, "id", t.id), r.text(j, p, "name", t.name),
                         r.integer(j, p, "cancel_notice_hours", notice, 0, 24 * 60, false)});
    t.cancel_notice_hours = int(notice);
    return ok;
}
json write(const Trust& t) { return {{"id", t.id}, {"name", t.name}, {"cancel_notice_hours", t.cancel_notice_hours}}; }

// --- Site ---------------------------------------------------------------------------------------
bool read(Reader& r, const json& j, const std::string& p, Site& s) {
    return r.object(j, p, {"id", "name"}) && all({r.id(j, p, "id", s.id), r.text(j, p, "name", s.name)});
}
json write(const Site& s) { return {{"id", s.id}, {"name", s.name}}; }

// --- Ward ---------------------------------------------------------------------------------------
bool read(Reader& r, const json& j, const std::string& p, Ward& w) {
    if (!r.object(j, p, {"id", "site", "name", "specialty", "rule_set", "instant_booking", "instant_bookers", "auto_approve"}))
        return false;
    // Only the doctors' contract has rota variants; everyone else is governed by their contract alone.
    return all({r.id(j, p, "id", w.id), r.id(j, p, "site", w.site), r.text(j, p, "name", w.name),
                r.text(j, p, "specialty", w.specialty, false), r.one_of(j, p, "rule_set", w.rule_set, ward_rule_set_ids(), false),
                r.boolean(j, p, "instant_booking", w.instant_booking), r.id_list(j, p, "instant_bookers", w.instant_bookers),
                r.enumeration(j, p, "auto_approve", w.auto_approve, false)});
}
json write(const Ward& w) {
    json j = {{"id", w.id}, {"site", w.site}, {"name", w.name}, {"rule_set", w.rule_set}, {"instant_booking", w.instant_booking}};
    if (!w.specialty.empty()) j["specialty"] = w.specialty;
    if (!w.instant_bookers.empty()) j["instant_bookers"] = w.instant_bookers;
    if (w.auto_approve != AutoApprove::Off) j["auto_approve"] = to_string(w.auto_approve);
    return j;
}

// --- Shift type ---------------------------------------------------------------------------------
bool read(Reader& r, const json& j, const std::string& p, ShiftType& t) {
    if (!r.object(j, p, {"id", "name", "start", "end", "night"})) return false;
    bool ok = all({r.id(j, p, "id", t.id), r.text(j, p, "name", t.name), r.clock(j, p, "start", t.start_minute),
                   r.clock(j, p, "end", t.end_minute), r.boolean(j, p, "night", t.night)});
    if (ok && t.start_minute == t.end_minute) {
        r.fail(p + "/end", "must differ from the start (a shift cannot last 0 or 24 hours)");
        ok = false;
    }
    return ok;
}
json write(const ShiftType& t) {
    return {{"id", t.id}, {"name", t.name}, {"start", format_clock(t.start_minute)}, {"end", format_clock(t.end_minute)},
            {"night", t.night}};
}

// --- Staff --------------------------------------------------------------------------------------
namespace {
bool read_document(Reader& r, const json& j, const std::string& p, ComplianceDocument& d) {
    return r.object(j, p, {"kind", "expires"}) && all({r.id(j, p, "kind", d.kind), r.date(j, p, "expires", d.expires)});
}
}  // namespace

bool read(Reader& r, const json& j, const std::string& p, Staff& s) {
    if (!r.object(j, p,
                  {"id", "name", "group", "grade", "skills", "contracted_hours_per_week", "employment", "contract", "wards",
                   "documents", "email", "phone", "assignment"}))
        return false;
    bool ok = all({r.id(j, p, "id", s.id), r.text(j, p, "name", s.name), r.enumeration(j, p, "group", s.group),
                   r.text(j, p, "grade", s.grade), r.id_list(j, p, "skills", s.skills),
                   r.enumeration(j, p, "employment", s.employment), r.one_of(j, p, "contract", s.contract, contract_ids()),
                   r.id_list(j, p, "wards", s.wards), r.text(j, p, "email", s.email, false),
                   r.text(j, p, "phone", s.phone, false), r.text(j, p, "assignment", s.assignment, false)});
    if (ok && !s.assignment.empty() && !valid_assignment_number(s.assignment)) {
        r.fail(p + "/assignment", "\"" + s.assignment + "\" is not an assignment number (digits, as \"12345678\" or \"12345678-2\")");
        ok = false;
    }
    if (ok && !contract_allows(s.contract, s.group)) {
        r.fail(p + "/contract", "\"" + s.contract + "\" is a contract for " + contract_groups(s.contract) + ", not for a " +
                                    std::string(display_name(s.group)));
        ok = false;
    }
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
                if (read_document(r, (*it)[i], p + "/documents/" + std::to_string(i), d)) s.documents.push_back(d);
                else ok = false;
            }
        }
    }
    return ok;
}
json write(const Staff& p) {
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
    if (!p.assignment.empty()) j["assignment"] = p.assignment;
    return j;
}

// --- Shift --------------------------------------------------------------------------------------
namespace {
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
                const json& x = (*g)[i];
                if (x.is_string() && !x.get_ref<const std::string&>().empty() && x.get_ref<const std::string&>().size() <= kMaxTextLength)
                    q.grades.push_back(x.get<std::string>());
                else {
                    r.fail(p + "/grades/" + std::to_string(i), "must be a grade name such as \"Band 5\"");
                    ok = false;
                }
            }
        }
    }
    return all({ok, r.id_list(*it, p, "skills", q.skills)});
}
}  // namespace

bool read(Reader& r, const json& j, const std::string& p, Shift& s) {
    if (!r.object(j, p, {"id", "ward", "type", "start", "end", "requirements", "status", "assignee", "rate_pence_per_hour", "source"}))
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
    if (minutes <= 0) return r.fail(p + "/end", "must be after the start (" + format_local_date_time(s.start) + ")"), false;
    if (minutes > 24 * 60)
        return r.fail(p + "/end", "makes the shift " + format_duration(minutes) + " long; a shift lasts at most 24 h"), false;
    if (s.status == ShiftStatus::Open && !s.assignee.empty())
        return r.fail(p + "/assignee", "must be absent: an open shift is a vacancy waiting in the bank"), false;
    const bool needs_assignee = s.status == ShiftStatus::Booked || s.status == ShiftStatus::Worked || s.status == ShiftStatus::SignedOff;
    if (needs_assignee && s.assignee.empty())
        return r.fail(p + "/assignee", "is missing: a " + std::string(to_string(s.status)) + " shift has someone assigned"), false;
    return true;
}
json write(const Shift& x) {
    json req = {{"group", to_string(x.requirements.group)}};
    if (!x.requirements.grades.empty()) req["grades"] = x.requirements.grades;
    if (!x.requirements.skills.empty()) req["skills"] = x.requirements.skills;
    json j = {{"id", x.id}, {"ward", x.ward}, {"type", x.type}, {"start", format_local_date_time(x.start)},
              {"end", format_local_date_time(x.end)}, {"requirements", std::move(req)}, {"status", to_string(x.status)},
              {"rate_pence_per_hour", x.rate_pence_per_hour}, {"source", to_string(x.source)}};
    if (!x.assignee.empty()) j["assignee"] = x.assignee;
    return j;
}

// --- User ---------------------------------------------------------------------------------------
bool read(Reader& r, const json& j, const std::string& p, User& u) {
    if (!r.object(j, p, {"id", "name", "role", "staff", "wards"})) return false;
    return all({r.id(j, p, "id", u.id), r.text(j, p, "name", u.name), r.enumeration(j, p, "role", u.role),
                r.id(j, p, "staff", u.staff, false), r.id_list(j, p, "wards", u.wards)});
}
json write(const User& u) {
    json j = {{"id", u.id}, {"name", u.name}, {"role", to_string(u.role)}, {"wards", u.wards}};
    if (!u.staff.empty()) j["staff"] = u.staff;
    return j;
}

// --- Rate card ----------------------------------------------------------------------------------
bool read(Reader& r, const json& j, const std::string& p, RateCardEntry& e) {
    if (!r.object(j, p, {"group", "grade", "type", "rate_pence_per_hour"})) return false;
    int64_t rate = 0;
    const bool ok = all({r.enumeration(j, p, "group", e.group), r.text(j, p, "grade", e.grade), r.id(j, p, "type", e.type, false),
                         r.integer(j, p, "rate_pence_per_hour", rate, 0, 100000)});
    e.pence_per_hour = int(rate);
    return ok;
}
json write(const RateCardEntry& e) {
    json j = {{"group", to_string(e.group)}, {"grade", e.grade}, {"rate_pence_per_hour", e.pence_per_hour}};
    if (!e.type.empty()) j["type"] = e.type;
    return j;
}

// --- Leave --------------------------------------------------------------------------------------
bool read(Reader& r, const json& j, const std::string& p, Leave& l) {
    if (!r.object(j, p, {"id", "staff", "kind", "first", "last", "status"})) return false;
    bool ok = all({r.id(j, p, "id", l.id), r.id(j, p, "staff", l.staff), r.enumeration(j, p, "kind", l.kind),
                   r.date(j, p, "first", l.first), r.date(j, p, "last", l.last), r.enumeration(j, p, "status", l.status)});
    if (ok && l.last < l.first) {
        r.fail(p + "/last", "must not be before the first day (" + format_date(l.first) + ")");
        ok = false;
    }
    return ok;
}
json write(const Leave& l) {
    return {{"id", l.id}, {"staff", l.staff}, {"kind", to_string(l.kind)}, {"first", format_date(l.first)},
            {"last", format_date(l.last)}, {"status", to_string(l.status)}};
}

// --- Availability -------------------------------------------------------------------------------
bool read(Reader& r, const json& j, const std::string& p, Availability& a) {
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
json write(const Availability& v) {
    return {{"staff", v.staff}, {"date", format_date(v.date)}, {"start", format_clock(v.start_minute)},
            {"end", format_clock(v.end_minute % (24 * 60))}};
}

// --- Application --------------------------------------------------------------------------------
bool read(Reader& r, const json& j, const std::string& p, Application& a) {
    return r.object(j, p, {"id", "shift", "staff", "status"}) &&
           all({r.id(j, p, "id", a.id), r.id(j, p, "shift", a.shift), r.id(j, p, "staff", a.staff),
                r.enumeration(j, p, "status", a.status)});
}
json write(const Application& x) { return {{"id", x.id}, {"shift", x.shift}, {"staff", x.staff}, {"status", to_string(x.status)}}; }

// --- Timesheet ----------------------------------------------------------------------------------
bool read(Reader& r, const json& j, const std::string& p, Timesheet& t) {
    if (!r.object(j, p, {"id", "shift", "staff", "start", "end", "break_minutes", "status", "claimed", "payroll"})) return false;
    int64_t pause = 0;
    bool ok = all({r.id(j, p, "id", t.id), r.id(j, p, "shift", t.shift), r.id(j, p, "staff", t.staff),
                   r.local_time(j, p, "start", t.start), r.local_time(j, p, "end", t.end),
                   r.integer(j, p, "break_minutes", pause, 0, 24 * 60, false), r.enumeration(j, p, "status", t.status),
                   r.id(j, p, "payroll", t.payroll, false)});
    t.break_minutes = int(pause);
    t.amended = j.contains("claimed");
    if (t.amended) {
        const std::string at = p + "/claimed";
        int64_t claimed_break = 0;
        ok = r.object(j["claimed"], at, {"start", "end", "break_minutes"}) &&
             all({ok, r.local_time(j["claimed"], at, "start", t.claimed_start), r.local_time(j["claimed"], at, "end", t.claimed_end),
                  r.integer(j["claimed"], at, "break_minutes", claimed_break, 0, 24 * 60, false)});
        t.claimed_break_minutes = int(claimed_break);
    }
    return ok;
}
json write(const Timesheet& t) {
    json j = {{"id", t.id}, {"shift", t.shift}, {"staff", t.staff}, {"start", format_local_date_time(t.start)},
              {"end", format_local_date_time(t.end)}, {"status", to_string(t.status)}};
    if (t.break_minutes) j["break_minutes"] = t.break_minutes;
    if (t.amended) {
        j["claimed"] = {{"start", format_local_date_time(t.claimed_start)}, {"end", format_local_date_time(t.claimed_end)}};
        if (t.claimed_break_minutes) j["claimed"]["break_minutes"] = t.claimed_break_minutes;
    }
    if (!t.payroll.empty()) j["payroll"] = t.payroll;
    return j;
}

// --- Swap ---------------------------------------------------------------------------------------
bool read(Reader& r, const json& j, const std::string& p, Swap& w) {
    return r.object(j, p, {"id", "shift", "other_shift", "from", "to", "status"}) &&
           all({r.id(j, p, "id", w.id), r.id(j, p, "shift", w.shift), r.id(j, p, "other_shift", w.other_shift),
                r.id(j, p, "from", w.from), r.id(j, p, "to", w.to), r.enumeration(j, p, "status", w.status)});
}
json write(const Swap& w) {
    return {{"id", w.id}, {"shift", w.shift}, {"other_shift", w.other_shift}, {"from", w.from}, {"to", w.to},
            {"status", to_string(w.status)}};
}

// --- Notification -------------------------------------------------------------------------------
bool read(Reader& r, const json& j, const std::string& p, Notification& n) {
    return r.object(j, p, {"id", "staff", "kind", "shift", "text", "time", "digest", "read"}) &&
           all({r.id(j, p, "id", n.id), r.id(j, p, "staff", n.staff), r.enumeration(j, p, "kind", n.kind),
                r.id(j, p, "shift", n.shift, false), r.text(j, p, "text", n.text), r.text(j, p, "time", n.time, false),
                r.boolean(j, p, "digest", n.digest), r.boolean(j, p, "read", n.read)});
}
json write(const Notification& n) {
    json j = {{"id", n.id}, {"staff", n.staff}, {"kind", to_string(n.kind)}, {"text", n.text}, {"digest", n.digest}, {"read", n.read}};
    if (!n.shift.empty()) j["shift"] = n.shift;
    if (!n.time.empty()) j["time"] = n.time;
    return j;
}

// --- Notification preferences -------------------------------------------------------------------
bool read(Reader& r, const json& j, const std::string& p, NotificationPrefs& n) {
    if (!r.object(j, p, {"staff", "wards", "types", "days", "frequency"})) return false;
    int64_t days = 0x7F;
    const bool ok = all({r.id(j, p, "staff", n.staff), r.id_list(j, p, "wards", n.wards), r.id_list(j, p, "types", n.types),
                         r.integer(j, p, "days", days, 0, 0x7F, false), r.enumeration(j, p, "frequency", n.frequency, false)});
    n.days = uint8_t(days);
    return ok;
}
json write(const NotificationPrefs& n) {
    return {{"staff", n.staff}, {"wards", n.wards}, {"types", n.types}, {"days", int(n.days)}, {"frequency", to_string(n.frequency)}};
}

// --- Cancellation -------------------------------------------------------------------------------
bool read(Reader& r, const json& j, const std::string& p, Cancellation& c) {
    if (!r.object(j, p, {"id", "shift", "staff", "by", "by_ward", "time", "hours_notice", "late", "reason"})) return false;
    int64_t hours = 0;
    const bool ok = all({r.id(j, p, "id", c.id), r.id(j, p, "shift", c.shift), r.id(j, p, "staff", c.staff), r.id(j, p, "by", c.by),
                         r.boolean(j, p, "by_ward", c.by_ward), r.text(j, p, "time", c.time, false),
                         r.integer(j, p, "hours_notice", hours, -100000, 100000), r.boolean(j, p, "late", c.late),
                         r.text(j, p, "reason", c.reason, false)});
    c.hours_notice = int(hours);
    return ok;
}
json write(const Cancellation& c) {
    json j = {{"id", c.id}, {"shift", c.shift}, {"staff", c.staff}, {"by", c.by}, {"by_ward", c.by_ward},
              {"hours_notice", c.hours_notice}, {"late", c.late}};
    if (!c.time.empty()) j["time"] = c.time;
    if (!c.reason.empty()) j["reason"] = c.reason;
    return j;
}

}  // namespace sb::format
