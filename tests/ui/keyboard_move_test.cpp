// Every drag has another way (WCAG 2.5.7): a manager moves shifts on the rota with the keyboard
// alone, or with "Move to…", through the accessibility mirror a screen reader uses: the verdict
// is read out in the live region before the shift is put down, and a blocked move asks for the
// same override reason as a blocked drop. Real ImGui keyboard navigation, headless.
#include <doctest/doctest.h>

#include "core/civil_time.hpp"
#include "core/demo_trust.hpp"
#include "imgui_internal.h"
#include "platform/headless/headless_ui.hpp"

using namespace sb;
using ARole = ui::a11y::Role;
using Node = ui::a11y::Node;

namespace {
struct KeyboardRota {
    headless::HeadlessUi ui{1280, 800, SHIFTBANK_FONT_DIR};
    KeyboardRota() {
        ImGui::GetIO().ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
        ui.app().set_accessibility(true);
        ui.load_demo(60, 2);
        frames(3);
    }
    void frames(int n) {
        for (int i = 0; i < n; ++i) ui.frame();
    }
    void key(ImGuiKey k, bool shift = false) {
        ImGuiIO& io = ImGui::GetIO();
        if (shift) io.AddKeyEvent(ImGuiMod_Shift, true);
        io.AddKeyEvent(k, true);
        frames(2);
        io.AddKeyEvent(k, false);
        if (shift) io.AddKeyEvent(ImGuiMod_Shift, false);
        frames(3);
    }
    const ui::a11y::Mirror& mirror() { return ui.app().mirror(); }
    const Node* find(ARole role, const std::string& name) {
        for (const auto& n : mirror().nodes())
            if (n.role == role && n.name == name) return &n;
        return nullptr;
    }
    // The live region that speaks while a shift is moved ("" when there is none).
    std::string move_words() {
        for (const auto& n : mirror().nodes())
            if (n.role == ARole::Status && n.name.find("Picked up") != 0 && n.name.find(": ") != std::string::npos) return n.name;
        for (const auto& n : mirror().nodes())
            if (n.role == ARole::Status && n.name.find("Picked up") == 0) return n.name;
        return "";
    }
    const Node* focused() {
        for (const auto& n : mirror().nodes())
            if (n.focused) return &n;
        return nullptr;
    }
    // The mirror's button over a drawn cell (the shift's words, or "empty").
    const Node* button_in(const ui::CellRect& c) {
        for (const auto& n : mirror().nodes())
            if (n.role == ARole::Button && n.parent >= 0 && mirror().nodes()[size_t(n.parent)].role == ARole::Cell &&
                n.x >= c.min.x - 1 && n.x + n.w <= c.max.x + 1 && n.y >= c.min.y - 1 && n.y + n.h <= c.max.y + 1)
                return &n;
        return nullptr;
    }
    bool inside(const Node& n, ARole container) {
        for (int p = n.parent; p >= 0; p = mirror().nodes()[size_t(p)].parent)
            if (mirror().nodes()[size_t(p)].role == container) return true;
        return false;
    }
};
}  // namespace

TEST_CASE("with the keyboard alone a shift is picked up, each cell's verdict read out, and put on the next day") {
    KeyboardRota k;
    // A vacant shift with an empty cell on its right in the same lane: a move the rules allow.
    const ui::CellRect* from = nullptr;
    const auto cells = k.ui.app().visible_cells();   // a copy: rebuilt every frame
    for (const auto& c : cells) {
        if (!c.has_shift || !c.staff.empty()) continue;
        for (const auto& right : cells)
            if (right.staff.empty() && !right.has_shift && right.min.y == c.min.y && right.date == c.date + 1) from = &c;
        if (from) break;
    }
    REQUIRE(from);
    const std::string id = from->shift;
    const Date day = from->date;
    const Shift before = *k.ui.app().state().find_shift(id);
    REQUIRE(k.button_in(*from));
    // Copies: the mirror's nodes and the cells are rebuilt every frame.
    const Node chip = *k.button_in(*from);
    CHECK(chip.name.find(", ") != std::string::npos);   // "Early 07:00–15:00, Ward 7 · …, open"
    k.ui.app().mirror_activate(chip.id);   // Enter on the page's button, or on the canvas
    k.frames(3);
    CHECK(k.move_words().rfind("Picked up ", 0) == 0);
    CHECK(k.move_words().find("Enter puts it there, Escape cancels.") != std::string::npos);
    CHECK(k.find(ARole::Button, chip.name + ", picked up"));

    k.key(ImGuiKey_RightArrow);
    const std::string target = "Vacant, " + format_weekday_day_month(day + 1) + ": Allowed.";
    CHECK(k.move_words() == target);
    REQUIRE(k.focused());
    CHECK(k.focused()->name == "empty");   // the screen reader's cursor moved with ImGui's focus
    CHECK(k.ui.app().state().find_shift(id)->start.date == day);   // nothing moves before Enter

    k.key(ImGuiKey_Enter);
    const Shift& after = *k.ui.app().state().find_shift(id);
    CHECK(after.start.date == day + 1);
    CHECK(after.start.minute == before.start.minute);
    CHECK(after.assignee.empty());
    bool told = false;
    for (const auto& n : k.mirror().nodes()) told |= n.role == ARole::Status && n.name.rfind("Moved ", 0) == 0;
    CHECK(told);   // the toast's live region: "Moved Grace Nowak's Early from Mon 30 Nov to Tue 1 Dec"
}

TEST_CASE("Escape puts a picked-up shift back; a blocked cell is read out with the rule, and Enter asks for a reason") {
    KeyboardRota k;
    // A person's shift with another person's shift just below it on the same day: a double booking.
    const auto cells = k.ui.app().visible_cells();
    const ui::CellRect* from = nullptr;
    for (const auto& c : cells) {
        if (!c.has_shift || c.staff.empty()) continue;
        for (const auto& below : cells)
            if (below.has_shift && !below.staff.empty() && below.staff != c.staff && below.date == c.date &&
                below.min.y > c.min.y && below.min.y < c.max.y + 10)
                from = &c;
        if (from) break;
    }
    REQUIRE(from);
    const std::string id = from->shift, staff = from->staff;
    REQUIRE(k.button_in(*from));
    const uint32_t chip_id = k.button_in(*from)->id;
    k.ui.app().mirror_activate(chip_id);
    k.frames(3);
    k.key(ImGuiKey_Escape);
    CHECK(k.move_words().rfind("Move cancelled: ", 0) == 0);
    CHECK(k.ui.app().state().find_shift(id)->assignee == staff);

    k.ui.app().mirror_activate(chip_id);
    k.frames(3);
    k.key(ImGuiKey_DownArrow);
    const std::string words = k.move_words();
    CHECK(words.find(": Blocked: ") != std::string::npos);
    CHECK(words.find("Enter to override it with a reason.") != std::string::npos);
    MESSAGE("read out: \"" << words << "\"");
    k.key(ImGuiKey_Enter);
    // The same override dialog as a blocked drop, as a dialog, with the focus in its reason field.
    const Node* dialog = k.find(ARole::Dialog, "Override a safety rule?");
    REQUIRE(dialog);
    REQUIRE(k.focused());
    CHECK(k.inside(*k.focused(), ARole::Dialog));
    CHECK(k.focused()->role == ARole::TextBox);
    CHECK(k.ui.app().state().find_shift(id)->assignee == staff);   // nothing moved without a reason
}

TEST_CASE("Move to…: the shift's menu from the keyboard, a person and a day from lists, the verdict, then the move") {
    KeyboardRota k;
    const ui::CellRect* from = nullptr;
    const auto cells = k.ui.app().visible_cells();
    for (const auto& c : cells)
        if (c.has_shift && !c.staff.empty()) {
            from = &c;
            break;
        }
    REQUIRE(from);
    const std::string id = from->shift, staff = from->staff;
    const Date day = from->date;
    REQUIRE(k.button_in(*from));
    k.ui.app().mirror_focus(k.button_in(*from)->id);
    k.frames(2);
    k.key(ImGuiKey_F10, true);   // Shift+F10, as on any desktop
    const Node* item = k.find(ARole::MenuItem, "Move to\xE2\x80\xA6");
    REQUIRE(item);
    CHECK(k.mirror().nodes()[size_t(item->parent)].role == ARole::Menu);
    k.ui.app().mirror_activate(item->id);
    k.frames(3);
    REQUIRE(k.find(ARole::Dialog, "Move a shift"));
    const Node* person = k.find(ARole::ComboBox, "Person");
    REQUIRE(person);
    const Staff* owner = k.ui.app().state().find_staff(staff);
    CHECK(person->value == owner->name + " \xC2\xB7 " + owner->grade);
    CHECK(k.find(ARole::ComboBox, "Day"));
    CHECK(k.move_words().find(": where it is now.") != std::string::npos);
    k.ui.app().mirror_activate(person->id);
    k.frames(3);
    const Node* vacant = k.find(ARole::Option, "Vacant (unassigned)");
    REQUIRE(vacant);
    CHECK(k.mirror().nodes()[size_t(vacant->parent)].role == ARole::ListBox);
    k.ui.app().mirror_activate(vacant->id);
    k.frames(3);
    CHECK(k.move_words() == "Vacant, " + format_weekday_day_month(day) + ": Allowed.");
    REQUIRE(k.find(ARole::Button, "Move"));
    k.ui.app().mirror_activate(k.find(ARole::Button, "Move")->id);
    k.frames(3);
    CHECK(k.ui.app().state().find_shift(id)->assignee.empty());
    CHECK_FALSE(k.find(ARole::Dialog, "Move a shift"));
}

TEST_CASE("? shows the keyboard shortcuts and the rota's legend as a dialog; Escape closes it") {
    KeyboardRota k;
    CHECK(k.find(ARole::Button, "Help: keys and symbols"));   // the top bar's help button
    k.ui.type("?");
    k.frames(2);
    REQUIRE(k.find(ARole::Dialog, "Help: keys and symbols"));
    // A table of keys and what they do, inside the dialog, each row a key and its meaning.
    const auto* table = k.find(ARole::Table, "Keyboard shortcuts");
    REQUIRE(table);
    CHECK(k.mirror().nodes()[size_t(table->parent)].role == ARole::Dialog);
    CHECK(k.find(ARole::ColumnHeader, "Keys"));
    CHECK(k.find(ARole::ColumnHeader, "What they do"));
    const auto* ctrl_z = k.find(ARole::TableCell, "Ctrl+Z");
    REQUIRE(ctrl_z);
    const auto& nodes = k.mirror().nodes();
    const size_t at = size_t(ctrl_z - nodes.data());
    REQUIRE(at + 1 < nodes.size());
    CHECK(nodes[at + 1].name == "Undo your last change");
    CHECK(nodes[at + 1].parent == ctrl_z->parent);
    CHECK(k.find(ARole::TableCell, "The focused shift's menu: edit, move to\xE2\x80\xA6, post to the bank, delete"));
    // The legend: the badges on the chips explained in words (issue 16: "B/b explained nowhere").
    REQUIRE(k.find(ARole::Table, "What the rota's marks mean"));
    const auto* b = k.find(ARole::TableCell, "b");
    REQUIRE(b);
    CHECK(nodes[size_t(b - nodes.data()) + 1].name == "Booked from the bank: a bank worker covers it");
    CHECK(k.find(ARole::TableCell, "Open in the staff bank: anyone eligible may book it"));
    k.key(ImGuiKey_Escape);
    CHECK_FALSE(k.find(ARole::Dialog, "Help: keys and symbols"));
}

TEST_CASE("a left click on a shift opens its actions, and on an empty cell the shifts to add (issue 16: hidden actions)") {
    KeyboardRota k;
    const ui::CellRect *chip = nullptr, *empty = nullptr;
    for (const auto& c : k.ui.app().visible_cells()) {
        if (c.staff.empty() || c.min.y < 230) continue;
        if (c.has_shift && !chip) chip = &c;
        if (!c.has_shift && !empty) empty = &c;
    }
    REQUIRE(chip);
    REQUIRE(empty);
    const ui::CellRect at_chip = *chip, at_empty = *empty;
    auto centre = [](const ui::CellRect& c) { return ImVec2((c.min.x + c.max.x) / 2, (c.min.y + c.max.y) / 2); };
    k.ui.click(centre(at_chip).x, centre(at_chip).y);
    k.frames(3);
    const Node* move = k.find(ARole::MenuItem, "Move to\xE2\x80\xA6");
    REQUIRE(move);
    CHECK(k.find(ARole::MenuItem, "Edit times, type and rate\xE2\x80\xA6"));
    k.key(ImGuiKey_Escape);
    CHECK_FALSE(k.find(ARole::MenuItem, "Move to\xE2\x80\xA6"));
    k.ui.click(centre(at_empty).x, centre(at_empty).y);
    k.frames(3);
    const ShiftType& first_type = k.ui.app().state().shift_types.front();
    bool offered = false;
    for (const auto& n : k.mirror().nodes()) offered |= n.role == ARole::MenuItem && n.name.rfind(first_type.name + " ", 0) == 0;
    CHECK(offered);
}
