// The application as the platforms see it: hand it data, call frame() between ImGui::NewFrame and
// ImGui::Render, and ask it for the test hook's summary. Platforms (src/platform/*) own the window,
// the GPU and the network; the App owns only what the user is looking at.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "core/model.hpp"
#include "ui/theme.hpp"
#include "ui/view_context.hpp"

namespace sb::ui {

class App : public CommandSink {
public:
    explicit App(std::string font_dir);

    // Rebuilds the font atlas when the screen's pixel ratio or the text-size setting changed.
    // Returns true if it did, so the renderer can upload the new texture.
    bool update_fonts(float pixel_ratio);

    void set_state(State state, std::string source);   // source: "server", "demo generator", a file name
    void set_load_failure(std::string message);
    void frame();

    bool fonts_loaded() const { return fonts_ok_; }
    const Fonts& fonts() const { return fonts_; }   // false: fell back to ImGui's built-in font
    bool has_data() const { return status_ == DataStatus::Ready; }
    bool finished_loading() const { return status_ != DataStatus::Loading; }
    const State& state() const { return state_; }
    const Session& session() const { return session_; }
    Session& session() { return session_; }
    // Small JSON for window.shiftbankTest.state(): counts, revision, view and user. The web platform
    // adds its own fields (input it has not handed over yet) to summary() before writing it out.
    nlohmann::json summary() const;
    std::string summary_json() const { return dump_summary(summary()); }
    static std::string dump_summary(const nlohmann::json& j) {
        return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);   // names may be any bytes
    }

    // Changes: every one is a command (src/core/commands), applied here and remembered for undo.
    CommandResult submit(const std::string& type, nlohmann::json payload, std::string description) override;
    // The demo's role switch, also reachable from the URL (?role=clinician&view=open).
    void sign_in_as(Role role) { choose_default_user(role); }
    // Opens the rota on a ward ("*" for every ward of the trust).
    void show_rota(const std::string& ward) {
        memory_.rota_ward = ward;
        session_.view = View::Rota;
    }
    bool undo();
    bool redo();

    // Live sync with the server (docs/api.md); the web platform wires these up (shell/sync.js).
    struct SyncStatus {
        bool connected = false;    // a server (or a read-only copy) feeds this app
        bool online = true;
        int pending = 0;           // this browser's commands the server has not answered yet
        std::string last_synced;   // "14:05"
        bool read_only = false;    // a static copy: changes are drafts kept in this browser
    };
    struct DemoAccount {
        std::string username, password, role, name, group, grade, employment;
    };
    // Every command applied here is also handed to `outbox` (to be sent to the server).
    void set_outbox(std::function<void(const Command&)> outbox) { outbox_ = std::move(outbox); }
    void set_sync_status(SyncStatus s) { sync_ = std::move(s); }
    // The server's state for `user`, with this browser's unanswered commands applied on top again.
    void rebase(State server_state, const std::vector<Command>& pending, const std::string& user, bool read_only);
    // Others' accepted commands from the change feed, applied here instead of reloading the whole
    // snapshot. False (and the caller reloads) unless they follow on exactly from this state.
    bool apply_remote(const std::vector<std::pair<int64_t, Command>>& changes);
    // The server refused a command made here: say why (the rollback comes with the next snapshot).
    void command_rejected(const std::string& id, const std::string& reason);
    void show_sign_in(std::vector<DemoAccount> accounts, std::string message);
    void set_account_handlers(std::function<void(const std::string&, const std::string&)> sign_in, std::function<void()> sign_out) {
        sign_in_handler_ = std::move(sign_in);
        sign_out_handler_ = std::move(sign_out);
    }
    // Makes command ids unique across browsers ("c3f9a1…-12").
    void set_command_prefix(std::string prefix) { command_prefix_ = std::move(prefix); }
    bool signing_in() const { return sign_in_.needed; }
    const std::vector<AuditEntry>& audit_trail() const override { return audit_; }
    const std::string& last_message() const { return toast_; }
    // A blocked drop waiting for the manager's reason (the override dialog is open).
    const std::optional<PendingOverride>& pending_override() const { return memory_.pending_override; }

    // For tests and window.shiftbankTest: rota cells drawn in the last frame, and a legal move.
    const std::vector<CellRect>& visible_cells() const { return memory_.cells; }
    std::string cell_rect_json(const std::string& staff, const std::string& date) const;
    std::string sample_cells_json();
    // The phone keyboard bridge asks whether a tap landed on a text field drawn last frame.
    bool text_field_at(float x, float y) const;
    // {label, x, y, w, h} of the first button whose label starts with `prefix` (or null), or with
    // text_fields, every text field: for window.shiftbankTest.itemRect() and textFields().
    std::string widget_json(const std::string& prefix, bool text_fields) const;
    // The views' UI memory (filters, open forms), for tests that set up a screen directly.
    ViewMemory& view_memory() { return memory_; }

private:
    void choose_default_user(Role role);
    void draw_frame();
    void draw_top_bar(const ViewContext& ctx);
    void draw_side_nav(const ViewContext& ctx);
    void draw_bottom_tabs(const ViewContext& ctx);
    void draw_content(ViewContext& ctx);
    void draw_status_screen(const ViewContext& ctx);
    void draw_sign_in(const ViewContext& ctx);
    void draw_read_only_banner(const ViewContext& ctx);
    void switch_demo_account(Role role);
    void sent(const Command& c);

    enum class DataStatus { Loading, Ready, Failed };
    std::string font_dir_;
    Fonts fonts_;
    float font_ratio_ = 0.0f;
    float font_scale_ = 0.0f;
    bool fonts_ok_ = false;
    State state_;
    std::string source_;
    std::string failure_;
    DataStatus status_ = DataStatus::Loading;
    Session session_;
    ViewMemory memory_;
    RulesCache rules_;
    CommandLog log_;
    struct Done {
        Command command;           // as applied (redo re-sends it with a new id)
        Command inverse;           // applying this undoes it
        std::string description;   // "Moved Early (Tue 3 Mar) from Khan to Evans"
    };
    std::vector<Done> undo_stack_, redo_stack_;
    std::vector<AuditEntry> audit_;   // this session's accepted changes, newest last
    std::string toast_;            // the last change or refusal, in words
    bool toast_is_error_ = false;
    double toast_time_ = -1;
    int64_t next_command_ = 1;
    std::string new_command_id();
    std::string command_time() const;
    void draw_toast(const ViewContext& ctx);
    void handle_shortcuts();
    void touch_scroll();
    bool touch_scrolling_ = false;

    std::function<void(const Command&)> outbox_;
    std::function<void(const std::string&, const std::string&)> sign_in_handler_;
    std::function<void()> sign_out_handler_;
    SyncStatus sync_;
    std::string command_prefix_ = "local";
    std::vector<Command> drafts_;   // read-only copy: the changes made here, for "Export drafts"
    struct SignIn {
        bool needed = false;
        bool busy = false;
        std::vector<DemoAccount> accounts;
        std::string message;
        char username[64] = "", password[128] = "", search[64] = "";
    } sign_in_;
};

}  // namespace sb::ui
