// The application as the platforms see it: hand it data, call frame() between ImGui::NewFrame and
// ImGui::Render, and ask it for the test hook's summary. Platforms (src/platform/*) own the window,
// the GPU and the network; the App owns only what the user is looking at.
#pragma once
#include <string>

#include "core/model.hpp"
#include "ui/theme.hpp"
#include "ui/view_context.hpp"

namespace sb::ui {

class App {
public:
    explicit App(std::string font_dir);

    // Rebuilds the font atlas when the screen's pixel ratio (or the font-size setting) changed.
    // Returns true if it did, so the renderer can upload the new texture.
    bool update_fonts(float pixel_ratio);

    void set_state(State state, std::string source);   // source: "server", "demo generator", a file name
    void set_load_failure(std::string message);
    void frame();

    bool fonts_loaded() const { return fonts_ok_; }   // false: fell back to ImGui's built-in font
    bool has_data() const { return status_ == DataStatus::Ready; }
    bool finished_loading() const { return status_ != DataStatus::Loading; }
    const State& state() const { return state_; }
    const Session& session() const { return session_; }
    Session& session() { return session_; }
    // Small JSON for window.shiftbankTest.state(): counts, revision, view and user.
    std::string summary_json() const;

private:
    void choose_default_user(Role role);
    void draw_top_bar(const ViewContext& ctx);
    void draw_side_nav(const ViewContext& ctx);
    void draw_bottom_tabs(const ViewContext& ctx);
    void draw_content(ViewContext& ctx);
    void draw_status_screen(const ViewContext& ctx);

    enum class DataStatus { Loading, Ready, Failed };
    std::string font_dir_;
    Fonts fonts_;
    float font_ratio_ = 0.0f;
    bool fonts_ok_ = false;
    State state_;
    std::string source_;
    std::string failure_;
    DataStatus status_ = DataStatus::Loading;
    Session session_;
    ViewMemory memory_;
};

}  // namespace sb::ui
