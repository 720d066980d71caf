// The rota grid: staff × days for one ward, vacant shifts on top, grouped by staff group. Only the
// visible rows are built each frame (ImGuiListClipper), so a ward of any size scrolls. Every drop
// target shows the rules' verdict while a shift is dragged (rota_drag.cpp).
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>
#include <unordered_map>
#include <optional>

#include "core/civil_time.hpp"
#include "imgui_internal.h"
#include "core/enum_names.hpp"
#include "ui/access_mirror.hpp"
#include "core/reports.hpp"
#include "ui/icons.hpp"
#include "ui/rota_drag.hpp"
#include "ui/rota_edit.hpp"
#include "ui/rota_parts.hpp"
#include "ui/view_context.hpp"
#include "ui/widgets.hpp"

namespace sb::ui {
using namespace colour;

namespace {
// The person's leave on that day, if any.
const Leave* leave_on(const RotaIndex& ix, const std::string& staff, int day) {
    if (staff.empty()) return nullptr;
    const auto it = ix.leave.find(staff);
    return it == ix.leave.end() ? nullptr : it->second[size_t(day)];
}

const char* leave_words(const Leave& l) {
    return l.kind == LeaveKind::Annual ? "Annual leave" : l.kind == LeaveKind::Study ? "Study leave" : "Sick";
}

// Leave as a hatched band with its kind in words (requested leave paler, with a question mark);
// availability as a thin green line with the hours, so managers filling gaps see who can work.
void draw_leave_and_availability(const RotaIndex& ix, const std::string& staff, int day, ImVec2 a, ImVec2 b, const Fonts& fonts) {
    if (staff.empty()) return;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float small = fonts.small->FontSize * ImGui::GetIO().FontGlobalScale;
    if (auto it = ix.leave.find(staff); it != ix.leave.end() && it->second[size_t(day)]) {
        const Leave& l = *it->second[size_t(day)];
        const bool approved = l.status == RequestStatus::Approved;
        const ImVec2 p(a.x + 3, a.y + 3), q(b.x - 3, b.y - 3);
        dl->AddRectFilled(p, q, approved ? kLeaveFill : kLeaveRequestedFill, 4);
        dl->PushClipRect(p, q, true);
        for (float x = p.x - (q.y - p.y); x < q.x; x += 7)
            dl->AddLine(ImVec2(x, q.y), ImVec2(x + (q.y - p.y), p.y), approved ? rgb(0xC9D0D4) : rgb(0xDDE2E5), 1.0f);
        const char* kind = leave_words(l);
        const std::string text = approved ? kind : std::string(kind) + "?";
        const ImVec2 ts = fonts.small->CalcTextSizeA(small, FLT_MAX, 0, text.c_str());
        dl->AddText(fonts.small, small, ImVec2((p.x + q.x - ts.x) * 0.5f, (p.y + q.y - ts.y) * 0.5f), kSecondaryText, text.c_str());
        dl->PopClipRect();
        return;
    }
    if (auto it = ix.availability.find(staff); it != ix.availability.end() && it->second[size_t(day)]) {
        const Availability& av = *it->second[size_t(day)];
        dl->AddRectFilled(ImVec2(a.x + 4, b.y - 6), ImVec2(b.x - 4, b.y - 4), rgb(0x7ED69B), 1);
        const std::string text = "Can work " + format_clock(av.start_minute) + "\xE2\x80\x93" + format_clock(av.end_minute % 1440);
        dl->PushClipRect(a, b, true);
        dl->AddText(fonts.small, small * 0.92f, ImVec2(a.x + 6, b.y - 8 - small), kGreen, text.c_str());
        dl->PopClipRect();
    }
}

// A cell's shifts in words, for a screen reader: "Late 13:30–21:30, Ward 7, booked"; "empty".
// Leave on a day that also has shifts is drawn over them, as a band across the cell's foot, so it
// is never hidden under the chips; approved leave there is a conflict and says so.
void draw_leave_over_chips(const Leave& l, ImVec2 a, ImVec2 b, const Fonts& fonts) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float small = fonts.small->FontSize * ImGui::GetIO().FontGlobalScale;
    const bool approved = l.status == RequestStatus::Approved;
    const ImVec2 p(a.x + 3, b.y - small - 7), q(b.x - 3, b.y - 3);
    dl->AddRectFilled(p, q, approved ? kLeaveFill : kLeaveRequestedFill, 3);
    dl->AddRect(p, q, approved ? kRed : kSecondaryText, 3, 0, 1.5f);
    const std::string text = std::string(approved ? ICON_WARNING " " : "") + leave_words(l) + (approved ? "" : "?");
    dl->PushClipRect(p, q, true);
    dl->AddText(fonts.small, small, ImVec2(p.x + 4, p.y + 1), approved ? kRefusalText : kSecondaryText, text.c_str());
    dl->PopClipRect();
}

std::string cell_words(const State& state, const std::vector<const Shift*>& shifts) {
    if (shifts.empty()) return "empty";
    std::string out;
    for (const Shift* s : shifts) {
        const ShiftType* t = state.find_shift_type(s->type);
        const Ward* w = state.find_ward(s->ward);
        if (!out.empty()) out += "; ";
        std::string status(display_name(s->status));   // lower case inside the sentence: "booked"
        if (!status.empty()) status[0] = char(std::tolower(static_cast<unsigned char>(status[0])));
        out += (t ? t->name : s->type) + " " + shift_times(*s) + ", " + (w ? w->name : s->ward) + ", " + status;
    }
    return out;
}

void shift_tooltip(const Shift& s, const State& state) {
    ImGui::BeginTooltip();
    ImGui::Text("%s \xC2\xB7 %s", shift_label(s, state).c_str(), format_weekday_day_month(s.start.date).c_str());
    ImGui::Text("%s  (%s)", shift_times(s).c_str(), format_duration(shift_minutes(s)).c_str());
    const Ward* w = state.find_ward(s.ward);
    ImGui::TextDisabled("%s", w ? w->name.c_str() : s.ward.c_str());
    ImGui::Text("Status: %s", std::string(display_name(s.status)).c_str());
    if (!s.assignee.empty())
        if (const Staff* p = state.find_staff(s.assignee)) ImGui::Text("Assigned: %s", p->name.c_str());
    if (s.source != ShiftSource::Roster) ImGui::Text("Source: %s", s.source == ShiftSource::Bank ? "Staff bank" : "Agency");
    ImGui::Text("Rate: %s per hour", format_money(s.rate_pence_per_hour).c_str());
    ImGui::EndTooltip();
}

}  // namespace

void draw_rota_grid(ViewContext& ctx, RotaScreen& m, int first_day, int day_count, bool can_edit, float width, float reserve_below) {
    const State& state = ctx.state;
    RotaIndex& ix = m.rota_index;
    const Date first = state.period_start + first_day;
    // Day columns share the width; below kMinDayWidth the grid scrolls sideways instead of squashing chips.
    // The names' column grows with the text size, so that a ward's, a group's or a person's name fits.
    const float name_w = (ctx.phone ? kPhoneNameWidth : kNameWidth) * ctx.session.text_scale;
    const float row_h = ctx.phone ? kPhoneRowHeight : kRowHeight;
    // Each column also takes its cell padding on both sides and a 1 px border.
    const float per_column_extra = 2 * 3 + 1;
    const float grid_w = width - ImGui::GetStyle().ScrollbarSize - 2;
    const float day_w = std::max(kMinDayWidth * ctx.session.text_scale, (grid_w - name_w - float(day_count + 1) * per_column_extra) / float(day_count));
    const ImGuiTableFlags flags = ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersInnerV |
                                  ImGuiTableFlags_BordersOuter | ImGuiTableFlags_BordersInnerH;
    // The shift being moved, if any (a copy: a drop changes the state under our feet): dragged with
    // the pointer, or picked up with the keyboard, when the focused cell is the one "under" it.
    std::optional<Shift> dragged_copy;
    const bool by_keyboard = m.drag.shift.empty() && !m.keyboard_move.empty();
    if (const std::string& moving = by_keyboard ? m.keyboard_move : m.drag.shift; !moving.empty())
        if (const Shift* s = state.find_shift(moving)) dragged_copy = *s;
    if (!by_keyboard && dragged_copy &&
        (ImGui::IsKeyPressed(ImGuiKey_Escape) || (!ImGui::IsMouseDown(ImGuiMouseButton_Left) && !ImGui::IsMouseReleased(ImGuiMouseButton_Left))))
        dragged_copy.reset(), m.drag = {};
    if (by_keyboard && (!dragged_copy || !can_edit || ImGui::IsKeyPressed(ImGuiKey_Escape))) {
        if (dragged_copy) m.move_words = "Move cancelled: " + shift_label(*dragged_copy, state) + " " +
                                         format_weekday_day_month(dragged_copy->start.date) + " stays where it was.";
        dragged_copy.reset(), m.keyboard_move.clear();
    }
    const Shift* dragged = dragged_copy ? &*dragged_copy : nullptr;
    const ImGuiID focus = ImGui::GetFocusID();
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    DropVerdict drop;
    std::string drop_staff;
    bool dropped = false;
    bool over_cell = false;   // the pointer is over a cell a dragged shift could be dropped on
    m.cells.clear();

    ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(3, 3));
    // On a short page (200 % zoom, a phone held sideways) the grid keeps room for a few rows and the
    // page scrolls to it, rather than squashing it to nothing under the toolbar (WCAG 1.4.10).
    const float grid_h = std::max(ImGui::GetContentRegionAvail().y - reserve_below, 44 + 4 * row_h);
    if (ImGui::BeginTable("rota", day_count + 1, flags, ImVec2(width, grid_h))) {
        ImGui::TableSetupScrollFreeze(1, 1);
        // Where a cell is really on screen (not under the frozen header, the names or a scrollbar):
        // the test hook's sample move picks cells from here only.
        const ImRect inner = ImGui::GetCurrentTable()->InnerClipRect;
        m.body_min = ImVec2(inner.Min.x + name_w + 8, inner.Min.y + 44);
        m.body_max = inner.Max;
        ImGui::TableSetupColumn("Staff", ImGuiTableColumnFlags_WidthFixed, name_w);
        for (int d = 0; d < day_count; ++d) ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, day_w);

        // For a screen reader the rota is a grid of every row (most not drawn): headers, then people.
        a11y::Mirror* mirror = a11y::current() && a11y::current()->enabled() ? a11y::current() : nullptr;
        if (mirror) mirror->begin_grid("Rota", int(ix.rows.size()) + 1, day_count + 1);
        if (mirror) mirror->begin_row(1);

        // Day header: weekday and date, today in blue with a bar under it.
        ImGui::TableNextRow(ImGuiTableRowFlags_Headers, 40);
        ImGui::TableSetColumnIndex(0);
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 10);
        ImGui::TextDisabled("Staff");
        if (mirror) mirror->cell(a11y::Role::ColumnHeader, 0, "Staff", ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y,
                                 ImGui::GetItemRectMax().x, ImGui::GetItemRectMax().y);
        for (int d = 0; d < day_count; ++d) {
            ImGui::TableSetColumnIndex(d + 1);
            const Date day = first + d;
            const bool today = day == ctx.session.today;
            const ImVec2 p = ImGui::GetCursorScreenPos();
            ImDrawList* dl = ImGui::GetWindowDrawList();
            const std::string wd = weekday_short(day), dn = std::to_string(civil(day).day);
            const ImU32 col = today ? kBlue : kSecondaryText;
            const float scale = ImGui::GetIO().FontGlobalScale;
            ImVec2 ws = ctx.fonts.small->CalcTextSizeA(ctx.fonts.small->FontSize * scale, FLT_MAX, 0, wd.c_str());
            ImVec2 ds = ctx.fonts.bold->CalcTextSizeA(ctx.fonts.bold->FontSize * scale, FLT_MAX, 0, dn.c_str());
            dl->AddText(ctx.fonts.small, ctx.fonts.small->FontSize * scale, ImVec2(p.x + (day_w - ws.x) * 0.5f, p.y), col, wd.c_str());
            dl->AddText(ctx.fonts.bold, ctx.fonts.bold->FontSize * scale, ImVec2(p.x + (day_w - ds.x) * 0.5f, p.y + ws.y), today ? kBlue : kText, dn.c_str());
            if (today) dl->AddRectFilled(ImVec2(p.x - 3, p.y + 34), ImVec2(p.x + day_w + 3, p.y + 37), kBlue);
            if (is_weekend(day)) ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, kWeekendShade);
            ImGui::Dummy(ImVec2(day_w, 34));
            if (mirror)
                mirror->cell(a11y::Role::ColumnHeader, d + 1, format_weekday_day_month(day) + (today ? ", today" : ""), p.x, p.y,
                             p.x + day_w, p.y + 34);
        }
        if (mirror) mirror->end_row();

        if (m.scroll_to_staff == "#vacant") ImGui::SetScrollY(0), m.scroll_to_staff.clear();
        if (!m.scroll_to_staff.empty()) {
            for (size_t r = 0; r < ix.rows.size(); ++r)
                if (ix.rows[r].kind == RotaIndex::Row::Person && ix.rows[r].label == m.scroll_to_staff)
                    ImGui::SetScrollY(std::max(0.0f, float(r) * (row_h + 1) - row_h * 2));
            m.scroll_to_staff.clear();
        }
        ImGuiListClipper clipper;
        clipper.Begin(int(ix.rows.size()), row_h);
        while (clipper.Step()) {
            for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
                const RotaIndex::Row& row = ix.rows[size_t(r)];
                ImGui::TableNextRow(ImGuiTableRowFlags_None, row_h);
                ImGui::TableSetColumnIndex(0);
                if (mirror) mirror->begin_row(r + 2);
                const ImVec2 row_at = ImGui::GetCursorScreenPos();
                if (row.kind == RotaIndex::Row::WardHeader || row.kind == RotaIndex::Row::GroupHeader) {
                    // Headers collapse and expand their group when clicked.
                    const bool ward_row = row.kind == RotaIndex::Row::WardHeader;
                    ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, ward_row ? kPaleBlue : kBackground);
                    auto c = std::find(m.collapsed.begin(), m.collapsed.end(), row.group_key);
                    const bool collapsed = c != m.collapsed.end();
                    ImGui::PushFont(ctx.fonts.bold);
                    ImGui::PushStyleColor(ImGuiCol_Text, ward_row ? kDarkBlue : kSecondaryText);
                    const std::string text = std::string(collapsed ? ICON_CHEVRON_RIGHT : ICON_CHEVRON_DOWN) + "  " + row.label;
                    ImGui::PushID(r);
                    // Its button, "Ward 7 · Acute Medicine, expanded", is the row's header.
                    // Its words run across the row (the day cells of a header row are empty), so a long
                    // ward name is whole on a phone or in large text, not cut at the names' column.
                    const ImRect across(ImVec2(row_at.x, row_at.y), ImVec2(ImGui::GetCurrentTable()->InnerClipRect.Max.x, row_at.y + row_h));
                    const ImVec2 text_size = ImGui::CalcTextSize(text.c_str());
                    if (mirror) {
                        mirror->begin_cell(a11y::Role::RowHeader, 0, row_at.x, row_at.y, row_at.x + name_w, row_at.y + row_h);
                        mirror->next(a11y::Role::Button, row.label + (collapsed ? ", collapsed" : ", expanded"));
                        mirror->next_words_width(text_size.x + ImGui::GetStyle().ItemSpacing.x);
                    }
                    // The whole row is the target (at least 24 px, 44 on a phone), its words centred in it.
                    ImGui::PushClipRect(across.Min, across.Max, false);
                    if (ImGui::Selectable("##header", false, ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowOverlap,
                                          ImVec2(0, row_h - 8))) {
                        if (collapsed) m.collapsed.erase(c);
                        else m.collapsed.push_back(row.group_key);
                    }
                    const ImVec2 at(ImGui::GetItemRectMin().x + ImGui::GetStyle().ItemSpacing.x * 0.5f,
                                    (ImGui::GetItemRectMin().y + ImGui::GetItemRectMax().y - text_size.y) * 0.5f);
                    ImGui::GetWindowDrawList()->AddText(at, ImGui::GetColorU32(ImGuiCol_Text), text.c_str());
                    ImGui::PopClipRect();
                    if (mirror) mirror->end_cell(), mirror->end_row();
                    ImGui::PopID();
                    ImGui::PopStyleColor();
                    ImGui::PopFont();
                    continue;
                }
                if (row.kind == RotaIndex::Row::Vacant) {
                    if (r > 0 && ix.rows[size_t(r - 1)].kind != RotaIndex::Row::Vacant) {   // label the first lane only
                        ImGui::PushFont(ctx.fonts.bold);
                        ImGui::TextUnformatted("Vacant");
                        ImGui::PopFont();
                        ImGui::PushFont(ctx.fonts.small);
                        ImGui::TextDisabled("Unfilled or in the bank");
                        ImGui::PopFont();
                    }
                    if (mirror) mirror->cell(a11y::Role::RowHeader, 0, "Vacant", row_at.x, row_at.y, row_at.x + name_w, row_at.y + row_h);
                } else {
                    const Staff& p = *row.staff;
                    ImGui::PushFont(ctx.fonts.bold);
                    ImGui::TextUnformatted(p.name.c_str());
                    ImGui::PopFont();
                    float words_w = ImGui::GetItemRectMax().x - row_at.x;   // how far the words reach, for the layout test
                    if (can_edit) {
                        ImGui::PushID(r);
                        draw_person_menu(ctx, m, p);
                        ImGui::PopID();
                    }
                    int64_t minutes = 0;
                    auto it = ix.cells.find(p.id);
                    if (it != ix.cells.end())
                        for (int d = 0; d < day_count; ++d)
                            for (const Shift* s : it->second[size_t(first_day + d)]) minutes += shift_minutes(*s);
                    const double contracted = p.contracted_minutes_per_week / 60.0 * day_count / 7.0;
                    ImGui::PushFont(ctx.fonts.small);
                    // Contracted hours are the person's own (a static copy leaves them out): unknown, not 0.
                    char hours[64];
                    if (p.employment == Employment::Substantive && p.contracted_minutes_per_week == 0)
                        std::snprintf(hours, sizeof hours, "%.0f h", minutes / 60.0);
                    else if (p.employment == Employment::Substantive)
                        std::snprintf(hours, sizeof hours, "%.0f / %.0f h", minutes / 60.0, contracted);
                    else
                        std::snprintf(hours, sizeof hours, "%s \xC2\xB7 %.0f h", std::string(to_string(p.employment)).c_str(), minutes / 60.0);
                    ImGui::TextDisabled("%s \xC2\xB7 %s", p.grade.c_str(), hours);
                    ImGui::PopFont();
                    words_w = std::max(words_w, ImGui::GetItemRectMax().x - row_at.x);
                    if (mirror) {
                        // "Daniel Müller, Band 7, 24 of 22 h": the slash read as words.
                        std::string spoken = hours;
                        if (const auto slash = spoken.find(" / "); slash != std::string::npos) spoken.replace(slash, 3, " of ");
                        mirror->cell(a11y::Role::RowHeader, 0, p.name + ", " + p.grade + ", " + spoken + " in these days", row_at.x,
                                     row_at.y, row_at.x + name_w, row_at.y + row_h, words_w);
                    }
                }
                auto it = ix.cells.find(row.label);
                const std::string staff = row.kind == RotaIndex::Row::Person ? row.label : std::string();
                for (int d = 0; d < day_count; ++d) {
                    if (!ImGui::TableSetColumnIndex(d + 1)) continue;   // scrolled out of view: build nothing
                    const Date day = first + d;
                    if (day == ctx.session.today) ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, kTodayShade);
                    else if (is_weekend(day)) ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, kWeekendShade);
                    const ImVec2 p = ImGui::GetCursorScreenPos();
                    const ImVec2 cell_min(p.x - 3, p.y - 3), cell_max(p.x + day_w + 3, p.y + row_h - 3);
                    draw_leave_and_availability(ix, staff, first_day + d, cell_min, cell_max, ctx.fonts);
                    static const std::vector<const Shift*> none;
                    const auto& shifts = it == ix.cells.end() ? none : it->second[size_t(first_day + d)];
                    m.cells.push_back({staff, day, cell_min, cell_max, !shifts.empty(), shifts.empty() ? "" : shifts.front()->id});
                    // A cell a manager can change holds its shifts (or its emptiness) as buttons, in
                    // ImGui's keyboard order and the screen reader's; otherwise it is words only.
                    const bool with_items = can_edit && (!dragged || by_keyboard);
                    if (mirror && with_items) mirror->begin_cell(a11y::Role::Cell, d + 1, cell_min.x, cell_min.y, cell_max.x, cell_max.y);
                    else if (mirror) mirror->cell(a11y::Role::Cell, d + 1, cell_words(state, shifts), cell_min.x, cell_min.y, cell_max.x, cell_max.y);
                    // The ids of this cell's items, known before they are drawn: with the keyboard,
                    // the cell holding the focus is the one the shift in hand would go to.
                    bool focused_cell = false;
                    if (by_keyboard) {
                        ImGui::PushID(r * 64 + d);
                        focused_cell = shifts.empty() && ImGui::GetID("##empty") == focus;
                        ImGui::PopID();
                        for (const Shift* sh : shifts) {
                            ImGui::PushID(sh->id.c_str());
                            focused_cell |= ImGui::GetID("##chip") == focus;
                            ImGui::PopID();
                        }
                    }
                    std::optional<DropVerdict> verdict;
                    if (dragged) {
                        // Every visible cell shows what a drop there would do; the hovered one says why. The
                        // chip being dragged is ImGui's active item until its own row handles the release:
                        // for a cell drawn before that row (dragging upwards) the window would not count as
                        // hovered, and the drop would be lost, unless the active item is allowed.
                        const bool hovered = by_keyboard ? focused_cell
                                                         : ImGui::IsMouseHoveringRect(cell_min, cell_max, false) &&
                                                               ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem);
                        verdict = drop_verdict(ctx, *dragged, staff, day, hovered);
                        draw_cell_verdict(*verdict, cell_min, cell_max, hovered);
                        // Read out when the focus reaches another cell (the pick-up's words stay until then).
                        if (hovered && by_keyboard && m.move_target != std::make_pair(r, day))
                            m.move_words = verdict_words(ctx, *dragged, *verdict, staff), m.move_target = {r, day};
                        if (hovered && !by_keyboard) {
                            over_cell = true;
                            drop_tooltip(ctx, *verdict);
                            if (ImGui::IsMouseReleased(ImGuiMouseButton_Left)) drop = *verdict, drop_staff = staff, dropped = true;
                        }
                    }
                    // Enter (or the page's press) on a cell's item while a shift is in hand puts it there.
                    auto put_here = [&] {
                        if (!by_keyboard || !verdict) return;
                        drop = *verdict, drop_staff = staff, dropped = true;
                    };
                    if (shifts.empty()) {
                        // An empty cell: a click or right-click adds a shift from a template; so do
                        // Enter on it and, on a touch screen, a tap.
                        if (with_items) {
                            ImGui::PushID(r * 64 + d);   // unique per row and day (a rota shows at most 28 days)
                            if (mirror) mirror->next(a11y::Role::Button, "empty");
                            const bool pressed = ImGui::InvisibleButton("##empty", ImVec2(day_w, row_h - 6));
                            const bool by_nav = pressed && g.NavActivateDownId == ImGui::GetItemID();
                            // A click (not the end of a rubber band), a tap, Enter or a right-click: its menu.
                            const bool clicked = pressed && !m.banding && !ImGui::GetIO().KeyCtrl && !ImGui::GetIO().KeyShift;
                            if (by_keyboard && pressed) put_here();
                            else if (by_nav || clicked || (ImGui::IsItemHovered() && ImGui::IsMouseClicked(ImGuiMouseButton_Right)))
                                open_cell_menu(ctx, m, staff, day);
                            // Dragging from an empty cell draws a rubber band that selects shifts.
                            if (ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 6) &&
                                ImGui::GetIO().MouseSource != ImGuiMouseSource_TouchScreen)
                                m.banding = true;
                            ImGui::PopID();
                        }
                        if (mirror && with_items) mirror->end_cell();
                        continue;
                    }
                    const float w = day_w / float(shifts.size());
                    for (size_t k = 0; k < shifts.size(); ++k) {
                        const Shift& sh = *shifts[k];
                        const ImVec2 a(p.x + w * float(k), p.y), b(a.x + w - (k + 1 < shifts.size() ? 2 : 0), p.y + row_h - 6);
                        const bool is_dragged = dragged && dragged->id == sh.id;
                        draw_shift_chip(ImGui::GetWindowDrawList(), a, b, sh, state.find_shift_type(sh.type), ctx.fonts);
                        if (is_dragged) ImGui::GetWindowDrawList()->AddRectFilled(a, b, IM_COL32(255, 255, 255, 150), 4);
                        ImGui::SetCursorScreenPos(a);
                        ImGui::PushID(sh.id.c_str());
                        const bool in_hand = by_keyboard && is_dragged;
                        if (mirror) {
                            const bool marked = std::find(m.marked.begin(), m.marked.end(), sh.id) != m.marked.end();
                            const Leave* l = leave_on(ix, staff, first_day + d);
                            const std::string on_leave = !l ? "" : l->status == RequestStatus::Approved ? std::string(", on ") + leave_words(*l) + " that day"
                                                                                                       : std::string(", ") + leave_words(*l) + " asked for that day";
                            mirror->next(a11y::Role::Button, cell_words(state, {&sh}) + on_leave + (in_hand ? ", picked up" : "") +
                                                                 (marked ? (m.marked_warnings ? ", has a warning" : ", breaks a rule") : ""));
                            mirror->next_words_width(shift_chip_words_width(sh, state.find_shift_type(sh.type), ctx.fonts));
                        }
                        const bool pressed = ImGui::InvisibleButton("##chip", ImVec2(b.x - a.x, b.y - a.y));
                        const bool by_nav = pressed && g.NavActivateDownId == ImGui::GetItemID();
                        if (in_hand) ImGui::GetWindowDrawList()->AddRect(a, b, kDarkBlue, 4, 0, 2.5f);
                        if (m.focus_shift == sh.id) {   // just put here with the keyboard: the focus stays on it
                            ImGui::SetFocusID(ImGui::GetItemID(), ImGui::GetCurrentWindow());
                            ImGui::GetCurrentContext()->NavDisableHighlight = false;
                            m.focus_shift.clear();
                        }
                        // Enter picks the shift up; Enter again somewhere else puts it there (on itself: back).
                        if (can_edit && by_keyboard && pressed) {
                            if (in_hand) m.keyboard_move.clear(), m.move_words = "Put back where it was.";
                            else put_here();
                        } else if (can_edit && by_nav && !dragged) {
                            m.keyboard_move = sh.id;
                            m.move_target = {r, day};
                            m.move_words = "Picked up " + shift_label(sh, state) + " " + format_weekday_day_month(sh.start.date) +
                                           ". Arrow keys choose where it goes, Enter puts it there, Escape cancels.";
                        }
                        // The shift's menu: a click or a tap (a drag or a long press picks it up instead),
                        // right-click, the menu key or Shift+F10. Ctrl- or Shift-click selects instead.
                        if (can_edit && !dragged &&
                            ((ImGui::IsItemFocused() && (ImGui::IsKeyPressed(ImGuiKey_Menu) ||
                                                         (ImGui::GetIO().KeyShift && ImGui::IsKeyPressed(ImGuiKey_F10)))) ||
                             (pressed && !by_nav && !ImGui::GetIO().KeyCtrl && !ImGui::GetIO().KeyShift)))
                            ImGui::OpenPopup("chip_menu");
                        // Pick up: a mouse drag of a few pixels, or on a touch screen a long press first,
                        // so that a finger moving across the grid does not grab shifts by accident.
                        const bool touch = ImGui::GetIO().MouseSource == ImGuiMouseSource_TouchScreen;
                        if (!dragged && can_edit && ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 4) &&
                            (!touch || ImGui::GetIO().MouseDownDuration[0] > 0.4f)) {
                            m.drag.shift = sh.id;
                            m.drag.grab_offset = ImVec2(ImGui::GetIO().MouseClickedPos[0].x - a.x, ImGui::GetIO().MouseClickedPos[0].y - a.y);
                        }
                        if (!dragged && ImGui::IsItemHovered(ImGuiHoveredFlags_DelayShort)) shift_tooltip(sh, state);
                        // Ctrl- or Shift-click adds to the selection (post or delete several at once).
                        auto sel = std::find(m.selected.begin(), m.selected.end(), sh.id);
                        if (can_edit && ImGui::IsItemClicked() && (ImGui::GetIO().KeyCtrl || ImGui::GetIO().KeyShift)) {
                            if (sel == m.selected.end()) m.selected.push_back(sh.id);
                            else m.selected.erase(sel);
                            sel = std::find(m.selected.begin(), m.selected.end(), sh.id);
                        }
                        if (sel != m.selected.end()) ImGui::GetWindowDrawList()->AddRect(a, b, kBrightBlue, 4, 0, 2.5f);
                        // Behind the breach (or warning) count just clicked: outlined, and marked so in words.
                        if (std::find(m.marked.begin(), m.marked.end(), sh.id) != m.marked.end()) {
                            const ImU32 ring = m.marked_warnings ? kAmberText : kRed;
                            ImGui::GetWindowDrawList()->AddRect(ImVec2(a.x - 1, a.y - 1), ImVec2(b.x + 1, b.y + 1), ring, 5, 0, 3.0f);
                        }
                        if (can_edit && !dragged) draw_chip_menu(ctx, m, sh);
                        ImGui::PopID();
                    }
                    if (const Leave* l = leave_on(ix, staff, first_day + d)) draw_leave_over_chips(*l, cell_min, cell_max, ctx.fonts);
                    if (mirror && with_items) mirror->end_cell();
                }
                if (mirror) mirror->end_row();
            }
        }
        ImGui::EndTable();
        if (mirror) mirror->end_grid();
    }
    ImGui::PopStyleVar();
    if (by_keyboard && dropped && dragged) {
        m.keyboard_move.clear();
        m.focus_shift = dragged->id;
        m.move_words.clear();   // the change's own message (or the override dialog) says what happened
        drop_shift(ctx, m, *dragged, drop, drop_staff);
    }
    if (a11y::Mirror* mirror = a11y::current(); mirror && mirror->enabled() && !m.move_words.empty()) mirror->status(m.move_words, "move");
    if (dragged && !by_keyboard) {
        // The chip follows the pointer, above everything else.
        const ImVec2 mouse = ImGui::GetMousePos();
        const ImVec2 a(mouse.x - m.drag.grab_offset.x, mouse.y - m.drag.grab_offset.y);
        ImDrawList* fg = ImGui::GetForegroundDrawList();
        fg->AddRectFilled(ImVec2(a.x + 2, a.y + 3), ImVec2(a.x + day_w + 2, a.y + row_h - 3), IM_COL32(0, 0, 0, 40), 4);
        draw_shift_chip(fg, a, ImVec2(a.x + day_w, a.y + row_h - 6), *dragged, state.find_shift_type(dragged->type), ctx.fonts);
        // Off the grid's days (the names, the headers, outside it) it cannot land: said at the pointer.
        if (!over_cell) {
            ImGui::BeginTooltip();
            ImGui::TextUnformatted(ICON_BAN "  Not here: drop it on a person's day, or press Escape");
            ImGui::EndTooltip();
        }
        if (ImGui::IsMouseReleased(ImGuiMouseButton_Left)) {
            m.drag = {};
            if (dropped) drop_shift(ctx, m, *dragged, drop, drop_staff);
        }
    }
    if (m.banding) {
        const ImVec2 a = ImGui::GetIO().MouseClickedPos[0], b = ImGui::GetMousePos();
        const ImVec2 lo(std::min(a.x, b.x), std::min(a.y, b.y)), hi(std::max(a.x, b.x), std::max(a.y, b.y));
        ImGui::GetForegroundDrawList()->AddRectFilled(lo, hi, IM_COL32(0, 114, 206, 30));
        ImGui::GetForegroundDrawList()->AddRect(lo, hi, kBrightBlue, 0, 0, 1.5f);
        if (!ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
            if (!ImGui::GetIO().KeyCtrl && !ImGui::GetIO().KeyShift) m.selected.clear();
            for (const CellRect& c : m.cells)
                if (c.has_shift && c.max.x > lo.x && c.min.x < hi.x && c.max.y > lo.y && c.min.y < hi.y &&
                    std::find(m.selected.begin(), m.selected.end(), c.shift) == m.selected.end())
                    m.selected.push_back(c.shift);
            m.banding = false;
        }
    }
}

}  // namespace sb::ui
