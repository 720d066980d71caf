// The null platform: an ImGui context with no window and no GPU, for UI tests and the frame
// benchmark. Fonts are built (so text measures as in the app) and draw data is produced and dropped.
#pragma once
#include <string>

#include "imgui.h"
#include "ui/app.hpp"

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

private:
    ui::App app_;
};

}  // namespace sb::headless
