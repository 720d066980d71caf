// Vacancies posted to the bank. A clinician sees those of their own staff group and grade first;
// a manager sees every open vacancy in the trust.
#include <algorithm>

#include "core/civil_time.hpp"
#include "core/enum_names.hpp"
#include "ui/icons.hpp"
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
// Under each card, what this person can do about the shift: book it (wards that allow instant
// booking), apply (wards that approve), or, if a rule stops them, the rule and its numbers in words
// instead of the shift silently disappearing.
void booking_footer(ViewContext& ctx, const Shift& s, float width) {
    const Staff& me = *ctx.me;
    for (const Application& a : ctx.state.applications)
        if (a.shift == s.id && a.staff == me.id && a.status == RequestStatus::Pending) {
            text_coloured(colour::kBlue, ICON_CLOCK "  Applied: the ward will confirm");
            ImGui::SameLine();
            if (button(("Withdraw##" + s.id).c_str(), ButtonKind::Secondary))
                ctx.commands.submit("withdraw", {{"application", a.id}}, "Withdrawn your application for " + shift_label(s, ctx.state));
            return;
        }
    Shift booked = s;
    booked.assignee = me.id;
    booked.status = ShiftStatus::Booked;
    booked.source = ShiftSource::Bank;
    const CandidateVerdict v = ctx.rules.engine->check_candidate(booked, me.id, true);
    if (!v.allowed) {
        begin_callout();
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width - 24);
        ImGui::PushFont(ctx.fonts.bold);
        text_coloured(colour::rgb(0x8A1538), "You can't book this shift");
        ImGui::PopFont();
        ImGui::PushStyleColor(ImGuiCol_Text, colour::rgb(0x8A1538));
        for (const Violation& x : v.violations)
            if (x.severity == Severity::Block) ImGui::TextWrapped("%s", x.message.c_str());
        ImGui::PopStyleColor();
        ImGui::PopTextWrapPos();
        end_callout(colour::kPaleRed, width);
        return;
    }
    const Ward* ward = ctx.state.find_ward(s.ward);
    const bool instant = ward && ward->instant_booking;
    const float h = ctx.phone ? 48 : 36;   // touch-sized on a phone
    const std::string what = shift_label(s, ctx.state) + ", " + format_weekday_day_month(s.start.date) + (ward ? ", " + ward->name : "");
    if (button(((instant ? "Book now##" : "Apply##") + s.id).c_str(), ButtonKind::Primary, ImVec2((width - 10) * 0.5f, h)))
        ctx.commands.submit(instant ? "book" : "apply", {{"shift", s.id}},
                            instant ? "Booked: " + what + ". Added to My shifts." : "Applied for " + what + ". The ward will confirm.");
    if (!instant) ImGui::TextDisabled("This ward approves applications.");
    for (const Violation& x : v.violations) text_coloured(colour::rgb(0x8A5A00), (ICON_WARNING "  " + x.message).c_str());
}

// The manager's approval queue: pending applications for shifts on wards they manage, each with the
// applicant, the rules' verdict for them, and Approve / Decline in one click.
void draw_approval_queue(ViewContext& ctx) {
    if (!ctx.user || ctx.user->role == Role::Clinician) return;
    std::vector<const Application*> pending;
    for (const Application& a : ctx.state.applications) {
        if (a.status != RequestStatus::Pending) continue;
        const Shift* s = ctx.state.find_shift(a.shift);
        if (!s) continue;
        const bool mine = ctx.user->role == Role::Admin ||
                          std::find(ctx.user->wards.begin(), ctx.user->wards.end(), s->ward) != ctx.user->wards.end();
        if (mine) pending.push_back(&a);
    }
    if (pending.empty()) return;
    heading(ctx.fonts, (std::to_string(pending.size()) + (pending.size() == 1 ? " application" : " applications") + " to decide").c_str());
    for (const Application* a : pending) {
        const Shift& s = *ctx.state.find_shift(a->shift);
        const Staff* who = ctx.state.find_staff(a->staff);
        Shift booked = s;
        booked.assignee = a->staff;
        booked.status = ShiftStatus::Booked;
        const CandidateVerdict v = ctx.rules.engine->check_candidate(booked, a->staff, true);
        const std::string name = who ? who->name + " (" + who->grade + ")" : a->staff;
        const std::string app_id = a->id;
        draw_shift_card(ctx, s, true, [&] {
            ImGui::PushFont(ctx.fonts.bold);
            ImGui::TextUnformatted((ICON_USER "  " + name + " applied").c_str());
            ImGui::PopFont();
            for (const Violation& x : v.violations)
                text_coloured(x.severity == Severity::Block ? colour::kRed : colour::rgb(0x8A5A00),
                              ((x.severity == Severity::Block ? ICON_BAN "  " : ICON_WARNING "  ") + x.message).c_str());
            const ImVec2 size((ImGui::GetContentRegionAvail().x - 10) * 0.5f, ctx.phone ? 48.0f : 36.0f);   // touch-sized
            ImGui::BeginDisabled(!v.allowed);
            if (button(("Approve##" + app_id).c_str(), ButtonKind::Primary, size))
                ctx.commands.submit("approve_application", {{"application", app_id}}, "Approved " + name + " for " + shift_label(s, ctx.state));
            ImGui::EndDisabled();
            ImGui::SameLine();
            if (button(("Decline##" + app_id).c_str(), ButtonKind::Secondary, size))
                ctx.commands.submit("decline_application", {{"application", app_id}}, "Declined " + name + "'s application");
        });
    }
    ImGui::Spacing();
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

    // Shifts this person can book come first (by date); the ones a rule stops follow, with the reason.
    int can_book = 0;
    if (personal) {
        std::vector<std::pair<bool, const Shift*>> ranked;
        for (const Shift* s : mine) {
            Shift booked = *s;
            booked.assignee = ctx.me->id;
            booked.status = ShiftStatus::Booked;
            booked.source = ShiftSource::Bank;
            const bool ok = ctx.rules.engine->check_candidate(booked, ctx.me->id, false).allowed;
            can_book += ok;
            ranked.push_back({!ok, s});
        }
        std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        for (size_t i = 0; i < ranked.size(); ++i) mine[i] = ranked[i].second;
    }
    draw_approval_queue(ctx);
    if (!ctx.phone) heading(ctx.fonts, "Open shifts");
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    if (personal) {
        ImGui::TextWrapped("%d shifts you can book \xC2\xB7 %zu you can't (%s, %s; %zu open in the trust)", can_book,
                           mine.size() - size_t(can_book), std::string(display_name(ctx.me->group)).c_str(), ctx.me->grade.c_str(),
                           open.size());
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
        const Shift& shift = *list[i];
        if (personal) draw_shift_card(ctx, shift, true, [&] { booking_footer(ctx, shift, col_w - 32); });
        else draw_shift_card(ctx, shift, true);
        ImGui::EndChild();
        ImGui::PopItemWidth();
        ImGui::EndGroup();
    }
    if (list.size() > limit) ImGui::TextDisabled("and %zu more \xE2\x80\x94 filters arrive with the marketplace", list.size() - limit);
}

}  // namespace sb::ui
