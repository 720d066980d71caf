// A table of figures that a screen reader reads as a table (WCAG 1.3.1): drawn with ImGui's table,
// and in the accessibility mirror as a table with its column headers and each row's cells, their
// words and rectangles. The reports and the keyboard-shortcuts list use it; the rota, which is
// moved through cell by cell, is a grid of its own (rota_grid.cpp).
#pragma once
#include <string>

#include "imgui.h"
#include "ui/access_mirror.hpp"

namespace sb::ui {

class Table {
public:
    // `name` is read out ("Fill rate by ward"); `rows` counts the data rows, headers not included.
    Table(const char* id, std::string name, int columns, int rows, ImGuiTableFlags flags);
    ~Table();
    Table(const Table&) = delete;
    Table& operator=(const Table&) = delete;
    explicit operator bool() const { return open_; }

    void column(const char* label, ImGuiTableColumnFlags flags = 0, float width = 0);
    void headers();                  // the header row, from the columns' labels
    void row(float min_height = 0);  // starts the next data row
    // The next cell's words, drawn in `font` (null: the current one), wrapped when `wrap`.
    void cell(const std::string& words, ImFont* font = nullptr, bool wrap = false);
    // The next cell as a button (a person's name that opens their record), `height` high at least
    // (a touch target); read as a button inside the cell. True when pressed.
    bool button_cell(const std::string& words, const std::string& id, ImFont* font, float height);

private:
    bool open_ = false;
    a11y::Mirror* mirror_ = nullptr;
    int row_ = 0, column_ = 0;
    bool in_row_ = false;
    void end_row();
};

}  // namespace sb::ui
