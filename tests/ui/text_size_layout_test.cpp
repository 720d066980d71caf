// Nothing lost or overlapping at the Largest text size or at 200 % browser zoom (WCAG 1.4.4, 1.4.10):
// on every screen, for every role, no two controls or headings the accessibility mirror lists share
// pixels, and no control's label is wider than the control that draws it (so cut off). 200 % zoom
// of a 1280 × 800 window is a 640 × 400 CSS-pixel page, which is what the app is given then.
#include <doctest/doctest.h>

#include <algorithm>

#include "imgui_internal.h"
#include "every_screen.hpp"

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
        if (!checked_role(n.role) || n.container) continue;
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
