// What window.shiftbankTest (docs/testing.md) and the headless UI tests read: a summary of the
// state and the screen, rectangles of what was drawn, and a legal move to drag. Nothing here
// changes anything.
#include <nlohmann/json.hpp>

#include "core/booking.hpp"
#include "core/data_format.hpp"
#include "core/enum_names.hpp"
#include "ui/app.hpp"
#include "ui/widgets.hpp"

namespace sb::ui {

bool App::text_field_at(float x, float y) const {
    for (const WidgetRect& r : widget_rects())
        if (r.text_field && x >= r.min.x && x < r.max.x && y >= r.min.y && y < r.max.y) return true;
    return false;
}

std::string App::widget_json(const std::string& prefix, bool text_fields) const {
    auto rect = [](const WidgetRect& r) {
        return nlohmann::json{{"label", r.label}, {"x", r.min.x}, {"y", r.min.y}, {"w", r.max.x - r.min.x}, {"h", r.max.y - r.min.y}};
    };
    nlohmann::json out = text_fields ? nlohmann::json::array() : nlohmann::json(nullptr);
    for (const WidgetRect& r : widget_rects()) {
        if (text_fields && r.text_field) out.push_back(rect(r));
        if (!text_fields && !r.text_field && r.label.compare(0, prefix.size(), prefix) == 0) return rect(r).dump();
    }
    return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

nlohmann::json App::summary() const {
    nlohmann::json j = {{"loaded", status_ == DataStatus::Ready},
                        {"failed", status_ == DataStatus::Failed},
                        {"staff", state().staff.size()},
                        {"shifts", state().shifts.size()},
                        {"wards", state().wards.size()},
                        {"revision", state().revision},
                        {"data_version", store_.version()},
                        {"dragging", !rota_.drag.shift.empty()},
                        {"source", source_},
                        {"view", view_title(session_.view)},
                        {"user", session_.user},
                        {"role", to_string(session_.role)},
                        {"fonts", fonts_ok_},
                        {"undo", store_.undo_depth()},
                        {"selected", rota_.selected.size()},
                        {"message", toast_},
                        {"message_is_error", toast_is_error_},
                        {"rota_search", rota_.search},
                        {"open_search", open_shifts_.open.search},
                        {"open_listed", open_shifts_.open_listed},
                        {"open_first_refusal", open_shifts_.open_first_refusal},
                        {"text_input", ImGui::GetCurrentContext() && ImGui::GetIO().WantTextInput},
                        {"signing_in", sign_in_.needed},
                        {"online", sync_.online},
                        {"pending", store_.unanswered()},
                        {"syncing", sync_.busy},
                        {"read_only", sync_.read_only},
                        {"drafts", sync_.read_only ? store_.unanswered() : 0}};
    // The signed-in person's own figures: what the booking tests check after a tap.
    if (const User* u = state().find_user(session_.user)) j["user_name"] = u->name;
    if (const User* u = state().find_user(session_.user); u && !u->staff.empty()) {
        int bookings = 0, applications = 0, unread = 0;
        for (const Shift& s : state().shifts) bookings += s.assignee == u->staff && s.status == ShiftStatus::Booked;
        for (const Application& a : state().applications) applications += a.staff == u->staff && a.status == RequestStatus::Pending;
        for (const Notification& n : state().notifications) unread += n.staff == u->staff && !n.read;
        j["my_bookings"] = bookings;
        j["my_applications"] = applications;
        j["unread_notifications"] = unread;
    }
    if (!failure_.empty()) j["error"] = failure_;
    return j;
}

std::string App::cell_rect_json(const std::string& staff, const std::string& date) const {
    const auto d = parse_date(date);
    for (const CellRect& c : rota_.cells)
        if (d && c.staff == staff && c.date == *d)
            return nlohmann::json{{"x", c.min.x}, {"y", c.min.y}, {"w", c.max.x - c.min.x}, {"h", c.max.y - c.min.y}}.dump();
    return "null";   // not on screen (scrolled away, or another ward or week)
}

std::string App::sample_cells_json() {
    // A visible shift that may legally move, and a visible empty cell it may legally go to
    // (no block, no warning): what the browser test drags.
    if (!rules_.engine) return "null";
    auto whole = [&](const CellRect& c) {   // seen whole, so a pointer pressed at its centre lands on it
        return c.min.x >= rota_.body_min.x && c.min.y >= rota_.body_min.y && c.max.x <= rota_.body_max.x && c.max.y <= rota_.body_max.y;
    };
    for (const CellRect& from : rota_.cells) {
        if (!from.has_shift || from.staff.empty() || !whole(from)) continue;
        const Shift* s = state().find_shift(from.shift);
        if (!s || s->start.date != from.date) continue;
        for (const CellRect& to : rota_.cells) {
            if (to.has_shift || to.staff.empty() || to.staff == from.staff || !whole(to)) continue;
            const Shift cand = moved_candidate(*s, to.date, to.staff);
            const CandidateVerdict v = rules_.engine->check_candidate(cand, to.staff, false);
            if (!v.allowed || v.warnings) continue;
            return nlohmann::json{{"from", {{"staff", from.staff}, {"date", format_date(from.date)}, {"shift", s->id}}},
                                  {"to", {{"staff", to.staff}, {"date", format_date(to.date)}}}}
                .dump();
        }
    }
    return "null";
}

std::string App::audit_shown_json() const {
    nlohmann::json entries = nlohmann::json::array();
    for (const AuditEntry& e : audit_.entries)
        entries.push_back({{"revision", e.revision}, {"author", e.author}, {"type", e.type}, {"text", e.text},
                           {"override_reason", e.override_reason}});
    return dump_summary({{"from_server", audit_.from_server}, {"loading", audit_.loading}, {"error", audit_.error}, {"entries", entries}});
}

}  // namespace sb::ui
