// The browser platform: SDL2 + WebGL2 window on the page's canvas, the main loop, loading data
// from the server, device-pixel-ratio tracking and the window.shiftbankTest hook (docs/testing.md).
//
// [X] Canvas follows the window size; backing store = CSS size × devicePixelRatio.
// [X] Font atlas rebuilt at the new ratio when it changes (browser zoom, moving screens).
// [X] Draws only while something changes (input, data, resize); idle costs no CPU.
// [X] Readable error in the app when the data cannot be loaded; the page (shell/) handles
//     missing WebAssembly/WebGL2 and files that fail to download.
#include <SDL.h>
#include <SDL_opengles2.h>
#include <emscripten.h>
#include <emscripten/html5.h>

#include <iterator>
#include <string>

#include <nlohmann/json.hpp>

#include <map>

#include "client/sync_client.hpp"
#include "core/commands/command.hpp"
#include "core/data_format.hpp"
#include "core/demo_trust.hpp"
#include "imgui.h"
#include "imgui_impl_opengl3.h"
#include "imgui_impl_sdl2.h"
#include "platform/frame_stats.hpp"
#include "platform/input_queue.hpp"
#include "ui/app.hpp"
#include "ui/downloads.hpp"
#include "ui/widgets.hpp"

namespace {

struct Platform {
    SDL_Window* window = nullptr;
    SDL_GLContext gl = nullptr;
    sb::ui::App* app = nullptr;
    sb::client::SyncClient* sync = nullptr;
    sb::FrameStats stats;   // CPU ms per drawn frame
    int frames_to_draw = 3;     // ImGui needs a couple of frames to settle after each change
    bool announced_ready = false;
    double css_w = 0, css_h = 0;
    // Files asked for with the browser's picker, by tag, until js_choose_file answers.
    struct FileRequest {
        sb::ui::FileDone done;
        size_t max = 0;
    };
    std::map<int, FileRequest> file_requests;
    int file_tag = 0;
};
Platform g;

void request_frames(int n = 3) { g.frames_to_draw = std::max(g.frames_to_draw, n); }

// The phone keyboard (shell.js): the page's hidden input is focused by the touch handler itself;
// here it is let go once ImGui no longer wants text, so the keyboard closes with the field.
EM_JS(void, js_release_keyboard, (), {
    const input = document.getElementById('keyboard');
    if (input && document.activeElement === input) input.blur();
});

// The accessibility mirror (ui/access_mirror.hpp), rendered as a hidden DOM by shell/mirror.js.
EM_JS(void, js_mirror, (const char* json), { if (window.shiftbankMirror) window.shiftbankMirror.update(UTF8ToString(json)); });

// shell/sync.js only carries bytes: HTTP requests the sync client (src/client) asks for, and storage
// that outlives the page. The answers come back through sb_http_response and sb_sync_start.
EM_JS(void, js_sync_start, (), { window.shiftbankSync.start(); });
// "Copy link": the page's clipboard (SDL has none on the web). It needs the person's click, which
// it has: ImGui handles the click in the same event.
EM_JS(void, js_copy_text, (const char* text), {
    const t = UTF8ToString(text);
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(t).catch(() => {});
    window.shiftbankCopied = t;   // what the tests read back
});

EM_JS(void, js_http, (int tag, const char* method, const char* path, const char* body, const char* token, int stream), {
    window.shiftbankSync.request(tag, UTF8ToString(method), UTF8ToString(path), UTF8ToString(body), UTF8ToString(token), stream !== 0);
});
EM_JS(void, js_save, (const char* key, const char* value), { window.shiftbankSync.save(UTF8ToString(key), UTF8ToString(value)); });
EM_JS(void, js_query_text, (const char* name, char* out, int n), {
    const v = new URLSearchParams(location.search).get(UTF8ToString(name));
    stringToUTF8(v === null ? String() : v.slice(0, n - 1), out, n);
});
// A random prefix for this page's command ids, so two browsers never make the same id.
EM_JS(void, js_random_hex, (char* out, int n), {
    const bytes = new Uint8Array(n / 2);
    crypto.getRandomValues(bytes);
    stringToUTF8(Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(String()), out, n + 1);
});

EM_JS(int, js_query_int, (const char* name, int fallback), {
    const v = new URLSearchParams(location.search).get(UTF8ToString(name));
    const n = v === null ? NaN : parseInt(v, 10);
    return Number.isFinite(n) ? n : fallback;
});

// ?role=manager|clinician|admin and ?view=home|rota|open|mine|reports: a link can open a given screen.
EM_JS(int, js_query_choice, (const char* name, const char* options), {
    const v = new URLSearchParams(location.search).get(UTF8ToString(name));
    return v === null ? -1 : UTF8ToString(options).split(',').indexOf(v);
});

// With a server the signed-in account decides the role (sync.js signs in as the demo account for ?role);
// without one (a generated demo, a static copy) the role switch is local.
void apply_url_choices(bool local_role = true) {
    const int role = local_role ? js_query_choice("role", "admin,manager,clinician") : -1;
    if (role >= 0) g.app->sign_in_as(sb::Role(role));
    const int view = js_query_choice("view", "home,rota,open,mine,reports,staff");
    if (view >= 0) g.app->session().view = sb::ui::View(view);
}

// The person's display settings (text size, high contrast), remembered by this browser.
EM_JS(int, js_pref_get, (const char* name), {
    try {
        const v = localStorage.getItem('shiftbank.' + UTF8ToString(name));
        return v === null ? -1 : (parseInt(v, 10) | 0);
    } catch (e) { return -1; }
});
EM_JS(void, js_pref_set, (const char* name, int value), {
    try { localStorage.setItem('shiftbank.' + UTF8ToString(name), String(value)); } catch (e) {}
});
EM_JS(int, js_prefers_more_contrast, (), { return window.matchMedia && matchMedia('(prefers-contrast: more)').matches ? 1 : 0; });

// ?contrast=normal|high and ?text=normal|large|largest win over what was remembered; high contrast is
// also on when the system asks for more contrast and nothing was chosen here.
void load_display_settings(sb::ui::Session& s) {
    const int contrast = js_query_choice("contrast", "normal,high");
    const int remembered = js_pref_get("contrast");
    s.high_contrast = contrast >= 0 ? contrast == 1 : remembered >= 0 ? remembered == 1 : js_prefers_more_contrast() == 1;
    const float scales[] = {1.0f, 1.2f, 1.4f};
    const int text = js_query_choice("text", "normal,large,largest");
    const int text_remembered = js_pref_get("text");
    if (text >= 0) s.text_scale = scales[text];
    else if (text_remembered >= 0 && text_remembered < 3) s.text_scale = scales[text_remembered];
    // ?a11y=1 turns screen reader support on (a link a trust can hand out), ?a11y=0 off (to measure
    // what it costs); otherwise it is as this browser last had it, and off the first time.
    const int a11y = js_query_int("a11y", -1), a11y_remembered = js_pref_get("a11y");
    s.screen_reader = a11y >= 0 ? a11y != 0 : a11y_remembered == 1;
}

void save_display_settings(const sb::ui::Session& s) {
    static int contrast = -2, text = -2, reader = -2;
    const int c = s.high_contrast ? 1 : 0, t = s.text_scale >= 1.39f ? 2 : s.text_scale >= 1.19f ? 1 : 0;
    const int r = s.screen_reader ? 1 : 0;
    if (contrast == -2) contrast = c, text = t, reader = r;   // as loaded: remember only what the person changes
    if (c != contrast) js_pref_set("contrast", contrast = c);
    if (t != text) js_pref_set("text", text = t);
    if (r != reader) js_pref_set("a11y", reader = r);
}

EM_JS(int, js_today_days, (), {
    // Days since 1970-01-01 of the browser's local date (what "today" means to the person).
    const d = new Date();
    return Math.floor(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / 86400000);
});

// A download from the page: a Blob, an object URL and a temporary <a download> (shared WEB-NOTES §5).
EM_JS(void, js_download, (const char* name, const char* mime, const char* data, int size), {
    const bytes = HEAPU8.slice(data, data + size);
    const url = URL.createObjectURL(new Blob([bytes], {type: UTF8ToString(mime)}));
    const a = document.createElement('a');
    a.href = url;
    a.download = UTF8ToString(name);
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    if (window.shiftbankTest) window.shiftbankTest.lastDownload = {name: a.download, size};
});

// The browser's file picker: the chosen file's bytes come back through sb_file_chosen (size -1
// when it is larger than `max`, so a huge file is never read into memory).
EM_JS(void, js_choose_file, (const char* accept, double max, int tag), {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = UTF8ToString(accept);
    input.style.position = 'fixed';
    input.style.left = '-1000px';
    document.body.appendChild(input);
    input.addEventListener('change', () => {
        const file = input.files && input.files[0];
        input.remove();
        if (!file) return;
        const give = (bytes, size) => {
            const nameSize = lengthBytesUTF8(file.name) + 1;
            const name = Module._malloc(nameSize);
            stringToUTF8(file.name, name, nameSize);
            const ptr = bytes ? Module._malloc(Math.max(1, bytes.length)) : 0;
            if (bytes) HEAPU8.set(bytes, ptr);
            Module._sb_file_chosen(tag, name, ptr, size);
            if (ptr) Module._free(ptr);
            Module._free(name);
        };
        if (file.size > max) return give(null, -1);
        file.arrayBuffer().then((b) => give(new Uint8Array(b), b.byteLength), () => give(null, -2));
    });
    if (window.shiftbankTest) window.shiftbankTest.fileInput = input;   // for browser tests: setInputFiles
    input.click();
});

EM_JS(void, js_mark_ready, (), {
    if (window.shiftbankTest) window.shiftbankTest.ready = true;
    if (typeof Module.onFirstFrame === 'function') Module.onFirstFrame();
});

void follow_canvas_size() {
    double w = 0, h = 0;
    emscripten_get_element_css_size("#canvas", &w, &h);
    const float ratio = float(emscripten_get_device_pixel_ratio());
    if (w != g.css_w || h != g.css_h) {
        g.css_w = w;
        g.css_h = h;
        SDL_SetWindowSize(g.window, int(w), int(h));
        request_frames();
    }
    if (g.app->update_fonts(ratio)) {
        // SDL only re-reads the ratio on a resize: force one so the backing store matches.
        SDL_SetWindowSize(g.window, int(w) + 1, int(h));
        SDL_SetWindowSize(g.window, int(w), int(h));
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
        request_frames();
    }
}

void main_loop(void*) {
    if (g.sync) {
        g.sync->tick(int64_t(emscripten_get_now()));   // retries after a failure
        g.app->set_sync_status(g.sync->status());
    }
    SDL_Event event;
    while (SDL_PollEvent(&event)) {
        ImGui_ImplSDL2_ProcessEvent(&event);
        request_frames();
    }
    follow_canvas_size();
    if (g.frames_to_draw <= 0) return;   // idle: nothing changed, draw nothing
    --g.frames_to_draw;

    const double t0 = emscripten_get_now();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    ImGui::NewFrame();
    g.app->frame();
    ImGui::Render();
    if (g.app->mirror_changed()) js_mirror(g.app->mirror_json().c_str());
    save_display_settings(g.app->session());
    if (sb::platform::imgui_input_queued()) request_frames(1);
    if (sb::ui::layout_settling()) request_frames(3);   // a card that just appeared sizes itself
    static bool wanted_text = false;
    if (wanted_text && !ImGui::GetIO().WantTextInput) js_release_keyboard();
    wanted_text = ImGui::GetIO().WantTextInput;
    const double t1 = emscripten_get_now();
    int fb_w = 0, fb_h = 0;
    SDL_GL_GetDrawableSize(g.window, &fb_w, &fb_h);
    glViewport(0, 0, fb_w, fb_h);
    glClearColor(0.94f, 0.957f, 0.961f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    // Two figures: the app's own CPU work (NewFrame to Render), and handing the draw data to WebGL,
    // which under a software GL (SwiftShader in CI) waits for the rasteriser and says little about us.
    g.stats.add(t1 - t0, emscripten_get_now() - t1);

    // Ready once a frame with the data, a load failure or the sign-in screen has been drawn.
    if (!g.announced_ready && (g.app->finished_loading() || g.app->signing_in())) {
        g.announced_ready = true;
        js_mark_ready();
    }
}

}  // namespace

extern "C" {

// An answer to a request of the sync client: status 0 when there was none (offline); `date` is the
// Date header in seconds (the server's clock).
EMSCRIPTEN_KEEPALIVE void sb_http_response(int tag, int status, const char* body, double date) {
    if (!g.sync) return;
    g.sync->on_response(tag, {status, body, int64_t(date)});
    g.app->set_sync_status(g.sync->status());
    request_frames();
}

// What sync.js kept from earlier visits (the sign-in, changes not yet answered): start the sync.
EMSCRIPTEN_KEEPALIVE void sb_sync_start(const char* saved_json) {
    std::map<std::string, std::string> saved;
    const nlohmann::json j = nlohmann::json::parse(saved_json, nullptr, false);
    if (j.is_object())
        for (auto it = j.begin(); it != j.end(); ++it)
            if (it->is_string()) saved[it.key()] = it->get<std::string>();
    char data[512], user[96], role[32];
    js_query_text("data", data, sizeof data);
    js_query_text("user", user, sizeof user);
    js_query_text("role", role, sizeof role);
    g.sync->start(saved, {data, user, role, true});
    request_frames();
}

// One line of a streamed answer (the change feed), as it arrives.
EMSCRIPTEN_KEEPALIVE void sb_http_part(int tag, const char* line) {
    if (!g.sync) return;
    g.sync->on_part(tag, line);
    g.app->set_sync_status(g.sync->status());
    request_frames();
}

// The file the person picked in js_choose_file: bytes, or size -1 (too large) or -2 (unreadable).
EMSCRIPTEN_KEEPALIVE void sb_file_chosen(int tag, const char* name, const char* bytes, int size) {
    auto it = g.file_requests.find(tag);
    if (it == g.file_requests.end()) return;
    sb::ui::FileDone done = std::move(it->second.done);
    const size_t max = it->second.max;
    g.file_requests.erase(it);
    sb::ui::ChosenFile f;
    f.name = name;
    if (size == -1) f.error = "The file is larger than " + std::to_string(max >> 20) + " MiB";
    else if (size < 0) f.error = "The file could not be read";
    else f.bytes.assign(bytes, size_t(size));
    done(std::move(f));
    request_frames();
}

EMSCRIPTEN_KEEPALIVE void sb_sync_online() {
    if (g.sync) g.sync->retry_now();
    request_frames();
}

// For browser tests: a command as if made in the app ({type, payload}); returns the result JSON.
EMSCRIPTEN_KEEPALIVE const char* sb_test_submit(const char* type, const char* payload) {
    static std::string out;
    nlohmann::json p = nlohmann::json::parse(payload, nullptr, false);
    if (!p.is_object()) p = nlohmann::json::object();
    out = sb::to_json(g.app->submit(type, std::move(p), std::string("Test: ") + type)).dump();
    request_frames();
    return out.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* sb_test_state() {
    static std::string out;
    nlohmann::json j = g.app->summary();
    // Input the browser has delivered but the app has not acted on yet (SDL's queue, then ImGui's,
    // which hands fast typing over a few frames): a test reads a field only once this is 0, since
    // "Medicine" then Backspace passes through "Medicin" on the way.
    j["input_pending"] = SDL_PeepEvents(nullptr, 0, SDL_PEEKEVENT, SDL_FIRSTEVENT, SDL_LASTEVENT) +
                         int(sb::platform::imgui_input_queued());
    out = sb::ui::App::dump_summary(j);
    return out.c_str();
}

// For browser tests: the core's answer to "would this be allowed?" ({type, payload}), as the UI asks it.
EMSCRIPTEN_KEEPALIVE const char* sb_test_preview(const char* type, const char* payload) {
    static std::string out;
    nlohmann::json p = nlohmann::json::parse(payload, nullptr, false);
    if (!p.is_object()) p = nlohmann::json::object();
    out = sb::to_json(g.app->preview(type, p)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return out.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* sb_test_open_shifts() {
    static std::string out;
    nlohmann::json ids = nlohmann::json::array();
    for (const sb::Shift& s : g.app->state().shifts)
        if (s.status == sb::ShiftStatus::Open && ids.size() < 500) ids.push_back(s.id);
    out = ids.dump();
    return out.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* sb_test_audit() {
    static std::string out;
    out = g.app->audit_shown_json();
    return out.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* sb_test_state_hash() {
    static std::string out;
    out = g.app->state_hash_text();
    return out.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* sb_test_frame_stats() {
    static std::string out;
    out = g.stats.json();
    return out.c_str();
}

EMSCRIPTEN_KEEPALIVE int sb_test_frame_count() { return int(g.stats.frames()); }

EMSCRIPTEN_KEEPALIVE const char* sb_test_cell_rect(const char* staff, const char* date) {
    static std::string out;
    out = g.app->cell_rect_json(staff, date);
    return out.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* sb_test_sample_cells() {
    static std::string out;
    out = g.app->sample_cells_json();
    return out.c_str();
}

// The phone keyboard bridge (shell.js): is (x, y) in CSS pixels on a text field drawn last frame?
EMSCRIPTEN_KEEPALIVE int sb_text_field_at(float x, float y) { return g.app->text_field_at(x, y) ? 1 : 0; }

// Text typed on the phone keyboard (UTF-8, any script), delivered by the hidden input's events.
EMSCRIPTEN_KEEPALIVE void sb_text_input(const char* utf8) {
    ImGui::GetIO().AddInputCharactersUTF8(utf8);
    request_frames();
}

// Keys that edit rather than type: 0 Backspace, 1 Enter, 2 Tab, 3 Escape, 4 Left, 5 Right.
EMSCRIPTEN_KEEPALIVE void sb_key(int which) {
    static const ImGuiKey keys[] = {ImGuiKey_Backspace, ImGuiKey_Enter, ImGuiKey_Tab, ImGuiKey_Escape, ImGuiKey_LeftArrow, ImGuiKey_RightArrow};
    if (which < 0 || which >= int(std::size(keys))) return;
    ImGuiIO& io = ImGui::GetIO();
    io.AddKeyEvent(keys[which], true);   // down and up in one go: ImGui trickles them over two frames
    io.AddKeyEvent(keys[which], false);
    request_frames();
}

// What a screen reader or the keyboard did on the mirror's DOM: ImGui follows.
EMSCRIPTEN_KEEPALIVE void sb_a11y_focus(unsigned id) {
    g.app->mirror_focus(id);
    request_frames();
}
// Returns 1 when the app took the key (the page then stops the browser's own use of it).
EMSCRIPTEN_KEEPALIVE int sb_a11y_key(const char* key, int ctrl, int shift) {
    const bool taken = g.app->mirror_key(key, ctrl != 0, shift != 0);
    if (taken) request_frames();
    return taken ? 1 : 0;
}
// The page's "Turn on screen reader support" button (shell/mirror.js): the mirror is drawn from the next frame.
EMSCRIPTEN_KEEPALIVE void sb_a11y_enable() {
    g.app->session().screen_reader = true;
    request_frames(2);
}
EMSCRIPTEN_KEEPALIVE void sb_a11y_activate(unsigned id) {
    g.app->mirror_activate(id);
    request_frames();
}
EMSCRIPTEN_KEEPALIVE void sb_a11y_value(unsigned id, const char* utf8) {
    g.app->mirror_value(id, utf8);
    request_frames();
}

EMSCRIPTEN_KEEPALIVE const char* sb_test_item_rect(const char* prefix) {
    static std::string out;
    out = g.app->widget_json(prefix, false);
    return out.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* sb_test_text_fields() {
    static std::string out;
    out = g.app->widget_json("", true);
    return out.c_str();
}

}  // extern "C"

int main() {
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        EM_ASM({ Module.showError && Module.showError('The display could not be started: ' + UTF8ToString($0)); }, SDL_GetError());
        return 1;
    }
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
    SDL_SetHint(SDL_HINT_EMSCRIPTEN_KEYBOARD_ELEMENT, "#canvas");   // leave the rest of the page's keys alone
    double w = 1280, h = 800;
    emscripten_get_element_css_size("#canvas", &w, &h);
    g.css_w = w;
    g.css_h = h;
    g.window = SDL_CreateWindow("Shiftbank", SDL_WINDOWPOS_UNDEFINED, SDL_WINDOWPOS_UNDEFINED, int(w), int(h),
                                SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    g.gl = g.window ? SDL_GL_CreateContext(g.window) : nullptr;
    if (!g.gl) {
        EM_ASM({ Module.showError && Module.showError('WebGL2 could not be started: ' + UTF8ToString($0)); }, SDL_GetError());
        return 1;
    }
    SDL_GL_MakeCurrent(g.window, g.gl);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;   // layout is the app's, not a file's
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    static sb::ui::App app("/assets/fonts");
    sb::ui::set_download_handler([](const std::string& name, const std::string& mime, const std::string& data) {
        js_download(name.c_str(), mime.c_str(), data.data(), int(data.size()));
    });
    sb::ui::set_file_chooser([](const std::string& accept, size_t max, sb::ui::FileDone done) {
        const int tag = ++g.file_tag;
        g.file_requests[tag] = {std::move(done), max};
        js_choose_file(accept.c_str(), double(max), tag);
    });
    g.app = &app;
    app.session().today = sb::Date{js_today_days()};
    load_display_settings(app.session());
    app.update_fonts(float(emscripten_get_device_pixel_ratio()));
    ImGui_ImplSDL2_InitForOpenGL(g.window, g.gl);
    ImGui::GetIO().SetClipboardTextFn = [](void*, const char* text) { js_copy_text(text); };
    ImGui_ImplOpenGL3_Init("#version 300 es");

    // ?staff=N&weeks=W&seed=S opens a generated trust of that size without a server.
    const int staff = js_query_int("staff", 0);
    if (staff > 0) {
        sb::DemoOptions o;
        o.staff = std::min(staff, 20000);
        o.weeks = std::clamp(js_query_int("weeks", 4), 1, 12);
        o.seed = uint64_t(js_query_int("seed", 1));
        o.start = sb::monday_of(app.session().today);
        app.set_state(sb::make_demo_trust(o), "Generated demo");
        app.show_rota("*");   // the whole generated trust in one grid
        apply_url_choices();
    } else {
        // Live data: the sync client keeps the app's command store in step with the server (or opens
        // a static copy read-only); it decides, sync.js carries the bytes.
        char prefix[17];
        js_random_hex(prefix, 16);
        app.store().set_command_prefix(std::string("c") + prefix);
        static sb::client::SyncClient sync(app.store(), sb::client::SyncClient::Hooks{
            [](int tag, const sb::client::HttpRequest& r) {
                js_http(tag, r.method.c_str(), r.path.c_str(), r.body.c_str(), r.token.c_str(), r.stream ? 1 : 0);
            },
            [](const std::string& key, const std::string& value) { js_save(key.c_str(), value.c_str()); },
            [](std::vector<sb::client::DemoAccount> accounts, std::string message) { g.app->show_sign_in(std::move(accounts), std::move(message)); },
            [](std::string message, bool error) { g.app->tell(std::move(message), error); },
            [](std::string message) { g.app->set_load_failure(std::move(message)); },
            [](bool first, bool read_only) {
                g.app->data_loaded(first, read_only);
                if (first) apply_url_choices(read_only);
            }});
        g.sync = &sync;
        app.set_changed_handler([] {
            g.sync->changed();
            g.app->set_sync_status(g.sync->status());
        });
        app.set_account_handlers([](const std::string& u, const std::string& p) { g.sync->sign_in(u, p); }, [] { g.sync->sign_out(); });
        app.set_fetcher([](const std::string& method, const std::string& path, const std::string& body,
                           std::function<void(int, const std::string&)> done) { g.sync->request(method, path, body, std::move(done)); });
        js_sync_start();
    }
    emscripten_set_main_loop_arg(main_loop, nullptr, 0, false);
    return 0;
}
