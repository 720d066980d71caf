// What every view receives: the state to read, the fonts, the session (who is signed in, which
// view is open) and the view's own UI memory (scroll targets, selected ward). Views never change
// the State; later they emit commands (src/core) through the context.
#pragma once
#include <string>
#include <unordered_map>
#include <vector>

#include "core/model.hpp"
#include "ui/theme.hpp"

namespace sb::ui {

enum class View { Rota, OpenShifts, MyShifts, Reports };
const char* view_title(View v);

struct Session {
    std::string user;          // User id of the signed-in person
    Role role = Role::Manager; // the demo's role switch
    View view = View::Rota;
    Date today;                // the date the app treats as today
};

// Derived lookups the rota needs every frame, rebuilt only when the data or the ward changes.
struct RotaIndex {
    int64_t revision = -1;
    std::string ward;
    const State* built_for = nullptr;
    struct Row {
        enum Kind { GroupHeader, Vacant, Person } kind;
        std::string label;          // group header text or staff id
        const Staff* staff = nullptr;
    };
    std::vector<Row> rows;
    // Shifts on this ward's rota, by (row key, day index): row key is the staff id or "" for vacant.
    std::unordered_map<std::string, std::vector<std::vector<const Shift*>>> cells;
};

struct ViewMemory {
    std::string rota_ward;
    int rota_week_offset = 0;   // weeks after the period start
    int rota_weeks = 0;         // 0: choose from the screen width on first show
    RotaIndex rota_index;
};

struct ViewContext {
    const State& state;
    const Fonts& fonts;
    Session& session;
    ViewMemory& memory;
    bool phone = false;        // narrow screen: one column, touch-sized targets
    const User* user = nullptr;
    const Staff* me = nullptr; // the signed-in person's staff record, if any
};

void draw_rota_view(ViewContext& ctx);
void draw_open_shifts_view(ViewContext& ctx);
void draw_my_shifts_view(ViewContext& ctx);
void draw_reports_view(ViewContext& ctx);

}  // namespace sb::ui
