// Headless frame benchmark: the manager's rota for a 2,000-staff demo trust, drawn by the real
// UI code with no renderer (ImGui context only). Prints CPU milliseconds per frame, p50 and p95,
// for three cases: scrolling, idle redraw, and dragging a shift (every visible cell checked by the
// rules engine each frame). Target: p95 under 4 ms natively (docs/performance.md).
//
//   frame_bench [--staff N] [--weeks W] [--frames F] [--a11y 1]
//
// --a11y 1: with the accessibility mirror on, its JSON built whenever it changed (as the web
// platform does before handing it to the page), to measure what the mirror costs a frame.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include <nlohmann/json.hpp>

#include "core/demo_trust.hpp"
#include "platform/frame_stats.hpp"
#include "platform/headless/headless_ui.hpp"

namespace {
double now_ms() {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count();
}
}  // namespace

int main(int argc, char** argv) {
    sb::DemoOptions o;
    o.staff = 2000;
    o.weeks = 4;
    int frames = 300;
    bool a11y = false;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--staff")) o.staff = std::atoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--weeks")) o.weeks = std::atoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--frames")) frames = std::atoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--a11y")) a11y = std::atoi(argv[i + 1]) != 0;
    }
    sb::headless::HeadlessUi ui(1280, 800, SHIFTBANK_FONT_DIR);
    ui.app().set_accessibility(a11y);
    sb::State state = sb::make_demo_trust(o);
    const size_t shifts = state.shifts.size();
    ui.app().set_state(std::move(state), "bench");
    ui.app().session().today = ui.app().state().period_start;
    ui.app().show_rota("*");   // every ward: all 2,000 people in one grid
    size_t mirror_bytes = 0;
    auto run = [&](const char* name, auto&& before_frame) {
        sb::FrameStats stats;
        for (int f = 0; f < frames; ++f) {
            before_frame(f);
            const double t0 = now_ms();
            ui.frame();
            if (ui.app().mirror_changed()) mirror_bytes += ui.app().mirror_json().size();
            stats.add(now_ms() - t0);
        }
        std::printf("%-34s p50 %6.3f ms   p95 %6.3f ms   (%d frames)\n", name, stats.percentile(0.5), stats.percentile(0.95), frames);
    };
    std::printf("Rota frame benchmark: %d staff, %d weeks, %zu shifts, 1280x800, accessibility mirror %s\n", o.staff, o.weeks,
                shifts, a11y ? "on" : "off");
    ui.frame();
    ui.frame();
    run("idle redraw", [](int) {});
    run("scrolling the grid", [&](int f) {
        ui.mouse_move(700, 500);
        ImGui::GetIO().AddMouseWheelEvent(0, f % 40 < 20 ? -1.0f : 1.0f);
    });
    // Drag: pick up the first visible shift and sweep across the grid.
    const auto sample = nlohmann::json::parse(ui.app().sample_cells_json());
    if (!sample.is_null()) {
        const auto rect = nlohmann::json::parse(
            ui.app().cell_rect_json(sample["from"]["staff"].get<std::string>(), sample["from"]["date"].get<std::string>()));
        const float x = rect["x"].get<float>() + 20, y = rect["y"].get<float>() + 15;
        ui.mouse_move(x, y);
        ui.frame();
        ui.mouse_button(true);
        ui.frame();
        run("dragging a shift (rules per cell)", [&](int f) { ui.mouse_move(x + float(f % 400) * 2.0f, y + float(f % 200) * 2.5f); });
        ui.mouse_button(false);
        ui.frame();
    }
    if (a11y) std::printf("mirror: %zu nodes on the rota, %zu bytes of JSON handed over in all\n", ui.app().mirror().nodes().size(), mirror_bytes);
    return 0;
}
