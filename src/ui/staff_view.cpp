// The Staff screen (trust administrators): the staff list, exported as CSV, and a CSV staff list
// imported: chosen, checked row by row by the core (docs/onboarding.md), shown with every problem,
// and applied only when confirmed, as one import_staff command that one Undo takes back.
#include <algorithm>

#include "core/csv.hpp"
#include "core/enum_names.hpp"
#include "core/staff_csv.hpp"
#include "ui/downloads.hpp"
#include "ui/icons.hpp"
#include "ui/staff_state.hpp"
#include "ui/table.hpp"
#include "ui/view_context.hpp"
#include "ui/widgets.hpp"

namespace sb::ui {
using namespace colour;

namespace {

std::string wards_of(const State& state, const Staff& s) {
    std::string out;
    for (const std::string& id : s.wards) {
        const Ward* w = state.find_ward(id);
        out += (out.empty() ? "" : ", ") + (w ? w->name : id);
    }
    return out;
}

std::string short_date(Date d) { return format_day_month(d) + " " + std::to_string(civil(d).year); }   // "31 Mar 2027"

std::string document_date(const Staff& s, const char* kind) {
    for (const auto& d : s.documents)
        if (d.kind == kind) return short_date(d.expires);
    return "";
}

// A person's record: who they are, and each document with its date, renewed in a click (a DBS
// check or mandatory training, for their usual period from today) or given any date.
void staff_record(ViewContext& ctx, StaffScreen& m, const Staff& p) {
    a11y::Mirror* mirror = a11y::current();
    begin_card("staff-record");
    card_title(ctx.fonts, ICON_USER, p.name.c_str());
    const std::string who = std::string(display_name(p.group)) + ", " + p.grade + " \xC2\xB7 " + wards_of(ctx.state, p) +
                            (p.assignment.empty() ? "" : " \xC2\xB7 assignment " + p.assignment);
    text_muted_wrapped("%s", who.c_str());
    if (mirror) mirror->text(who);
    const Date today = ctx.session.today;
    const ImVec2 size(0, ctx.phone ? 44 : 0);
    for (std::string_view kind_view : document_kinds()) {
        const std::string kind(kind_view);
        const ComplianceDocument* d = nullptr;
        for (const auto& x : p.documents)
            if (x.kind == kind) d = &x;
        if (!d && kind != "dbs" && kind != "right_to_work") continue;   // the two every bank worker needs are always offered
        ImGui::PushID(kind.c_str());
        ImGui::Separator();
        const std::string name(document_name(kind));
        std::string heading = name;   // at the start of its line: "Right to work"
        if (!heading.empty() && heading[0] >= 'a' && heading[0] <= 'z') heading[0] = char(heading[0] - 'a' + 'A');
        const std::string state = !d ? heading + ": none recorded"
                                  : d->expires < today ? heading + ": expired on " + short_date(d->expires)
                                                       : heading + ": valid to " + short_date(d->expires);
        ImGui::PushStyleColor(ImGuiCol_Text, d && d->expires >= today ? kText : kRed);
        ImGui::TextUnformatted(state.c_str());
        ImGui::PopStyleColor();
        if (mirror) mirror->text(state);
        auto save = [&](Date to) {
            const std::string words = "Renewed " + p.name + "\xE2\x80\x99s " + name + ": valid to " + short_date(to);
            if (ctx.commands.submit("set_document", {{"staff", p.id}, {"kind", kind}, {"expires", format_date(to)}}, words).accepted())
                m.picking_kind.clear();
        };
        if (const int years = renewal_years(kind); years > 0) {
            const auto c = civil(today);
            const Date to = make_date(c.year + years, c.month, c.month == 2 && c.day == 29 ? 28 : c.day);   // 29 Feb: the 28th
            if (button(("Renewed today: valid to " + short_date(to)).c_str(), ButtonKind::Primary, size)) save(to);
            flow_next(ImGui::CalcTextSize("Another date").x + ImGui::GetStyle().FramePadding.x * 2, 8);
        }
        if (button("Another date", ButtonKind::Secondary, size)) {
            m.picking_kind = m.picking_kind == kind ? "" : kind;
            m.picked = d ? d->expires : today;
        }
        if (m.picking_kind == kind) {
            date_picker("expires", m.picked, nullptr, today - 366, today + 366 * 10, today, ctx.phone);
            if (button(("Save: valid to " + short_date(m.picked)).c_str(), ButtonKind::Primary, size)) save(m.picked);
        }
        ImGui::PopID();
    }
    ImGui::Separator();
    if (button("Close##record", ButtonKind::Quiet, size)) m.open_staff.clear(), m.picking_kind.clear();
    end_card();
    ImGui::Spacing();
}

bool matches(const State& state, const Staff& s, const std::string& q) {
    if (q.empty()) return true;
    auto has = [&](const std::string& text) {
        return std::search(text.begin(), text.end(), q.begin(), q.end(), [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b)); }) != text.end();
    };
    return has(s.name) || has(s.assignment) || has(s.grade) || has(wards_of(state, s));
}

// The staff list being checked: what it would do, every problem, and the one button that applies it.
void import_preview(ViewContext& ctx, StaffScreen& m) {
    if (m.preview && m.preview_revision != ctx.state.revision) m.preview.reset();   // the trust changed: read it again
    if (m.file_error.empty() && m.file_text.size() > kMaxStaffImportBytes)
        m.file_error = "This list is " + std::to_string(m.file_text.size() >> 10) + " KiB; the app imports up to " +
                       std::to_string(kMaxStaffImportBytes >> 10) + " KiB (about 7,000 rows) at once. Split it by staff group or ward, or "
                       "import it with shiftbank-cli import.";
    if (!m.preview && !m.file_text.empty() && m.file_error.empty()) {
        m.preview = read_staff_csv(ctx.state, m.file_text);
        m.preview_revision = ctx.state.revision;
    }
    if (!m.preview && m.file_error.empty()) return;
    a11y::Mirror* mirror = a11y::current();
    begin_card("import-preview");
    card_title(ctx.fonts, ICON_UPLOAD, m.file_name.empty() ? "Import a staff list" : ("Check before importing: " + m.file_name).c_str());
    // The icon is drawn, not read out: the words say it.
    auto say = [&](const std::string& words, ImU32 colour = kText, const char* icon = nullptr) {
        ImGui::PushStyleColor(ImGuiCol_Text, colour);
        ImGui::TextWrapped("%s%s", icon ? (std::string(icon) + "  ").c_str() : "", words.c_str());
        ImGui::PopStyleColor();
        if (mirror) mirror->text(words);
    };
    if (!m.file_error.empty()) {
        say(m.file_error, kRed, ICON_BAN);
    } else {
        const StaffImport& im = *m.preview;
        const int refused = int(std::count_if(im.rows.begin(), im.rows.end(), [](const ImportRow& r) { return r.verdict == RowVerdict::Refused; }));
        say(std::to_string(im.rows.size()) + " rows: " + std::to_string(im.added) + " to add, " + std::to_string(im.updated) + " to update, " +
            std::to_string(im.unchanged) + " unchanged, " + std::to_string(refused) + " refused.");
        if (!im.ok()) {
            say(std::to_string(im.problems.size()) + (im.problems.size() == 1 ? " problem" : " problems") +
                    ". Nothing is imported until every one is fixed: correct the file and choose it again.", kAmberText, ICON_WARNING);
            const size_t shown = std::min<size_t>(im.problems.size(), 200);
            if (Table t("import-problems", "Problems in the staff list", 5, int(shown),
                        ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp);
                t) {
                t.column("Line", ImGuiTableColumnFlags_WidthFixed, 56);
                t.column("Column", ImGuiTableColumnFlags_WidthStretch, 1.0f);
                t.column("Value", ImGuiTableColumnFlags_WidthStretch, 1.0f);
                t.column("Why", ImGuiTableColumnFlags_WidthStretch, 1.6f);
                t.column("What would fix it", ImGuiTableColumnFlags_WidthStretch, 2.4f);
                t.headers();
                for (size_t i = 0; i < shown; ++i) {
                    const ImportProblem& p = im.problems[i];
                    t.row();
                    t.cell(p.line ? std::to_string(p.line) : "the file");
                    t.cell(p.column, nullptr, true);
                    t.cell(p.value, nullptr, true);
                    t.cell(p.why, nullptr, true);
                    t.cell(p.fix, nullptr, true);
                }
            }
            if (im.problems.size() > shown) say("and " + std::to_string(im.problems.size() - shown) + " more (shiftbank-cli import prints them all)");
        }
    }
    const StaffImport* im = m.preview ? &*m.preview : nullptr;
    const size_t changes = im ? im->staff.size() : 0;
    const std::string apply = "Import: " + std::to_string(im ? im->added : 0) + " to add, " + std::to_string(im ? im->updated : 0) + " to update";
    ImGui::BeginDisabled(!im || !im->ok() || changes == 0);
    if (button((ICON_CHECK "  " + apply).c_str(), ButtonKind::Primary, ImVec2(0, ctx.phone ? 44 : 0))) {
        const std::string words = "Imported the staff list: " + std::to_string(im->added) + " added, " + std::to_string(im->updated) + " updated";
        if (ctx.commands.submit("import_staff", {{"csv", m.file_text}}, words).accepted()) m = StaffScreen{};
    }
    ImGui::EndDisabled();
    flow_next(ImGui::CalcTextSize("Cancel").x + ImGui::GetStyle().FramePadding.x * 2, 8);
    if (button("Cancel##import", ButtonKind::Secondary, ImVec2(0, ctx.phone ? 44 : 0))) {
        const std::string keep(m.search);
        m = StaffScreen{};
        std::snprintf(m.search, sizeof m.search, "%s", keep.c_str());
    }
    end_card();
    ImGui::Spacing();
}

}  // namespace

void draw_staff_view(ViewContext& ctx, StaffScreen& m) {
    const State& state = ctx.state;
    if (!ctx.phone) heading(ctx.fonts, "Staff");
    if (!ctx.user || ctx.user->role != Role::Admin) {
        text_muted_wrapped("%s", "The staff list is kept by the trust's administrators.");
        if (a11y::Mirror* mirror = a11y::current()) mirror->text("The staff list is kept by the trust's administrators.");
        return;
    }
    const int people = int(std::count_if(state.staff.begin(), state.staff.end(), [](const Staff& s) { return s.employment != Employment::Agency; }));
    ImGui::TextDisabled("%d people on the staff list (agency workers aside)", people);
    const ImVec2 size(0, ctx.phone ? 44 : 0);
    if (button(ICON_UPLOAD "  Import a staff list (CSV)", ButtonKind::Secondary, size)) {
        m.file_error.clear();
        const bool asked = choose_file(".csv,text/csv", kMaxCsvBytes, [&m](ChosenFile f) {
            m.file_name = f.name, m.file_text = std::move(f.bytes), m.file_error = f.error;
            m.preview.reset();
        });
        if (!asked) m.file_name.clear(), m.file_error = "Choosing a file needs the browser: on this computer, use shiftbank-cli import";
    }
    flow_next(ImGui::CalcTextSize(ICON_DOWNLOAD "  Export the staff list (CSV)").x + ImGui::GetStyle().FramePadding.x * 2, 8);
    if (button(ICON_DOWNLOAD "  Export the staff list (CSV)", ButtonKind::Secondary, size))
        offer_download("shiftbank-staff.csv", "text/csv", staff_to_csv(state));
    ImGui::Spacing();
    import_preview(ctx, m);

    if (const Staff* p = state.find_staff(m.open_staff)) staff_record(ctx, m, *p);

    ImGui::SetNextItemWidth(ctx.phone ? -1 : 320);
    text_field("##staff-search", ICON_SEARCH "  Name, assignment number, grade or ward", m.search, sizeof m.search);
    std::vector<const Staff*> shown;
    for (const Staff& s : state.staff)
        if (s.employment != Employment::Agency && matches(state, s, m.search)) shown.push_back(&s);
    const size_t most = 100;
    ImGui::TextDisabled("%s", shown.size() > most ? ("Showing " + std::to_string(most) + " of " + std::to_string(shown.size()) + ": search to narrow").c_str()
                                                  : ("Showing " + std::to_string(shown.size())).c_str());
    const size_t n = std::min(shown.size(), most);
    const int columns = ctx.phone ? 2 : 6;
    if (Table t("staff-list", "Staff", columns, int(n), ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp); t) {
        t.column("Name", ImGuiTableColumnFlags_WidthStretch, 1.4f);
        if (!ctx.phone) t.column("Assignment", ImGuiTableColumnFlags_WidthStretch, 0.8f);
        t.column(ctx.phone ? "Group, grade and ward" : "Group and grade", ImGuiTableColumnFlags_WidthStretch, 1.2f);
        if (!ctx.phone) {
            t.column("Wards", ImGuiTableColumnFlags_WidthStretch, 1.6f);
            t.column("Employment", ImGuiTableColumnFlags_WidthStretch, 0.8f);
            t.column("DBS expires", ImGuiTableColumnFlags_WidthStretch, 0.9f);
        }
        t.headers();
        for (size_t i = 0; i < n; ++i) {
            const Staff& s = *shown[i];
            t.row();
            if (t.button_cell(s.name, s.id, ctx.fonts.bold, ctx.phone ? 44 : 24)) m.open_staff = s.id, m.picking_kind.clear();
            const std::string group = std::string(display_name(s.group)) + ", " + s.grade;
            if (ctx.phone) {
                t.cell(group + " \xC2\xB7 " + wards_of(state, s), nullptr, true);
                continue;
            }
            t.cell(s.assignment.empty() ? "none" : s.assignment);
            t.cell(group, nullptr, true);
            t.cell(wards_of(state, s), nullptr, true);
            t.cell(s.employment == Employment::Bank ? "Bank" : s.employment == Employment::Agency ? "Agency" : "Substantive");
            t.cell(document_date(s, "dbs"), nullptr, true);
        }
    }
}

}  // namespace sb::ui
