// The application as the platforms see it: hand it data, call frame() between ImGui::NewFrame and
// ImGui::Render, and ask it for the test hook's summary. Platforms (src/platform/*) own the window,
// the GPU and the network; the App owns what the user is looking at, and its CommandStore
// (src/client) owns the data and every change to it.
//
// Where things are: app.cpp (data in, commands out, shortcuts), chrome.cpp (top bar, navigation,
// toast, status screens), sign_in_view.cpp, touch_input.cpp (finger scrolling), test_hooks.cpp
// (what window.shiftbankTest and the headless tests read), and one file per screen.
#pragma once
#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

#include "client/command_store.hpp"
#include "client/sync_client.hpp"
#include "core/data_format.hpp"
#include "core/model.hpp"
#include "ui/access_mirror.hpp"
#include "ui/home_state.hpp"
#include "ui/my_rota_state.hpp"
#include "ui/open_shifts_state.hpp"
#include "ui/pay_state.hpp"
#include "ui/rota_state.hpp"
#include "ui/staff_state.hpp"
#include "ui/theme.hpp"
#include "ui/view_context.hpp"

namespace sb::ui {

class App : public CommandSink {
public:
    explicit App(std::string font_dir);

    // Rebuilds the font atlas when the screen's pixel ratio or the text-size setting changed.
    // Returns true if it did, so the renderer can upload the new texture.
    bool update_fonts(float pixel_ratio);

    // Data without a server (a generated demo, a file): the role switch picks who is signed in.
    void set_state(State state, std::string source);   // source: "demo generator", a file name
    void set_load_failure(std::string message);
    // The sync client put a snapshot in the store: show it (first: a new person, or the first data).
    void data_loaded(bool first, bool read_only);
    void frame();

    bool fonts_loaded() const { return fonts_ok_; }
    const Fonts& fonts() const { return fonts_; }   // false: fell back to ImGui's built-in font
    bool has_data() const { return status_ == DataStatus::Ready; }
    bool finished_loading() const { return status_ != DataStatus::Loading; }
    const State& state() const { return store_.state(); }
    client::CommandStore& store() { return store_; }
    const Session& session() const { return session_; }
    Session& session() { return session_; }

    // Changes: every one is a command, applied by the store (optimistically) and sent by the sync.
    CommandResult submit(const std::string& type, nlohmann::json payload, std::string description) override;
    CommandResult preview(const std::string& type, const nlohmann::json& payload) override;
    const std::vector<AuditEntry>& audit_trail() const override { return store_.local_audit(); }
    bool undo() override;
    bool redo() override;
    bool can_undo() const override { return store_.can_undo(); }
    bool can_redo() const override { return store_.can_redo(); }
    const std::string& undo_description() const override { return store_.undo_description(); }
    const std::string& redo_description() const override { return store_.redo_description(); }
    UtcMinutes now() const override { return store_.now() / 60; }
    const AuditListing& audit(const AuditFilter& filter) override;
    const CalendarLink& calendar_link() override;
    void make_calendar_link() override;
    void turn_off_calendar_link() override;
    void export_audit(const AuditFilter& filter) override;
    // How the audit trail and the calendar link are asked of the server (the platform's sync
    // client): a request whose answer comes back to the callback. Without it the trail is this
    // browser's own and there is no calendar link.
    using Fetch = std::function<void(const std::string& method, const std::string& path, const std::string& body,
                                     std::function<void(int status, const std::string& body)>)>;
    void set_fetcher(Fetch fetch) { fetch_ = std::move(fetch); }
    // Called after every accepted change made here (the web platform hands it to the sync client).
    void set_changed_handler(std::function<void()> changed) { changed_ = std::move(changed); }

    // The demo's role switch, also reachable from the URL (?role=clinician&view=open).
    void sign_in_as(Role role) { choose_default_user(role); }
    // Opens the rota on a ward ("*" for every ward of the trust).
    void show_rota(const std::string& ward) {
        rota_.rota_ward = ward;
        session_.view = View::Rota;
    }

    // Live sync (docs/api.md); the platform's SyncClient reports here.
    void set_sync_status(client::SyncClient::Status s) { sync_ = std::move(s); }
    void show_sign_in(std::vector<client::DemoAccount> accounts, std::string message);
    void set_account_handlers(std::function<void(const std::string&, const std::string&)> sign_in, std::function<void()> sign_out) {
        sign_in_handler_ = std::move(sign_in);
        sign_out_handler_ = std::move(sign_out);
    }
    // A message for the person (a refused change, a sync problem), shown as the toast.
    // undoable: the message reports a change made here, which the toast then offers to undo.
    void tell(std::string message, bool error, bool undoable = false);
    bool signing_in() const { return sign_in_.needed; }
    const std::string& last_message() const { return toast_; }
    // A blocked drop waiting for the manager's reason (the override dialog is open).
    const std::optional<PendingOverride>& pending_override() const { return rota_.pending_override; }

    // --- Test hooks (test_hooks.cpp): window.shiftbankTest and the headless tests read these -----
    // Small JSON for window.shiftbankTest.state(): counts, revision, view, user and the state hash.
    nlohmann::json summary() const;
    std::string summary_json() const { return dump_summary(summary()); }
    // What the history panel shows now, for window.shiftbankTest.audit().
    std::string audit_shown_json() const;
    // The hash of what this person sees (core state_hash): window.shiftbankTest.stateHash().
    std::string state_hash_text() const { return state_hash(state()); }
    static std::string dump_summary(const nlohmann::json& j) {
        return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);   // names may be any bytes
    }
    // Rota cells drawn in the last frame, and a legal move.
    const std::vector<CellRect>& visible_cells() const { return rota_.cells; }
    std::string cell_rect_json(const std::string& staff, const std::string& date) const;
    std::string sample_cells_json();
    // The phone keyboard bridge asks whether a tap landed on a text field drawn last frame.
    bool text_field_at(float x, float y) const;
    // {label, x, y, w, h} of the first button whose label starts with `prefix` (or null), or with
    // text_fields, every text field: for window.shiftbankTest.itemRect() and textFields().
    std::string widget_json(const std::string& prefix, bool text_fields) const;
    // The accessibility mirror (ui/access_mirror.hpp): on, the frame describes itself; the page
    // renders it when it changed, and hands back what a screen reader or the keyboard did there.
    // It is the person's "Screen reader support" setting (Session::screen_reader); the sign-in
    // form is mirrored whatever it says.
    void set_accessibility(bool on) { session_.screen_reader = on; }
    const a11y::Mirror& mirror() const { return mirror_; }
    bool mirror_changed() const { return mirror_changed_; }
    std::string mirror_json() const { return mirror_.json(); }
    void mirror_focus(uint32_t id) { mirror_.page_focus(id); }
    void mirror_activate(uint32_t id);
    void mirror_value(uint32_t id, const std::string& text);
    // A key pressed on the page's mirror that the browser does not handle itself (arrows, Escape,
    // Delete, the menu key, Ctrl+Z, "?"), by its DOM name: pressed in ImGui as on the canvas.
    // False for a key the app has no use for, which the page then leaves alone.
    bool mirror_key(const std::string& key, bool ctrl, bool shift);
    // Each screen's UI state (filters, open forms), for tests that set up a screen directly.
    RotaScreen& rota_screen() { return rota_; }
    OpenShiftsScreen& open_shifts_screen() { return open_shifts_; }
    MyRotaScreen& my_rota_screen() { return my_rota_; }
    StaffScreen& staff_screen() { return staff_; }
    HomeScreen& home_screen() { return home_; }

private:
    a11y::Mirror mirror_;
    bool mirror_changed_ = false;
    void choose_default_user(Role role);
    void forget_derived();
    void forget_screens();   // every screen back to how it first opens
    void draw_frame();
    void draw_top_bar(const ViewContext& ctx);
    void draw_side_nav(const ViewContext& ctx);
    void draw_bottom_tabs(const ViewContext& ctx);
    void draw_content(ViewContext& ctx);
    void draw_status_screen(const ViewContext& ctx);
    void draw_sign_in(const ViewContext& ctx);
    void draw_read_only_banner(const ViewContext& ctx);
    void draw_toast(const ViewContext& ctx);
    void draw_help(const ViewContext& ctx);   // the keyboard shortcuts ("?")
    void switch_demo_account(Role role);
    void handle_shortcuts();
    void touch_scroll();
    void accepted();
    void follow_session_user();

    enum class DataStatus { Loading, Ready, Failed };
    std::string font_dir_;
    Fonts fonts_;
    float font_ratio_ = 0.0f;
    float font_scale_ = 0.0f;
    bool fonts_ok_ = false;
    client::CommandStore store_;
    uint64_t seen_version_ = ~0ull;   // the store's version the derived caches were built for
    std::string source_;
    std::string failure_;
    DataStatus status_ = DataStatus::Loading;
    Session session_;
    // What each screen remembers between frames (UI only; see its *_state.hpp).
    RotaScreen rota_;
    OpenShiftsScreen open_shifts_;
    MyRotaScreen my_rota_;
    StaffScreen staff_;
    HomeScreen home_;
    PayrollScreen payroll_;
    RulesCache rules_;
    std::unordered_map<std::string, CommandResult> previews_;   // by type and payload, for this version
    std::string toast_;            // the last change or refusal, in words
    bool toast_is_error_ = false;
    bool toast_undoable_ = false;
    double toast_time_ = -1;
    bool touch_scrolling_ = false;
    bool help_open_ = false;

    std::function<void()> changed_;
    Fetch fetch_;
    CalendarLink calendar_;
    bool calendar_asked_ = false;   // whether a link exists has been asked since signing in
    AuditListing audit_;
    std::string audit_key_;            // the filter and data version audit_ was fetched for
    uint64_t audit_generation_ = 0;    // answers to an older question are dropped
    std::function<void(const std::string&, const std::string&)> sign_in_handler_;
    std::function<void()> sign_out_handler_;
    client::SyncClient::Status sync_;
    struct SignIn {
        bool needed = false;
        bool busy = false;
        std::vector<client::DemoAccount> accounts;
        std::string message;
        char username[64] = "", password[128] = "", search[64] = "";
        bool focus_username = false;   // the next form starts in an empty Username field
    } sign_in_;
};

}  // namespace sb::ui
