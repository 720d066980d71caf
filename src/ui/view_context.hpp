// What every view receives: the state to read, the fonts, the session (who is signed in, which
// view is open), the rules' verdicts and where to send commands. A screen's own UI state (scroll
// targets, selected ward, filters) is not here: each draw function takes its screen's struct
// (rota_state.hpp, open_shifts_state.hpp, my_rota_state.hpp, home_state.hpp). Views never change
// the State; they emit commands (src/core) through the context.
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

enum class View { Home, Rota, OpenShifts, MyRota, Reports, Staff };
const char* view_title(View v);

struct Session {
    std::string user;          // User id of the signed-in person
    Role role = Role::Manager; // the demo's role switch
    View view = View::Rota;
    Date today;                // the date the app treats as today
    float text_scale = 1.0f;   // the person's text-size setting (1, 1.2, 1.4)
    bool high_contrast = false;   // the high-contrast theme (theme.hpp)
    // "Screen reader support": the accessibility mirror (access_mirror.hpp), off unless chosen, as
    // it adds to every frame's time (docs/performance.md).
    bool screen_reader = false;
};

// Each screen's own UI state (filters, open forms, a drag) is in its *_state.hpp and is handed to
// its draw function by the App; the context carries only what every view shares.
struct RotaScreen;
struct OpenShiftsScreen;
struct MyRotaScreen;
struct HomeScreen;
struct StaffScreen;

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
    // The person's private calendar subscription (the server keeps only a hash of its secret, so
    // the address is known here only just after it is made). Asked every frame; fetched once.
    struct CalendarLink {
        bool available = false;    // a live server to ask (not a static copy, not offline)
        bool loading = false;
        bool exists = false;
        std::string https, webcal;   // known just after it is made
        std::string created;         // when, "2026-12-03T07:56:12Z"
        std::string error;
    };
    virtual const CalendarLink& calendar_link() = 0;
    virtual void make_calendar_link() = 0;        // a new one; the old address stops working
    virtual void turn_off_calendar_link() = 0;
    virtual bool undo() = 0;
    virtual bool redo() = 0;
    virtual bool can_undo() const = 0;
    virtual bool can_redo() const = 0;
    // What Undo and Redo would take back or do again, in the words of the change ("" if nothing).
    virtual const std::string& undo_description() const = 0;
    virtual const std::string& redo_description() const = 0;
    // The clock commands are stamped with (UTC minutes): what a core question about time is asked with.
    virtual UtcMinutes now() const = 0;
};

struct ViewContext {
    const State& state;
    const Fonts& fonts;
    Session& session;
    RulesCache& rules;
    CommandSink& commands;
    bool phone = false;        // narrow screen: one column, touch-sized targets
    const User* user = nullptr;
    const Staff* me = nullptr; // the signed-in person's staff record, if any
};

void draw_rota_view(ViewContext& ctx, RotaScreen& screen);
void draw_open_shifts_view(ViewContext& ctx, OpenShiftsScreen& screen);
void draw_my_rota_view(ViewContext& ctx, MyRotaScreen& screen);
struct PayrollScreen;
void draw_reports_view(ViewContext& ctx, PayrollScreen& payroll);
void draw_home_view(ViewContext& ctx, HomeScreen& screen);
void draw_staff_view(ViewContext& ctx, StaffScreen& screen);   // trust administrators

}  // namespace sb::ui
