// Under the rota: the counts a manager scans first (staff, vacant, in the bank, agency), links to the
// first breach and warning, and the history.
#include <unordered_map>

#include "ui/access_mirror.hpp"
#include "ui/icons.hpp"
#include "ui/rota_parts.hpp"
#include "ui/widgets.hpp"

namespace sb::ui {
using namespace colour;

void draw_rota_status_bar(ViewContext& ctx, RotaScreen& m, int first_day, int day_count) {
    RotaIndex& ix = m.rota_index;
    // Status bar: counts a manager scans first; breaches and warnings jump to the first person.
    RotaIndex::Counts& k = ix.counts;
    if (k.first_day != first_day || k.day_count != day_count || k.rules_revision != ctx.rules.revision) {
        k = RotaIndex::Counts{};
        k.first_day = first_day, k.day_count = day_count, k.rules_revision = ctx.rules.revision;
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
    if (!m.keyboard_move.empty()) {
        // A shift in hand (moved with the keyboard): where it would go and what the rules say, in
        // place of the counts, as the live region reads it out.
        ImGui::PushFont(ctx.fonts.bold);
        ImGui::PushStyleColor(ImGuiCol_Text, kDarkBlue);
        ImGui::TextUnformatted((ICON_ARROWS "  " + m.move_words).c_str());
        ImGui::PopStyleColor();
        ImGui::PopFont();
        return;
    }
    // The links are frame-high targets (27 px, 44 on a phone), their words level with the words
    // beside them at the top of the line (ImGui offsets a selectable by the line's text offset).
    const float target_h = ImGui::GetFrameHeight();
    a11y::Mirror* mirror = a11y::current();
    const std::string staff_words = std::to_string(staff_count) + " staff";
    ImGui::TextDisabled("%s", staff_words.c_str());
    if (mirror) mirror->text(staff_words, a11y::Role::Text, true);
    ImGui::SameLine(0, 18);
    char vacant_label[48];
    std::snprintf(vacant_label, sizeof vacant_label, "Vacant: %d", vacant);
    if (ImGui::Selectable(vacant_label, false, ImGuiSelectableFlags_None, ImVec2(ImGui::CalcTextSize(vacant_label).x, target_h)))
        m.scroll_to_staff = "#vacant";   // the vacant rows are at the top of each ward
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Show the vacant shifts");
    char sources[64];
    std::snprintf(sources, sizeof sources, "(%d in the bank \xC2\xB7 B, %d agency \xC2\xB7 A)", open, agency);
    flow_next(ImGui::CalcTextSize(sources).x, 6);
    ImGui::TextDisabled("%s", sources);
    if (mirror) mirror->text(sources, a11y::Role::Text, true);
    // A phone's line holds the counts; breaches, warnings, undo and the history go on a second one.
    bool first_link = true;
    // Clicked, a count outlines the shifts behind it on the grid and scrolls to the first person.
    auto mark = [&](Severity severity) {
        std::vector<std::string> ids;
        for (const Violation& v : ctx.rules.violations)
            if (v.severity == severity) ids.insert(ids.end(), v.shifts.begin(), v.shifts.end());
        const bool warnings = severity == Severity::Warn;
        if (!m.marked.empty() && m.marked_warnings == warnings) m.marked.clear();   // a second click: outline off
        else m.marked = std::move(ids), m.marked_warnings = warnings;
    };
    auto link = [&](const char* icon, int n, const char* one, const char* many, ImU32 colour, const std::string& target, Severity severity) {
        char label[64];
        std::snprintf(label, sizeof label, "%s %d %s", icon, n, n == 1 ? one : many);
        // Beside what came before while it fits (a narrow page wraps it to the next line).
        if (!(ctx.phone && first_link)) flow_next(std::max(24.0f, ImGui::CalcTextSize(label).x), 18);
        first_link = false;
        ImGui::PushStyleColor(ImGuiCol_Text, n ? colour : kMidGrey);
        const bool on = !m.marked.empty() && m.marked_warnings == (severity == Severity::Warn);
        if (ImGui::Selectable(label, on, ImGuiSelectableFlags_None, ImVec2(std::max(24.0f, ImGui::CalcTextSize(label).x), target_h)) &&
            !target.empty()) {
            m.scroll_to_staff = target;
            mark(severity);
        }
        ImGui::PopStyleColor();
        if (n && ImGui::IsItemHovered()) ImGui::SetTooltip(on ? "Hide the outlines" : "Outline them on the rota and show the first");
    };
    link(ICON_BAN, breaches, "breach", "breaches", kRed, first_breach, Severity::Block);
    link(ICON_WARNING, warnings, "warning", "warnings", kAmberText, first_warning, Severity::Warn);
    // The history beside the grid (Undo and Redo are in the toolbar above).
    const float right = ImGui::GetWindowContentRegionMax().x;
    const char* history = m.audit_open ? ICON_CLOCK "  Hide history" : ICON_CLOCK "  History";
    const float w = ImGui::CalcTextSize(history).x + 24;
    // On the same line at the right if it fits after the counts; on a narrow phone, a line of its own.
    const float used = ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + ImGui::GetScrollX();
    if (used + 18 + w <= right) ImGui::SameLine(right - w);
    if (small_button(history)) m.audit_open = !m.audit_open;
}

}  // namespace sb::ui
