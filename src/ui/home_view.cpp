// Home: what needs the person's attention first. For a clinician: their next shifts, their hours
// against their limits, what is waiting for a decision, swaps asked of them and notifications. For a
// manager: decisions waiting (applications, swaps, leave), late cancellations and ward bank settings.
#include <algorithm>

#include "core/civil_time.hpp"
#include "core/enum_names.hpp"
#include "core/permissions.hpp"
#include "core/reports.hpp"
#include "ui/access_mirror.hpp"
#include "ui/home_state.hpp"
#include "ui/icons.hpp"
#include "ui/shift_card.hpp"
#include "ui/timesheet_view.hpp"
#include "ui/widgets.hpp"

namespace sb::ui {
using namespace colour;

namespace {
ImVec2 touch_size(const ViewContext& ctx, float share = 0.0f) {
    const float w = share > 0 ? (ImGui::GetContentRegionAvail().x - 8) * share : 0.0f;
    return ImVec2(w, ctx.phone ? 44.0f : 30.0f);
}

std::string describe(const State& state, const std::string& shift_id) {
    const Shift* s = state.find_shift(shift_id);
    if (!s) return "a shift that has since been removed";
    const Ward* w = state.find_ward(s->ward);
    return shift_label(*s, state) + ", " + format_weekday_day_month(s->start.date) + " " + shift_times(*s) +
           (w ? ", " + w->name : "");
}

const char* notice_icon(NoticeKind k) {
    switch (k) {
        case NoticeKind::Approved: case NoticeKind::SwapApproved: return ICON_CHECK_CIRCLE;
        case NoticeKind::Declined: case NoticeKind::SwapDeclined: case NoticeKind::Cancelled: return ICON_BAN;
        case NoticeKind::SwapAsked: case NoticeKind::SwapAccepted: return ICON_EXCHANGE;
        case NoticeKind::RateRaised: return ICON_ARROW_UP;
        case NoticeKind::NewShifts: return ICON_INBOX;
        case NoticeKind::Changed: return ICON_CLOCK;
    }
    return ICON_BELL;
}

// Cards sit in two columns on a wide screen, one on a phone.
struct Columns {
    int count;
    float width;
    int placed = 0;
    Columns(const ViewContext& ctx) {
        const float avail = ImGui::GetContentRegionAvail().x;
        count = ctx.phone || avail < 760 ? 1 : 2;
        width = count == 1 ? avail : (avail - 16) * 0.5f;
    }
};

void hours_card(ViewContext& ctx, const Staff& me, float width) {
    const HoursSummary h = hours_summary(ctx.state, me, ctx.session.today);
    begin_card("hours");
    card_title(ctx.fonts, ICON_CLOCK, "My hours");
    const float bar = ImGui::GetContentRegionAvail().x;
    // Contracted hours are not a limit (bank shifts come on top): a plain figure, not a gauge.
    ImGui::PushFont(ctx.fonts.small);
    ImGui::TextDisabled("This week, Monday to Sunday");
    ImGui::PopFont();
    ImGui::PushFont(ctx.fonts.bold);
    ImGui::TextUnformatted((format_duration(h.week_minutes) + " booked").c_str());
    ImGui::PopFont();
    if (h.contracted_minutes > 0) {
        ImGui::SameLine(0, 8);
        ImGui::TextDisabled("(contracted %s)", format_duration(h.contracted_minutes).c_str());
    }
    ImGui::Spacing();
    if (h.window_limit > 0)
        limit_bar(ctx.fonts, ("Busiest " + format_duration(h.window) + " from today").c_str(), h.busiest_window_minutes,
                  h.window_limit, bar);
    if (h.average_limit > 0)
        limit_bar(ctx.fonts, "Average a week over this rota period (reference period)", h.average_week_minutes, h.average_limit, bar);
    ImGui::PushFont(ctx.fonts.small);
    ImGui::TextDisabled("Limits from %s", h.rules.c_str());
    ImGui::PopFont();
    end_card();
    (void)width;
}

void next_shifts_card(ViewContext& ctx, const Staff& me) {
    std::vector<const Shift*> next;
    for (const Shift& s : ctx.state.shifts)
        if (s.assignee == me.id && s.status != ShiftStatus::Cancelled && s.start.date >= ctx.session.today) next.push_back(&s);
    std::sort(next.begin(), next.end(), [](const Shift* a, const Shift* b) { return a->start < b->start; });
    begin_card("next");
    card_title(ctx.fonts, ICON_CALENDAR, "My next shifts");
    if (next.empty()) ImGui::TextWrapped("Nothing booked from today. Open shifts lists vacancies you can work.");
    for (size_t i = 0; i < std::min<size_t>(3, next.size()); ++i) {
        const Shift& s = *next[i];
        const ShiftTypeStyle st = shift_type_style(s.type);
        badge(shift_label(s, ctx.state).c_str(), st.fill, st.text, ctx.fonts);
        ImGui::SameLine(0, 10);
        ImGui::PushFont(ctx.fonts.bold);
        ImGui::TextUnformatted((format_weekday_day_month(s.start.date) + "  " + shift_times(s)).c_str());
        ImGui::PopFont();
        const Ward* w = ctx.state.find_ward(s.ward);
        ImGui::PushFont(ctx.fonts.small);
        ImGui::TextDisabled("%s", w ? w->name.c_str() : s.ward.c_str());
        ImGui::PopFont();
    }
    if (button("See my rota", ButtonKind::Quiet, touch_size(ctx))) ctx.session.view = View::MyRota;
    end_card();
}

void waiting_card(ViewContext& ctx, const Staff& me) {
    int count = 0;
    for (const Application& a : ctx.state.applications) count += a.staff == me.id && a.status == RequestStatus::Pending;
    for (const Swap& w : ctx.state.swaps)
        count += (w.from == me.id || w.to == me.id) && (w.status == RequestStatus::Pending || w.status == RequestStatus::Accepted);
    for (const Leave& l : ctx.state.leave) count += l.staff == me.id && l.status == RequestStatus::Pending;
    begin_card("waiting");
    card_title(ctx.fonts, ICON_INBOX, "Waiting for a decision", count);
    if (count == 0) {
        text_muted_wrapped("Nothing waiting: applications, swaps and leave requests appear here.");
    }
    for (const Application& a : ctx.state.applications) {
        if (a.staff != me.id || a.status != RequestStatus::Pending) continue;
        ImGui::TextWrapped("Applied: %s", describe(ctx.state, a.shift).c_str());
        if (button(("Withdraw##" + a.id).c_str(), ButtonKind::Secondary, touch_size(ctx)))
            ctx.commands.submit("withdraw", {{"application", a.id}}, "Withdrawn your application");
    }
    for (const Swap& w : ctx.state.swaps) {
        if (w.status != RequestStatus::Pending && w.status != RequestStatus::Accepted) continue;
        if (w.from == me.id) {
            ImGui::TextWrapped("%s %s for %s: %s", ICON_EXCHANGE, describe(ctx.state, w.shift).c_str(),
                               describe(ctx.state, w.other_shift).c_str(),
                               w.status == RequestStatus::Pending ? "waiting for your colleague" : "waiting for the rota coordinator");
        } else if (w.to == me.id && w.status == RequestStatus::Pending) {
            ImGui::PushFont(ctx.fonts.bold);
            const Staff* from = ctx.state.find_staff(w.from);
            ImGui::TextWrapped("%s %s asks to swap", ICON_EXCHANGE, from ? from->name.c_str() : w.from.c_str());
            ImGui::PopFont();
            ImGui::TextWrapped("You give: %s", describe(ctx.state, w.other_shift).c_str());
            ImGui::TextWrapped("You take: %s", describe(ctx.state, w.shift).c_str());
            if (button(("Accept swap##" + w.id).c_str(), ButtonKind::Primary, touch_size(ctx, 0.5f)))
                ctx.commands.submit("accept_swap", {{"swap", w.id}}, "Swap accepted: the rota coordinator will confirm");
            ImGui::SameLine(0, 8);
            if (button(("Decline##" + w.id).c_str(), ButtonKind::Secondary, touch_size(ctx, 0.5f)))
                ctx.commands.submit("decline_swap", {{"swap", w.id}}, "Swap declined");
        } else if (w.to == me.id) {
            ImGui::TextWrapped("%s You accepted a swap for %s: waiting for the rota coordinator", ICON_EXCHANGE,
                               describe(ctx.state, w.shift).c_str());
        }
    }
    for (const Leave& l : ctx.state.leave)
        if (l.staff == me.id && l.status == RequestStatus::Pending)
            ImGui::TextWrapped("%s %s, %s: waiting for your manager", ICON_PLANE, std::string(display_name(l.kind)).c_str(),
                               date_range(l.first, l.last).c_str());
    end_card();
}

void prefs_editor(ViewContext& ctx, HomeScreen& m) {
    NotificationPrefs& p = m.prefs_draft;
    // Checkboxes big enough for a finger on a phone (44 px and more).
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ctx.phone ? ImVec2(14, 15) : ImGui::GetStyle().FramePadding);
    ImGui::TextWrapped("Tell me about open shifts I can work:");
    std::vector<std::string> all_wards, all_types;
    for (const Ward& w : ctx.state.wards) all_wards.push_back(w.id);
    for (const ShiftType& t : ctx.state.shift_types) all_types.push_back(t.id);
    std::sort(all_wards.begin(), all_wards.end());
    std::sort(all_types.begin(), all_types.end());
    // An empty list means "any"; ticking everything goes back to empty, so new wards are included.
    auto toggle_list = [&](std::vector<std::string>& list, const std::vector<std::string>& all, const std::string& value,
                           const std::string& label) {
        bool on = list.empty() || std::find(list.begin(), list.end(), value) != list.end();
        if (!ImGui::Checkbox((label + "##" + value).c_str(), &on)) return;
        if (list.empty()) list = all;
        if (on) list.push_back(value);
        else list.erase(std::remove(list.begin(), list.end(), value), list.end());
        std::sort(list.begin(), list.end());
        list.erase(std::unique(list.begin(), list.end()), list.end());
        if (list == all) list.clear();
    };
    ImGui::PushFont(ctx.fonts.bold);
    ImGui::TextUnformatted("Shift types");
    ImGui::PopFont();
    for (size_t i = 0; i < ctx.state.shift_types.size(); ++i) {
        if (i % 4) ImGui::SameLine(0, 14);
        toggle_list(p.types, all_types, ctx.state.shift_types[i].id, ctx.state.shift_types[i].name);
    }
    ImGui::PushFont(ctx.fonts.bold);
    ImGui::TextUnformatted("Days");
    ImGui::PopFont();
    static const char* days[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    for (int d = 0; d < 7; ++d) {
        if (d) ImGui::SameLine(0, 10);
        bool on = p.days >> d & 1;
        if (ImGui::Checkbox(days[d], &on)) p.days = uint8_t(on ? p.days | 1 << d : p.days & ~(1 << d));
    }
    ImGui::PushFont(ctx.fonts.bold);
    ImGui::TextUnformatted("Wards");
    ImGui::PopFont();
    // The person's home wards first; the rest of the trust folded under them.
    const Staff* me = ctx.me;
    for (const Ward& w : ctx.state.wards)
        if (me && std::find(me->wards.begin(), me->wards.end(), w.id) != me->wards.end()) toggle_list(p.wards, all_wards, w.id, w.name);
    if (ImGui::TreeNode("Other wards")) {
        for (const Ward& w : ctx.state.wards)
            if (!me || std::find(me->wards.begin(), me->wards.end(), w.id) == me->wards.end()) toggle_list(p.wards, all_wards, w.id, w.name);
        ImGui::TreePop();
    }
    ImGui::PushFont(ctx.fonts.bold);
    ImGui::TextUnformatted("How often");
    ImGui::PopFont();
    const char* freq[] = {"As they happen", "Once a day", "Never"};
    int f = int(p.frequency);
    if (segmented("freq", freq, 3, f, ctx.phone)) p.frequency = NoticeFrequency(f);
    ImGui::Spacing();
    if (button("Save preferences", ButtonKind::Primary, touch_size(ctx, 0.5f))) {
        ctx.commands.submit("set_notification_prefs",
                            {{"wards", p.wards}, {"types", p.types}, {"days", int(p.days)}, {"frequency", to_string(p.frequency)}},
                            "Notification preferences saved");
        m.prefs_open = false;
    }
    ImGui::SameLine(0, 8);
    if (button("Cancel", ButtonKind::Secondary, touch_size(ctx, 0.5f))) m.prefs_open = false;
    ImGui::PopStyleVar();
}

void notifications_card(ViewContext& ctx, HomeScreen& m, const Staff& me) {
    std::vector<const Notification*> mine;
    int unread = 0;
    for (const Notification& n : ctx.state.notifications)
        if (n.staff == me.id) mine.push_back(&n), unread += !n.read;
    begin_card("notices");
    card_title(ctx.fonts, ICON_BELL, "Notifications", unread);
    if (!m.prefs_open) {
        if (button(ICON_COG "  Preferences", ButtonKind::Secondary, touch_size(ctx))) {
            m.prefs_open = true;
            m.prefs_draft = ctx.state.prefs_for(me.id);
        }
        if (unread) {
            ImGui::SameLine(0, 8);
            if (button("Mark all read", ButtonKind::Quiet, touch_size(ctx))) ctx.commands.submit("mark_notifications_read", nlohmann::json::object(), "Notifications marked read");
        }
    } else {
        prefs_editor(ctx, m);
    }
    const NotificationPrefs prefs = ctx.state.prefs_for(me.id);
    ImGui::PushFont(ctx.fonts.small);
    ImGui::TextDisabled("Offers: %s%s%s. Updates about your own shifts always come.", std::string(display_name(prefs.frequency)).c_str(),
                        prefs.wards.empty() ? ", any ward" : ", chosen wards", prefs.types.empty() ? ", any shift type" : ", chosen shift types");
    ImGui::PopFont();
    ImGui::Separator();
    if (mine.empty()) ImGui::TextDisabled("No notifications yet.");   // short enough for any width
    int shown = 0;
    for (auto it = mine.rbegin(); it != mine.rend() && shown < 12; ++it, ++shown) {
        const Notification& n = **it;
        text_coloured(n.read ? kMidGrey : kBlue, notice_icon(n.kind));
        ImGui::SameLine(0, 10);
        ImGui::BeginGroup();
        if (!n.read) ImGui::PushFont(ctx.fonts.bold);
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(n.text.c_str());
        ImGui::PopTextWrapPos();
        if (!n.read) ImGui::PopFont();
        ImGui::PushFont(ctx.fonts.small);
        ImGui::TextDisabled("%s%s", std::string(display_name(n.kind)).c_str(), n.digest ? " \xC2\xB7 in your daily digest" : "");
        ImGui::PopFont();
        ImGui::EndGroup();
    }
    end_card();
}

// Manager: swaps the colleagues agreed, waiting for the coordinator.
void manager_decisions(ViewContext& ctx) {
    const User& u = *ctx.user;
    auto manages = [&](const std::string& ward) {
        return manages_ward(u, ward);
    };
    int applications = 0;
    for (const Application& a : ctx.state.applications)
        if (const Shift* s = ctx.state.find_shift(a.shift); s && a.status == RequestStatus::Pending && manages(s->ward)) ++applications;
    begin_card("decide");
    card_title(ctx.fonts, ICON_INBOX, "To decide");
    ImGui::Text("%d bank applications", applications);
    // Beside the count where it fits; under it on a narrow phone or in large text.
    flow_next(ImGui::CalcTextSize("Open the approval queue").x + ImGui::GetStyle().FramePadding.x * 2 + 20, 12);
    if (button("Open the approval queue", ButtonKind::Secondary, touch_size(ctx))) ctx.session.view = View::OpenShifts;
    for (const Swap& w : ctx.state.swaps) {
        const Shift* a = ctx.state.find_shift(w.shift);
        const Shift* b = ctx.state.find_shift(w.other_shift);
        if (!a || !b || w.status != RequestStatus::Accepted || !manages(a->ward) || !manages(b->ward)) continue;
        ImGui::Separator();
        ImGui::PushFont(ctx.fonts.bold);
        ImGui::TextWrapped("%s Swap: %s and %s agreed", ICON_EXCHANGE, person_label(ctx.state, w.from).c_str(), person_label(ctx.state, w.to).c_str());
        ImGui::PopFont();
        ImGui::TextWrapped("%s \xE2\x86\x94 %s", describe(ctx.state, w.shift).c_str(), describe(ctx.state, w.other_shift).c_str());
        if (button(("Approve swap##" + w.id).c_str(), ButtonKind::Primary, touch_size(ctx, 0.5f)))
            ctx.commands.submit("approve_swap", {{"swap", w.id}}, "Swap approved");
        ImGui::SameLine(0, 8);
        if (button(("Decline##" + w.id).c_str(), ButtonKind::Secondary, touch_size(ctx, 0.5f)))
            ctx.commands.submit("decline_swap", {{"swap", w.id}}, "Swap declined");
    }
    for (const Leave& l : ctx.state.leave) {
        const Staff* p = ctx.state.find_staff(l.staff);
        if (!p || l.status != RequestStatus::Pending || !manages_staff(ctx.state, u, p->id)) continue;
        ImGui::Separator();
        // Who, told apart from namesakes: group and grade, and their ward.
        const std::string who = person_label(ctx.state, p->id);
        ImGui::TextWrapped("%s %s: %s, %s", ICON_PLANE, who.c_str(), std::string(display_name(l.kind)).c_str(),
                           date_range(l.first, l.last).c_str());
        // What approving would do, asked of the core before the decision: the shifts it leaves uncovered.
        const CommandResult verdict = ctx.commands.preview("approve_leave", {{"leave", l.id}});
        const size_t rostered = verdict.warnings.size();
        if (rostered > 0) {
            ImGui::PushStyleColor(ImGuiCol_Text, kAmberText);
            // The breaches approving would add (a shift in approved leave breaks a rule), as the shifts.
            const std::string said = p->name + " is rostered on " + std::to_string(rostered) + (rostered == 1 ? " shift" : " shifts") +
                                     " in these days. Approved, each is a rule breach on the rota until it is posted to the bank or moved:";
            ImGui::TextWrapped("%s %s", ICON_WARNING, said.c_str());
            ImGui::PopStyleColor();
            a11y::Mirror* mirror = a11y::current();
            if (mirror) mirror->text("Warning: " + said);
            for (const Violation& v : verdict.warnings)
                for (const std::string& id : v.shifts) {
                    ImGui::Indent(18);
                    ImGui::TextWrapped("%s", describe(ctx.state, id).c_str());
                    ImGui::Unindent(18);
                    if (mirror) mirror->text(describe(ctx.state, id));
                }
        }
        const std::string posted = std::to_string(rostered) + (rostered == 1 ? " shift" : " shifts");
        if (rostered > 0) {
            if (button(("Approve, post " + posted + " to bank##" + l.id).c_str(), ButtonKind::Primary, touch_size(ctx, 1.0f)))
                ctx.commands.submit("approve_leave", {{"leave", l.id}, {"post_shifts", true}},
                                    "Leave approved for " + p->name + "; " + posted + " posted to the bank");
            if (button(("Approve, keep the shifts##" + l.id).c_str(), ButtonKind::Secondary, touch_size(ctx, 1.0f)))
                ctx.commands.submit("approve_leave", {{"leave", l.id}}, "Leave approved for " + p->name + "; " + posted + " left rostered");
        } else if (button(("Approve leave##" + l.id).c_str(), ButtonKind::Primary, touch_size(ctx, 0.5f))) {
            ctx.commands.submit("approve_leave", {{"leave", l.id}}, "Leave approved for " + p->name);
        }
        if (rostered == 0) ImGui::SameLine(0, 8);
        if (button(("Decline##" + l.id).c_str(), ButtonKind::Secondary, touch_size(ctx, 0.5f)))
            ctx.commands.submit("decline_leave", {{"leave", l.id}}, "Leave declined for " + p->name);
    }
    end_card();
}

void late_cancellations(ViewContext& ctx) {
    begin_card("late");
    int late = 0;
    for (const Cancellation& c : ctx.state.cancellations) late += c.late;
    card_title(ctx.fonts, ICON_WARNING, "Cancellations", int(ctx.state.cancellations.size()));
    ImGui::PushFont(ctx.fonts.small);
    ImGui::TextDisabled("%d late (less than %d h notice, the trust's policy)", late, ctx.state.trust.cancel_notice_hours);
    ImGui::PopFont();
    int shown = 0;
    for (auto it = ctx.state.cancellations.rbegin(); it != ctx.state.cancellations.rend() && shown < 8; ++it, ++shown) {
        if (it->late) badge("LATE", kPaleRed, kRed, ctx.fonts);
        else badge("in time", kPaleGrey, kSecondaryText, ctx.fonts);
        ImGui::SameLine(0, 8);
        ImGui::TextWrapped("%s %s %s, %d h before%s%s", person_label(ctx.state, it->staff).c_str(),
                           it->by_ward ? "was cancelled by the ward from" : "cancelled", describe(ctx.state, it->shift).c_str(),
                           it->hours_notice, it->reason.empty() ? "" : ": ", it->reason.c_str());
    }
    end_card();
}

void ward_settings(ViewContext& ctx) {
    begin_card("wards");
    card_title(ctx.fonts, ICON_COG, "How my wards use the bank");
    for (const Ward& w : ctx.state.wards) {
        if (!manages_ward(*ctx.user, w.id))
            continue;
        ImGui::PushFont(ctx.fonts.bold);
        ImGui::TextUnformatted(w.name.c_str());
        ImGui::PopFont();
        bool instant = w.instant_booking;
        if (checkbox_wrapped(("instant-" + w.id).c_str(), "Any eligible bank member may book instantly", &instant))
            ctx.commands.submit("set_ward_policy", {{"ward", w.id}, {"instant_booking", instant}},
                                std::string(instant ? "Instant booking on for " : "Instant booking off for ") + w.name);
        bool automatic = w.auto_approve == AutoApprove::GradeMatchNoWarnings;
        if (checkbox_wrapped(("auto-" + w.id).c_str(), "Approve at once when the grade matches and no rule warns", &automatic))
            ctx.commands.submit("set_ward_policy", {{"ward", w.id}, {"auto_approve", automatic ? "grade_match_no_warnings" : "off"}},
                                std::string(automatic ? "Auto-approval on for " : "Auto-approval off for ") + w.name);
        ImGui::PushFont(ctx.fonts.small);
        if (w.instant_bookers.empty()) ImGui::TextDisabled("No trusted instant bookers yet (add them from the approval queue).");
        ImGui::PopFont();
        for (const std::string& id : w.instant_bookers) {
            const Staff* p = ctx.state.find_staff(id);
            ImGui::TextUnformatted((ICON_USER "  " + (p ? p->name : id)).c_str());
            ImGui::SameLine(0, 8);
            if (button(("Remove##" + w.id + id).c_str(), ButtonKind::Quiet)) {
                nlohmann::json rest = nlohmann::json::array();
                for (const auto& x : w.instant_bookers)
                    if (x != id) rest.push_back(x);
                ctx.commands.submit("set_ward_policy", {{"ward", w.id}, {"instant_bookers", rest}},
                                    (p ? p->name : id) + " no longer books " + w.name + " instantly");
            }
        }
        ImGui::Spacing();
    }
    end_card();
}
}  // namespace

void draw_home_view(ViewContext& ctx, HomeScreen& m) {
    const Date today = ctx.session.today;
    // A person is greeted by their first name; an account that is a post, not a person (the trust's
    // administrator), is not ("Hello, Trust"): its page is called what it is, with whose it is.
    const std::string greeting = ctx.me ? "Hello, " + ctx.me->name.substr(0, ctx.me->name.find(' ')) : std::string("Home");
    ImGui::PushFont(ctx.phone ? ctx.fonts.heading : ctx.fonts.large);
    ImGui::TextUnformatted(greeting.c_str());
    ImGui::PopFont();
    if (a11y::Mirror* mirror = a11y::current()) mirror->text(greeting);
    if (!ctx.me && ctx.user) text_muted_wrapped("Signed in as %s", ctx.user->name.c_str());
    // Wrapped: a long trust name would run off a phone's edge.
    text_muted_wrapped("%s %d \xC2\xB7 %s", format_weekday_day_month(today).c_str(), civil(today).year, ctx.state.trust.name.c_str());
    ImGui::Spacing();
    Columns cols(ctx);
    auto place = [&](auto draw) {
        if (cols.count > 1 && cols.placed % 2 == 1) ImGui::SameLine(0, 16);
        ImGui::BeginGroup();
        ImGui::BeginChild(("col" + std::to_string(cols.placed)).c_str(), ImVec2(cols.width, 0), ImGuiChildFlags_AutoResizeY);
        draw();
        ImGui::EndChild();
        ImGui::EndGroup();
        ++cols.placed;
    };
    if (ctx.session.role == Role::Clinician && ctx.me) {
        const Staff& me = *ctx.me;
        place([&] {
            next_shifts_card(ctx, me);
            ImGui::Spacing();
            hours_card(ctx, me, cols.width);
            ImGui::Spacing();
            waiting_card(ctx, me);
        });
        place([&] { notifications_card(ctx, m, me); });
        return;
    }
    if (!ctx.user || !runs_rotas(*ctx.user)) {
        ImGui::TextWrapped("This account has no staff record, so there are no shifts of its own.");
        return;
    }
    place([&] {
        manager_decisions(ctx);
        ImGui::Spacing();
        if (timesheets_to_sign_off(ctx, m.amend)) ImGui::Spacing();
        late_cancellations(ctx);
    });
    place([&] { ward_settings(ctx); });
}

}  // namespace sb::ui
