// The application as the platforms see it: hand it data, call frame() between ImGui::NewFrame and
// ImGui::Render, and ask it for the test hook's summary. Platforms (src/platform/*) own the window,
// the GPU and the network; the App owns only what the user is looking at.
#pragma once
#include <string>

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
    // Small JSON for window.shiftbankTest.state(): counts, revision, view and user.
    std::string summary_json() const;

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
};

}  // namespace sb::ui
