#include "ui/rota_drag.hpp"

#include <algorithm>

#include "core/civil_time.hpp"
#include "core/booking.hpp"
#include "core/data_format.hpp"
#include "core/permissions.hpp"
#include "ui/access_mirror.hpp"
#include "ui/icons.hpp"
#include "ui/widgets.hpp"

namespace sb::ui {
using namespace colour;

DropVerdict drop_verdict(const ViewContext& ctx, const Shift& dragged, const std::string& staff, Date day, bool messages) {
    DropVerdict v;
    // The shift as move_shift would make it (core/booking.hpp), judged by the prepared rules engine:
    // every visible cell asks this each frame of a drag, too often for a preview of the command.
    v.candidate = moved_candidate(dragged, day, staff);
    if (staff.empty()) return v;
    const CandidateVerdict c = ctx.rules.engine->check_candidate(v.candidate, staff, messages);
    v.allowed = c.allowed;
    v.warnings = c.warnings;
    v.violations = c.violations;
    return v;
}

void draw_cell_verdict(const DropVerdict& v, ImVec2 min, ImVec2 max, bool hovered) {
    const ImU32 fill = !v.allowed ? kPaleRed : v.warnings ? kPaleYellow : kPaleGreen;
    const ImU32 strong = !v.allowed ? kRed : v.warnings ? kAmberText : kGreen;
    ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, fill);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const char* mark = !v.allowed ? ICON_BAN : v.warnings ? ICON_WARNING : ICON_CHECK;
    const float size = ImGui::GetFontSize() * 0.8f;
    dl->AddText(nullptr, size, ImVec2(max.x - size - 3, max.y - size - 2), strong, mark);
    if (hovered) dl->AddRect(min, max, strong, 4, 0, 2.5f);
}

void drop_tooltip(const ViewContext& ctx, const DropVerdict& v) {
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 24);
    ImGui::PushFont(ctx.fonts.bold);
    if (!v.allowed) text_coloured(kRed, ICON_BAN "  Blocked");
    else if (v.warnings) text_coloured(kAmberText, ICON_WARNING "  Allowed, with a warning");
    else text_coloured(kGreen, ICON_CHECK "  Allowed");
    ImGui::PopFont();
    ImGui::Text("%s %s, %s", shift_label(v.candidate, ctx.state).c_str(), format_weekday_day_month(v.candidate.start.date).c_str(),
                shift_times(v.candidate).c_str());
    for (const Violation& x : v.violations) ImGui::TextWrapped("%s", x.message.c_str());
    if (!v.allowed && ctx.user && manages_ward(*ctx.user, v.candidate.ward))
        ImGui::TextDisabled("Drop here to override it with a written reason.");
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

std::string verdict_words(const ViewContext& ctx, const Shift& moving, const DropVerdict& v, const std::string& staff) {
    const Staff* p = ctx.state.find_staff(staff);
    std::string out = (staff.empty() ? std::string("Vacant") : p ? p->name : staff) + ", " + format_weekday_day_month(v.candidate.start.date) + ": ";
    if (v.candidate.assignee == moving.assignee && v.candidate.start == moving.start) return out + "where it is now.";
    auto messages = [&](Severity severity) {
        std::string m;
        for (const Violation& x : v.violations)
            if (x.severity == severity) m += (m.empty() ? "" : " ") + x.message + ".";
        return m;
    };
    if (!v.allowed) {
        out += "Blocked: " + messages(Severity::Block);
        if (ctx.user && manages_ward(*ctx.user, v.candidate.ward)) out += " Enter to override it with a reason.";
        return out;
    }
    if (v.warnings) return out + "Allowed, with a warning: " + messages(Severity::Warn);
    return out + "Allowed.";
}

// "Moved Grace Nowak's Late from Mon 30 Nov to Wed 2 Dec", "Moved the vacant Early (Tue 1 Dec) to
// Daniel Müller", "Moved Grace Nowak's Night (Tue 1 Dec) to vacant, Thu 3 Dec": whose, what, where.
std::string describe_move(const State& state, const Shift& from, const Shift& to) {
    auto name = [&](const std::string& id) {
        const Staff* p = state.find_staff(id);
        return p ? p->name : id;
    };
    std::string out = "Moved " + (from.assignee.empty() ? "the vacant " + shift_label(from, state)
                                                        : name(from.assignee) + "'s " + shift_label(from, state));
    const std::string was = format_weekday_day_month(from.start.date), now = format_weekday_day_month(to.start.date);
    if (from.assignee == to.assignee) return out + " from " + was + " to " + now;
    out += " (" + was + ") to " + (to.assignee.empty() ? std::string("vacant") : name(to.assignee));
    if (from.start.date != to.start.date) out += ", " + now;
    return out;
}

namespace {
nlohmann::json move_payload(const Shift& to) {
    return {{"shift", to.id}, {"start", format_local_date_time(to.start)}, {"end", format_local_date_time(to.end)},
            {"assignee", to.assignee.empty() ? nlohmann::json(nullptr) : nlohmann::json(to.assignee)}};
}
}  // namespace

void drop_shift(ViewContext& ctx, RotaScreen& rota, const Shift& dragged, const DropVerdict& v, const std::string& staff) {
    if (v.candidate.assignee == dragged.assignee && v.candidate.start == dragged.start) return;   // dropped where it was
    auto& selected = rota.selected;
    if (selected.size() > 1 && std::find(selected.begin(), selected.end(), dragged.id) != selected.end()) {
        // A selection moves together: by the same number of days, and the dragged person's shifts
        // go to the person dropped on. One command, so one undo and all-or-nothing rules.
        const int delta = v.candidate.start.date - dragged.start.date;
        nlohmann::json moves = nlohmann::json::array();
        for (const auto& id : selected) {
            const Shift* s = ctx.state.find_shift(id);
            if (!s) continue;
            Shift to = *s;
            to.start.date = s->start.date + delta;
            to.end.date = s->end.date + delta;
            if (s->assignee == dragged.assignee) to.assignee = staff;
            moves.push_back(move_payload(to));
        }
        const size_t n = moves.size();
        const CommandResult r = ctx.commands.submit("move_shifts", {{"moves", std::move(moves)}}, "Moved " + std::to_string(n) + " shifts");
        if (r.accepted()) selected.clear();
        return;
    }
    if (!v.allowed && ctx.user && manages_ward(*ctx.user, v.candidate.ward)) {
        const DropVerdict full = drop_verdict(ctx, dragged, staff, v.candidate.start.date, true);
        PendingOverride p;
        p.candidate = full.candidate;
        for (const Violation& x : full.violations)
            if (x.severity == Severity::Block) p.message += (p.message.empty() ? "" : "\n") + x.message;
        rota.pending_override = std::move(p);
        return;
    }
    ctx.commands.submit("move_shift", move_payload(v.candidate), describe_move(ctx.state, dragged, v.candidate));
}

void draw_override_dialog(ViewContext& ctx, RotaScreen& rota) {
    auto& pending = rota.pending_override;
    if (!pending) return;
    const char* title = "Override a safety rule?";
    if (!ImGui::IsPopupOpen(title)) ImGui::OpenPopup(title);
    ImGui::SetNextWindowSize(ImVec2(std::min(520.0f, ImGui::GetIO().DisplaySize.x - 32), 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(20, 18));
    if (ImGui::BeginPopupModal(title, nullptr, ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings)) {
        const Shift* original = ctx.state.find_shift(pending->candidate.id);
        ImGui::PushTextWrapPos(0);
        if (original) ImGui::TextUnformatted(describe_move(ctx.state, *original, pending->candidate).c_str());
        ImGui::PushStyleColor(ImGuiCol_Text, kRed);
        ImGui::TextWrapped(ICON_BAN "  %s", pending->message.c_str());
        ImGui::PopStyleColor();
        if (a11y::Mirror* m = a11y::current()) {   // what the dialog says, read before its field
            if (original) m->text(describe_move(ctx.state, *original, pending->candidate));
            m->text("Blocked: " + pending->message);
        }
        ImGui::TextWrapped("The move breaks this rule. If it must happen, say why: the reason is kept with the change "
                           "in the audit trail.");
        ImGui::PopTextWrapPos();
        ImGui::SetNextItemWidth(-1);
        if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
        text_field("##reason", "Reason, e.g. agreed with the person; no one else available",
                                 pending->reason, sizeof pending->reason);
        ImGui::Spacing();
        const bool has_reason = pending->reason[0] != '\0';
        ImGui::BeginDisabled(!has_reason);
        if (button("Override and move", ButtonKind::Primary) && original) {
            nlohmann::json payload = move_payload(pending->candidate);
            payload["override_reason"] = std::string(pending->reason);
            ctx.commands.submit("move_shift", std::move(payload),
                                describe_move(ctx.state, *original, pending->candidate) + " (rule overridden)");
            pending.reset();
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndDisabled();
        ImGui::SameLine();
        if (button("Cancel", ButtonKind::Secondary) || ImGui::IsKeyPressed(ImGuiKey_Escape)) {
            pending.reset();
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
    ImGui::PopStyleVar();
}

void open_move_to(RotaScreen& rota, const Shift& shift) {
    rota.move_to = shift.id;
    rota.move_to_staff = shift.assignee;
    rota.move_to_day = shift.start.date;
}

void draw_move_to_dialog(ViewContext& ctx, RotaScreen& rota) {
    if (rota.move_to.empty()) return;
    const Shift* found = ctx.state.find_shift(rota.move_to);
    const char* title = "Move a shift";
    if (!found) {   // deleted meanwhile (a colleague's change): nothing left to move
        rota.move_to.clear();
        return;
    }
    const Shift shift = *found;   // a copy: the move changes the state under our feet
    if (!ImGui::IsPopupOpen(title)) ImGui::OpenPopup(title);
    ImGui::SetNextWindowSize(ImVec2(std::min(480.0f, ImGui::GetIO().DisplaySize.x - 32), 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(20, 18));
    if (ImGui::BeginPopupModal(title, nullptr, ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings)) {
        const State& st = ctx.state;
        const std::string what = shift_label(shift, st) + " " + format_weekday_day_month(shift.start.date) + ", " + shift_times(shift);
        ImGui::TextUnformatted(what.c_str());
        if (a11y::Mirror* m = a11y::current()) m->text(what);
        ImGui::Spacing();
        // Who: the people on this rota (as the grid lists them), or the vacant lane.
        const Staff* to = st.find_staff(rota.move_to_staff);
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted("To");
        ImGui::SameLine(64);
        ImGui::SetNextItemWidth(-1);
        if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
        if (begin_combo("##move-person", "Person", to ? (to->name + " \xC2\xB7 " + to->grade).c_str() : "Vacant (unassigned)")) {
            if (choice("Vacant (unassigned)", rota.move_to_staff.empty())) rota.move_to_staff.clear();
            for (const auto& row : rota.rota_index.rows)
                if (row.kind == RotaIndex::Row::Person && row.staff &&
                    choice((row.staff->name + " \xC2\xB7 " + row.staff->grade + "##" + row.staff->id).c_str(), row.label == rota.move_to_staff))
                    rota.move_to_staff = row.label;
            ImGui::EndCombo();
        }
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted("On");
        ImGui::SameLine(64);
        ImGui::SetNextItemWidth(-1);
        if (begin_combo("##move-day", "Day", format_weekday_day_month(rota.move_to_day).c_str())) {
            for (int d = 0; d < st.period_days; ++d) {
                const Date day = st.period_start + d;
                if (choice(format_weekday_day_month(day).c_str(), day == rota.move_to_day)) rota.move_to_day = day;
                if (day == rota.move_to_day && ImGui::IsWindowAppearing()) ImGui::SetItemDefaultFocus();
            }
            ImGui::EndCombo();
        }
        // The verdict, as a drag shows it on the cell: in words and colour, read out as it changes.
        const DropVerdict v = drop_verdict(ctx, shift, rota.move_to_staff, rota.move_to_day, true);
        const std::string words = verdict_words(ctx, shift, v, rota.move_to_staff);
        ImGui::Spacing();
        ImGui::PushTextWrapPos(0);
        ImGui::PushStyleColor(ImGuiCol_Text, !v.allowed ? kRed : v.warnings ? kAmberText : kGreen);
        ImGui::TextWrapped("%s  %s", !v.allowed ? ICON_BAN : v.warnings ? ICON_WARNING : ICON_CHECK, words.c_str());
        ImGui::PopStyleColor();
        ImGui::PopTextWrapPos();
        if (a11y::Mirror* m = a11y::current()) m->status(words, "move");
        ImGui::Spacing();
        const bool same = v.candidate.assignee == shift.assignee && v.candidate.start == shift.start;
        const bool may_override = ctx.user && manages_ward(*ctx.user, v.candidate.ward);
        ImGui::BeginDisabled(same || (!v.allowed && !may_override));
        // A blocked move goes on to the override dialog, as a blocked drop does.
        if (button(!v.allowed ? "Override\xE2\x80\xA6" : "Move", ButtonKind::Primary)) {
            rota.move_to.clear();
            ImGui::CloseCurrentPopup();
            drop_shift(ctx, rota, shift, v, rota.move_to_staff);
        }
        ImGui::EndDisabled();
        ImGui::SameLine();
        if (button("Cancel", ButtonKind::Secondary) || (ImGui::IsKeyPressed(ImGuiKey_Escape) && ImGui::IsWindowFocused())) {
            rota.move_to.clear();
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
    ImGui::PopStyleVar();
}

}  // namespace sb::ui
