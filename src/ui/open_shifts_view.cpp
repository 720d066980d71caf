// Vacancies posted to the bank. A clinician sees those of their own staff group and grade first;
// a manager sees every open vacancy in the trust.
#include <algorithm>

#include "core/enum_names.hpp"
#include "ui/shift_card.hpp"
#include "ui/widgets.hpp"

namespace sb::ui {
using namespace colour;

namespace {
bool matches_person(const Shift& s, const Staff& p) {
    if (s.requirements.group != p.group) return false;
    const auto& g = s.requirements.grades;
    return g.empty() || std::find(g.begin(), g.end(), p.grade) != g.end();
}
}  // namespace

void draw_open_shifts_view(ViewContext& ctx) {
    std::vector<const Shift*> open;
    for (const Shift& s : ctx.state.shifts)
        if (s.status == ShiftStatus::Open && s.start.date >= ctx.session.today) open.push_back(&s);
    const bool personal = ctx.session.role == Role::Clinician && ctx.me;
    std::vector<const Shift*> mine;
    if (personal)
        for (const Shift* s : open)
            if (matches_person(*s, *ctx.me)) mine.push_back(s);

    if (!ctx.phone) heading(ctx.fonts, "Open shifts");
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    if (personal) {
        ImGui::TextWrapped("%zu open shifts match your staff group and grade (%s, %s) \xC2\xB7 %zu in the trust",
                           mine.size(), std::string(display_name(ctx.me->group)).c_str(), ctx.me->grade.c_str(), open.size());
    } else {
        ImGui::TextWrapped("%zu vacancies posted to the staff bank from today", open.size());
    }
    ImGui::PopStyleColor();
    ImGui::Spacing();
    const auto& list = personal ? mine : open;
    if (list.empty()) {
        begin_card("empty");
        ImGui::TextWrapped("No open shifts right now. New vacancies appear here as soon as a ward posts them.");
        end_card();
        return;
    }
    // Cards in a responsive grid: one column on a phone, as many 340 px columns as fit otherwise.
    const float avail = ImGui::GetContentRegionAvail().x;
    const int columns = ctx.phone ? 1 : std::max(1, int(avail / 340));
    const float col_w = (avail - float(columns - 1) * 12) / float(columns);
    const size_t limit = std::min<size_t>(list.size(), 60);
    for (size_t i = 0; i < limit; ++i) {
        if (i % size_t(columns)) ImGui::SameLine(0, 12);
        ImGui::BeginGroup();
        ImGui::PushItemWidth(col_w);
        ImGui::BeginChild(("col" + std::to_string(i)).c_str(), ImVec2(col_w, 0), ImGuiChildFlags_AutoResizeY);
        draw_shift_card(ctx, *list[i], true);
        ImGui::EndChild();
        ImGui::PopItemWidth();
        ImGui::EndGroup();
    }
    if (list.size() > limit) ImGui::TextDisabled("and %zu more \xE2\x80\x94 filters arrive with the marketplace", list.size() - limit);
}

}  // namespace sb::ui
