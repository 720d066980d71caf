#include "ui/rota_edit.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "core/booking.hpp"
#include "core/civil_time.hpp"
#include "core/data_format.hpp"
#include "core/permissions.hpp"
#include "core/enum_names.hpp"
#include "ui/icons.hpp"
#include "ui/rota_drag.hpp"
#include "ui/widgets.hpp"

namespace sb::ui {
using namespace colour;
using json = nlohmann::json;

namespace {
std::string new_shift_id(const State& state) {
    // Unique in this state; the command id makes the command itself unique.
    for (int n = int(state.shifts.size()) + 1;; ++n) {
        char id[32];
        std::snprintf(id, sizeof id, "sh-n%d-%lld", n, static_cast<long long>(state.revision));
        if (!state.find_shift(id)) return id;
    }
}
}  // namespace

void open_cell_menu(ViewContext& ctx, RotaScreen& rota, const std::string& staff, Date day) {
    rota.menu_staff = staff;
    rota.menu_day = day;
    rota.menu_requested = true;   // opened by draw_cell_menu, outside the table's ID scope
}

void draw_cell_menu(ViewContext& ctx, RotaScreen& rota, const Ward& ward) {
    if (rota.menu_requested) ImGui::OpenPopup("cell_menu");
    rota.menu_requested = false;
    if (!ImGui::BeginPopup("cell_menu")) return;
    const State& st = ctx.state;
    const Staff* person = st.find_staff(rota.menu_staff);
    ImGui::TextDisabled("Add a shift %s on %s", person ? ("for " + person->name).c_str() : "(vacant)",
                        format_weekday_day_month(rota.menu_day).c_str());
    ImGui::Separator();
    for (const ShiftType& t : st.shift_types) {
        const std::string label = t.name + "   " + format_clock(t.start_minute) + "\xE2\x80\x93" + format_clock(t.end_minute);
        if (!choice(label.c_str())) continue;
        Shift s;
        s.id = new_shift_id(st);
        // With every ward on screen, a new shift goes to the person's home ward (or the first ward).
        s.ward = ward.id != "*" ? ward.id : person && !person->wards.empty() ? person->wards.front() : st.wards.front().id;
        s.type = t.id;
        s.start = {rota.menu_day, t.start_minute};
        s.end = {t.end_minute > t.start_minute ? rota.menu_day : rota.menu_day + 1, t.end_minute};
        if (person) {
            s.requirements.group = person->group;
            s.requirements.grades = {person->grade};
            s.assignee = person->id;
        } else {
            s.requirements.group = StaffGroup::Nurse;   // the commonest vacancy; the editor changes it
            s.requirements.grades = {"Band 5"};
        }
        s.status = ShiftStatus::Draft;
        s.rate_pence_per_hour = rate_for(st, s.requirements, s.type);
        ctx.commands.submit("create_shift", {{"shift", shift_to_json(s)}},
                            "Added " + t.name + " on " + format_weekday_day_month(s.start.date) +
                                (person ? " for " + person->name : std::string(" (vacant)")));
    }
    ImGui::EndPopup();
}

void draw_chip_menu(ViewContext& ctx, RotaScreen& m, const Shift& s) {
    if (!ImGui::BeginPopupContextItem("chip_menu")) return;
    const std::string what = shift_label(s, ctx.state) + " " + format_weekday_day_month(s.start.date);
    ImGui::TextDisabled("%s", what.c_str());
    ImGui::Separator();
    if (choice(ICON_CLOCK "  Edit times, type and rate\xE2\x80\xA6")) {
        m.editing = s.id;
        std::snprintf(m.edit_start, sizeof m.edit_start, "%s", format_clock(s.start.minute).c_str());
        std::snprintf(m.edit_end, sizeof m.edit_end, "%s", format_clock(s.end.minute).c_str());
        std::snprintf(m.edit_rate, sizeof m.edit_rate, "%.2f", s.rate_pence_per_hour / 100.0);
        m.edit_type = 0;
        m.edit_ward = s.ward;
        m.edit_grade = s.requirements.grades.empty() ? "" : s.requirements.grades.front();
        for (size_t i = 0; i < ctx.state.shift_types.size(); ++i)
            if (ctx.state.shift_types[i].id == s.type) m.edit_type = int(i);
    }
    // Moving without a drag: a person and a day from lists (rota_drag.cpp).
    if (choice(ICON_ARROWS "  Move to\xE2\x80\xA6")) open_move_to(m, s);
    if (!s.assignee.empty() && choice(ICON_USER "  Unassign (make vacant)"))
        ctx.commands.submit("unassign", {{"shift", s.id}}, "Unassigned " + what);
    if (postable(s, ctx.commands.now()) && choice(ICON_INBOX "  Post to the bank"))
        ctx.commands.submit("post_to_bank", {{"shifts", {s.id}}}, "Posted " + what + " to the bank");
    if (s.status == ShiftStatus::Draft && choice(ICON_CHECK "  Publish"))
        ctx.commands.submit("publish", {{"shifts", {s.id}}}, "Published " + what);
    ImGui::Separator();
    ImGui::PushStyleColor(ImGuiCol_Text, kRed);
    if (choice(ICON_BAN "  Delete shift")) ctx.commands.submit("delete_shift", {{"shift", s.id}}, "Deleted " + what);
    ImGui::PopStyleColor();
    ImGui::EndPopup();
}

void draw_shift_editor(ViewContext& ctx, RotaScreen& m) {
    if (m.editing.empty()) return;
    const Shift* s = ctx.state.find_shift(m.editing);
    if (!s) {
        m.editing.clear();
        return;
    }
    const char* title = "Edit shift";
    if (!ImGui::IsPopupOpen(title)) ImGui::OpenPopup(title);
    ImGui::SetNextWindowSize(ImVec2(std::min(440.0f, ImGui::GetIO().DisplaySize.x - 32), 0));
    if (!ImGui::BeginPopupModal(title, nullptr, ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings)) return;
    const Ward* ward = ctx.state.find_ward(s->ward);
    ImGui::TextDisabled("%s \xC2\xB7 %s", ward ? ward->name.c_str() : s->ward.c_str(), format_weekday_day_month(s->start.date).c_str());
    const auto& types = ctx.state.shift_types;
    ImGui::SetNextItemWidth(-1);
    if (begin_combo("##type", "Shift type", types.empty() ? "" : types[size_t(m.edit_type)].name.c_str())) {
        for (size_t i = 0; i < types.size(); ++i)
            if (choice(types[i].name.c_str(), int(i) == m.edit_type)) {
                m.edit_type = int(i);   // a new type brings its usual times
                std::snprintf(m.edit_start, sizeof m.edit_start, "%s", format_clock(types[i].start_minute).c_str());
                std::snprintf(m.edit_end, sizeof m.edit_end, "%s", format_clock(types[i].end_minute).c_str());
            }
        ImGui::EndCombo();
    }
    const Ward* edit_ward = ctx.state.find_ward(m.edit_ward);
    ImGui::SetNextItemWidth(-1);
    if (begin_combo("##ward", "Ward", edit_ward ? edit_ward->name.c_str() : m.edit_ward.c_str())) {
        for (const Ward& w : ctx.state.wards)
            if (choice(w.name.c_str(), w.id == m.edit_ward)) m.edit_ward = w.id;
        ImGui::EndCombo();
    }
    // The grade the shift needs (its staff group stays): a vacancy can be widened to another band.
    ImGui::SetNextItemWidth(-1);
    if (begin_combo("##grade", "Grade needed", m.edit_grade.empty() ? "Any grade" : ("Needs " + m.edit_grade).c_str())) {
        if (choice("Any grade", m.edit_grade.empty())) m.edit_grade.clear();
        std::vector<std::string> grades;
        for (const Staff& p : ctx.state.staff)
            if (p.group == s->requirements.group && std::find(grades.begin(), grades.end(), p.grade) == grades.end()) grades.push_back(p.grade);
        std::sort(grades.begin(), grades.end());
        for (const auto& g : grades)
            if (choice(g.c_str(), g == m.edit_grade)) m.edit_grade = g;
        ImGui::EndCombo();
    }
    ImGui::SetNextItemWidth(120);
    text_field("Starts", "07:00", m.edit_start, sizeof m.edit_start);
    ImGui::SetNextItemWidth(120);
    text_field("Ends", "15:00", m.edit_end, sizeof m.edit_end);
    ImGui::SetNextItemWidth(120);
    text_field("\xC2\xA3 per hour", "26.50", m.edit_rate, sizeof m.edit_rate, ImGuiInputTextFlags_CharsDecimal);

    // Validate as the person types: the save button says what is wrong instead of failing later.
    auto start = parse_local_date_time(format_date(s->start.date) + "T" + m.edit_start);
    auto end_clock = parse_local_date_time(format_date(s->start.date) + "T" + m.edit_end);
    char* rate_end = nullptr;
    const double rate = std::strtod(m.edit_rate, &rate_end);
    std::string problem;
    if (std::strlen(m.edit_start) != 5 || !start) problem = "Start time: use 24-hour HH:MM, e.g. 07:30";
    else if (std::strlen(m.edit_end) != 5 || !end_clock) problem = "End time: use 24-hour HH:MM, e.g. 20:00";
    else if (rate_end == m.edit_rate || *rate_end != '\0' || rate < 0 || rate > 1000) problem = "Rate: a number of pounds from 0 to 1000";
    if (!problem.empty()) text_coloured(kRed, problem.c_str());
    ImGui::Spacing();
    ImGui::BeginDisabled(!problem.empty());
    if (button("Save", ButtonKind::Primary)) {
        LocalDateTime end = *end_clock;
        if (end.minute <= start->minute) end.date = end.date + 1;   // ends the next day
        ctx.commands.submit("edit_shift",
                            {{"shift", s->id}, {"type", types[size_t(m.edit_type)].id}, {"start", format_local_date_time(*start)},
                             {"end", format_local_date_time(end)}, {"rate_pence_per_hour", int(rate * 100 + 0.5)},
                             {"ward", m.edit_ward},
                             {"grades", m.edit_grade.empty() ? nlohmann::json::array() : nlohmann::json::array({m.edit_grade})}},
                            "Edited " + shift_label(*s, ctx.state) + " " + format_weekday_day_month(s->start.date));
        m.editing.clear();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (button("Cancel", ButtonKind::Secondary) || ImGui::IsKeyPressed(ImGuiKey_Escape)) {
        m.editing.clear();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

namespace {
Shift from_template(const State& st, const ShiftType& t, Date day, const std::string& ward, const Staff* person) {
    Shift s;
    s.ward = ward;
    s.type = t.id;
    s.start = {day, t.start_minute};
    s.end = {t.end_minute > t.start_minute ? day : day + 1, t.end_minute};
    if (person) {
        s.requirements.group = person->group;
        s.requirements.grades = {person->grade};
        s.assignee = person->id;
    }
    s.status = ShiftStatus::Draft;
    s.rate_pence_per_hour = rate_for(st, s.requirements, s.type);
    return s;
}
}  // namespace

void draw_person_menu(ViewContext& ctx, RotaScreen& rota, const Staff& person) {
    if (!ImGui::BeginPopupContextItem("person_menu")) return;
    ImGui::TextDisabled("%s \xC2\xB7 %s", person.name.c_str(), person.grade.c_str());
    ImGui::Separator();
    if (choice(ICON_CALENDAR "  Apply a repeating pattern\xE2\x80\xA6")) rota.pattern_staff = person.id;
    ImGui::EndPopup();
}

void draw_pattern_dialog(ViewContext& ctx, RotaScreen& m, Date first) {
    if (m.pattern_staff.empty()) return;
    const Staff* person = ctx.state.find_staff(m.pattern_staff);
    const char* title = "Repeating pattern";
    if (!person) return m.pattern_staff.clear();
    if (!ImGui::IsPopupOpen(title)) ImGui::OpenPopup(title);
    ImGui::SetNextWindowSize(ImVec2(std::min(520.0f, ImGui::GetIO().DisplaySize.x - 32), 0));
    if (!ImGui::BeginPopupModal(title, nullptr, ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings)) return;
    ImGui::TextWrapped("%s's week, repeated from %s. Days that already have a shift are left as they are.",
                       person->name.c_str(), format_weekday_day_month(first).c_str());
    const auto& types = ctx.state.shift_types;
    static const char* days[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    for (int d = 0; d < 7; ++d) {
        ImGui::PushID(d);
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(days[(weekday(first) + d) % 7]);
        ImGui::SameLine(60);
        ImGui::SetNextItemWidth(200);
        if (begin_combo("##t", days[(weekday(first) + d) % 7], m.pattern[d] < 0 ? "Off" : types[size_t(m.pattern[d])].name.c_str())) {
            if (choice("Off", m.pattern[d] < 0)) m.pattern[d] = -1;
            for (size_t i = 0; i < types.size(); ++i)
                if (choice(types[i].name.c_str(), m.pattern[d] == int(i))) m.pattern[d] = int(i);
            ImGui::EndCombo();
        }
        ImGui::PopID();
    }
    const int max_weeks = std::max(1, (ctx.state.period_start + ctx.state.period_days - first) / 7);
    ImGui::SetNextItemWidth(200);
    ImGui::SliderInt("weeks", &m.pattern_weeks, 1, max_weeks);
    ImGui::Spacing();
    if (button("Apply pattern", ButtonKind::Primary)) {
        nlohmann::json shifts = nlohmann::json::array();
        const std::string ward = person->wards.empty() ? ctx.state.wards.front().id : person->wards.front();
        int n = 0;
        for (int w = 0; w < std::min(m.pattern_weeks, max_weeks); ++w)
            for (int d = 0; d < 7; ++d) {
                if (m.pattern[d] < 0) continue;
                const Date day = first + (w * 7 + d);
                const bool taken = std::any_of(ctx.state.shifts.begin(), ctx.state.shifts.end(),
                                               [&](const Shift& s) { return s.assignee == person->id && s.start.date == day; });
                if (taken) continue;
                Shift s = from_template(ctx.state, types[size_t(m.pattern[d])], day, ward, person);
                s.id = new_shift_id(ctx.state) + "-p" + std::to_string(n++);
                shifts.push_back(shift_to_json(s));
            }
        if (!shifts.empty())
            ctx.commands.submit("create_shifts", {{"shifts", std::move(shifts)}},
                                "Applied a pattern to " + person->name + " (" + std::to_string(n) + " shifts)");
        m.pattern_staff.clear();
        ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (button("Cancel", ButtonKind::Secondary) || ImGui::IsKeyPressed(ImGuiKey_Escape)) {
        m.pattern_staff.clear();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

// Copies the first week in view onto the week after it, as drafts, for the wards the user manages.
void copy_week(ViewContext& ctx, const std::vector<const Shift*>& week) {
    nlohmann::json shifts = nlohmann::json::array();
    int n = 0;
    for (const Shift* src : week) {
        Shift s = *src;
        s.id = new_shift_id(ctx.state) + "-c" + std::to_string(n++);
        s.start.date = s.start.date + 7;
        s.end.date = s.end.date + 7;
        s.status = ShiftStatus::Draft;
        if (s.source != ShiftSource::Roster) s.assignee.clear(), s.source = ShiftSource::Roster;   // bank and agency cover is not repeated
        const bool taken = !s.assignee.empty() && std::any_of(ctx.state.shifts.begin(), ctx.state.shifts.end(), [&](const Shift& x) {
            return x.assignee == s.assignee && x.start.date == s.start.date;
        });
        if (!taken) shifts.push_back(shift_to_json(s));
    }
    if (shifts.empty()) return;
    const size_t count = shifts.size();
    ctx.commands.submit("create_shifts", {{"shifts", std::move(shifts)}},
                        "Copied " + std::to_string(count) + " shifts to the week of " + format_weekday_day_month(week.front()->start.date + 7));
}

bool draw_rota_actions(ViewContext& ctx, const RotaScreen& rota, const Ward& ward, Date first, int days, bool may_wrap) {
    std::vector<std::string> drafts, vacant;
    std::vector<const Shift*> first_week;
    const UtcMinutes now = ctx.commands.now();
    for (const Shift& s : ctx.state.shifts) {
        const bool in_scope = ward.id == "*" ? ctx.user && manages_ward(*ctx.user, s.ward)
                                             : s.ward == ward.id;
        if (!in_scope || s.start.date < first || s.start.date >= first + days) continue;
        if (s.start.date < first + 7 && s.status != ShiftStatus::Cancelled) first_week.push_back(&s);
        if (s.status == ShiftStatus::Draft) drafts.push_back(s.id);
        if (postable(s, now)) vacant.push_back(s.id);
    }
    // Post the selected vacancies if some are selected, else every vacancy in view.
    std::vector<std::string> to_post;
    for (const auto& id : rota.selected)
        if (std::find(vacant.begin(), vacant.end(), id) != vacant.end()) to_post.push_back(id);
    if (to_post.empty()) to_post = vacant;
    char post[48], publish[48];
    std::snprintf(post, sizeof post, ICON_INBOX "  Post %zu to bank", to_post.size());
    std::snprintf(publish, sizeof publish, ICON_CHECK "  Publish %zu draft%s", drafts.size(), drafts.size() == 1 ? "" : "s");
    const ImGuiStyle& style = ImGui::GetStyle();
    const char* copy = ICON_CALENDAR "  Copy week to next";
    const float w = ImGui::CalcTextSize(post).x + ImGui::CalcTextSize(publish).x + ImGui::CalcTextSize(copy).x +
                    style.FramePadding.x * 6 + style.ItemSpacing.x * 2;
    // The cursor is already on the next line: where the last item ends is read from its rectangle.
    const float after_last = ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + ImGui::GetScrollX() + style.ItemSpacing.x;
    const float right_aligned = ImGui::GetWindowContentRegionMax().x - w;
    if (right_aligned >= after_last) ImGui::SameLine(right_aligned);
    else if (!may_wrap) return false;
    else ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), right_aligned));
    const bool has_next_week = first + 14 <= ctx.state.period_start + ctx.state.period_days;
    ImGui::BeginDisabled(first_week.empty() || !has_next_week);
    if (button(copy, ButtonKind::Quiet)) copy_week(ctx, first_week);
    ImGui::EndDisabled();
    // Wrapped on a narrow page in large text, each goes beside the last while it fits.
    flow_next(ImGui::CalcTextSize(post).x + style.FramePadding.x * 2);
    ImGui::BeginDisabled(to_post.empty());
    if (button(post, ButtonKind::Secondary))
        ctx.commands.submit("post_to_bank", {{"shifts", to_post}},
                            "Posted " + std::to_string(to_post.size()) + " vacant shift" + (to_post.size() == 1 ? "" : "s") + " to the bank");
    ImGui::EndDisabled();
    flow_next(ImGui::CalcTextSize(publish).x + style.FramePadding.x * 2);
    ImGui::BeginDisabled(drafts.empty());
    if (button(publish, ButtonKind::Primary))
        ctx.commands.submit("publish", {{"shifts", drafts}}, "Published " + std::to_string(drafts.size()) + " shifts on " + ward.name);
    ImGui::EndDisabled();
    return true;
}

}  // namespace sb::ui
