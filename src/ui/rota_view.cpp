// The manager's rota screen: the ward and weeks, filters and actions, the grid with the history
// beside it, and the dialogs its menus open. The pieces are in rota_parts.hpp.
#include <algorithm>
#include <cctype>
#include <map>
#include <unordered_map>
#include <optional>

#include "core/civil_time.hpp"
#include "core/enum_names.hpp"
#include "core/permissions.hpp"
#include "core/reports.hpp"
#include "ui/access_mirror.hpp"
#include "ui/icons.hpp"
#include "ui/rota_drag.hpp"
#include "ui/rota_edit.hpp"
#include "ui/rota_parts.hpp"
#include "ui/view_context.hpp"
#include "ui/widgets.hpp"

namespace sb::ui {
using namespace colour;

namespace {
// Undo and Redo, always in the same place (greyed when there is nothing), each naming what it would do.
void undo_redo_buttons(ViewContext& ctx) {
    const float w = std::max(ImGui::GetFrameHeight() + 8, ctx.phone ? 44.0f : 0.0f);
    flow_next(w * 2 + 4);
    a11y::Mirror* mirror = a11y::current();
    auto one = [&](const char* label, const std::string& verb, const std::string& what, bool can, const char* keys, bool (CommandSink::*act)()) {
        ImGui::BeginDisabled(!can);
        if (mirror) mirror->next(a11y::Role::Button, what.empty() ? verb : verb + ": " + what);
        if (button(label, ButtonKind::Secondary, ImVec2(w, 0))) (ctx.commands.*act)();
        ImGui::EndDisabled();
        if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
            ImGui::SetTooltip("%s", (what.empty() ? "Nothing to " + std::string(1, char(std::tolower(verb[0]))) + verb.substr(1)
                                                 : verb + ": " + what + " (" + keys + ")").c_str());
    };
    one(ICON_UNDO "##undo-toolbar", "Undo", ctx.commands.undo_description(), ctx.commands.can_undo(), "Ctrl+Z", &CommandSink::undo);
    ImGui::SameLine(0, 4);
    one(ICON_REDO "##redo-toolbar", "Redo", ctx.commands.redo_description(), ctx.commands.can_redo(), "Ctrl+Shift+Z", &CommandSink::redo);
}

void draw_toolbar(ViewContext& ctx, RotaScreen& m, const Ward& ward, Date first, Date last, bool can_edit) {
    heading(ctx.fonts, ward.name.c_str());
    if (!ctx.phone) flow_next(180, 24);   // beside the ward's name while it fits
    ImGui::SetNextItemWidth(ctx.phone ? -1 : 180);
    if (begin_combo("##ward", "Ward", ICON_HOSPITAL "  Change ward")) {
        if (choice("All wards", ward.id == kAllWards)) m.rota_ward = kAllWards;
        for (const Ward& w : ctx.state.wards)
            if (choice(w.name.c_str(), w.id == ward.id)) m.rota_ward = w.id;
        ImGui::EndCombo();
    }
    // Earlier / the dates / later, then Today: the dates take the width of the widest range, so the
    // arrows stay where they are as the dates change and a second click lands on the same arrow.
    // Beside the ward while the three fit (in large text on a narrow page, on a line of their own).
    const float arrow_guess = ctx.phone ? 44 : ImGui::CalcTextSize(ICON_CHEVRON_LEFT).x + ImGui::GetStyle().FramePadding.x * 2;
    if (!ctx.phone) flow_next(arrow_guess * 2 + 12 + widest_date_range_width());
    const int max_offset = std::max(0, ctx.state.period_days / 7 - m.rota_weeks);
    a11y::Mirror* mirror = a11y::current();
    ImGui::BeginDisabled(m.rota_week_offset <= 0);
    if (mirror) mirror->next(a11y::Role::Button, "Earlier weeks");
    if (button(ICON_CHEVRON_LEFT "##prev", ButtonKind::Secondary, ImVec2(ctx.phone ? 44 : 0, 0))) --m.rota_week_offset;
    ImGui::EndDisabled();
    ImGui::SameLine(0, 6);
    const std::string range = date_range(first, last);
    // The slot is as wide as the widest range, so the arrows stay put; on a narrow page in large
    // text it is what is left beside the two arrows, so the next arrow stays on the page.
    const float arrow_w = ImGui::GetItemRectSize().x;
    const float room = ImGui::GetWindowContentRegionMax().x - ImGui::GetCursorPosX() - arrow_w - 6;
    const float dates_x = ImGui::GetCursorPosX(), dates_w = std::min(widest_date_range_width(), room);
    ImGui::AlignTextToFramePadding();
    ImGui::SetCursorPosX(dates_x + (dates_w - ImGui::CalcTextSize(range.c_str()).x) * 0.5f);
    ImGui::TextUnformatted(range.c_str());
    ImGui::SameLine(dates_x + dates_w + 6);
    ImGui::BeginDisabled(m.rota_week_offset >= max_offset);
    if (mirror) mirror->next(a11y::Role::Button, "Later weeks");
    if (button(ICON_CHEVRON_RIGHT "##next", ButtonKind::Secondary, ImVec2(ctx.phone ? 44 : 0, 0))) ++m.rota_week_offset;
    ImGui::EndDisabled();
    // Today: the week holding today first (disabled when it is already in view, or not in the rota).
    const int today_day = ctx.session.today - ctx.state.period_start;
    const int today_offset = std::clamp(today_day / 7, 0, max_offset);
    const bool today_in_view = today_day >= m.rota_week_offset * 7 && today_day < (m.rota_week_offset + m.rota_weeks) * 7;
    flow_next(ImGui::CalcTextSize("Today").x + ImGui::GetStyle().FramePadding.x * 2, 6);
    ImGui::BeginDisabled(today_in_view || today_day < 0 || today_day >= ctx.state.period_days);
    if (button("Today", ButtonKind::Secondary)) m.rota_week_offset = today_offset;
    ImGui::EndDisabled();
    const char* weeks_label[] = {"1 week", "2 weeks", "4 weeks"};
    const int weeks_value[] = {1, 2, 4};
    const int current = m.rota_weeks == 1 ? 0 : m.rota_weeks == 2 ? 1 : 2;
    const float weeks_w = combo_width(weeks_label[current], 110);
    flow_next(weeks_w);
    ImGui::SetNextItemWidth(weeks_w);
    if (begin_combo("##weeks", "Weeks shown", weeks_label[current])) {
        for (int i = 0; i < 3; ++i)
            if (choice(weeks_label[i], i == current)) m.rota_weeks = weeks_value[i];
        ImGui::EndCombo();
    }
    m.rota_week_offset = std::clamp(m.rota_week_offset, 0, std::max(0, ctx.state.period_days / 7 - m.rota_weeks));
    if (can_edit) undo_redo_buttons(ctx);
    const bool with_actions = can_edit && !ctx.phone;
    const bool actions_drawn = with_actions && draw_rota_actions(ctx, m, ward, first, last - first + 1, false);
    // Filters: a name search and the staff group.
    ImGui::SetNextItemWidth(ctx.phone ? 160 : 220);
    text_field("##search", ICON_SEARCH "  Search staff", m.search, sizeof m.search);
    const char* groups[] = {"All staff groups", "Doctors", "Nurses", "Healthcare assistants", "Allied health professionals"};
    const float group_w = combo_width(groups[m.group_filter + 1], 200);
    flow_next(group_w);
    ImGui::SetNextItemWidth(group_w);
    if (begin_combo("##group", "Staff group", groups[m.group_filter + 1])) {
        for (int i = -1; i < 4; ++i)
            if (choice(groups[i + 1], m.group_filter == i)) m.group_filter = i;
        ImGui::EndCombo();
    }
    const char* grade_shown = m.grade_filter.empty() ? "All grades" : m.grade_filter.c_str();
    const float grade_w = combo_width(grade_shown, 140);
    flow_next(grade_w);
    ImGui::SetNextItemWidth(grade_w);
    if (begin_combo("##grade", "Grade", grade_shown)) {
        if (choice("All grades", m.grade_filter.empty())) m.grade_filter.clear();
        std::vector<std::string> grades;
        for (const Staff& p : ctx.state.staff)
            if ((m.group_filter < 0 || int(p.group) == m.group_filter) && std::find(grades.begin(), grades.end(), p.grade) == grades.end())
                grades.push_back(p.grade);
        std::sort(grades.begin(), grades.end());
        for (const auto& g : grades)
            if (choice(g.c_str(), m.grade_filter == g)) m.grade_filter = g;
        ImGui::EndCombo();
    }
    if (!m.selected.empty()) {
        ImGui::SameLine(0, 16);
        ImGui::AlignTextToFramePadding();
        ImGui::TextDisabled("%zu selected", m.selected.size());
        ImGui::SameLine();
        if (button("Clear selection", ButtonKind::Quiet)) m.selected.clear();
    }
    if (with_actions && !actions_drawn) draw_rota_actions(ctx, m, ward, first, last - first + 1, true);   // no room on the first line
}

}  // namespace

void draw_rota_view(ViewContext& ctx, RotaScreen& m) {
    const State& state = ctx.state;
    if (state.wards.empty()) {
        ImGui::TextUnformatted("This trust has no wards yet.");
        return;
    }
    if (m.rota_ward != kAllWards && !state.find_ward(m.rota_ward)) {
        m.rota_ward = ctx.user && ctx.user->role == Role::Admin ? kAllWards : state.wards.front().id;
        if (ctx.user && !ctx.user->wards.empty()) m.rota_ward = ctx.user->wards.front();
    }
    // "All wards" shows the whole trust; toolbar actions then act on the first ward's terms.
    static Ward all_wards;
    all_wards.id = kAllWards;
    all_wards.name = "All wards";
    const Ward& ward = m.rota_ward == kAllWards ? all_wards : *state.find_ward(m.rota_ward);
    RotaIndex& ix = m.rota_index;
    if (ix.revision != state.revision || ix.ward != ward.id || ix.built_for != &state || m.index_filter_key != rota_filter_key(m)) {
        rebuild_rota_index(ix, state, ward.id, m);
        m.index_filter_key = rota_filter_key(m);
    }

    if (m.rota_weeks == 0)   // two weeks when they fit without sideways scrolling, else one
        m.rota_weeks = ImGui::GetContentRegionAvail().x >= (kNameWidth + 14 * kMinDayWidth) * ctx.session.text_scale + 14 ? 2 : 1;
    const int first_day = std::min(m.rota_week_offset * 7, std::max(0, state.period_days - 7));
    const int day_count = std::min(m.rota_weeks * 7, state.period_days - first_day);
    const Date first = state.period_start + first_day;
    // Editing is offered to managers of the ward shown (all managers when showing every ward: the
    // commands themselves refuse changes outside a manager's own wards, with a reason).
    const bool can_edit = ctx.user && (ward.id == kAllWards ? runs_rotas(*ctx.user) : manages_ward(*ctx.user, ward.id));
    draw_toolbar(ctx, m, ward, first, first + (day_count - 1), can_edit);
    ImGui::Spacing();

    // Its links are frame-high targets (44 px on a phone, where they take two lines, or three when
    // narrow or in large text): as high as it was drawn last time, at first as it usually is.
    const float status_h = m.status_bar_h > 0 ? m.status_bar_h : (ImGui::GetFrameHeight() + ImGui::GetStyle().ItemSpacing.y) * (ctx.phone ? 2 : 1) + 8;
    // The history opens beside the grid on a desktop, in its place on a phone.
    const float avail = ImGui::GetContentRegionAvail().x;
    const float panel_w = m.audit_open && !ctx.phone ? std::min(420.0f, avail * 0.38f) : 0.0f;
    if (m.audit_open && ctx.phone) {
        draw_audit_panel(ctx, m, avail);
    } else {
        ImGui::BeginGroup();
        draw_rota_grid(ctx, m, first_day, day_count, can_edit, avail - (panel_w > 0 ? panel_w + 12 : 0), status_h);
        ImGui::EndGroup();
        if (panel_w > 0) {
            ImGui::SameLine(0, 12);
            draw_audit_panel(ctx, m, panel_w);
        }
    }
    draw_override_dialog(ctx, m);
    draw_move_to_dialog(ctx, m);
    draw_cell_menu(ctx, m, ward);
    draw_shift_editor(ctx, m);
    draw_pattern_dialog(ctx, m, first);
    // Delete removes the selected shifts in one command (one undo brings them all back).
    if (can_edit && !m.selected.empty() && ImGui::IsKeyPressed(ImGuiKey_Delete) && !ImGui::GetIO().WantTextInput) {
        const size_t n = m.selected.size();
        if (ctx.commands.submit("delete_shifts", {{"shifts", m.selected}}, "Deleted " + std::to_string(n) + " shifts").accepted())
            m.selected.clear();
    }

    const float status_top = ImGui::GetCursorPosY();
    draw_rota_status_bar(ctx, m, first_day, day_count);
    if (m.keyboard_move.empty()) m.status_bar_h = ImGui::GetCursorPosY() - status_top + 4;   // a move's one line would make the grid jump
}

}  // namespace sb::ui
