// Fill rate and bank-versus-agency spend per ward over the rota period; for the bank office, payroll.
#include "core/reports.hpp"
#include "ui/pay_state.hpp"
#include "ui/table.hpp"
#include "ui/timesheet_view.hpp"
#include "ui/view_context.hpp"
#include "ui/widgets.hpp"

namespace sb::ui {
using namespace colour;

namespace {
void figure(const ViewContext& ctx, const char* label, const std::string& value, ImU32 colour, float width) {
    ImGui::BeginGroup();
    begin_card(label, 92);
    ImGui::TextDisabled("%s", label);
    ImGui::PushFont(ctx.fonts.large);
    text_coloured(colour, value.c_str());
    ImGui::PopFont();
    end_card();
    ImGui::EndGroup();
}
}  // namespace

void draw_reports_view(ViewContext& ctx, PayrollScreen& payroll) {
    const State& state = ctx.state;
    const auto rows = ward_figures(state, state.period_start, state.period_days);
    const WardFigures& total = rows.back();
    if (!ctx.phone) heading(ctx.fonts, "Reports");
    ImGui::TextDisabled("Rota period %s", date_range(state.period_start, state.period_start + (state.period_days - 1)).c_str());
    ImGui::Spacing();
    const float avail = ImGui::GetContentRegionAvail().x;
    const int per_row = ctx.phone ? 2 : 4;
    const float w = (avail - float(per_row - 1) * 12) / float(per_row);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.1f%%", total.fill_rate() * 100);
    const std::string values[] = {buf, std::to_string(total.open_in_bank), format_money(total.bank_pence), format_money(total.agency_pence)};
    const char* labels[] = {"Shifts filled", "Open in the bank", "Bank spend", "Agency spend"};
    const ImU32 colours[] = {kText, kBlue, kGreen, kRed};
    for (int i = 0; i < 4; ++i) {
        if (i % per_row) ImGui::SameLine(0, 12);
        ImGui::BeginChild(labels[i], ImVec2(w, 92), ImGuiChildFlags_None, ImGuiWindowFlags_NoBackground);
        figure(ctx, labels[i], values[i], colours[i], w);
        ImGui::EndChild();
    }
    ImGui::Spacing();
    if (Table t("wards", "Fill rate and spend by ward", ctx.phone ? 3 : 6, int(rows.size()) - 1,
                ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_PadOuterX);
        t) {
        t.column("Ward", ImGuiTableColumnFlags_WidthStretch);
        t.column("Filled");
        if (!ctx.phone) {
            t.column("Shifts");
            t.column("In the bank");
            t.column("Bank spend");
        }
        t.column("Agency spend");
        t.headers();
        for (size_t i = 0; i + 1 < rows.size(); ++i) {
            const WardFigures& f = rows[i];
            const Ward* ward = state.find_ward(f.ward);
            t.row(30);
            t.cell(ward ? ward->name : f.ward, nullptr, true);   // wrapped: a long name on a phone, or in Largest text
            std::snprintf(buf, sizeof buf, "%.0f%%", f.fill_rate() * 100);
            t.cell(buf);
            if (!ctx.phone) {
                t.cell(std::to_string(f.shifts));
                t.cell(std::to_string(f.open_in_bank));
                t.cell(format_money(f.bank_pence));
            }
            t.cell(format_money(f.agency_pence));
        }
    }
    ImGui::Spacing();
    payroll_card(ctx, payroll);
}

}  // namespace sb::ui
