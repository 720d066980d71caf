#include "visibility.hpp"

#include <algorithm>

#include "core/format/entity_json.hpp"

namespace sb {
namespace {

struct Viewer {
    bool full;               // managers and administrators
    const std::string& me;   // the clinician's staff id
};

// Whether the viewer may see an entity at all; everything not listed is on the rota for everyone.
template <class T> bool keep(const T&, const Viewer&) { return true; }
bool keep(const Leave& x, const Viewer& v) { return v.full || x.staff == v.me; }
bool keep(const Availability& x, const Viewer& v) { return v.full || x.staff == v.me; }
bool keep(const Application& x, const Viewer& v) { return v.full || x.staff == v.me; }
bool keep(const Timesheet& x, const Viewer& v) { return v.full || x.staff == v.me; }
bool keep(const Swap& x, const Viewer& v) { return v.full || x.from == v.me || x.to == v.me; }
bool keep(const Notification& x, const Viewer& v) { return v.full || x.staff == v.me; }
bool keep(const NotificationPrefs& x, const Viewer& v) { return v.full || x.staff == v.me; }
bool keep(const Cancellation& x, const Viewer& v) { return v.full || x.staff == v.me; }

// Lists a clinician sees only part of (so their order differs from the server's).
template <class T> constexpr bool filtered = false;
template <> constexpr bool filtered<Leave> = true;
template <> constexpr bool filtered<Availability> = true;
template <> constexpr bool filtered<Application> = true;
template <> constexpr bool filtered<Timesheet> = true;
template <> constexpr bool filtered<Swap> = true;
template <> constexpr bool filtered<Notification> = true;
template <> constexpr bool filtered<NotificationPrefs> = true;
template <> constexpr bool filtered<Cancellation> = true;

// What of a visible entity the viewer may not read.
template <class T> void redact(T&, const Viewer&) {}
void redact(Staff& p, const Viewer& v) {
    if (v.full || p.id == v.me) return;
    p.email.clear();
    p.phone.clear();
    p.assignment.clear();
    p.documents.clear();
    p.contracted_minutes_per_week = 0;
}
// A vacancy's rate is an offer to everyone; what a colleague is paid is theirs.
void redact(Shift& x, const Viewer& v) {
    if (!v.full && x.assignee != v.me && x.status != ShiftStatus::Open) x.rate_pence_per_hour = 0;
}
void redact(Ward& w, const Viewer& v) {
    if (v.full) return;
    w.instant_bookers.erase(std::remove_if(w.instant_bookers.begin(), w.instant_bookers.end(), [&](const std::string& id) { return id != v.me; }),
                            w.instant_bookers.end());
}

Viewer viewer_of(const User& user) { return {user.role != Role::Clinician, user.staff}; }

template <class T>
nlohmann::json visible_image(const nlohmann::json& image, const Viewer& v) {
    if (image.is_null()) return image;
    format::Reader r;
    T x;
    if (!format::read(r, image, "", x) || !r.errors.empty() || !keep(x, v)) return nullptr;
    redact(x, v);
    return format::write(x);
}

}  // namespace

State visible_to(const State& state, const User& user) {
    const Viewer v = viewer_of(user);
    if (v.full) return state;
    State s = state;
    for (int k = 0; k < kCollectionCount; ++k)
        visit_collection(Collection(k), [&](auto tag) {
            using T = decltype(tag);
            auto& items = Entities<T>::of(s);
            items.erase(std::remove_if(items.begin(), items.end(), [&](const T& x) { return !keep(x, v); }), items.end());
            for (T& x : items) redact(x, v);
            return 0;
        });
    return s;
}

ChangeSet visible_changes(const ChangeSet& changes, const User& user) {
    const Viewer v = viewer_of(user);
    if (v.full) return changes;
    ChangeSet out;
    for (const EntityChange& c : changes) {
        EntityChange x = c;
        const bool partial = visit_collection(c.collection, [&](auto tag) {
            using T = decltype(tag);
            x.before = visible_image<T>(c.before, v);
            x.after = visible_image<T>(c.after, v);
            return filtered<T>;
        });
        if (x.before == x.after) continue;   // nothing they can see changed
        if (partial) x.before_index = x.after_index = -1;
        out.push_back(std::move(x));
    }
    return out;
}

Violation as_seen_by(const State& state, const User& viewer, Violation v) {
    if (viewer.role != Role::Clinician || v.staff == viewer.staff) return v;
    if (v.rule != "leave_conflict" && v.rule != "documents_valid") return v;
    const Staff* p = state.find_staff(v.staff);
    const Shift* s = v.shifts.empty() ? nullptr : state.find_shift(v.shifts.front());
    const ShiftType* t = s ? state.find_shift_type(s->type) : nullptr;
    const std::string who = p ? p->name : "Your colleague";
    const std::string what = s ? (t ? t->name : s->type) + " " + format_weekday_day_month(s->start.date) : "that shift";
    v.message = v.rule == "leave_conflict" ? who + " is not available for " + what : who + " cannot take " + what + " as a bank shift";
    v.rule = "colleague_unavailable";   // the rule's id would say which (leave, documents) as plainly
    v.shifts.resize(std::min<size_t>(v.shifts.size(), 1));
    return v;
}

}  // namespace sb
