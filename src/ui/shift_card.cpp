#include "ui/shift_card.hpp"

#include "core/enum_names.hpp"
#include "core/reports.hpp"
#include "ui/access_mirror.hpp"
#include "ui/widgets.hpp"

namespace sb::ui {
using namespace colour;

void draw_shift_card(const ViewContext& ctx, const Shift& s, bool show_rate, const std::function<void()>& footer) {
    const State& state = ctx.state;
    const Ward* ward = state.find_ward(s.ward);
    // For a screen reader the card is an article named by what it offers; its buttons are inside it.
    a11y::Mirror* mirror = a11y::current() && a11y::current()->enabled() ? a11y::current() : nullptr;
    if (mirror)
        mirror->begin_landmark(a11y::Role::Article, shift_label(s, state) + " " + shift_times(s) + ", " +
                                                        format_weekday_day_month(s.start.date) + ", " + (ward ? ward->name : s.ward) +
                                                        (show_rate ? ", " + format_money(s.rate_pence_per_hour) + " per hour" : ""));
    begin_card(s.id.c_str());
    const float width = ImGui::GetContentRegionAvail().x;
    text_coloured(kSecondaryText, ward ? ward->name.c_str() : s.ward.c_str());
    ImGui::PushFont(ctx.fonts.heading);
    ImGui::TextUnformatted(format_weekday_day_month(s.start.date).c_str());
    ImGui::PopFont();
    const ShiftTypeStyle st = shift_type_style(s.type);
    badge(shift_label(s, state).c_str(), st.fill, st.text, ctx.fonts);
    ImGui::SameLine(0, 10);
    ImGui::TextUnformatted(shift_times(s).c_str());
    ImGui::SameLine(0, 10);
    ImGui::TextDisabled("%s", format_duration(shift_minutes(s)).c_str());
    if (!s.requirements.grades.empty()) {
        ImGui::PushFont(ctx.fonts.small);
        ImGui::TextDisabled("%s \xC2\xB7 %s", std::string(display_name(s.requirements.group)).c_str(),
                            s.requirements.grades.front().c_str());
        ImGui::PopFont();
    }
    const ImVec2 after_details = ImGui::GetCursorPos();
    if (show_rate) {
        const std::string rate = format_money(s.rate_pence_per_hour);
        ImGui::PushFont(ctx.fonts.large);
        const float rw = ImGui::CalcTextSize(rate.c_str()).x;
        ImGui::SetCursorPos(ImVec2(ImGui::GetStyle().WindowPadding.x + width - rw, ImGui::GetStyle().WindowPadding.y));
        ImGui::TextUnformatted(rate.c_str());
        ImGui::PopFont();
        const float pw = ImGui::CalcTextSize("per hour").x;
        ImGui::SetCursorPosX(ImGui::GetStyle().WindowPadding.x + width - pw);
        ImGui::TextDisabled("per hour");
        ImGui::SetCursorPos(after_details);
    }
    if (footer) {
        ImGui::Spacing();
        footer();
    }
    end_card();
    if (mirror) mirror->end_landmark();
}

}  // namespace sb::ui
