// Nothing lost or overlapping at the Largest text size or at 200 % browser zoom (WCAG 1.4.4, 1.4.10):
// on every screen, for every role, no two controls or headings the accessibility mirror lists share
// pixels, and no control's label is wider than the control that draws it (so cut off). 200 % zoom
// of a 1280 × 800 window is a 640 × 400 CSS-pixel page, which is what the app is given then.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <tuple>

#include "imgui_internal.h"
#include "every_screen.hpp"
#include "ui/icons.hpp"
#include "ui/layout.hpp"

using namespace sb;
using ARole = ui::a11y::Role;

namespace {
bool checked_role(ARole r) {
    switch (r) {
        case ARole::Button: case ARole::Link: case ARole::TextBox: case ARole::Password: case ARole::CheckBox:
        case ARole::ComboBox: case ARole::MenuItem: case ARole::Option: case ARole::Heading: case ARole::TableCell: return true;
        default: return false;
    }
}

std::string where(ui::View view, Role role) { return std::string(ui::view_title(view)) + " (" + std::string(to_string(role)) + ")"; }
std::string size(const ui::a11y::Node& n) { return std::to_string(int(n.w)) + "x" + std::to_string(int(n.h)) + "@" + std::to_string(int(n.x)) + "," + std::to_string(int(n.y)); }

// What is wrong with the page the mirror describes: controls or headings sharing pixels, a label
// wider than its control, a control cut by an edge that does not scroll.
std::vector<std::string> faults_in(const std::vector<ui::a11y::Node>& nodes, float width, float height, const std::string& where) {
    std::vector<std::string> out;
    std::vector<const ui::a11y::Node*> shown;
    for (const auto& n : nodes) {
        // A rota row's header is measured as far as its words go (name, grade and hours); its
        // rectangle is the row's, so only its words are checked.
        if (n.role == ARole::RowHeader && !n.cut && n.label_w > n.w + 1)
            out.push_back(where + ": \"" + n.name + "\" cut off, " + std::to_string(int(n.label_w)) + " px of words in " + size(n));
        // Words the mirror places (the rota's counts) are checked like controls: nothing drawn over them.
        const bool placed_words = n.role == ARole::Text && n.w > 0 && n.h > 0;
        if (!(checked_role(n.role) || placed_words) || n.container) continue;
        if (n.cut_off) out.push_back(where + ": \"" + n.name + "\" cut off at the edge of its column or window, " + size(n));
        // Wholly shown: one scrolled half out of its window comes into view when scrolled; one past
        // the page's side (where nothing scrolls sideways) is lost.
        if (n.cut || n.y < 0 || n.y + n.h > height) continue;
        if (n.x < -1 || n.x + std::min(n.w, n.label_w > 0 ? n.label_w : n.w) > width + 1) {
            out.push_back(where + ": \"" + n.name + "\" past the page's side, " + size(n));
            continue;
        }
        shown.push_back(&n);
        if (n.role != ARole::Heading && n.role != ARole::TextBox && n.label_w > n.w + 1)
            out.push_back(where + ": \"" + n.name + "\" cut off, " + std::to_string(int(n.label_w)) + " px of words in " + size(n));
    }
    for (size_t i = 0; i < shown.size(); ++i)
        for (size_t j = i + 1; j < shown.size(); ++j) {
            const auto &a = *shown[i], &b = *shown[j];
            const float ox = std::min(a.x + a.w, b.x + b.w) - std::max(a.x, b.x);
            const float oy = std::min(a.y + a.h, b.y + b.h) - std::max(a.y, b.y);
            if (ox > 1 && oy > 1) out.push_back(where + ": \"" + a.name + "\" " + size(a) + " overlaps \"" + b.name + "\" " + size(b));
        }
    return out;
}

// Every fault on every screen, for every role, at this page size and text size.
std::vector<std::string> layout_faults(float width, float height, float text_scale, bool touch) {
    std::vector<std::string> out;
    test::for_every_screen(width, height, touch, text_scale, [&](headless::HeadlessUi& ui, ui::View view, Role role) {
        const auto found = faults_in(ui.app().mirror().nodes(), width, height, where(view, role));
        out.insert(out.end(), found.begin(), found.end());
    });
    return out;
}
}  // namespace

// The check itself finds what it looks for: a button too narrow for its words, one over another,
// words running past a fixed column.
TEST_CASE("the layout check finds a cut-off label, an overlap and words past a column's edge") {
    headless::HeadlessUi ui(640, 400, SHIFTBANK_FONT_DIR);
    ui::a11y::Mirror mirror;
    mirror.set_enabled(true);
    ui::a11y::set_current(&mirror);
    ImGui::GetIO().DeltaTime = 1.0f / 60;
    ImGui::NewFrame();
    GImGui->TestEngineHookItems = true;
    mirror.begin_frame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(640, 400));
    ImGui::Begin("page");
    ImGui::Button("Approve swap", ImVec2(40, 30));
    ImGui::SetCursorPos(ImVec2(20, 100));
    ImGui::Button("Decline");
    ImGui::SetCursorPos(ImVec2(30, 105));
    ImGui::Button("Later");
    if (ImGui::BeginTable("t", 2)) {
        ImGui::TableSetupColumn("a", ImGuiTableColumnFlags_WidthFixed, 60);
        ImGui::TableSetupColumn("b", ImGuiTableColumnFlags_WidthFixed, 60);
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::Button("Post to the bank");
        ImGui::EndTable();
    }
    ImGui::End();
    mirror.end_frame();
    ImGui::Render();
    ui::a11y::set_current(nullptr);
    const auto faults = faults_in(mirror.nodes(), 640, 400, "page");
    for (const auto& f : faults) MESSAGE(f);
    auto has = [&](const std::string& part) { return std::any_of(faults.begin(), faults.end(), [&](const std::string& f) { return f.find(part) != std::string::npos; }); };
    CHECK(has("\"Approve swap\" cut off, "));
    CHECK(has("\"Decline\" 63x27@20,100 overlaps \"Later\""));
    CHECK(has("\"Post to the bank\" cut off at the edge of its column"));
}

TEST_CASE("at the Largest text size nothing on any screen overlaps or is cut off, on a desktop") {
    const auto faults = layout_faults(1280, 800, 1.4f, false);
    for (const auto& f : faults) MESSAGE(f);
    CHECK(faults.empty());
}

TEST_CASE("at 200 % browser zoom (a 640 x 400 page) nothing on any screen overlaps or is cut off") {
    const auto faults = layout_faults(640, 400, 1.0f, false);
    for (const auto& f : faults) MESSAGE(f);
    CHECK(faults.empty());
}

TEST_CASE("at the Largest text size nothing on any screen overlaps or is cut off, on a phone") {
    const auto faults = layout_faults(390, 844, 1.4f, true);
    for (const auto& f : faults) MESSAGE(f);
    CHECK(faults.empty());
}

TEST_CASE("at the Normal text size nothing on any screen overlaps or is cut off, on a desktop or a phone") {
    auto faults = layout_faults(1280, 800, 1.0f, false);
    const auto phone = layout_faults(390, 844, 1.0f, true);
    faults.insert(faults.end(), phone.begin(), phone.end());
    for (const auto& f : faults) MESSAGE(f);
    CHECK(faults.empty());
}

// The rota's status bar (the counts, breaches, warnings and the history) is where words once ran
// over each other ("Last change…" over the breach counts); the top bar's and the toolbar's ran past
// the page's side or under each other at 700–768 px in large text. At every page width from a phone's to a
// wide desktop's and at every text size, with breaches and warnings on the rota, no words or links
// in it overlap each other or anything else, and none runs past the page's side.
TEST_CASE("the rota's status bar, toolbar and top bar: nothing overlaps at any width from 390 to 1920 px and at every text size") {
    int checked = 0;
    std::vector<std::string> faults;
    for (float width : {390.0f, 430.0f, 540.0f, 699.0f, 700.0f, 768.0f, 900.0f, 1024.0f, 1280.0f, 1440.0f, 1920.0f})
        for (float scale : {1.0f, 1.2f, 1.4f}) {
            const bool touch = width < ui::kPhoneWidth;
            headless::HeadlessUi ui(width, 844, SHIFTBANK_FONT_DIR);
            if (touch) ImGui::GetIO().AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
            if (scale != 1.0f) ui.set_text_scale(scale);
            ui.app().set_accessibility(true);
            ui.load_demo(40, 2);
            ui.app().sign_in_as(Role::Manager);
            ui.app().session().view = ui::View::Rota;
            client::SyncClient::Status live;   // the top bar's words as on a live server
            live.connected = true, live.last_synced = "12:50";
            ui.app().set_sync_status(live);
            for (int i = 0; i < 4; ++i) ui.frame();
            // On a phone in large text the page scrolls: scrolled to its end, the bar is all shown.
            for (int i = 0; i < 8; ++i) {
                ui.mouse_move(width / 2, 844 - 100);
                ImGui::GetIO().AddMouseWheelEvent(0, -10);
                ui.frame();
            }
            ui.frame();
            const auto& nodes = ui.app().mirror().nodes();
            const std::string at = std::to_string(int(width)) + " px, text x" + std::to_string(scale).substr(0, 3);
            // The bar is all there: the counts, both rule links, the history.
            // A node drawn on the page whose name starts with `start` and ends with (or holds) `end`.
            auto find = [&](const std::string& start, const std::string& end = "", bool anywhere = false) {
                return std::find_if(nodes.begin(), nodes.end(), [&](const ui::a11y::Node& n) {
                    const bool ends = n.name.size() >= end.size() && n.name.compare(n.name.size() - end.size(), end.size(), end) == 0;
                    return n.name.rfind(start, 0) == 0 && (anywhere ? n.name.find(end) != std::string::npos : ends) && n.w > 0;
                });
            };
            const auto staff = find("", " staff"), history = find("", "History");
            REQUIRE_MESSAGE(staff != nodes.end(), at);
            REQUIRE_MESSAGE(history != nodes.end(), at);
            REQUIRE_MESSAGE(find("(") != nodes.end(), at);   // "(N in the bank · B, N agency · A)"
            REQUIRE_MESSAGE(find("", " breach", true) != nodes.end(), at);
            REQUIRE_MESSAGE(find("", " warning", true) != nodes.end(), at);
            if (width >= 1280) REQUIRE_MESSAGE(find("Online \xC2\xB7 synced 12:50") != nodes.end(), at);   // the top bar's words are checked too
            // Its lines are below the grid's last drawn row and above the page's bottom edge.
            CHECK_MESSAGE(history->y + history->h <= 844 + 1, at);
            checked += int(std::count_if(nodes.begin(), nodes.end(), [](const ui::a11y::Node& n) { return !n.container && n.w > 0; }));
            // The whole page is checked: the top bar and the toolbar wrap at the same widths.
            const auto found = faults_in(nodes, width, 844, "Rota at " + at);
            faults.insert(faults.end(), found.begin(), found.end());
        }
    for (const auto& f : faults) MESSAGE(f);
    CHECK(faults.empty());
    CHECK(checked >= 11 * 3 * 5);
}

// The forms a clinician fills in on My rota (leave with its calendar, availability, the calendar
// subscription), open together at the Largest text size: nothing overlaps, nothing is cut off.
TEST_CASE("at the Largest text size the leave, availability and calendar forms overlap nothing and lose no words, on a desktop and a phone") {
    std::vector<std::string> faults;
    int checked = 0;
    for (const auto& [width, height, touch] : {std::tuple{1280.0f, 800.0f, false}, std::tuple{390.0f, 844.0f, true}, std::tuple{640.0f, 400.0f, false}}) {
        headless::HeadlessUi ui(width, height, SHIFTBANK_FONT_DIR);
        if (touch) ImGui::GetIO().AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
        ui.set_text_scale(1.4f);
        ui.app().set_accessibility(true);
        ui.load_demo(40, 2);
        ui.app().sign_in_as(Role::Clinician);
        ui.app().session().view = ui::View::MyRota;
        auto& m = ui.app().my_rota_screen();
        m.leave_form = m.availability_form = m.calendar_form = true;
        m.leave_first = m.leave_last = ui.app().session().today + 14;
        m.availability_date = ui.app().session().today + 3;
        for (int i = 0; i < 4; ++i) ui.frame();
        // Down the page a step at a time, so every part of the forms is checked where it is shown whole.
        std::set<std::string> seen;
        for (int page = 0; page < 40; ++page) {
            const auto& nodes = ui.app().mirror().nodes();
            for (const auto& n : nodes)
                if (!n.cut && n.w > 0 && n.y >= 0 && n.y + n.h <= height) seen.insert(n.name);
            const std::string at = std::to_string(int(width)) + " px, page " + std::to_string(page + 1);
            checked += int(std::count_if(nodes.begin(), nodes.end(), [&](const ui::a11y::Node& n) { return !n.cut && n.y >= 0 && n.y + n.h <= height && n.w > 0; }));
            const auto found = faults_in(nodes, width, height, "My rota's forms at " + at);
            faults.insert(faults.end(), found.begin(), found.end());
            ui.mouse_move(width - 30, height / 2);
            ImGui::GetIO().AddMouseWheelEvent(0, -1);
            ui.frame();
            ui.frame();
        }
        // Each form was on the page, whole, at some point: its last control and a day of the calendar.
        for (const std::string last : {"Send request", "Not available that day"}) CHECK_MESSAGE(seen.count(last), width << " px: " << last);
        const Date day = ui.app().session().today + 20;
        const std::string day_name = format_weekday_day_month(day) + " " + std::to_string(civil(day).year);
        CHECK_MESSAGE(std::any_of(seen.begin(), seen.end(), [&](const std::string& n) { return n.rfind(day_name, 0) == 0; }), width << " px: " << day_name);
    }
    for (const auto& f : faults) MESSAGE(f);
    CHECK(faults.empty());
    CHECK(checked > 100);
}
