// A clinician's own shifts from today: the next one prominent, hours this week against contract.
#include <chrono>

#include "core/civil_time.hpp"
#include "core/icalendar.hpp"
#include "ui/downloads.hpp"
#include "ui/icons.hpp"
#include "ui/shift_card.hpp"
#include "ui/widgets.hpp"

namespace sb::ui {
using namespace colour;

void draw_my_shifts_view(ViewContext& ctx) {
    if (!ctx.me) {
        if (!ctx.phone) heading(ctx.fonts, "My shifts");
        ImGui::TextWrapped("You are signed in as %s, who has no staff record, so there are no shifts of your own. "
                           "Switch to the clinician view in the top bar to see a clinician's shifts.",
                           ctx.user ? ctx.user->name.c_str() : "an administrator");
        return;
    }
    const Staff& me = *ctx.me;
    const Date today = ctx.session.today;
    const Date week_start = today + -weekday(today);
    std::vector<const Shift*> upcoming;
    int64_t week_minutes = 0;
    for (const Shift& s : ctx.state.shifts) {
        if (s.assignee != me.id || s.status == ShiftStatus::Cancelled) continue;
        if (s.start.date >= week_start && s.start.date < week_start + 7) week_minutes += shift_minutes(s);
        if (s.start.date >= today) upcoming.push_back(&s);
    }
    if (!ctx.phone) heading(ctx.fonts, "My shifts");
    ImGui::Text("%s \xC2\xB7 %s", me.name.c_str(), me.grade.c_str());
    if (!ctx.phone) ImGui::SameLine(0, 16);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("This week: %s of %s contracted", format_duration(week_minutes).c_str(),
                       format_duration(me.contracted_minutes_per_week).c_str());
    ImGui::PopStyleColor();
    // Calendar export: the person's shifts in their own calendar app (Google, Apple, Outlook).
    if (button(ICON_CALENDAR "  Add to my calendar (.ics)", ButtonKind::Secondary, ImVec2(ctx.phone ? -1 : 0, ctx.phone ? 48 : 0))) {
        const auto now = std::chrono::duration_cast<std::chrono::minutes>(std::chrono::system_clock::now().time_since_epoch()).count();
        const std::string ics = shifts_to_icalendar(ctx.state, me.id, now);
        if (offer_download("shiftbank-shifts.ics", "text/calendar", ics))
            ImGui::SetTooltip("Open the downloaded file to add your shifts to your calendar");
    }
    ImGui::Spacing();
    if (upcoming.empty()) {
        begin_card("none");
        ImGui::TextWrapped("No shifts booked from today. Open shifts lists vacancies you can pick up.");
        end_card();
        return;
    }
    const float w = ctx.phone ? ImGui::GetContentRegionAvail().x : std::min(560.0f, ImGui::GetContentRegionAvail().x);
    ImGui::BeginChild("list", ImVec2(w, 0), ImGuiChildFlags_AutoResizeY);
    for (const Shift* s : upcoming) draw_shift_card(ctx, *s, false);
    ImGui::EndChild();
}

}  // namespace sb::ui
