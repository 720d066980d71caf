// The desktop platform, for development: an SDL2 + OpenGL 3 window running the same App as the
// browser. Data comes from a JSON file (shiftbank-cli demo writes one) or the demo generator.
//
//   shiftbank [FILE.json] [--staff N] [--weeks W] [--seed S] [--fonts DIR]
#include <SDL.h>
#include <SDL_opengl.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>

#include "core/data_format.hpp"
#include "core/demo_trust.hpp"
#include "imgui.h"
#include "imgui_impl_opengl3.h"
#include "imgui_impl_sdl2.h"
#include "platform/input_queue.hpp"
#include "ui/app.hpp"
#include "ui/downloads.hpp"
#include "ui/widgets.hpp"

#ifndef SHIFTBANK_FONT_DIR
#define SHIFTBANK_FONT_DIR "assets/fonts"
#endif

namespace {
sb::Date today() {
    const auto now = std::chrono::system_clock::now();
    return sb::Date{int32_t(std::chrono::duration_cast<std::chrono::hours>(now.time_since_epoch()).count() / 24)};
}
}  // namespace

int main(int argc, char** argv) {
    std::string file, fonts = SHIFTBANK_FONT_DIR;
    sb::DemoOptions demo;
    demo.start = sb::monday_of(today());
    for (int i = 1; i < argc; ++i) {
        auto next = [&] { return i + 1 < argc ? argv[++i] : ""; };
        if (!std::strcmp(argv[i], "--staff")) demo.staff = std::atoi(next());
        else if (!std::strcmp(argv[i], "--weeks")) demo.weeks = std::atoi(next());
        else if (!std::strcmp(argv[i], "--seed")) demo.seed = std::strtoull(next(), nullptr, 10);
        else if (!std::strcmp(argv[i], "--fonts")) fonts = next();
        else file = argv[i];
    }
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        std::fprintf(stderr, "shiftbank: SDL could not start: %s\n", SDL_GetError());
        return 1;
    }
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 2);
    SDL_Window* window = SDL_CreateWindow("Shiftbank", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, 1280, 800,
                                          SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    SDL_GLContext gl = window ? SDL_GL_CreateContext(window) : nullptr;
    if (!gl) {
        std::fprintf(stderr, "shiftbank: no OpenGL 3.2 context: %s\n", SDL_GetError());
        return 1;
    }
    SDL_GL_SetSwapInterval(1);
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    ImGui::GetIO().ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    sb::ui::App app(fonts);
    sb::ui::set_download_handler([](const std::string& name, const std::string&, const std::string& data) {
        std::ofstream(name, std::ios::binary) << data;   // into the working directory
        std::printf("shiftbank: wrote %s\n", name.c_str());
    });
    app.session().today = today();
    int fb_w = 0, win_w = 0, h = 0;
    SDL_GL_GetDrawableSize(window, &fb_w, &h);
    SDL_GetWindowSize(window, &win_w, &h);
    app.update_fonts(win_w ? float(fb_w) / float(win_w) : 1.0f);
    ImGui_ImplSDL2_InitForOpenGL(window, gl);
    ImGui_ImplOpenGL3_Init("#version 150");

    if (!file.empty()) {
        std::ifstream in(file, std::ios::binary);
        std::stringstream text;
        text << in.rdbuf();
        sb::LoadResult r = sb::load_state(text.str());
        if (!in) app.set_load_failure("Cannot read " + file);
        else if (!r.ok()) app.set_load_failure(file + ": " + sb::describe(r.errors.front()) + " (and " + std::to_string(r.errors.size() - 1) + " more)");
        else app.set_state(std::move(r.state), file);
    } else {
        app.set_state(sb::make_demo_trust(demo), "Demo data");
    }

    bool running = true;
    while (running) {
        SDL_Event e;
        // Block until something happens: an idle rota costs no CPU.
        if (SDL_WaitEventTimeout(&e, 500)) {
            do {
                ImGui_ImplSDL2_ProcessEvent(&e);
                if (e.type == SDL_QUIT) running = false;
            } while (SDL_PollEvent(&e));
        }
        // Two frames let layout settle; more while ImGui still holds queued input (input_queue.hpp).
        // A card that just appeared sizes itself over the next frames (ui::layout_settling).
        int settle = 0;
        for (int frame = 0; frame < 2 + settle || (sb::platform::imgui_input_queued() && frame < 64); ++frame) {
            if (app.update_fonts(win_w ? float(fb_w) / float(win_w) : 1.0f)) {   // the text-size setting changed
                ImGui_ImplOpenGL3_DestroyFontsTexture();
                ImGui_ImplOpenGL3_CreateFontsTexture();
            }
            ImGui_ImplOpenGL3_NewFrame();
            ImGui_ImplSDL2_NewFrame();
            ImGui::NewFrame();
            app.frame();
            if (sb::ui::layout_settling() && settle < 6) settle += 3;
            ImGui::Render();
            SDL_GL_GetDrawableSize(window, &fb_w, &h);
            glViewport(0, 0, fb_w, h);
            glClearColor(0.94f, 0.957f, 0.961f, 1.0f);
            glClear(GL_COLOR_BUFFER_BIT);
            ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
            SDL_GL_SwapWindow(window);
        }
    }
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplSDL2_Shutdown();
    ImGui::DestroyContext();
    SDL_GL_DeleteContext(gl);
    SDL_DestroyWindow(window);
    SDL_Quit();
    return 0;
}
