// What every view receives: the state to read, the fonts, the session (who is signed in, which
// view is open) and the view's own UI memory (scroll targets, selected ward). Views never change
// the State; later they emit commands (src/core) through the context.
#pragma once
#include <string>
#include <unordered_map>
#include <vector>

#include <memory>
#include <optional>

#include "core/audit.hpp"
#include "core/commands/command.hpp"
#include "core/model.hpp"
#include "core/rules/rules_engine.hpp"
#include "ui/theme.hpp"

namespace sb::ui {

enum class View { Home, Rota, OpenShifts, MyRota, Reports };
const char* view_title(View v);

struct Session {
    std::string user;          // User id of the signed-in person
    Role role = Role::Manager; // the demo's role switch
    View view = View::Rota;
    Date today;                // the date the app treats as today
    float text_scale = 1.0f;   // the person's text-size setting (1, 1.2, 1.4)
};

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

struct ViewMemory {
    std::string rota_ward;
    int rota_week_offset = 0;   // weeks after the period start
    int rota_weeks = 0;         // 0: choose from the screen width on first show
    RotaIndex rota_index;
    RotaDrag drag;
    std::optional<PendingOverride> pending_override;
    std::vector<CellRect> cells;   // rebuilt every frame the rota is drawn
    std::string scroll_to_staff;   // set by the status bar's "breaches" link
    // The history beside the rota: open or not, and its filters.
    bool audit_open = false;
    AuditFilter audit_filter;
    bool audit_overrides_only = false;
    char audit_person_search[48] = "";
    // Filters: by name (case-insensitive) and staff group (-1 = all).
    char search[64] = "";
    int group_filter = -1;
    std::string grade_filter;      // "" = all grades
    std::string index_filter_key;  // the filters the index was built with
    std::vector<std::string> selected;   // shift ids picked with Ctrl/Shift-click
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

    // Open shifts: the person's filters and sort (drafts of a search, not data).
    struct OpenFilters {
        int range = 0;              // 0 all, 1 next 7 days, 2 next 14 days, 3 next 28 days
        std::string ward;           // "" = every ward
        std::string site;           // "" = every site
        std::string type;           // "" = every shift type
        int min_rate = 0;           // pence per hour
        int sort = 0;               // 0 by date, 1 highest rate first
        bool bookable_only = false;
        bool shown = false;         // the filter panel is open (phones fold it away)
        char search[64] = "";       // ward or site name
    } open;
    size_t open_listed = 0;         // how many the filters let through (last frame), for tests
    std::string open_first_refusal; // the first rule message shown on a card (last frame), for tests
    std::unordered_map<std::string, std::string> open_refusals;   // shift id → its card's first rule message
    std::string raise_shift;        // the vacancy whose "raise rate" box is open
    char raise_rate[12] = "";

    // My rota: calendar and the forms that go with it.
    bool month = false;             // month calendar, else a week
    int calendar_offset = 0;        // weeks (or months) from today's
    std::string picked_shift;       // a shift tapped in the calendar: its actions show below
    char cancel_reason[160] = "";
    std::string swap_for;           // the shift whose swap candidates are listed
    bool leave_form = false;
    int leave_kind = 0;
    Date leave_first, leave_last;
    bool availability_form = false;
    Date availability_date;
    int availability_from = 14, availability_to = 40;   // half-hour steps from midnight (07:00–20:00)

    // Home: the notification preferences being edited.
    bool prefs_open = false;
    NotificationPrefs prefs_draft;
};

// Derived from the state and rebuilt when its revision changes: the rules engine and its verdicts.
struct RulesCache {
    int64_t revision = -1;
    const State* state = nullptr;
    std::unique_ptr<RulesEngine> engine;
    std::vector<Violation> violations;   // the whole rota's
    void refresh(const State& s) {
        if (engine && revision == s.revision && state == &s) return;
        engine = std::make_unique<RulesEngine>(s);
        violations = engine->check_all();
        revision = s.revision;
        state = &s;
    }
};

// Where views send changes and ask questions: the App hands both to its CommandStore, which
// applies every change with apply_command. A view never decides a domain question itself (may
// this person book it, would the rules allow it): it asks preview() and shows what it says.
class CommandSink {
public:
    virtual ~CommandSink() = default;
    virtual CommandResult submit(const std::string& type, nlohmann::json payload, std::string description) = 0;
    // The same command, tried on what the person sees and put back: its verdict and its changes.
    virtual CommandResult preview(const std::string& type, const nlohmann::json& payload) = 0;
    virtual const std::vector<AuditEntry>& audit_trail() const = 0;   // the changes seen here
    // The audit trail this person may read, filtered: the server's (its durable log) when there is
    // one, else the changes this browser has seen. Asked every frame; fetched only when it changes.
    struct AuditListing {
        std::vector<AuditEntry> entries;   // newest first
        bool from_server = false;
        bool loading = false;
        bool more = false;                 // older entries match too
        std::string error;
    };
    virtual const AuditListing& audit(const AuditFilter& filter) = 0;
    virtual void export_audit(const AuditFilter& filter) = 0;   // a CSV download
    virtual bool undo() = 0;
    virtual bool redo() = 0;
    virtual bool can_undo() const = 0;
    virtual bool can_redo() const = 0;
};

struct ViewContext {
    const State& state;
    const Fonts& fonts;
    Session& session;
    ViewMemory& memory;
    RulesCache& rules;
    CommandSink& commands;
    bool phone = false;        // narrow screen: one column, touch-sized targets
    const User* user = nullptr;
    const Staff* me = nullptr; // the signed-in person's staff record, if any
};

void draw_rota_view(ViewContext& ctx);
void draw_open_shifts_view(ViewContext& ctx);
void draw_my_rota_view(ViewContext& ctx);
void draw_reports_view(ViewContext& ctx);
void draw_home_view(ViewContext& ctx);

}  // namespace sb::ui
