#include "ui/table.hpp"

#include "imgui_internal.h"

namespace sb::ui {

Table::Table(const char* id, std::string name, int columns, int rows, ImGuiTableFlags flags) {
    open_ = ImGui::BeginTable(id, columns, flags);
    if (!open_) return;
    a11y::Mirror* m = a11y::current();
    mirror_ = m && m->enabled() ? m : nullptr;
    if (mirror_) mirror_->begin_grid(name, rows + 1, columns, a11y::Role::Table);
}

Table::~Table() {
    if (!open_) return;
    end_row();
    ImGui::EndTable();
    if (mirror_) mirror_->end_grid();
}

void Table::column(const char* label, ImGuiTableColumnFlags flags, float width) { ImGui::TableSetupColumn(label, flags, width); }

void Table::end_row() {
    if (in_row_ && mirror_) mirror_->end_row();
    in_row_ = false;
}

void Table::headers() {
    end_row();
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    if (mirror_) mirror_->begin_row(++row_);
    in_row_ = true;
    ImGuiTable* t = ImGui::GetCurrentTable();
    for (int c = 0; c < t->ColumnsCount; ++c) {
        if (!ImGui::TableSetColumnIndex(c)) continue;
        const char* label = ImGui::TableGetColumnName(c);
        ImGui::TableHeader(label);
        if (mirror_) {
            const ImRect r = ImGui::TableGetCellBgRect(t, c);
            mirror_->cell(a11y::Role::ColumnHeader, c, label, r.Min.x, r.Min.y, r.Max.x, r.Max.y);
        }
    }
    column_ = 0;
}

void Table::row(float min_height) {
    end_row();
    ImGui::TableNextRow(ImGuiTableRowFlags_None, min_height);
    if (mirror_) mirror_->begin_row(++row_);
    in_row_ = true;
    column_ = 0;
}

void Table::cell(const std::string& words, ImFont* font, bool wrap) {
    const int c = column_++;
    if (!ImGui::TableSetColumnIndex(c)) return;
    if (font) ImGui::PushFont(font);
    if (wrap) ImGui::TextWrapped("%s", words.c_str());
    else ImGui::TextUnformatted(words.c_str());
    const float words_w = wrap ? 0 : ImGui::GetItemRectSize().x;
    if (font) ImGui::PopFont();
    if (mirror_) {
        // The cell's rectangle as far as its words go down (the row's height is known only when it ends);
        // its words' width, so that words running past the cell's edge are found (tests/ui/text_size_layout_test.cpp).
        const ImRect r = ImGui::TableGetCellBgRect(ImGui::GetCurrentTable(), c);
        mirror_->cell(a11y::Role::TableCell, c, words, r.Min.x, r.Min.y, r.Max.x, std::max(r.Min.y + 1, ImGui::GetItemRectMax().y), words_w);
    }
}

bool Table::button_cell(const std::string& words, const std::string& id, ImFont* font, float height) {
    const int c = column_++;
    if (!ImGui::TableSetColumnIndex(c)) return false;
    const ImRect r = ImGui::TableGetCellBgRect(ImGui::GetCurrentTable(), c);
    if (mirror_) mirror_->begin_cell(a11y::Role::TableCell, c, r.Min.x, r.Min.y, r.Max.x, r.Max.y);
    if (mirror_) mirror_->next(a11y::Role::Button, words);
    if (font) ImGui::PushFont(font);
    const bool pressed = ImGui::Selectable((words + "##" + id).c_str(), false, ImGuiSelectableFlags_NoPadWithHalfSpacing,
                                           ImVec2(ImGui::GetContentRegionAvail().x, height));   // inside the cell, not over its edge
    if (font) ImGui::PopFont();
    if (mirror_) mirror_->end_cell();
    return pressed;
}

}  // namespace sb::ui
