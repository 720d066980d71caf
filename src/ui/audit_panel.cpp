// The history beside the rota: the audit trail this person may read (the server's durable log, or
// offline the changes this browser has seen), newest first, with who made each change and why a
// rule was overridden; filtered by ward, person, overridden rules and dates, and exported as CSV.
// The sentences and who may read which come from the core (core/audit.hpp), never from here.
#include <algorithm>
#include <cctype>

#include "core/permissions.hpp"
#include "ui/access_mirror.hpp"
#include "ui/icons.hpp"
#include "ui/rota_parts.hpp"
#include "ui/widgets.hpp"

namespace sb::ui {
using namespace colour;

namespace {
bool contains_folded(const std::string& hay, const char* needle) {
    if (!*needle) return true;
    std::string a = hay, b = needle;
    for (char& c : a) c = char(std::tolower(static_cast<unsigned char>(c)));
    for (char& c : b) c = char(std::tolower(static_cast<unsigned char>(c)));
    return a.find(b) != std::string::npos;
}

void ward_filter(ViewContext& ctx, AuditFilter& f, float width) {
    const Ward* current = ctx.state.find_ward(f.ward);
    ImGui::SetNextItemWidth(width);
    if (begin_combo("##audit-ward", "Ward", current ? current->name.c_str() : "Every ward you can see")) {
        if (choice("Every ward you can see", f.ward.empty())) f.ward.clear();
        for (const Ward& w : ctx.state.wards)
            if (ctx.user && manages_ward(*ctx.user, w.id) && choice(w.name.c_str(), f.ward == w.id)) f.ward = w.id;
        ImGui::EndCombo();
    }
}

void person_filter(ViewContext& ctx, RotaScreen& m, AuditFilter& f, float width) {
    const Staff* current = ctx.state.find_staff(f.staff);
    ImGui::SetNextItemWidth(width);
    if (begin_combo("##audit-person", "Person", current ? current->name.c_str() : "Anyone")) {
        ImGui::SetNextItemWidth(-1);
        text_field("##audit-person-search", ICON_SEARCH "  Name", m.audit_person_search, sizeof m.audit_person_search);
        if (choice("Anyone", f.staff.empty())) f.staff.clear();
        int shown = 0;
        for (const Staff& p : ctx.state.staff) {
            if (!contains_folded(p.name, m.audit_person_search) || ++shown > 60) continue;
            if (!f.ward.empty() && std::find(p.wards.begin(), p.wards.end(), f.ward) == p.wards.end()) continue;
            ImGui::PushID(p.id.c_str());
            if (choice((p.name + "  \xC2\xB7  " + p.grade).c_str(), f.staff == p.id)) f.staff = p.id;
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
}

// Any time, today, the last 7 days, or the rota period shown: what a ward manager asks for.
void date_filter(ViewContext& ctx, AuditFilter& f, float width) {
    const Date today = ctx.session.today, start = ctx.state.period_start;
    const Date end = start + (ctx.state.period_days - 1);
    struct Choice {
        const char* label;
        std::optional<Date> from, to;
    };
    const Choice choices[] = {{"Any time", std::nullopt, std::nullopt},
                              {"Today", today, today},
                              {"The last 7 days", today - 6, today},
                              {"This rota period", start, end}};
    int current = 0;
    for (int i = 0; i < 4; ++i)
        if (f.from == choices[i].from && f.to == choices[i].to) current = i;
    ImGui::SetNextItemWidth(width);
    if (begin_combo("##audit-dates", "Dates", choices[current].label)) {
        for (int i = 0; i < 4; ++i)
            if (choice(choices[i].label, i == current)) f.from = choices[i].from, f.to = choices[i].to;
        ImGui::EndCombo();
    }
}

// Any change, any overridden rule, the overrides of one rule ("11 h rest"), or sign-ins and
// sign-outs (which the server shows administrators, and each person their own).
void rule_filter(RotaScreen& m, AuditFilter& f, float width) {
    static const auto rules = overridable_rules();
    const bool access = f.events == AuditFilter::Events::Access;
    std::string current = access ? "Sign-ins and sign-outs" : m.audit_rule.empty() ? "Any change" : m.audit_rule == "*" ? "Rules overridden" : m.audit_rule;
    for (const auto& [id, name] : rules)
        if (!access && id == m.audit_rule) current = "Overrode \xE2\x80\x98" + name + "\xE2\x80\x99";
    auto choose = [&](const std::string& rule, AuditFilter::Events events) {
        m.audit_rule = rule;
        f.events = events;
    };
    ImGui::SetNextItemWidth(width);
    if (begin_combo("##audit-rule", "Rule", current.c_str())) {
        if (choice("Any change", !access && m.audit_rule.empty())) choose("", AuditFilter::Events::Changes);
        if (choice("Rules overridden", !access && m.audit_rule == "*")) choose("*", AuditFilter::Events::Changes);
        for (const auto& [id, name] : rules)
            if (choice(("Overrode \xE2\x80\x98" + name + "\xE2\x80\x99##" + id).c_str(), !access && m.audit_rule == id))
                choose(id, AuditFilter::Events::Changes);
        if (choice("Sign-ins and sign-outs", access)) choose("", AuditFilter::Events::Access);
        ImGui::EndCombo();
    }
}

// One change: when and by whom, what, and a rule overridden with its reason; read out as one list entry.
void entry_card(ViewContext& ctx, const AuditEntry& e, float width) {
    const User* u = ctx.state.find_user(e.author);
    const std::string when_who = audit_time(e) + "  \xC2\xB7  " + (u ? u->name : e.author);
    ImGui::PushFont(ctx.fonts.small);
    ImGui::TextDisabled("%s", when_who.c_str());
    ImGui::PopFont();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    ImGui::TextWrapped("%s", e.text.c_str());
    std::string words = when_who + ": " + e.text;
    if (!e.override_reason.empty()) {
        std::string rules;
        for (size_t i = 0; i < e.overridden.size(); ++i) rules += (i ? ", \xE2\x80\x98" : "\xE2\x80\x98") + e.overridden[i] + "\xE2\x80\x99";
        const std::string overrode = "Overrode " + (rules.empty() ? std::string("a rule") : rules) + " because: " + e.override_reason;
        ImGui::PushStyleColor(ImGuiCol_Text, kRefusalText);
        ImGui::TextWrapped(ICON_BAN "  %s", overrode.c_str());
        ImGui::PopStyleColor();
        words += ". " + overrode;
    }
    ImGui::PopTextWrapPos();
    if (a11y::Mirror* m = a11y::current()) m->text(words, a11y::Role::ListItem);
}
}  // namespace

void draw_audit_panel(ViewContext& ctx, RotaScreen& m, float width) {
    AuditFilter& f = m.audit_filter;
    const float status_h = ImGui::GetTextLineHeightWithSpacing() * (ctx.phone ? 2 : 1) + 8;   // two lines on a phone
    ImGui::PushStyleColor(ImGuiCol_ChildBg, kWhite);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(14, 12));
    ImGui::BeginChild("history", ImVec2(width, -status_h), ImGuiChildFlags_Border | ImGuiChildFlags_AlwaysUseWindowPadding);
    const float inner = ImGui::GetContentRegionAvail().x;
    heading(ctx.fonts, ICON_CLOCK "  History");
    ImGui::SameLine(inner - 24);
    if (small_button(ICON_CLOSE "##close-history")) m.audit_open = false;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Close the history");

    f.rule = m.audit_rule;
    const CommandSink::AuditListing& listing = ctx.commands.audit(f);
    text_muted_wrapped("%s", listing.from_server ? "Every change you may see, with who made it and why a rule was overridden."
                                                 : "The changes made and seen in this browser (the server's history shows when online).");
    ImGui::Spacing();
    const float half = (inner - 8) * 0.5f;
    ward_filter(ctx, f, half);
    ImGui::SameLine(0, 8);
    person_filter(ctx, m, f, half);
    date_filter(ctx, f, half);
    ImGui::SameLine(0, 8);
    rule_filter(m, f, half);
    if (button(ICON_DOWNLOAD "  Export CSV", ButtonKind::Secondary)) ctx.commands.export_audit(f);
    ImGui::Separator();

    ImGui::BeginChild("history-list", ImVec2(0, 0));
    a11y::Mirror* mirror = a11y::current();
    auto say = [&](const std::string& words) {
        if (mirror) mirror->text(words);
    };
    if (listing.loading && listing.entries.empty()) ImGui::TextDisabled("Loading the history\xE2\x80\xA6"), say("Loading the history\xE2\x80\xA6");
    else if (!listing.error.empty()) text_coloured(kRed, (ICON_ERROR "  " + listing.error).c_str()), say(listing.error);
    else if (listing.entries.empty()) text_muted_wrapped("No changes match these filters."), say("No changes match these filters.");
    if (mirror && !listing.entries.empty()) mirror->begin_landmark(a11y::Role::List, "Changes");
    for (size_t i = 0; i < listing.entries.size(); ++i) {
        ImGui::PushID(int(i));
        entry_card(ctx, listing.entries[i], ImGui::GetContentRegionAvail().x);
        ImGui::PopID();
        ImGui::Spacing();
        ImGui::Separator();
    }
    if (mirror && !listing.entries.empty()) mirror->end_landmark();
    if (listing.more) say("Older changes match too: narrow the filters, or export them all as CSV."), text_muted_wrapped("Older changes match too: narrow the filters, or export them all as CSV.");
    ImGui::EndChild();
    ImGui::EndChild();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
}

}  // namespace sb::ui
