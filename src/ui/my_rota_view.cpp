// My rota: a clinician's own shifts and leave as a week or month calendar, what they can do with a
// shift (cancel within the notice policy, offer a like-for-like swap), requests for leave,
// availability for managers to see, and the calendar export.
#include <algorithm>

#include "core/booking.hpp"
#include "core/civil_time.hpp"
#include "core/enum_names.hpp"
#include "core/icalendar.hpp"
#include "ui/access_mirror.hpp"
#include "ui/downloads.hpp"
#include "ui/icons.hpp"
#include "ui/my_rota_state.hpp"
#include "ui/shift_card.hpp"
#include "ui/timesheet_view.hpp"
#include "ui/widgets.hpp"

namespace sb::ui {
using namespace colour;

namespace {
constexpr const char* kTimes[] = {"00:00", "00:30", "01:00", "01:30", "02:00", "02:30", "03:00", "03:30", "04:00", "04:30",
                                  "05:00", "05:30", "06:00", "06:30", "07:00", "07:30", "08:00", "08:30", "09:00", "09:30",
                                  "10:00", "10:30", "11:00", "11:30", "12:00", "12:30", "13:00", "13:30", "14:00", "14:30",
                                  "15:00", "15:30", "16:00", "16:30", "17:00", "17:30", "18:00", "18:30", "19:00", "19:30",
                                  "20:00", "20:30", "21:00", "21:30", "22:00", "22:30", "23:00", "23:30", "00:00"};

ImVec2 touch(const ViewContext& ctx, float w = 0) { return ImVec2(w, ctx.phone ? 44.0f : 30.0f); }

struct Day {
    std::vector<const Shift*> shifts;
    const Leave* leave = nullptr;
    const Availability* available = nullptr;
};

// The person's shifts, leave and availability for `days` days from `first`.
std::vector<Day> gather(const ViewContext& ctx, const Staff& me, Date first, int days) {
    std::vector<Day> out(static_cast<size_t>(days));
    for (const Shift& s : ctx.state.shifts)
        if (s.assignee == me.id && s.status != ShiftStatus::Cancelled && s.start.date >= first && s.start.date < first + days)
            out[size_t(s.start.date - first)].shifts.push_back(&s);
    for (Day& d : out) std::sort(d.shifts.begin(), d.shifts.end(), [](const Shift* a, const Shift* b) { return a->start < b->start; });
    for (const Leave& l : ctx.state.leave)
        if (l.staff == me.id && (l.status == RequestStatus::Approved || l.status == RequestStatus::Pending))
            for (Date d = std::max(l.first, first); d <= l.last && d < first + days; d = d + 1) out[size_t(d - first)].leave = &l;
    for (const Availability& a : ctx.state.availability)
        if (a.staff == me.id && a.date >= first && a.date < first + days) out[size_t(a.date - first)].available = &a;
    return out;
}

// One shift as a tappable chip; tapping picks it for the actions panel.
void chip_button(ViewContext& ctx, MyRotaScreen& m, const Shift& s, ImVec2 size) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    if (a11y::Mirror* mirror = a11y::current()) {
        const ShiftType* t = ctx.state.find_shift_type(s.type);
        mirror->next(a11y::Role::Button, (t ? t->name : s.type) + " " + shift_times(s) + ", " + format_weekday_day_month(s.start.date));
    }
    if (ImGui::InvisibleButton(("##chip" + s.id).c_str(), size)) m.picked_shift = m.picked_shift == s.id ? "" : s.id;
    draw_shift_chip(ImGui::GetWindowDrawList(), p, ImVec2(p.x + size.x, p.y + size.y), s, ctx.state.find_shift_type(s.type), ctx.fonts);
    if (m.picked_shift == s.id)
        ImGui::GetWindowDrawList()->AddRect(ImVec2(p.x - 2, p.y - 2), ImVec2(p.x + size.x + 2, p.y + size.y + 2), kBlue, 5, 0, 2);
}

void leave_band(const ViewContext& ctx, const Leave& l, float width) {
    const bool pending = l.status == RequestStatus::Pending;
    const std::string text = std::string(ICON_PLANE " ") + std::string(display_name(l.kind)) + (pending ? " (asked)" : "");
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float h = ImGui::GetTextLineHeight() + 6;
    ImGui::GetWindowDrawList()->AddRectFilled(p, ImVec2(p.x + width, p.y + h), pending ? kPaleYellow : kPaleGreen, 4);
    ImGui::GetWindowDrawList()->AddText(ctx.fonts.small, ctx.fonts.small->FontSize * ImGui::GetIO().FontGlobalScale,
                                        ImVec2(p.x + 6, p.y + 4), kText, text.c_str());
    ImGui::Dummy(ImVec2(width, h));
}

void week_calendar(ViewContext& ctx, MyRotaScreen& m, const Staff& me, Date monday) {
    const std::vector<Day> days = gather(ctx, me, monday, 7);
    const float avail = ImGui::GetContentRegionAvail().x;
    if (ctx.phone) {   // one row per day: the date on the left, the day's shifts to its right
        for (int i = 0; i < 7; ++i) {
            const Date d = monday + i;
            ImGui::PushID(i);
            ImGui::BeginGroup();
            ImGui::PushFont(d == ctx.session.today ? ctx.fonts.bold : ctx.fonts.body);
            text_coloured(d == ctx.session.today ? kBlue : kText, format_weekday_day_month(d).c_str());
            ImGui::PopFont();
            ImGui::EndGroup();
            ImGui::SameLine(110);
            ImGui::BeginGroup();
            const float w = avail - 110;
            if (days[size_t(i)].leave) leave_band(ctx, *days[size_t(i)].leave, w);
            for (const Shift* s : days[size_t(i)].shifts) chip_button(ctx, m, *s, ImVec2(w, 44));
            if (const Availability* a = days[size_t(i)].available)
                ImGui::TextDisabled("Available %s\xE2\x80\x93%s", format_clock(a->start_minute).c_str(), format_clock(a->end_minute % 1440).c_str());
            if (days[size_t(i)].shifts.empty() && !days[size_t(i)].leave && !days[size_t(i)].available) ImGui::TextDisabled("Free");
            ImGui::EndGroup();
            ImGui::Separator();
            ImGui::PopID();
        }
        return;
    }
    const float col = (avail - 6 * 8) / 7;
    for (int i = 0; i < 7; ++i) {
        const Date d = monday + i;
        if (i) ImGui::SameLine(0, 8);
        ImGui::PushID(i);
        ImGui::BeginGroup();
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const ImU32 shade = d == ctx.session.today ? kTodayShade : is_weekend(d) ? kWeekendShade : kWhite;
        ImGui::GetWindowDrawList()->AddRectFilled(p, ImVec2(p.x + col, p.y + 220), shade, 6);
        ImGui::GetWindowDrawList()->AddRect(p, ImVec2(p.x + col, p.y + 220), kBorder, 6);
        ImGui::SetCursorScreenPos(ImVec2(p.x + 8, p.y + 6));
        ImGui::BeginGroup();
        ImGui::PushFont(ctx.fonts.bold);
        text_coloured(d == ctx.session.today ? kBlue : kText, format_weekday_day_month(d).c_str());
        ImGui::PopFont();
        const float w = col - 16;
        if (days[size_t(i)].leave) leave_band(ctx, *days[size_t(i)].leave, w);
        for (const Shift* s : days[size_t(i)].shifts) chip_button(ctx, m, *s, ImVec2(w, 40));
        if (const Availability* a = days[size_t(i)].available) {
            ImGui::PushFont(ctx.fonts.small);
            ImGui::TextDisabled("Available\n%s\xE2\x80\x93%s", format_clock(a->start_minute).c_str(), format_clock(a->end_minute % 1440).c_str());
            ImGui::PopFont();
        }
        ImGui::EndGroup();
        ImGui::SetCursorScreenPos(p);
        ImGui::Dummy(ImVec2(col, 220));
        ImGui::EndGroup();
        ImGui::PopID();
    }
}

void month_calendar(ViewContext& ctx, MyRotaScreen& m, const Staff& me, Date first_of_month) {
    const YearMonthDay ym = civil(first_of_month);
    const Date grid_start = first_of_month - weekday(first_of_month);
    const std::vector<Day> days = gather(ctx, me, grid_start, 42);
    const float avail = ImGui::GetContentRegionAvail().x;
    const float gap = 4, col = (avail - 6 * gap) / 7, row = ctx.phone ? 58.0f : 84.0f;
    static const char* names[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    for (int i = 0; i < 7; ++i) {
        if (i) ImGui::SameLine(float(i) * (col + gap) + ImGui::GetStyle().WindowPadding.x);
        ImGui::TextDisabled("%s", names[i]);
    }
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    for (int i = 0; i < 42; ++i) {
        const Date d = grid_start + i;
        if (i >= 35 && civil(d).month != ym.month) break;   // a sixth row only when the month needs it
        const ImVec2 p(origin.x + float(i % 7) * (col + gap), origin.y + float(i / 7) * (row + gap));
        const bool in_month = civil(d).month == ym.month;
        const Day& day = days[size_t(i)];
        ImU32 bg = d == ctx.session.today ? kTodayShade : in_month ? kWhite : kBackground;
        if (day.leave) bg = day.leave->status == RequestStatus::Pending ? kPaleYellow : kPaleGreen;
        dl->AddRectFilled(p, ImVec2(p.x + col, p.y + row), bg, 4);
        dl->AddRect(p, ImVec2(p.x + col, p.y + row), d == ctx.session.today ? kBlue : kBorder, 4);
        const float small = ctx.fonts.small->FontSize * ImGui::GetIO().FontGlobalScale;
        dl->AddText(ctx.fonts.small, small, ImVec2(p.x + 5, p.y + 3), in_month ? kText : kMidGrey, std::to_string(civil(d).day).c_str());
        if (day.leave) dl->AddText(ctx.fonts.small, small, ImVec2(p.x + col - 18, p.y + 3), kSecondaryText, ICON_PLANE);
        float y = p.y + small + 6;
        for (const Shift* s : day.shifts) {
            ImGui::SetCursorScreenPos(ImVec2(p.x + 3, y));
            const float h = ctx.phone ? 26.0f : 34.0f;
            if (y + h > p.y + row) break;
            chip_button(ctx, m, *s, ImVec2(col - 6, h));
            y += h + 2;
        }
    }
    const int rows = civil(grid_start + 35).month == ym.month ? 6 : 5;
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(ImVec2(avail, float(rows) * (row + gap)));
}

// Like-for-like colleagues' shifts this one could be exchanged for, with no rule broken for either.
void swap_candidates(ViewContext& ctx, const Shift& mine) {
    std::vector<const Shift*> found;
    int asked = 0;
    const UtcMinutes now = ctx.commands.now();
    for (const Shift& s : ctx.state.shifts) {
        if (found.size() >= 6 || asked >= 60) break;
        // The same day onwards, someone else's, published or booked: then the core says whether the
        // swap would be allowed (like for like, no rule broken for either of them).
        if (s.id == mine.id || s.assignee.empty() || s.assignee == mine.assignee || has_started(s, now) ||
            (s.status != ShiftStatus::Published && s.status != ShiftStatus::Booked) || s.type != mine.type)
            continue;
        ++asked;
        if (ctx.commands.preview("request_swap", {{"shift", mine.id}, {"other_shift", s.id}}).accepted()) found.push_back(&s);
    }
    if (found.empty()) {
        ImGui::TextWrapped("No colleague has a %s on this ward's grade that you could swap without breaking a rule for one of you.",
                           shift_label(mine, ctx.state).c_str());
        return;
    }
    ImGui::TextDisabled("Same shift type and grade; no rule broken for either of you:");
    for (const Shift* s : found) {
        const Staff* who = ctx.state.find_staff(s->assignee);
        const Ward* w = ctx.state.find_ward(s->ward);
        ImGui::TextWrapped("%s %s, %s, %s", ICON_USER, person_label(ctx.state, s->assignee).c_str(),
                           format_weekday_day_month(s->start.date).c_str(), w ? w->name.c_str() : s->ward.c_str());
        if (button(("Ask to swap##" + s->id).c_str(), ButtonKind::Secondary, touch(ctx)))
            ctx.commands.submit("request_swap", {{"shift", mine.id}, {"other_shift", s->id}},
                                "Swap asked: " + (who ? who->name : s->assignee) + " will be asked to accept");
    }
}

void picked_shift_actions(ViewContext& ctx, MyRotaScreen& m, const Shift& s) {
    draw_shift_card(ctx, s, s.source == ShiftSource::Bank, [&] {
        const int64_t notice = london_to_utc(s.start) - ctx.commands.now();
        if (notice <= 0) {
            if (london_to_utc(s.end) > ctx.commands.now()) ImGui::TextDisabled("This shift has started.");
            timesheet_for_shift(ctx, m.timesheet, s);
            return;
        }
        if (s.status == ShiftStatus::Booked) {
            const bool late = notice < int64_t(ctx.state.trust.cancel_notice_hours) * 60;
            if (late) {
                begin_callout();
                ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x - 24);
                ImGui::TextWrapped("It starts in %s: cancelling now is a late cancellation (the trust asks for %d h notice). "
                                   "It is recorded, and the ward sees your reason.",
                                   format_duration(notice).c_str(), ctx.state.trust.cancel_notice_hours);
                ImGui::PopTextWrapPos();
                end_callout(kPaleYellow, ImGui::GetContentRegionAvail().x);
                ImGui::SetNextItemWidth(-1);
                text_field("##reason", "Reason (needed for a late cancellation)", m.cancel_reason,
                                         sizeof m.cancel_reason);
            }
            ImGui::BeginDisabled(late && m.cancel_reason[0] == '\0');
            if (button(late ? "Cancel late (recorded)" : "Cancel this booking", ButtonKind::Secondary, touch(ctx))) {
                nlohmann::json p = {{"shift", s.id}};
                if (m.cancel_reason[0]) p["reason"] = std::string(m.cancel_reason);
                if (ctx.commands.submit("cancel_booking", p, "Booking cancelled: " + shift_label(s, ctx.state) + ", " +
                                                                 format_weekday_day_month(s.start.date) + ". It is back in the bank.").accepted()) {
                    m.cancel_reason[0] = '\0';
                    m.picked_shift.clear();
                }
            }
            ImGui::EndDisabled();
        }
        if (m.swap_for != s.id) {
            if (button(ICON_EXCHANGE "  Offer a swap", ButtonKind::Secondary, touch(ctx))) m.swap_for = s.id;
        } else {
            swap_candidates(ctx, s);
        }
    });
}

// A private address the person's calendar app follows (webcal: or https), so later changes reach
// it; the server keeps only a hash of its secret, so the address is shown once, when made.
void calendar_subscription(ViewContext& ctx, MyRotaScreen& m) {
    begin_card("calendar-form");
    card_title(ctx.fonts, ICON_CALENDAR_CHECK, "Subscribe in my calendar");
    const CommandSink::CalendarLink& link = ctx.commands.calendar_link();
    a11y::Mirror* mirror = a11y::current();
    auto say = [&](const std::string& words, bool muted = true) {
        if (muted) text_muted_wrapped("%s", words.c_str());
        else ImGui::TextWrapped("%s", words.c_str());
        if (mirror) mirror->text(words);
    };
    if (!link.available) {
        say("Subscribing needs the trust's live server. On this copy, \"Add to my calendar (.ics)\" adds your shifts once.");
    } else if (link.loading) {
        say("Asking the server\xE2\x80\xA6");
    } else if (!link.webcal.empty()) {
        say("Add this private address to your calendar app (Apple, Google, Outlook: \"subscribe\" or \"from URL\"). "
            "It follows your shifts; changes arrive within an hour. Anyone with the address sees your shifts: keep it to yourself.", false);
        static char shown[512];
        std::snprintf(shown, sizeof shown, "%s", link.webcal.c_str());
        ImGui::SetNextItemWidth(-1);
        if (mirror) mirror->next(a11y::Role::TextBox, "Calendar address"), mirror->next_buffer(shown, sizeof shown);   // read out as its value
        text_field("##calendar-address", "", shown, sizeof shown, ImGuiInputTextFlags_ReadOnly);
        if (button(ICON_CHECK "  Copy address", ButtonKind::Primary, touch(ctx))) {
            ImGui::SetClipboardText(link.webcal.c_str());
            m.calendar_copied = true;
        }
        if (!ctx.phone) ImGui::SameLine(0, 8);
        if (button("Copy as https://", ButtonKind::Secondary, touch(ctx))) {
            ImGui::SetClipboardText(link.https.c_str());   // for apps that do not take webcal:
            m.calendar_copied = true;
        }
        if (m.calendar_copied) say("Copied.");
    } else if (link.exists) {
        const std::optional<Date> made = parse_date(link.created.substr(0, 10));
        say("You have a calendar address, made " + (made ? format_weekday_day_month(*made) + " " + std::to_string(civil(*made).year) : link.created) + ". It is shown only when it is made: make a new one "
            "to copy it again (the old one then stops working).", false);
    } else {
        say("Get a private address your calendar app follows, so your shifts stay up to date there.", false);
    }
    if (!link.error.empty()) {
        text_coloured(kRed, (ICON_BAN "  " + link.error).c_str());
        if (mirror) mirror->text(link.error);
    }
    if (link.available && !link.loading) {
        if (!link.exists) {
            if (button("Get my calendar address", ButtonKind::Primary, touch(ctx))) ctx.commands.make_calendar_link(), m.calendar_copied = false;
        } else {
            if (button("Make a new address", ButtonKind::Secondary, touch(ctx))) ctx.commands.make_calendar_link(), m.calendar_copied = false;
            if (!ctx.phone) ImGui::SameLine(0, 8);
            if (button("Turn off", ButtonKind::Quiet, touch(ctx))) ctx.commands.turn_off_calendar_link();
        }
    }
    end_card();
}

void leave_form(ViewContext& ctx, MyRotaScreen& m, const Staff& me) {
    begin_card("leave-form");
    card_title(ctx.fonts, ICON_PLANE, "Request leave");
    const char* kinds[] = {"Annual", "Study", "Sick"};
    segmented("kind", kinds, 3, m.leave_kind, ctx.phone);
    const Date min = ctx.session.today - (m.leave_kind == 2 ? 7 : 0), max = ctx.session.today + 400;
    // The days on a calendar (a tap for the first, a tap for the last), or a day at a time.
    ImGui::TextDisabled("Tap the first day, then the last");
    date_picker("leave-days", m.leave_first, &m.leave_last, min, max, ctx.session.today, ctx.phone);
    ImGui::TextDisabled("First day");
    if (date_stepper("first", m.leave_first, min, max, ctx.phone) && m.leave_last < m.leave_first) m.leave_last = m.leave_first;
    ImGui::TextDisabled("Last day");
    date_stepper("last", m.leave_last, m.leave_first, max, ctx.phone);
    const int days = m.leave_last - m.leave_first + 1;
    ImGui::TextUnformatted((date_range(m.leave_first, m.leave_last) + " \xC2\xB7 " + std::to_string(days) + (days == 1 ? " day" : " days")).c_str());
    if (m.leave_kind == 2) ImGui::TextDisabled("Sickness is recorded at once; your manager is told.");
    if (button("Send request", ButtonKind::Primary, touch(ctx, 160))) {
        static const char* json_kinds[] = {"annual", "study", "sick"};
        if (ctx.commands.submit("request_leave", {{"kind", json_kinds[m.leave_kind]}, {"first", format_date(m.leave_first)},
                                                  {"last", format_date(m.leave_last)}},
                                std::string(kinds[m.leave_kind]) + " leave requested: " + date_range(m.leave_first, m.leave_last))
                .accepted())
            m.leave_form = false;
    }
    ImGui::SameLine(0, 8);
    if (button("Close##leave", ButtonKind::Quiet, touch(ctx))) m.leave_form = false;
    // Requests already made, with a way to take one back.
    for (const Leave& l : ctx.state.leave) {
        if (l.staff != me.id || l.last < ctx.session.today) continue;
        ImGui::TextUnformatted((std::string(display_name(l.kind)) + ", " + date_range(l.first, l.last) + ": " +
                                std::string(to_string(l.status))).c_str());
        if (l.status == RequestStatus::Pending || l.status == RequestStatus::Approved) {
            ImGui::SameLine(0, 8);
            if (button(("Cancel request##" + l.id).c_str(), ButtonKind::Quiet))
                ctx.commands.submit("decline_leave", {{"leave", l.id}}, "Leave request cancelled");
        }
    }
    end_card();
}

void availability_form(ViewContext& ctx, MyRotaScreen& m) {
    begin_card("availability-form");
    card_title(ctx.fonts, ICON_CALENDAR_CHECK, "When I can work");
    ImGui::TextDisabled("Managers see this on their rota when they look for cover.");
    date_picker("availability-day", m.availability_date, nullptr, ctx.session.today, ctx.session.today + 120, ctx.session.today, ctx.phone);
    date_stepper("day", m.availability_date, ctx.session.today, ctx.session.today + 120, ctx.phone);
    ImGui::SetNextItemWidth(120);
    ImGui::Combo("from", &m.availability_from, kTimes, 48);
    ImGui::SameLine(0, 12);
    ImGui::SetNextItemWidth(120);
    ImGui::Combo("until", &m.availability_to, kTimes, 49);
    const bool valid = m.availability_to > m.availability_from;
    if (!valid) text_coloured(kRed, "\"Until\" must be after \"from\".");
    ImGui::BeginDisabled(!valid);
    if (button("Save", ButtonKind::Primary, touch(ctx, 120)))
        ctx.commands.submit("set_availability", {{"date", format_date(m.availability_date)}, {"start", kTimes[m.availability_from]},
                                                 {"end", kTimes[m.availability_to]}},
                            "Available " + format_weekday_day_month(m.availability_date) + ", " + kTimes[m.availability_from] +
                                "\xE2\x80\x93" + kTimes[m.availability_to]);
    ImGui::EndDisabled();
    ImGui::SameLine(0, 8);
    if (button("Not available that day", ButtonKind::Secondary, touch(ctx)))
        ctx.commands.submit("set_availability", {{"date", format_date(m.availability_date)}, {"available", false}},
                            "Availability cleared for " + format_weekday_day_month(m.availability_date));
    ImGui::SameLine(0, 8);
    if (button("Close##avail", ButtonKind::Quiet, touch(ctx))) m.availability_form = false;
    end_card();
}
}  // namespace

void draw_my_rota_view(ViewContext& ctx, MyRotaScreen& m) {
    if (!ctx.me) {
        if (!ctx.phone) heading(ctx.fonts, "My rota");
        ImGui::TextWrapped("You are signed in as %s, who has no staff record, so there are no shifts of your own. "
                           "Switch to the clinician view in the top bar to see a clinician's rota.",
                           ctx.user ? ctx.user->name.c_str() : "an administrator");
        return;
    }
    const Staff& me = *ctx.me;
    const Date today = ctx.session.today;
    if (!ctx.phone) heading(ctx.fonts, "My rota");
    ImGui::Text("%s \xC2\xB7 %s", me.name.c_str(), me.grade.c_str());

    // Toolbar: week or month, previous / today / next, then the actions.
    int mode = m.month ? 1 : 0;
    const char* modes[] = {"Week", "Month"};
    if (segmented("mode", modes, 2, mode, ctx.phone)) m.month = mode == 1, m.calendar_offset = 0;
    ImGui::SameLine(0, 12);
    if (button(ICON_CHEVRON_LEFT "##prev", ButtonKind::Secondary, touch(ctx, ctx.phone ? 44 : 30))) --m.calendar_offset;
    ImGui::SameLine(0, 4);
    if (button("Today", ButtonKind::Secondary, touch(ctx))) m.calendar_offset = 0;
    ImGui::SameLine(0, 4);
    if (button(ICON_CHEVRON_RIGHT "##next", ButtonKind::Secondary, touch(ctx, ctx.phone ? 44 : 30))) ++m.calendar_offset;
    Date first;
    std::string title;
    if (m.month) {
        YearMonthDay ym = civil(today);
        int month = ym.month - 1 + m.calendar_offset;
        const int year = ym.year + (month >= 0 ? month / 12 : (month - 11) / 12);
        month = ((month % 12) + 12) % 12 + 1;
        first = make_date(year, month, 1);
        title = std::string(month_short(month)) + " " + std::to_string(year);
    } else {
        first = today - weekday(today) + 7 * m.calendar_offset;
        title = date_range(first, first + 6);
    }
    if (!ctx.phone) ImGui::SameLine(0, 16);
    ImGui::PushFont(ctx.fonts.bold);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(title.c_str());
    ImGui::PopFont();

    if (button(ICON_PLANE "  Request leave", ButtonKind::Secondary, touch(ctx))) {
        m.leave_form = !m.leave_form;
        if (m.leave_first < today) m.leave_first = m.leave_last = today + 14;
    }
    ImGui::SameLine(0, 8);
    if (button(ICON_CALENDAR_CHECK "  Set availability", ButtonKind::Secondary, touch(ctx))) {
        m.availability_form = !m.availability_form;
        if (m.availability_date < today) m.availability_date = today;
    }
    if (!ctx.phone) ImGui::SameLine(0, 8);
    // Calendar export: the person's shifts in their own calendar app (Google, Apple, Outlook).
    if (button(ICON_CALENDAR "  Add to my calendar (.ics)", ButtonKind::Secondary, touch(ctx, ctx.phone ? -1 : 0))) {
        offer_download("shiftbank-shifts.ics", "text/calendar", shifts_to_icalendar(ctx.state, me.id, ctx.commands.now()));
    }
    if (!ctx.phone) ImGui::SameLine(0, 8);
    if (button(ICON_CALENDAR_CHECK "  Subscribe: stays up to date", ButtonKind::Secondary, touch(ctx, ctx.phone ? -1 : 0)))
        m.calendar_form = !m.calendar_form;
    ImGui::Spacing();
    if (m.calendar_form) calendar_subscription(ctx, m), ImGui::Spacing();
    if (m.leave_form) leave_form(ctx, m, me), ImGui::Spacing();
    if (m.availability_form) availability_form(ctx, m), ImGui::Spacing();

    if (m.month) month_calendar(ctx, m, me, first);
    else week_calendar(ctx, m, me, first);
    ImGui::Spacing();
    const Shift* picked = ctx.state.find_shift(m.picked_shift);
    if (picked && picked->assignee == me.id) {
        const float w = ctx.phone ? ImGui::GetContentRegionAvail().x : std::min(560.0f, ImGui::GetContentRegionAvail().x);
        ImGui::BeginChild("picked", ImVec2(w, 0), ImGuiChildFlags_AutoResizeY);
        picked_shift_actions(ctx, m, *picked);
        ImGui::EndChild();
    } else {
        ImGui::TextDisabled("Tap a shift to cancel it or offer a swap.");
    }
}

}  // namespace sb::ui
