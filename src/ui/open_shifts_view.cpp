// Vacancies posted to the bank. A clinician sees those of their own staff group and grade first;
// a manager sees every open vacancy in the trust.
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>

#include "core/booking.hpp"
#include "core/permissions.hpp"
#include "core/reports.hpp"

#include "core/civil_time.hpp"
#include "core/enum_names.hpp"
#include "ui/icons.hpp"
#include "ui/open_shifts_state.hpp"
#include "ui/shift_card.hpp"
#include "ui/access_mirror.hpp"
#include "ui/widgets.hpp"

namespace sb::ui {
using namespace colour;

namespace {
// Under each card, what this person can do about the shift: book it (wards that allow instant
// booking), apply (wards that approve), or, if a rule stops them, the rule and its numbers in words
// instead of the shift silently disappearing.
void booking_footer(ViewContext& ctx, OpenShiftsScreen& m, const Shift& s, float width) {
    const Staff& me = *ctx.me;
    for (const Application& a : ctx.state.applications)
        if (a.shift == s.id && a.staff == me.id && a.status == RequestStatus::Pending) {
            text_coloured(colour::kBlue, ICON_CLOCK "  Applied: the ward will confirm");
            ImGui::SameLine();
            if (button(("Withdraw##" + s.id).c_str(), ButtonKind::Secondary))
                ctx.commands.submit("withdraw", {{"application", a.id}}, "Withdrawn your application for " + shift_label(s, ctx.state));
            return;
        }
    // The core answers what this person may do with it: book it at once, apply (and perhaps be
    // approved at once), or neither, and why, in words they may read (no colleague's details).
    const nlohmann::json payload = {{"shift", s.id}};
    const CommandResult book = ctx.commands.preview("book", payload);
    const CommandResult apply = book.accepted() ? book : ctx.commands.preview("apply", payload);
    if (!apply.accepted()) {
        begin_callout();
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width - 24);
        ImGui::PushFont(ctx.fonts.bold);
        text_coloured(colour::kRefusalText, "You can't book this shift");
        ImGui::PopFont();
        ImGui::PushStyleColor(ImGuiCol_Text, colour::kRefusalText);
        std::vector<std::string> reasons;
        for (const Violation& x : apply.blocks) reasons.push_back(x.message);
        if (reasons.empty()) reasons.push_back(apply.reason);
        for (const std::string& why : reasons) {
            ImGui::TextWrapped("%s", why.c_str());
            if (a11y::Mirror* mirror = a11y::current()) mirror->text("You can't book this shift: " + why);
            if (m.open_first_refusal.empty()) m.open_first_refusal = why;
            m.open_refusals.emplace(s.id, why);
        }
        ImGui::PopStyleColor();
        ImGui::PopTextWrapPos();
        end_callout(colour::kPaleRed, width);
        return;
    }
    const bool instant = book.accepted();
    // Approved at once when the application's own change set books the shift (the ward's rule).
    bool automatic = false;
    if (!instant)
        for (const EntityChange& c : apply.changes)
            if (c.collection == Collection::Shifts && c.key == s.id && c.after.value("status", "") == "booked") automatic = true;
    const Ward* ward = ctx.state.find_ward(s.ward);
    const float h = ctx.phone ? 48 : 36;   // touch-sized on a phone
    const std::string what = shift_label(s, ctx.state) + ", " + format_weekday_day_month(s.start.date) + (ward ? ", " + ward->name : "");
    if (button(((instant || automatic ? "Book now##" : "Apply##") + s.id).c_str(), ButtonKind::Primary, ImVec2((width - 10) * 0.5f, h)))
        ctx.commands.submit(instant ? "book" : "apply", payload,
                            instant     ? "Booked: " + what + ". Added to My rota."
                            : automatic ? "Booked: " + what + " (the ward approves your grade at once). Added to My rota."
                                        : "Applied for " + what + ". The ward will confirm.");
    if (!instant && !automatic) ImGui::TextDisabled("This ward approves applications.");
    // Warnings wrap inside the card: the rule's sentence is the point, all of it.
    ImGui::PushStyleColor(ImGuiCol_Text, colour::kAmberText);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width - 24);
    for (const Violation& x : apply.warnings) {
        ImGui::TextWrapped("%s  %s", ICON_WARNING, x.message.c_str());
        if (a11y::Mirror* mirror = a11y::current()) mirror->text("Warning: " + x.message);
    }
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
}

// The manager's approval queue: pending applications for shifts on wards they manage, each with the
// applicant, the rules' verdict for them, and Approve / Decline in one click.
void draw_approval_queue(ViewContext& ctx) {
    if (!ctx.user || !runs_rotas(*ctx.user)) return;   // the queue is for those who decide applications
    std::vector<const Application*> pending;
    for (const Application& a : ctx.state.applications) {
        if (a.status != RequestStatus::Pending) continue;
        const Shift* s = ctx.state.find_shift(a.shift);
        if (!s) continue;
        if (manages_ward(*ctx.user, s->ward)) pending.push_back(&a);
    }
    if (pending.empty()) return;
    heading(ctx.fonts, (std::to_string(pending.size()) + (pending.size() == 1 ? " application" : " applications") + " to decide").c_str());
    for (const Application* a : pending) {
        const Shift& s = *ctx.state.find_shift(a->shift);
        // What approving would do, asked of the core: its rules' verdict for this applicant.
        const CommandResult verdict = ctx.commands.preview("approve_application", {{"application", a->id}});
        std::vector<Violation> concerns = verdict.blocks;
        concerns.insert(concerns.end(), verdict.warnings.begin(), verdict.warnings.end());
        const bool allowed = verdict.accepted();
        const std::string name = person_label(ctx.state, a->staff);
        const std::string app_id = a->id;
        draw_shift_card(ctx, s, true, [&] {
            ImGui::PushFont(ctx.fonts.bold);
            ImGui::TextUnformatted((ICON_USER "  " + name + " applied").c_str());
            ImGui::PopFont();
            for (const Violation& x : concerns)
                text_coloured(x.severity == Severity::Block ? colour::kRed : colour::kAmberText,
                              ((x.severity == Severity::Block ? ICON_BAN "  " : ICON_WARNING "  ") + x.message).c_str());
            if (!allowed && verdict.blocks.empty()) text_coloured(colour::kRed, (ICON_BAN "  " + verdict.reason).c_str());
            const ImVec2 size((ImGui::GetContentRegionAvail().x - 10) * 0.5f, ctx.phone ? 48.0f : 36.0f);   // touch-sized
            ImGui::BeginDisabled(!allowed);
            if (button(("Approve##" + app_id).c_str(), ButtonKind::Primary, size))
                ctx.commands.submit("approve_application", {{"application", app_id}}, "Approved " + name + " for " + shift_label(s, ctx.state));
            ImGui::EndDisabled();
            ImGui::SameLine();
            if (button(("Decline##" + app_id).c_str(), ButtonKind::Secondary, size))
                ctx.commands.submit("decline_application", {{"application", app_id}}, "Declined " + name + "'s application");
            const Ward* ward = ctx.state.find_ward(s.ward);
            if (ward && !ward->instant_booking && allowed &&
                std::find(ward->instant_bookers.begin(), ward->instant_bookers.end(), a->staff) == ward->instant_bookers.end()) {
                const std::string staff = a->staff;
                if (button(("Approve and trust to book instantly##" + app_id).c_str(), ButtonKind::Quiet)) {
                    auto trusted = ward->instant_bookers;
                    trusted.push_back(staff);
                    const std::string ward_id = ward->id, ward_name = ward->name;
                    if (ctx.commands.submit("approve_application", {{"application", app_id}}, "Approved " + name + " for " + shift_label(s, ctx.state)).accepted())
                        ctx.commands.submit("set_ward_policy", {{"ward", ward_id}, {"instant_bookers", trusted}},
                                            name + " may now book " + ward_name + " shifts without approval");
                }
            }
        });
    }
    ImGui::Spacing();
}

}  // namespace

namespace {
// Does the shift pass the person's filters (date range, site, ward, type, rate, name search)?
bool passes(const ViewContext& ctx, const OpenShiftsScreen& m, const Shift& s) {
    const OpenShiftsScreen::OpenFilters& f = m.open;
    static const int range_days[] = {0, 7, 14, 28};
    if (f.range > 0 && s.start.date >= ctx.session.today + range_days[f.range]) return false;
    if (!f.type.empty() && s.type != f.type) return false;
    if (s.rate_pence_per_hour < f.min_rate) return false;
    const Ward* w = ctx.state.find_ward(s.ward);
    if (!f.ward.empty() && s.ward != f.ward) return false;
    if (!f.site.empty() && (!w || w->site != f.site)) return false;
    if (f.search[0] && w) {
        std::string hay = w->name + " " + w->specialty, needle = f.search;
        for (auto* t : {&hay, &needle})
            for (char& ch : *t) ch = char(std::tolower(static_cast<unsigned char>(ch)));
        if (hay.find(needle) == std::string::npos) return false;
    }
    return true;
}

// The filter bar: on a phone it folds behind one "Filters" button showing how many are on.
void filter_bar(ViewContext& ctx, OpenShiftsScreen& m) {
    OpenShiftsScreen::OpenFilters& f = m.open;
    const int active = (f.range > 0) + !f.ward.empty() + !f.site.empty() + !f.type.empty() + (f.min_rate > 0) + (f.search[0] != 0);
    const float h = ctx.phone ? 44.0f : 30.0f;
    if (ctx.phone) {
        const std::string label = std::string(ICON_FILTER "  Filters") + (active ? " (" + std::to_string(active) + ")" : "") + "##filters";
        if (button(label.c_str(), ButtonKind::Secondary, ImVec2(0, h))) f.shown = !f.shown;
    }
    const char* sorts[] = {"Soonest first", "Best paid first"};
    if (ctx.phone) flow_next(ImGui::CalcTextSize(sorts[0]).x + 24, 8);
    segmented("sort", sorts, 2, f.sort, ctx.phone);
    if (ctx.phone && !f.shown) return;
    const char* ranges[] = {"Any date", "Next 7 days", "Next 14 days", "Next 28 days"};
    const char* short_ranges[] = {"Any date", "7 days", "14 days", "28 days"};   // fits a phone's width
    segmented("range", ctx.phone ? short_ranges : ranges, 4, f.range, ctx.phone);
    const float w = ctx.phone ? ImGui::GetContentRegionAvail().x : 200.0f;
    ImGui::SetNextItemWidth(w);
    const Site* site = nullptr;
    for (const Site& x : ctx.state.sites)
        if (x.id == f.site) site = &x;
    if (begin_combo("##site", "Site", site ? site->name.c_str() : "All sites")) {
        if (choice("All sites", f.site.empty())) f.site.clear(), f.ward.clear();
        for (const Site& x : ctx.state.sites)
            if (choice(x.name.c_str(), f.site == x.id)) f.site = x.id, f.ward.clear();
        ImGui::EndCombo();
    }
    if (!ctx.phone) ImGui::SameLine(0, 8);
    ImGui::SetNextItemWidth(w);
    const Ward* ward = ctx.state.find_ward(f.ward);
    if (begin_combo("##ward", "Ward", ward ? ward->name.c_str() : "All wards")) {
        if (choice("All wards", f.ward.empty())) f.ward.clear();
        for (const Ward& x : ctx.state.wards)
            if ((f.site.empty() || x.site == f.site) && choice(x.name.c_str(), f.ward == x.id)) f.ward = x.id;
        ImGui::EndCombo();
    }
    if (!ctx.phone) ImGui::SameLine(0, 8);
    ImGui::SetNextItemWidth(w);
    const ShiftType* type = ctx.state.find_shift_type(f.type);
    if (begin_combo("##type", "Shift type", type ? type->name.c_str() : "Any shift type")) {
        if (choice("Any shift type", f.type.empty())) f.type.clear();
        for (const ShiftType& x : ctx.state.shift_types)
            if (choice(x.name.c_str(), f.type == x.id)) f.type = x.id;
        ImGui::EndCombo();
    }
    if (!ctx.phone) ImGui::SameLine(0, 8);
    static const int rates[] = {0, 2000, 2500, 3000, 4000, 6000};
    static const char* rate_names[] = {"Any rate", "\xC2\xA3" "20/h or more", "\xC2\xA3" "25/h or more", "\xC2\xA3" "30/h or more",
                                       "\xC2\xA3" "40/h or more", "\xC2\xA3" "60/h or more"};
    int r = 0;
    for (int i = 0; i < 6; ++i)
        if (f.min_rate == rates[i]) r = i;
    ImGui::SetNextItemWidth(w);
    if (ImGui::Combo("##rate", &r, rate_names, 6)) f.min_rate = rates[r];
    ImGui::SetNextItemWidth(ctx.phone ? w : 260.0f);
    text_field("##search", ICON_SEARCH "  Ward or specialty", f.search, sizeof f.search);
    if (active) {
        ImGui::SameLine(0, 12);
        if (button(ICON_CLOSE "  Clear filters", ButtonKind::Quiet, ImVec2(0, h))) f = OpenShiftsScreen::OpenFilters{};
    }
}

// The manager's tools on a vacancy: raise its rate (eligible staff are told).
void manager_footer(ViewContext& ctx, OpenShiftsScreen& m, const Shift& s) {
    const float h = ctx.phone ? 44.0f : 30.0f;
    if (m.raise_shift != s.id) {
        if (button((ICON_ARROW_UP "  Raise rate##" + s.id).c_str(), ButtonKind::Secondary, ImVec2(0, h))) {
            m.raise_shift = s.id;
            snprintf(m.raise_rate, sizeof m.raise_rate, "%.2f", (s.rate_pence_per_hour + 200) / 100.0);
        }
        return;
    }
    ImGui::TextUnformatted("New rate, \xC2\xA3 per hour");
    ImGui::SetNextItemWidth(110);
    text_field(("##rate" + s.id).c_str(), "30.00", m.raise_rate, sizeof m.raise_rate, ImGuiInputTextFlags_CharsDecimal);
    char* end = nullptr;
    const double pounds = std::strtod(m.raise_rate, &end);
    const bool valid = end != m.raise_rate && *end == '\0' && pounds * 100 > s.rate_pence_per_hour && pounds <= 1000;
    ImGui::SameLine(0, 8);
    ImGui::BeginDisabled(!valid);
    if (button(("Raise and tell staff##" + s.id).c_str(), ButtonKind::Primary, ImVec2(0, h))) {
        ctx.commands.submit("raise_rate", {{"shift", s.id}, {"rate_pence_per_hour", int(pounds * 100 + 0.5)}},
                            "Rate raised to " + format_money(int64_t(pounds * 100 + 0.5)) + " an hour; eligible staff are told");
        m.raise_shift.clear();
    }
    ImGui::EndDisabled();
    ImGui::SameLine(0, 8);
    if (button(("Cancel##raise" + s.id).c_str(), ButtonKind::Quiet, ImVec2(0, h))) m.raise_shift.clear();
    if (!valid) text_coloured(colour::kRed, "Enter a rate higher than now, up to \xC2\xA3" "1,000.");
}
}  // namespace

void draw_open_shifts_view(ViewContext& ctx, OpenShiftsScreen& m) {
    std::vector<const Shift*> open;
    const UtcMinutes now = ctx.commands.now();
    for (const Shift& s : ctx.state.shifts)
        if (s.status == ShiftStatus::Open && !has_started(s, now)) open.push_back(&s);   // the rest can no longer be booked
    const bool personal = ctx.session.role == Role::Clinician && ctx.me;
    std::vector<const Shift*> list;
    int can_book = 0, relevant = 0;
    std::vector<char> allowed;
    for (const Shift* s : open) {
        if (personal && !matches_requirements(*ctx.me, *s)) continue;   // another group, grade or skill
        bool ok = true;
        if (personal) {
            // Hundreds of open shifts are sorted and filtered by this every frame: the prepared rules
            // engine answers for the core's own booking candidate; each card's button asks preview().
            ok = eligible_for(*ctx.me, *s) &&
                 ctx.rules.engine->check_candidate(booked_candidate(*s, ctx.me->id), ctx.me->id, false).allowed;
            ++relevant;
            can_book += ok;
        }
        if (!passes(ctx, m, *s) || (personal && ((m.open.show == 1 && !ok) || (m.open.show == 2 && ok)))) continue;
        list.push_back(s);
        allowed.push_back(ok);
    }
    // Shifts this person can book come first; within each group, by date or by rate.
    std::vector<size_t> order(list.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    const bool by_rate = m.open.sort == 1;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        if (allowed[a] != allowed[b]) return allowed[a] > allowed[b];
        if (by_rate && list[a]->rate_pence_per_hour != list[b]->rate_pence_per_hour)
            return list[a]->rate_pence_per_hour > list[b]->rate_pence_per_hour;
        return list[a]->start < list[b]->start;
    });
    m.open_listed = list.size();
    m.open_first_refusal.clear();
    m.open_refusals.clear();
    draw_approval_queue(ctx);
    if (!ctx.phone) heading(ctx.fonts, "Open shifts");
    if (personal) {
        text_muted_wrapped("Open shifts for a %s, %s: %d of the %zu open in the trust", std::string(display_name(ctx.me->group)).c_str(),
                           ctx.me->grade.c_str(), relevant, open.size());
        // Those this person cannot book are one tap away, each with its reason, not past a limit.
        const std::string all = "All (" + std::to_string(relevant) + ")", yes = "Can book (" + std::to_string(can_book) + ")",
                          no = "Can't book (" + std::to_string(relevant - can_book) + ")" + (relevant > can_book ? ", see why" : "");
        const char* shows[] = {all.c_str(), yes.c_str(), no.c_str()};
        segmented("show", shows, 3, m.open.show, ctx.phone);
    } else {
        text_muted_wrapped("%zu vacancies posted to the staff bank from today", open.size());
    }
    // Expired documents hide every bank shift: say so, rather than leave an empty list unexplained.
    if (personal)
        for (const ComplianceDocument& d : ctx.me->documents)
            if (d.expires < ctx.session.today + 28) {
                begin_callout();
                ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x - 24);
                const bool expired = d.expires < ctx.session.today;
                ImGui::TextWrapped("%s Your %s %s on %s %d. Bank shifts after that date need it renewed: ask your bank office.",
                                   ICON_WARNING, std::string(document_name(d.kind)).c_str(), expired ? "expired" : "expires",
                                   format_weekday_day_month(d.expires).c_str(), civil(d.expires).year);
                ImGui::PopTextWrapPos();
                end_callout(expired ? colour::kPaleRed : colour::kPaleYellow, ImGui::GetContentRegionAvail().x);
                break;
            }
    filter_bar(ctx, m);
    ImGui::Spacing();
    if (list.empty()) {
        begin_card("empty");
        ImGui::PushTextWrapPos(0);
        std::string why;   // an empty list says why it is empty, in the person's terms
        const ComplianceDocument* expired = personal ? expired_document(*ctx.me, ctx.session.today) : nullptr;
        if (open.empty()) why = "No open shifts right now. New vacancies appear here as soon as a ward posts them.";
        else if (personal && relevant == 0)
            why = "None of the " + std::to_string(open.size()) + " open shifts is for a " + std::string(display_name(ctx.me->group)) + " at " +
                  ctx.me->grade + ". New ones appear here as soon as a ward posts them.";
        else if (personal && can_book == 0 && expired)
            why = "You can't book any of the " + std::to_string(relevant) + " open shifts for you: your " + std::string(document_name(expired->kind)) +
                  " expired on " + format_day_month(expired->expires) + " " + std::to_string(civil(expired->expires).year) +
                  ". The bank office can renew it.";
        else if (personal && m.open.show == 2 && can_book == relevant)
            why = "You can book every one of the " + std::to_string(relevant) + " open shifts for you.";
        else if (personal && m.open.show == 1 && can_book == 0)
            why = "You can't book any of the " + std::to_string(relevant) + " open shifts for you: each one would break a rule. "
                  "\"Can't book\" shows which, and why.";
        else why = "No open shift matches these filters. Clear a filter to see more.";
        ImGui::TextUnformatted(why.c_str());
        if (a11y::Mirror* mirror = a11y::current()) mirror->text(why);
        ImGui::PopTextWrapPos();
        if (personal && relevant > can_book && m.open.show != 2 &&
            button(("See why (" + std::to_string(relevant - can_book) + ")").c_str(), ButtonKind::Secondary))
            m.open.show = 2;
        end_card();
        return;
    }
    ImGui::TextDisabled("Showing %zu", list.size());
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
        const Shift& shift = *list[order[i]];
        if (personal) draw_shift_card(ctx, shift, true, [&] { booking_footer(ctx, m, shift, col_w - 32); });
        else draw_shift_card(ctx, shift, true, [&] {
            const bool mine = ctx.user && manages_ward(*ctx.user, shift.ward);
            if (mine) manager_footer(ctx, m, shift);
        });
        ImGui::EndChild();
        ImGui::PopItemWidth();
        ImGui::EndGroup();
    }
    if (list.size() > limit) ImGui::TextDisabled("and %zu more: narrow the dates or choose a ward to see them", list.size() - limit);
}

}  // namespace sb::ui
