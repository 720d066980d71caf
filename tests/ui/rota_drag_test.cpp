// Dragging shifts on the rota with real ImGui input: the move command is issued and the state
// changes; a blocked drop changes nothing and says why; Ctrl+Z undoes.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <optional>
#include <tuple>

#include "core/booking.hpp"
#include "core/demo_trust.hpp"
#include "core/rules/rules_engine.hpp"
#include "platform/headless/headless_ui.hpp"

using namespace sb;
using json = nlohmann::json;

namespace {
struct RotaUi {
    headless::HeadlessUi ui{1280, 800, SHIFTBANK_FONT_DIR};
    RotaUi() {
        DemoOptions o;
        o.staff = 60;
        o.weeks = 2;
        ui.app().set_state(make_demo_trust(o), "test");
        ui.app().session().today = ui.app().state().period_start;
        ui.set_clock(ui.app().state().period_start, 6 * 60);
        ui.frame();
        ui.frame();
    }
    ImVec2 centre(const std::string& staff, const std::string& date) {
        const json r = json::parse(ui.app().cell_rect_json(staff, date));
        REQUIRE_MESSAGE(!r.is_null(), "cell not on screen: " << staff << " " << date);
        return ImVec2(r["x"].get<float>() + r["w"].get<float>() / 2, r["y"].get<float>() + r["h"].get<float>() / 2);
    }
    // Press on one cell, move in steps, release on another: what a hand does.
    void drag(ImVec2 from, ImVec2 to) {
        ui.mouse_move(from.x, from.y);
        ui.frame();
        ui.mouse_button(true);
        ui.frame();
        for (int i = 1; i <= 8; ++i) {
            ui.mouse_move(from.x + (to.x - from.x) * float(i) / 8, from.y + (to.y - from.y) * float(i) / 8);
            ui.frame();
        }
        ui.mouse_button(false);
        ui.frame();
        ui.frame();
    }
    const Shift& shift(const std::string& id) { return *ui.app().state().find_shift(id); }
    // A visible shift and another person's busy cell on the same day: a drop the rules block
    // (a double booking at least).
    struct Move {
        std::string shift, to_staff;
        Date to_date;
    };
    Move blocked_move() {
        const auto& cells = ui.app().visible_cells();
        for (const auto& from : cells) {
            if (!from.has_shift || from.staff.empty()) continue;
            for (const auto& to : cells)
                if (to.has_shift && !to.staff.empty() && to.staff != from.staff && to.date == from.date)
                    return {from.shift, to.staff, to.date};
        }
        FAIL("no blocked move on screen");
        return {};
    }
};
}  // namespace

TEST_CASE("dragging a shift to another person's empty cell moves it, and Ctrl+Z undoes it") {
    RotaUi r;
    const json sample = json::parse(r.ui.app().sample_cells_json());
    REQUIRE(!sample.is_null());
    const std::string id = sample["from"]["shift"];
    const Shift before = r.shift(id);
    const int64_t revision = r.ui.app().state().revision;

    r.drag(r.centre(sample["from"]["staff"], sample["from"]["date"]), r.centre(sample["to"]["staff"], sample["to"]["date"]));

    CHECK(r.ui.app().state().revision == revision + 1);
    CHECK(r.shift(id).assignee == sample["to"]["staff"].get<std::string>());
    CHECK(format_date(r.shift(id).start.date) == sample["to"]["date"].get<std::string>());
    CHECK(r.ui.app().last_message().rfind("Moved ", 0) == 0);

    ImGui::GetIO().AddKeyEvent(ImGuiMod_Ctrl, true);
    ImGui::GetIO().AddKeyEvent(ImGuiKey_Z, true);
    r.ui.frame();
    ImGui::GetIO().AddKeyEvent(ImGuiKey_Z, false);
    ImGui::GetIO().AddKeyEvent(ImGuiMod_Ctrl, false);
    r.ui.frame();
    CHECK(r.shift(id).assignee == before.assignee);
    CHECK(r.shift(id).start == before.start);
    CHECK(r.ui.app().last_message().rfind("Undone: ", 0) == 0);
    // And redo puts it back.
    CHECK(r.ui.app().redo());
    CHECK(r.shift(id).assignee == sample["to"]["staff"].get<std::string>());
}

TEST_CASE("a drop that breaks a rule changes nothing and asks the manager for a reason") {
    RotaUi r;
    const auto [id, to_staff, to_date] = r.blocked_move();
    const Shift before = r.shift(id);
    const int64_t revision = r.ui.app().state().revision;
    r.drag(r.centre(before.assignee, format_date(before.start.date)), r.centre(to_staff, format_date(to_date)));
    CHECK(r.ui.app().state().revision == revision);
    CHECK(r.shift(id).assignee == before.assignee);
    REQUIRE(r.ui.app().pending_override().has_value());
    CHECK(!r.ui.app().pending_override()->message.empty());   // the rule, in words
}

TEST_CASE("the rota reports the demo's breaches in its status bar counts") {
    RotaUi r;
    const json s = json::parse(r.ui.app().summary_json());
    CHECK(s["loaded"] == true);
    CHECK(!r.ui.app().visible_cells().empty());
}

TEST_CASE("a rubber band from an empty cell selects the shifts it covers") {
    RotaUi r;
    const auto& cells = r.ui.app().visible_cells();
    // Start the band on an empty person cell and sweep over its row and the next few days.
    const ui::CellRect* start = nullptr;
    for (const auto& c : cells)
        if (!c.has_shift && !c.staff.empty()) {
            start = &c;
            break;
        }
    REQUIRE(start);
    const ImVec2 a(start->min.x + 10, start->min.y + 10);
    const ImVec2 b(a.x + 300, a.y + 100);
    r.drag(a, b);
    const auto& selected = r.ui.app().summary_json();
    CHECK(json::parse(selected)["selected"].get<int>() > 0);
    CHECK(r.ui.app().state().revision == 0);   // selecting changes nothing
}

TEST_CASE("typing a reason in the override dialog moves the shift, and the audit trail keeps rule and reason") {
    RotaUi r;
    const auto [id, to_staff, to_date] = r.blocked_move();
    const Shift before = r.shift(id);
    r.drag(r.centre(before.assignee, format_date(before.start.date)), r.centre(to_staff, format_date(to_date)));
    REQUIRE(r.ui.app().pending_override().has_value());
    // The reason field has keyboard focus when the dialog opens: type into it, then press the button.
    ImGui::GetIO().AddInputCharactersUTF8("Agreed with both; no one else on Zoë's ward");
    r.ui.frame();
    r.ui.frame();
    REQUIRE(r.ui.app().pending_override().has_value());
    // "Override and move" sits below the field at the dialog's left: click down that column until it applies.
    const ImVec2 centre(640, 400);
    for (float y = 300; y < 600 && r.ui.app().pending_override(); y += 12) r.ui.click(centre.x - 150, y);
    CHECK_FALSE(r.ui.app().pending_override().has_value());
    CHECK(r.shift(id).assignee == to_staff);
    REQUIRE(!r.ui.app().audit_trail().empty());
    const auto& entry = r.ui.app().audit_trail().back();
    CHECK(entry.override_reason == "Agreed with both; no one else on Zoë's ward");
    CHECK(!entry.overridden.empty());
    // The history opens from the status bar and lists it, newest first, in the core's sentence.
    REQUIRE(r.ui.click_widget("\xef\x80\x97  History"));
    CHECK(r.ui.app().rota_screen().audit_open);
    const auto& listing = r.ui.app().audit({});
    REQUIRE(listing.entries.size() == 1);
    const std::string manager = r.ui.app().state().find_user(r.ui.app().session().user)->name;
    CHECK(listing.entries[0].text.rfind(manager + " moved ", 0) == 0);
    CHECK(audit_sentence(listing.entries[0]).find("because: Agreed with both; no one else on Zoë's ward") != std::string::npos);
    // Filtered to overrides only it is still there; to another ward's changes, it is not.
    AuditFilter overrides;
    overrides.rule = "*";
    CHECK(r.ui.app().audit(overrides).entries.size() == 1);
    AuditFilter elsewhere;
    elsewhere.ward = "w99";
    CHECK(r.ui.app().audit(elsewhere).entries.empty());
    // Undo from the status bar puts the shift back, and says so.
    REQUIRE(r.ui.click_widget("\xef\x83\xa2  Undo##undo"));
    CHECK(r.shift(id).assignee == before.assignee);
    CHECK(r.ui.app().last_message().rfind("Undone: ", 0) == 0);
}

TEST_CASE("dragging a shift up to someone higher on the rota moves it too") {
    // The chip stays ImGui's active item until its own row handles the release, and rows above it are
    // drawn first: the drop used to be lost (issue 16: "dragging up does nothing, 3 of 3 tries").
    RotaUi r;
    const auto& cells = r.ui.app().visible_cells();
    std::optional<std::tuple<std::string, std::string, Date>> move;
    RulesEngine engine(r.ui.app().state());
    for (const auto& from : cells) {
        if (move || !from.has_shift || from.staff.empty()) continue;
        const Shift& s = r.shift(from.shift);
        if (s.start.date != from.date) continue;
        for (const auto& to : cells) {
            if (to.has_shift || to.staff.empty() || to.min.y >= from.min.y - 1 || to.min.y < 230) continue;
            const CandidateVerdict v = engine.check_candidate(moved_candidate(s, to.date, to.staff), to.staff, false);
            if (v.allowed && !v.warnings) {
                move = std::tuple{s.id, to.staff, to.date};
                break;
            }
        }
    }
    REQUIRE(move);
    const auto [id, to_staff, to_date] = *move;
    const Shift before = r.shift(id);
    r.drag(r.centre(before.assignee, format_date(before.start.date)), r.centre(to_staff, format_date(to_date)));
    CHECK(r.shift(id).assignee == to_staff);
    CHECK(r.ui.app().last_message().rfind("Moved ", 0) == 0);
}
