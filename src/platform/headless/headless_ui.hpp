// The null platform: an ImGui context with no window and no GPU, for UI tests and the frame
// benchmark. Fonts are built (so text measures as in the app) and draw data is produced and dropped.
#pragma once
#include <string>

#include "core/demo_trust.hpp"
#include "imgui.h"
#include "ui/app.hpp"
#include "ui/widgets.hpp"

namespace sb::headless {

// Created before the App (a base class is constructed first), destroyed after it.
struct ImGuiContextOwner {
    ImGuiContextOwner(float width, float height) {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(width, height);
        io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
    }
    ~ImGuiContextOwner() { ImGui::DestroyContext(); }
};

class HeadlessUi : private ImGuiContextOwner {
public:
    HeadlessUi(float width, float height, const std::string& font_dir)
        : ImGuiContextOwner(width, height), app_(font_dir) {
        app_.update_fonts(1.0f);
        unsigned char* pixels;
        int w, h;
        ImGui::GetIO().Fonts->GetTexDataAsAlpha8(&pixels, &w, &h);
    }
    HeadlessUi(const HeadlessUi&) = delete;
    HeadlessUi& operator=(const HeadlessUi&) = delete;

    ui::App& app() { return app_; }
    // The person's text size (1, 1.2 or 1.4: Normal, Large, Largest), its fonts built as the app would.
    void set_text_scale(float scale) {
        app_.session().text_scale = scale;
        app_.update_fonts(1.0f);
        unsigned char* pixels;
        int w, h;
        ImGui::GetIO().Fonts->GetTexDataAsAlpha8(&pixels, &w, &h);
    }
    // The clock commands are stamped with (the server's, in a browser): a moment in the demo's rota,
    // so "has it started?" and notice periods are asked about the rota being shown.
    void set_clock(Date day, int minute_of_day) {
        const int64_t seconds = london_to_utc({day, minute_of_day}) * 60;
        app_.store().set_clock([seconds] { return seconds; });
    }

    // A generated trust (`staff` people over `weeks`; `instant`: every ward books at once), with
    // today and the clock at its first morning, as most UI tests start.
    void load_demo(int staff, int weeks, bool instant = false) {
        DemoOptions o;
        o.staff = staff;
        o.weeks = weeks;
        State s = make_demo_trust(o);
        if (instant)
            for (Ward& w : s.wards) w.instant_booking = true;
        app_.set_state(std::move(s), "test");
        app_.session().today = app_.state().period_start;
        set_clock(app_.state().period_start, 6 * 60);
    }

    void frame(float dt = 1.0f / 60.0f) {
        ImGui::GetIO().DeltaTime = dt;
        ImGui::NewFrame();
        app_.frame();
        ImGui::Render();
    }
    void mouse_move(float x, float y) { ImGui::GetIO().AddMousePosEvent(x, y); }
    void mouse_button(bool down) { ImGui::GetIO().AddMouseButtonEvent(0, down); }
    // Press and release at (x, y) with frames between, as ImGui trickles queued input per frame.
    void click(float x, float y) {
        mouse_move(x, y);
        frame();
        mouse_button(true);
        frame();
        mouse_button(false);
        frame();
        frame();
    }

    // Clicks the first button drawn last frame whose label starts with `prefix` ("Approve swap##");
    // false if there is none on screen.
    // One drawn off screen is scrolled into view with the mouse wheel first, as a person would.
    bool click_widget(const std::string& prefix) {
        const ImVec2 screen = ImGui::GetIO().DisplaySize;
        for (int i = 0; i < 3; ++i) frame();   // auto-sized cards settle over a frame or two
        for (int attempt = 0; attempt < 60; ++attempt) {
            const ui::WidgetRect* found = nullptr;
            for (const auto& r : ui::widget_rects())
                if (r.label.compare(0, prefix.size(), prefix) == 0) {
                    found = &r;
                    break;
                }
            if (!found) return false;
            const ImVec2 c((found->min.x + found->max.x) * 0.5f, (found->min.y + found->max.y) * 0.5f);
            // Below a phone's top bar and above its bottom tabs (a desktop has neither): safely on screen.
            const bool phone = screen.x < 700;
            const float top = phone ? 90 : 4, bottom = phone ? screen.y - 90 : screen.y - 4;
            if (c.y > top && c.y < bottom) {
                click(c.x, c.y);
                return true;
            }
            mouse_move(screen.x * 0.6f, screen.y * 0.5f);
            ImGui::GetIO().AddMouseWheelEvent(0, c.y > screen.y * 0.5f ? -2.0f : 2.0f);
            frame();
            frame();
        }
        return false;
    }
    // Types text into whatever field has the keyboard focus, as the keyboard bridge delivers it.
    void type(const char* utf8) {
        ImGui::GetIO().AddInputCharactersUTF8(utf8);
        frame();
        frame();
    }

private:
    ui::App app_;
};

}  // namespace sb::headless
