// What the manager's rota screen remembers between frames: the ward and weeks shown, the filters,
// the selection, a drag in progress, the open menus and dialogs, and the history panel beside the
// grid, plus the lookups derived from the data (RotaIndex). It is UI-only: none of it is data a
// user would expect to be saved, and the App throws it away when a new data set is loaded. Every
// change to the rota itself is a command (src/core); this only says what the screen looks like.
#pragma once
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "imgui.h"
#include "core/audit.hpp"
#include "core/model.hpp"

namespace sb::ui {

// Derived lookups the rota needs every frame, rebuilt only when the data or the ward changes.
struct RotaIndex {
    int64_t revision = -1;
    std::string ward;
    const State* built_for = nullptr;
    struct Row {
        enum Kind { WardHeader, GroupHeader, Vacant, Person } kind;
        std::string label;          // group header text or staff id
        const Staff* staff = nullptr;
        std::string group_key;      // for headers: what collapsing it hides ("w01/nurse", "w01/vacant")
    };
    std::vector<Row> rows;
    // Status-bar counts for the days in view, worked out once per index and range, not per frame.
    struct Counts {
        int first_day = -1, day_count = 0;
        int64_t rules_revision = -1;
        int staff = 0, vacant = 0, open = 0, agency = 0, breaches = 0, warnings = 0;
        std::string first_breach, first_warning;
    } counts;
    // Shifts on this ward's rota, by (row key, day index): row key is the staff id or "" for vacant.
    std::unordered_map<std::string, std::vector<std::vector<const Shift*>>> cells;
    // Leave and availability by (staff id, day index), for the bands drawn behind the shifts.
    std::unordered_map<std::string, std::vector<const Leave*>> leave;
    std::unordered_map<std::string, std::vector<const Availability*>> availability;
};

// A shift being dragged on the rota, and the drop that needs an override reason.
struct RotaDrag {
    std::string shift;          // id of the shift picked up ("" = no drag)
    ImVec2 grab_offset;         // where in the chip it was picked up
};
struct PendingOverride {
    Shift candidate;            // the shift as it would be after the move
    std::string message;        // the rule that blocks it
    char reason[256] = "";
};

// Screen rectangles of the rota cells drawn this frame, for window.shiftbankTest.cellRect().
struct CellRect {
    std::string staff;          // "" for a vacant lane
    Date date;
    ImVec2 min, max;
    bool has_shift = false;
    std::string shift;          // the first shift in the cell, if any
};

struct RotaScreen {
    std::string rota_ward;
    int rota_week_offset = 0;   // weeks after the period start
    int rota_weeks = 0;         // 0: choose from the screen width on first show
    RotaIndex rota_index;
    RotaDrag drag;
    float status_bar_h = 0;     // the status bar's height when last drawn (its lines wrap on a narrow page)
    std::optional<PendingOverride> pending_override;
    // Moving a shift without a drag (WCAG 2.5.7): picked up with Enter on its chip, the focused
    // cell is then where it would go (with the drag's verdict, read out), Enter puts it there and
    // Escape puts it back.
    std::string keyboard_move;     // the shift picked up, "" when none
    std::string move_words;        // the live region's sentence while moving
    std::pair<int, Date> move_target;   // the cell (row, day) it was said for
    std::string focus_shift;       // a shift to give the keyboard focus to when next drawn (after a move)
    // The "Move to…" dialog of a shift's menu: the shift, and the person ("" vacant) and day chosen.
    std::string move_to;
    std::string move_to_staff;
    Date move_to_day;
    std::vector<CellRect> cells;   // rebuilt every frame the rota is drawn
    ImVec2 body_min, body_max;     // the part of the grid where cells are seen whole: below the day
                                   // header, right of the names, inside the scrollbars (last frame)
    std::string scroll_to_staff;   // set by the status bar's "breaches" link
    // The history beside the rota: open or not, and its filters.
    bool audit_open = false;
    AuditFilter audit_filter;
    std::string audit_rule;        // "" any change, "*" any override, or one rule's id
    char audit_person_search[48] = "";
    // Filters: by name (case-insensitive) and staff group (-1 = all).
    char search[64] = "";
    int group_filter = -1;
    std::string grade_filter;      // "" = all grades
    std::string index_filter_key;  // the filters the index was built with
    std::vector<std::string> selected;   // shift ids picked with Ctrl/Shift-click
    // The shifts behind "N breaches" (or "N warnings"), outlined in red (amber) once it is clicked;
    // clicked again, the outline goes.
    std::vector<std::string> marked;
    bool marked_warnings = false;
    std::vector<std::string> collapsed;  // group keys whose rows are hidden
    bool banding = false;                // a rubber-band selection is being drawn
    // The right-click / double-click menu of a cell, and the shift being edited.
    std::string menu_staff;
    Date menu_day;
    bool menu_requested = false;
    std::string editing;           // shift id, "" when the editor is closed
    char edit_start[6] = "", edit_end[6] = "", edit_rate[12] = "";
    int edit_type = 0;
    std::string edit_ward, edit_grade;
    // The repeating-pattern dialog: one shift type (or -1 = off) per weekday, repeated for some weeks.
    std::string pattern_staff;
    int pattern[7] = {-1, -1, -1, -1, -1, -1, -1};
    int pattern_weeks = 4;
};

}  // namespace sb::ui
