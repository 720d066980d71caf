// The manager's rota: staff × days for one ward, vacant shifts on top, grouped by staff group.
// Only the visible rows are built each frame (ImGuiListClipper), so a ward of any size scrolls.
#include <algorithm>
#include <map>
#include <unordered_map>
#include <optional>

#include "core/civil_time.hpp"
#include "core/enum_names.hpp"
#include "core/reports.hpp"
#include "ui/icons.hpp"
#include "ui/rota_drag.hpp"
#include "ui/rota_edit.hpp"
#include "ui/view_context.hpp"
#include "ui/widgets.hpp"

namespace sb::ui {
using namespace colour;

namespace {
constexpr const char* kAllWards = "*";
constexpr float kRowHeight = 44, kNameWidth = 190, kPhoneNameWidth = 132, kMinDayWidth = 84;

int group_order(StaffGroup g) {
    switch (g) {
        case StaffGroup::Nurse: return 0;
        case StaffGroup::Hca: return 1;
        case StaffGroup::Doctor: return 2;
        case StaffGroup::Ahp: return 3;
    }
    return 4;
}

const char* group_heading(StaffGroup g) {
    switch (g) {
        case StaffGroup::Nurse: return "Registered nurses";
        case StaffGroup::Hca: return "Healthcare assistants";
        case StaffGroup::Doctor: return "Doctors";
        case StaffGroup::Ahp: return "Allied health professionals";
    }
    return "";
}

// Grades sort senior first: "Band 7" before "Band 5", "ST3" before "FY1".
int grade_rank(const std::string& grade) {
    static const char* order[] = {"ST", "CT", "FY2", "FY1", "Band 8", "Band 7", "Band 6", "Band 5", "Band 4", "Band 3", "Band 2"};
    for (int i = 0; i < int(std::size(order)); ++i)
        if (grade.rfind(order[i], 0) == 0) return i;
    return 99;
}

bool matches_filter(const Staff& p, const ViewMemory& m) {
    if (m.group_filter >= 0 && int(p.group) != m.group_filter) return false;
    if (!m.grade_filter.empty() && p.grade != m.grade_filter) return false;
    if (!m.search[0]) return true;
    auto lower = [](std::string x) {
        for (char& c : x) c = char(std::tolower(static_cast<unsigned char>(c)));
        return x;
    };
    return lower(p.name).find(lower(m.search)) != std::string::npos;
}

std::string filter_key(const ViewMemory& m) {
    std::string key = std::to_string(m.group_filter) + "|" + m.grade_filter + "|" + m.search;
    for (const auto& c : m.collapsed) key += "|" + c;
    return key;
}

// Rows for one ward: its vacant lanes, then its people by staff group and grade. With several
// wards (kAllWards) each gets a header. People appear under their home ward, or, for bank and
// agency cover, under the first ward that booked them; their row shows all their shifts in view.
void add_ward_rows(RotaIndex& ix, const State& state, const Ward& ward, bool with_header,
                   const std::vector<const Shift*>& ward_shifts, std::vector<const Staff*>& people_here,
                   const std::vector<std::string>& collapsed) {
    auto is_collapsed = [&](const std::string& key) { return std::find(collapsed.begin(), collapsed.end(), key) != collapsed.end(); };
    const int days = state.period_days;
    std::vector<std::vector<const Shift*>> vacant(static_cast<size_t>(days));
    for (const Shift* s : ward_shifts)
        if (s->assignee.empty()) vacant[size_t(s->start.date - state.period_start)].push_back(s);
    if (with_header) ix.rows.push_back({RotaIndex::Row::WardHeader, ward.name, nullptr, ward.id});
    if (with_header && is_collapsed(ward.id)) return;
    // Vacant shifts are laid out in lanes (lane k holds each day's k-th vacancy), so every row has
    // the same height and the clipper can skip rows it does not draw.
    size_t lanes = 0;
    for (const auto& v : vacant) lanes = std::max(lanes, v.size());
    const std::string vacant_key = ward.id + "/vacant";
    ix.rows.push_back({RotaIndex::Row::GroupHeader, "Vacant shifts", nullptr, vacant_key});
    for (size_t lane = 0; lane < lanes && !is_collapsed(vacant_key); ++lane) {
        const std::string key = "#vacant:" + ward.id + ":" + std::to_string(lane);
        auto& cells = ix.cells[key];
        cells.resize(size_t(days));
        for (int d = 0; d < days; ++d)
            if (lane < vacant[size_t(d)].size()) cells[size_t(d)].push_back(vacant[size_t(d)][lane]);
        ix.rows.push_back({RotaIndex::Row::Vacant, key});
    }
    std::sort(people_here.begin(), people_here.end(), [](const Staff* a, const Staff* b) {
        if (group_order(a->group) != group_order(b->group)) return group_order(a->group) < group_order(b->group);
        if (grade_rank(a->grade) != grade_rank(b->grade)) return grade_rank(a->grade) < grade_rank(b->grade);
        return a->name < b->name;
    });
    for (size_t i = 0; i < people_here.size(); ++i) {
        if (i == 0 || people_here[i]->group != people_here[i - 1]->group) {
            size_t n = 0;
            while (i + n < people_here.size() && people_here[i + n]->group == people_here[i]->group) ++n;
            ix.rows.push_back({RotaIndex::Row::GroupHeader,
                               std::string(group_heading(people_here[i]->group)) + " \xC2\xB7 " + std::to_string(n), nullptr,
                               ward.id + "/" + std::string(display_name(people_here[i]->group))});
        }
        if (!is_collapsed(ward.id + "/" + std::string(display_name(people_here[i]->group))))
            ix.rows.push_back({RotaIndex::Row::Person, people_here[i]->id, people_here[i]});
    }
}

void rebuild_index(RotaIndex& ix, const State& state, const std::string& ward_id, const ViewMemory& m) {
    ix = RotaIndex{};
    ix.revision = state.revision;
    ix.ward = ward_id;
    ix.built_for = &state;
    const bool all = ward_id == kAllWards;
    const int days = state.period_days;
    std::unordered_map<std::string_view, size_t> ward_index;
    for (size_t i = 0; i < state.wards.size(); ++i)
        if (all || state.wards[i].id == ward_id) ward_index[state.wards[i].id] = i;
    std::vector<std::vector<const Shift*>> shifts_by_ward(state.wards.size());
    std::vector<std::vector<const Staff*>> people_by_ward(state.wards.size());
    std::unordered_map<std::string_view, bool> placed;
    for (const Staff& p : state.staff) {
        for (const auto& w : p.wards) {
            auto it = ward_index.find(w);
            if (it == ward_index.end()) continue;
            if (matches_filter(p, m)) people_by_ward[it->second].push_back(&p);
            placed[p.id] = true;
            break;
        }
    }
    for (const Shift& s : state.shifts) {
        auto w = ward_index.find(s.ward);
        if (w == ward_index.end() || s.status == ShiftStatus::Cancelled) continue;
        const int d = s.start.date - state.period_start;
        if (d < 0 || d >= days) continue;
        shifts_by_ward[w->second].push_back(&s);
        if (s.assignee.empty()) continue;
        auto& cells = ix.cells[s.assignee];
        if (cells.empty()) cells.resize(size_t(days));
        cells[size_t(d)].push_back(&s);
        if (!placed[s.assignee])   // bank or agency cover: shown on the first ward that booked them
            if (const Staff* p = state.find_staff(s.assignee)) {
                placed[p->id] = true;
                if (matches_filter(*p, m)) people_by_ward[w->second].push_back(p);
            }
    }
    for (const Leave& l : state.leave) {
        if (l.status == RequestStatus::Declined || l.status == RequestStatus::Withdrawn) continue;
        auto& days_of = ix.leave[l.staff];
        if (days_of.empty()) days_of.resize(size_t(days));
        for (int d = std::max(0, l.first - state.period_start); d <= std::min(days - 1, l.last - state.period_start); ++d)
            days_of[size_t(d)] = &l;
    }
    for (const Availability& a : state.availability) {
        const int d = a.date - state.period_start;
        if (d < 0 || d >= days) continue;
        auto& days_of = ix.availability[a.staff];
        if (days_of.empty()) days_of.resize(size_t(days));
        days_of[size_t(d)] = &a;
    }
    for (size_t i = 0; i < state.wards.size(); ++i)
        if (ward_index.count(state.wards[i].id))
            add_ward_rows(ix, state, state.wards[i], all, shifts_by_ward[i], people_by_ward[i], m.collapsed);
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
        dl->AddRectFilled(p, q, approved ? rgb(0xE4E8EA) : rgb(0xF1F3F4), 4);
        dl->PushClipRect(p, q, true);
        for (float x = p.x - (q.y - p.y); x < q.x; x += 7)
            dl->AddLine(ImVec2(x, q.y), ImVec2(x + (q.y - p.y), p.y), approved ? rgb(0xC9D0D4) : rgb(0xDDE2E5), 1.0f);
        const char* kind = l.kind == LeaveKind::Annual ? "Annual leave" : l.kind == LeaveKind::Study ? "Study leave" : "Sick";
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

void draw_toolbar(ViewContext& ctx, const Ward& ward, Date first, Date last, bool can_edit) {
    ViewMemory& m = ctx.memory;
    heading(ctx.fonts, ward.name.c_str());
    if (!ctx.phone) ImGui::SameLine(0, 24);
    ImGui::SetNextItemWidth(ctx.phone ? -1 : 180);
    if (ImGui::BeginCombo("##ward", ICON_HOSPITAL "  Change ward")) {
        if (ImGui::Selectable("All wards", ward.id == kAllWards)) m.rota_ward = kAllWards;
        for (const Ward& w : ctx.state.wards)
            if (ImGui::Selectable(w.name.c_str(), w.id == ward.id)) m.rota_ward = w.id;
        ImGui::EndCombo();
    }
    if (!ctx.phone) ImGui::SameLine();
    const int max_offset = std::max(0, ctx.state.period_days / 7 - m.rota_weeks);
    ImGui::BeginDisabled(m.rota_week_offset <= 0);
    if (button(ICON_CHEVRON_LEFT "##prev", ButtonKind::Secondary)) --m.rota_week_offset;
    ImGui::EndDisabled();
    ImGui::SameLine(0, 6);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(date_range(first, last).c_str());
    ImGui::SameLine(0, 6);
    ImGui::BeginDisabled(m.rota_week_offset >= max_offset);
    if (button(ICON_CHEVRON_RIGHT "##next", ButtonKind::Secondary)) ++m.rota_week_offset;
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::SetNextItemWidth(110);
    const char* weeks_label[] = {"1 week", "2 weeks", "4 weeks"};
    const int weeks_value[] = {1, 2, 4};
    const int current = m.rota_weeks == 1 ? 0 : m.rota_weeks == 2 ? 1 : 2;
    if (ImGui::BeginCombo("##weeks", weeks_label[current])) {
        for (int i = 0; i < 3; ++i)
            if (ImGui::Selectable(weeks_label[i], i == current)) m.rota_weeks = weeks_value[i];
        ImGui::EndCombo();
    }
    m.rota_week_offset = std::clamp(m.rota_week_offset, 0, std::max(0, ctx.state.period_days / 7 - m.rota_weeks));
    const bool with_actions = can_edit && !ctx.phone;
    const bool actions_drawn = with_actions && draw_rota_actions(ctx, ward, first, last - first + 1, false);
    // Filters: a name search and the staff group.
    ImGui::SetNextItemWidth(ctx.phone ? 160 : 220);
    text_field("##search", ICON_SEARCH "  Search staff", m.search, sizeof m.search);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(200);
    const char* groups[] = {"All staff groups", "Doctors", "Nurses", "Healthcare assistants", "Allied health professionals"};
    if (ImGui::BeginCombo("##group", groups[m.group_filter + 1])) {
        for (int i = -1; i < 4; ++i)
            if (ImGui::Selectable(groups[i + 1], m.group_filter == i)) m.group_filter = i;
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    ImGui::SetNextItemWidth(140);
    if (ImGui::BeginCombo("##grade", m.grade_filter.empty() ? "All grades" : m.grade_filter.c_str())) {
        if (ImGui::Selectable("All grades", m.grade_filter.empty())) m.grade_filter.clear();
        std::vector<std::string> grades;
        for (const Staff& p : ctx.state.staff)
            if ((m.group_filter < 0 || int(p.group) == m.group_filter) && std::find(grades.begin(), grades.end(), p.grade) == grades.end())
                grades.push_back(p.grade);
        std::sort(grades.begin(), grades.end());
        for (const auto& g : grades)
            if (ImGui::Selectable(g.c_str(), m.grade_filter == g)) m.grade_filter = g;
        ImGui::EndCombo();
    }
    if (!m.selected.empty()) {
        ImGui::SameLine(0, 16);
        ImGui::AlignTextToFramePadding();
        ImGui::TextDisabled("%zu selected", m.selected.size());
        ImGui::SameLine();
        if (button("Clear selection", ButtonKind::Quiet)) m.selected.clear();
    }
    if (with_actions && !actions_drawn) draw_rota_actions(ctx, ward, first, last - first + 1, true);   // no room on the first line
}

}  // namespace

void draw_rota_view(ViewContext& ctx) {
    const State& state = ctx.state;
    ViewMemory& m = ctx.memory;
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
    if (ix.revision != state.revision || ix.ward != ward.id || ix.built_for != &state || m.index_filter_key != filter_key(m)) {
        rebuild_index(ix, state, ward.id, m);
        m.index_filter_key = filter_key(m);
    }

    if (m.rota_weeks == 0)   // two weeks when they fit without sideways scrolling, else one
        m.rota_weeks = ImGui::GetContentRegionAvail().x >= kNameWidth + 14 * kMinDayWidth + 14 ? 2 : 1;
    const int first_day = std::min(m.rota_week_offset * 7, std::max(0, state.period_days - 7));
    const int day_count = std::min(m.rota_weeks * 7, state.period_days - first_day);
    const Date first = state.period_start + first_day;
    // Editing is offered to managers of the ward shown (all managers when showing every ward: the
    // commands themselves refuse changes outside a manager's own wards, with a reason).
    const bool can_edit = ctx.user && (ctx.user->role == Role::Admin ||
                                       (ctx.user->role == Role::Manager &&
                                        (ward.id == kAllWards || std::find(ctx.user->wards.begin(), ctx.user->wards.end(), ward.id) !=
                                                                     ctx.user->wards.end())));
    draw_toolbar(ctx, ward, first, first + (day_count - 1), can_edit);
    ImGui::Spacing();

    const float status_h = ImGui::GetTextLineHeightWithSpacing() + 8;
    // Day columns share the width; below kMinDayWidth the grid scrolls sideways instead of squashing chips.
    const float name_w = ctx.phone ? kPhoneNameWidth : kNameWidth;
    // Each column also takes its cell padding on both sides and a 1 px border.
    const float per_column_extra = 2 * 3 + 1;
    const float grid_w = ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ScrollbarSize - 2;
    const float day_w = std::max(kMinDayWidth, (grid_w - name_w - float(day_count + 1) * per_column_extra) / float(day_count));
    const ImGuiTableFlags flags = ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersInnerV |
                                  ImGuiTableFlags_BordersOuter | ImGuiTableFlags_BordersInnerH;
    // The shift being dragged, if any (a copy: a drop changes the state under our feet).
    std::optional<Shift> dragged_copy;
    if (!m.drag.shift.empty())
        if (const Shift* s = state.find_shift(m.drag.shift)) dragged_copy = *s;
    if (dragged_copy && (ImGui::IsKeyPressed(ImGuiKey_Escape) || !ImGui::IsMouseDown(ImGuiMouseButton_Left) && !ImGui::IsMouseReleased(ImGuiMouseButton_Left)))
        dragged_copy.reset(), m.drag = {};
    const Shift* dragged = dragged_copy ? &*dragged_copy : nullptr;
    DropVerdict drop;
    std::string drop_staff;
    bool dropped = false;
    m.cells.clear();

    ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(3, 3));
    if (ImGui::BeginTable("rota", day_count + 1, flags, ImVec2(0, -status_h))) {
        ImGui::TableSetupScrollFreeze(1, 1);
        ImGui::TableSetupColumn("Staff", ImGuiTableColumnFlags_WidthFixed, name_w);
        for (int d = 0; d < day_count; ++d) ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, day_w);

        // Day header: weekday and date, today in blue with a bar under it.
        ImGui::TableNextRow(ImGuiTableRowFlags_Headers, 40);
        ImGui::TableSetColumnIndex(0);
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 10);
        ImGui::TextDisabled("Staff");
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
        }

        if (m.scroll_to_staff == "#vacant") ImGui::SetScrollY(0), m.scroll_to_staff.clear();
        if (!m.scroll_to_staff.empty()) {
            for (size_t r = 0; r < ix.rows.size(); ++r)
                if (ix.rows[r].kind == RotaIndex::Row::Person && ix.rows[r].label == m.scroll_to_staff)
                    ImGui::SetScrollY(std::max(0.0f, float(r) * (kRowHeight + 1) - kRowHeight * 2));
            m.scroll_to_staff.clear();
        }
        ImGuiListClipper clipper;
        clipper.Begin(int(ix.rows.size()), kRowHeight);
        while (clipper.Step()) {
            for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
                const RotaIndex::Row& row = ix.rows[size_t(r)];
                ImGui::TableNextRow(ImGuiTableRowFlags_None, kRowHeight);
                ImGui::TableSetColumnIndex(0);
                if (row.kind == RotaIndex::Row::WardHeader || row.kind == RotaIndex::Row::GroupHeader) {
                    // Headers collapse and expand their group when clicked.
                    const bool ward_row = row.kind == RotaIndex::Row::WardHeader;
                    ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, ward_row ? kPaleBlue : kBackground);
                    auto c = std::find(m.collapsed.begin(), m.collapsed.end(), row.group_key);
                    const bool collapsed = c != m.collapsed.end();
                    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (kRowHeight - ImGui::GetTextLineHeight()) * 0.5f - 3);
                    ImGui::PushFont(ctx.fonts.bold);
                    ImGui::PushStyleColor(ImGuiCol_Text, ward_row ? kDarkBlue : kSecondaryText);
                    const std::string text = std::string(collapsed ? ICON_CHEVRON_RIGHT : ICON_CHEVRON_DOWN) + "  " + row.label;
                    ImGui::PushID(r);
                    if (ImGui::Selectable(text.c_str(), false, ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowOverlap)) {
                        if (collapsed) m.collapsed.erase(c);
                        else m.collapsed.push_back(row.group_key);
                    }
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
                } else {
                    const Staff& p = *row.staff;
                    ImGui::PushFont(ctx.fonts.bold);
                    ImGui::TextUnformatted(p.name.c_str());
                    ImGui::PopFont();
                    if (can_edit) {
                        ImGui::PushID(r);
                        draw_person_menu(ctx, p);
                        ImGui::PopID();
                    }
                    int64_t minutes = 0;
                    auto it = ix.cells.find(p.id);
                    if (it != ix.cells.end())
                        for (int d = 0; d < day_count; ++d)
                            for (const Shift* s : it->second[size_t(first_day + d)]) minutes += shift_minutes(*s);
                    const double contracted = p.contracted_minutes_per_week / 60.0 * day_count / 7.0;
                    ImGui::PushFont(ctx.fonts.small);
                    if (p.employment == Employment::Substantive)
                        ImGui::TextDisabled("%s \xC2\xB7 %.0f / %.0f h", p.grade.c_str(), minutes / 60.0, contracted);
                    else
                        ImGui::TextDisabled("%s \xC2\xB7 %s \xC2\xB7 %.0f h", p.grade.c_str(),
                                            std::string(to_string(p.employment)).c_str(), minutes / 60.0);
                    ImGui::PopFont();
                }
                auto it = ix.cells.find(row.label);
                const std::string staff = row.kind == RotaIndex::Row::Person ? row.label : std::string();
                for (int d = 0; d < day_count; ++d) {
                    if (!ImGui::TableSetColumnIndex(d + 1)) continue;   // scrolled out of view: build nothing
                    const Date day = first + d;
                    if (day == ctx.session.today) ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, kTodayShade);
                    else if (is_weekend(day)) ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, kWeekendShade);
                    const ImVec2 p = ImGui::GetCursorScreenPos();
                    const ImVec2 cell_min(p.x - 3, p.y - 3), cell_max(p.x + day_w + 3, p.y + kRowHeight - 3);
                    draw_leave_and_availability(ix, staff, first_day + d, cell_min, cell_max, ctx.fonts);
                    static const std::vector<const Shift*> none;
                    const auto& shifts = it == ix.cells.end() ? none : it->second[size_t(first_day + d)];
                    m.cells.push_back({staff, day, cell_min, cell_max, !shifts.empty(), shifts.empty() ? "" : shifts.front()->id});
                    if (dragged) {
                        // Every visible cell shows what a drop there would do; the hovered one says why.
                        const bool hovered = ImGui::IsMouseHoveringRect(cell_min, cell_max, false) && ImGui::IsWindowHovered();
                        const DropVerdict v = drop_verdict(ctx, *dragged, staff, day, hovered);
                        draw_cell_verdict(v, cell_min, cell_max, hovered);
                        if (hovered) {
                            drop_tooltip(ctx, v);
                            if (ImGui::IsMouseReleased(ImGuiMouseButton_Left)) drop = v, drop_staff = staff, dropped = true;
                        }
                    }
                    if (shifts.empty()) {
                        // An empty cell: double-click or right-click adds a shift from a template.
                        if (can_edit && !dragged) {
                            ImGui::PushID(d);
                            ImGui::InvisibleButton("empty", ImVec2(day_w, kRowHeight - 6));
                            if (ImGui::IsItemHovered() && (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left) ||
                                                           ImGui::IsMouseClicked(ImGuiMouseButton_Right)))
                                open_cell_menu(ctx, staff, day);
                            // Dragging from an empty cell draws a rubber band that selects shifts.
                            if (ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 6) &&
                                ImGui::GetIO().MouseSource != ImGuiMouseSource_TouchScreen)
                                m.banding = true;
                            ImGui::PopID();
                        }
                        continue;
                    }
                    const float w = day_w / float(shifts.size());
                    for (size_t k = 0; k < shifts.size(); ++k) {
                        const Shift& sh = *shifts[k];
                        const ImVec2 a(p.x + w * float(k), p.y), b(a.x + w - (k + 1 < shifts.size() ? 2 : 0), p.y + kRowHeight - 6);
                        const bool is_dragged = dragged && dragged->id == sh.id;
                        draw_shift_chip(ImGui::GetWindowDrawList(), a, b, sh, state.find_shift_type(sh.type), ctx.fonts);
                        if (is_dragged) ImGui::GetWindowDrawList()->AddRectFilled(a, b, IM_COL32(255, 255, 255, 150), 4);
                        ImGui::SetCursorScreenPos(a);
                        ImGui::PushID(sh.id.c_str());
                        ImGui::InvisibleButton("chip", ImVec2(b.x - a.x, b.y - a.y));
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
                        if (can_edit && !dragged) draw_chip_menu(ctx, sh);
                        ImGui::PopID();
                    }
                }
            }
        }
        ImGui::EndTable();
    }
    ImGui::PopStyleVar();
    if (dragged) {
        // The chip follows the pointer, above everything else.
        const ImVec2 mouse = ImGui::GetMousePos();
        const ImVec2 a(mouse.x - m.drag.grab_offset.x, mouse.y - m.drag.grab_offset.y);
        ImDrawList* fg = ImGui::GetForegroundDrawList();
        fg->AddRectFilled(ImVec2(a.x + 2, a.y + 3), ImVec2(a.x + day_w + 2, a.y + kRowHeight - 3), IM_COL32(0, 0, 0, 40), 4);
        draw_shift_chip(fg, a, ImVec2(a.x + day_w, a.y + kRowHeight - 6), *dragged, state.find_shift_type(dragged->type), ctx.fonts);
        if (ImGui::IsMouseReleased(ImGuiMouseButton_Left)) {
            m.drag = {};
            if (dropped) drop_shift(ctx, *dragged, drop, drop_staff);
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
    draw_override_dialog(ctx);
    draw_cell_menu(ctx, ward);
    draw_shift_editor(ctx);
    draw_pattern_dialog(ctx, first);
    // Delete removes the selected shifts in one command (one undo brings them all back).
    if (can_edit && !m.selected.empty() && ImGui::IsKeyPressed(ImGuiKey_Delete) && !ImGui::GetIO().WantTextInput) {
        const size_t n = m.selected.size();
        if (ctx.commands.submit("delete_shifts", {{"shifts", m.selected}}, "Deleted " + std::to_string(n) + " shifts").accepted())
            m.selected.clear();
    }

    // Status bar: counts a manager scans first; breaches and warnings jump to the first person.
    RotaIndex::Counts& k = ix.counts;
    if (k.first_day != first_day || k.day_count != day_count || k.rules_revision != ctx.rules.revision) {
        k = RotaIndex::Counts{first_day, day_count, ctx.rules.revision};
        std::unordered_map<std::string_view, bool> shown;
        for (const auto& row : ix.rows)
            if (row.kind == RotaIndex::Row::Person) ++k.staff, shown[row.label] = true;
        for (const auto& [key, cells] : ix.cells)
            for (int d = 0; d < day_count; ++d)
                for (const Shift* s : cells[size_t(first_day + d)]) {
                    if (!s->assignee.empty() && key != s->assignee) continue;   // count each shift once
                    k.vacant += s->assignee.empty();
                    k.open += s->status == ShiftStatus::Open;
                    k.agency += s->source == ShiftSource::Agency;
                }
        for (const Violation& v : ctx.rules.violations) {
            if (!shown.count(v.staff)) continue;
            if (v.severity == Severity::Block) ++k.breaches, k.first_breach = k.first_breach.empty() ? v.staff : k.first_breach;
            else ++k.warnings, k.first_warning = k.first_warning.empty() ? v.staff : k.first_warning;
        }
    }
    const int staff_count = k.staff, vacant = k.vacant, open = k.open, agency = k.agency;
    const int breaches = k.breaches, warnings = k.warnings;
    const std::string first_breach = k.first_breach, first_warning = k.first_warning;
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 4);
    ImGui::TextDisabled("%d staff", staff_count);
    ImGui::SameLine(0, 18);
    char vacant_label[48];
    std::snprintf(vacant_label, sizeof vacant_label, "Vacant: %d", vacant);
    if (ImGui::Selectable(vacant_label, false, ImGuiSelectableFlags_None, ImGui::CalcTextSize(vacant_label)))
        m.scroll_to_staff = "#vacant";   // the vacant rows are at the top of each ward
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Show the vacant shifts");
    ImGui::SameLine(0, 6);
    ImGui::TextDisabled("(%d in the bank \xC2\xB7 B, %d agency \xC2\xB7 A)", open, agency);
    auto link = [&](const char* icon, int n, const char* one, const char* many, ImU32 colour, const std::string& target) {
        ImGui::SameLine(0, 18);
        char label[64];
        std::snprintf(label, sizeof label, "%s %d %s", icon, n, n == 1 ? one : many);
        ImGui::PushStyleColor(ImGuiCol_Text, n ? colour : kMidGrey);
        if (ImGui::Selectable(label, false, ImGuiSelectableFlags_None, ImGui::CalcTextSize(label)) && !target.empty())
            m.scroll_to_staff = target;
        ImGui::PopStyleColor();
        if (n && ImGui::IsItemHovered()) ImGui::SetTooltip("Show the first one");
    };
    link(ICON_BAN, breaches, "breach", "breaches", kRed, first_breach);
    link(ICON_WARNING, warnings, "warning", "warnings", rgb(0x8A5A00), first_warning);
    // The audit trail of this session's changes, with any overridden rule and its reason.
    const auto& audit = ctx.commands.audit_trail();
    if (!audit.empty()) {
        const std::string last = "Last change: " + audit.back().text;
        const float w = ImGui::CalcTextSize(last.c_str()).x + ImGui::CalcTextSize(ICON_CLOCK " History").x + 40;
        ImGui::SameLine(std::max(ImGui::GetCursorPosX() + 18, ImGui::GetWindowContentRegionMax().x - w));
        ImGui::TextDisabled("%s", last.c_str());
        ImGui::SameLine();
        if (ImGui::SmallButton(ICON_CLOCK " History")) ImGui::OpenPopup("audit");
        if (ImGui::BeginPopup("audit")) {
            ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
            for (auto it = audit.rbegin(); it != audit.rend(); ++it) {
                ImGui::TextWrapped("%s", audit_sentence(*it).c_str());
                ImGui::Separator();
            }
            ImGui::PopTextWrapPos();
            ImGui::EndPopup();
        }
    }
}

}  // namespace sb::ui
