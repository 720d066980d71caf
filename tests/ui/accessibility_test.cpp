// The accessibility mirror driven headlessly: what a screen reader would be given for a screen,
// and what the page hands back (a field filled by a password manager, a button pressed) reaching
// the app as if done on the canvas.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "core/civil_time.hpp"
#include "core/demo_trust.hpp"
#include "core/reports.hpp"
#include "platform/headless/headless_ui.hpp"

using namespace sb;
using json = nlohmann::json;
using ARole = ui::a11y::Role;

namespace {
const ui::a11y::Node* find(const ui::a11y::Mirror& m, ARole role, const std::string& name) {
    for (const auto& n : m.nodes())
        if (n.role == role && n.name == name) return &n;
    return nullptr;
}

// Opens the person's menu as a screen reader would: its button pressed on the page.
void open_person_menu(headless::HeadlessUi& ui) {
    const ui::a11y::Node* menu = nullptr;
    for (const auto& n : ui.app().mirror().nodes())
        if (n.role == ARole::Button && n.name.rfind("Your menu, ", 0) == 0) menu = &n;
    REQUIRE(menu);
    ui.app().mirror_activate(menu->id);
    ui.frame();
    ui.frame();
}
}  // namespace

TEST_CASE("the sign-in screen in the mirror: a heading, labelled fields, a password field and the button") {
    headless::HeadlessUi ui(1280, 800, SHIFTBANK_FONT_DIR);
    ui.app().set_accessibility(true);
    std::string who, password;
    ui.app().set_account_handlers([&](const std::string& u, const std::string& p) { who = u, password = p; }, [] {});
    ui.app().show_sign_in({{"sophie.chen", "pw", "clinician", "Sophie Chen", "Nursing", "Band 5", "bank"}}, "");
    for (int i = 0; i < 4; ++i) ui.frame();   // the cards size themselves over the first frames
    const auto& m = ui.app().mirror();
    REQUIRE(find(m, ARole::Heading, "Sign in to Shiftbank"));
    CHECK(find(m, ARole::Heading, "Sign in to Shiftbank")->level == 1);
    const auto* user = find(m, ARole::TextBox, "Username");
    const auto* pass = find(m, ARole::Password, "Password");
    REQUIRE(user);
    REQUIRE(pass);
    const auto* button = find(m, ARole::Button, "Sign in");
    REQUIRE(button);
    CHECK(button->disabled);   // nothing typed yet
    CHECK(user->w > 100);      // where the field is drawn, so touch exploration finds it
    CHECK(find(m, ARole::Heading, "Demo accounts"));
    REQUIRE(find(m, ARole::Heading, "Clinician"));   // the accounts grouped by role under headings
    CHECK(find(m, ARole::Heading, "Clinician")->level == 3);
    // A demo account's button reads as its words, without the icon glyph.
    bool account = false;
    for (const auto& n : m.nodes()) account |= n.role == ARole::Button && n.name.find("Sophie Chen") == 0;
    CHECK(account);
    // Reading order: heading, username, password, then the button.
    auto index = [&](const ui::a11y::Node* n) { return n - m.nodes().data(); };
    CHECK(index(user) < index(pass));
    CHECK(index(pass) < index(button));

    // A password manager fills both fields on the page; the button is pressed there.
    const uint32_t user_id = user->id, pass_id = pass->id, button_id = button->id;
    ui.app().mirror_value(user_id, "sophie.chen");
    ui.app().mirror_value(pass_id, "correct horse");
    ui.frame();
    CHECK(find(ui.app().mirror(), ARole::TextBox, "Username")->value == "sophie.chen");
    CHECK(find(ui.app().mirror(), ARole::Password, "Password")->value.empty());   // never read out
    CHECK_FALSE(find(ui.app().mirror(), ARole::Button, "Sign in")->disabled);
    ui.app().mirror_activate(button_id);
    ui.frame();
    ui.frame();
    CHECK(who == "sophie.chen");
    CHECK(password == "correct horse");
}

TEST_CASE("the rota page in the mirror: the navigation with the current page, the main region and its heading") {
    headless::HeadlessUi ui(1280, 800, SHIFTBANK_FONT_DIR);
    ui.app().set_accessibility(true);
    DemoOptions o;
    o.staff = 40;
    o.weeks = 2;
    ui.app().set_state(make_demo_trust(o), "test");
    ui.frame();
    ui.frame();
    const auto& m = ui.app().mirror();
    const auto* nav = find(m, ARole::Navigation, "Main");
    REQUIRE(nav);
    const auto* rota = find(m, ARole::Link, "Rota");
    REQUIRE(rota);
    CHECK(rota->current);
    CHECK(&m.nodes()[size_t(rota->parent)] == nav);
    CHECK_FALSE(find(m, ARole::Link, "Reports")->current);
    const auto* main = find(m, ARole::Main, "Rota");
    REQUIRE(main);
    CHECK(find(m, ARole::Heading, "Rota"));
    // The rota as a grid: every row counted (most are not drawn), days as column headers, people
    // as row headers, and each drawn cell's shifts in words.
    const auto* grid = find(m, ARole::Grid, "Rota");
    REQUIRE(grid);
    CHECK(grid->row_count > 40);   // 41 people plus the ward's, groups' and vacant rows, and the header
    CHECK(grid->column_count == 8);   // staff and seven days
    const State& st = ui.app().state();
    int column_headers = 0, row_headers = 0, booked = 0, empty = 0;   // booked: a rostered or bank-booked shift
    std::string sample_row, sample_cell;
    for (const auto& n : m.nodes()) {
        column_headers += n.role == ARole::ColumnHeader;
        if (n.role == ARole::RowHeader && n.name != "Vacant") ++row_headers, sample_row = n.name;
        // A manager's cells hold buttons (a shift to pick up, an empty cell to add to), read as the cell's words.
        const bool in_cell = n.parent >= 0 && m.nodes()[size_t(n.parent)].role == ARole::Cell;
        if (n.role == ARole::Button && in_cell && n.name == "empty") ++empty;
        if (n.role == ARole::Button && in_cell &&
            (n.name.find(", published") != std::string::npos || n.name.find(", booked") != std::string::npos))
            ++booked, sample_cell = n.name;
    }
    CHECK(column_headers == 8);
    CHECK(row_headers > 5);
    CHECK(booked > 5);
    CHECK(empty > 5);
    MESSAGE("a row header: \"" << sample_row << "\"; a cell: \"" << sample_cell << "\"");
    // A person's row header reads their name, grade and hours; a booked cell its shift, times and ward.
    bool person_found = false;
    for (const Staff& p : st.staff) person_found |= sample_row.rfind(p.name + ", " + p.grade + ", ", 0) == 0;
    CHECK(person_found);
    CHECK(sample_cell.find(":") != std::string::npos);   // the times
    CHECK(sample_cell.find("Ward") != std::string::npos);
    // Following a link on the page changes the screen, as a click on the canvas does.
    ui.app().mirror_activate(find(m, ARole::Link, "Reports")->id);
    ui.frame();
    ui.frame();
    CHECK(ui.app().session().view == ui::View::Reports);
    CHECK(find(ui.app().mirror(), ARole::Link, "Reports")->current);
    // Nothing changes between two quiet frames: the page's DOM is left alone.
    ui.frame();
    CHECK_FALSE(ui.app().mirror_changed());
}

TEST_CASE("spoken labels leave out ImGui ids and icon glyphs") {
    CHECK(ui::a11y::spoken_label("Sign in##form") == "Sign in");
    CHECK(ui::a11y::spoken_label("\xEF\x80\x87  Sophie Chen \xC2\xB7 Band 5##sophie") == "Sophie Chen \xC2\xB7 Band 5");
    CHECK(ui::a11y::spoken_label("##hidden").empty());
    CHECK(ui::a11y::spoken_label("\xEE\x80\x80").empty());
}

TEST_CASE("open shifts in the mirror: each card an article named by what it offers, with its Book button inside") {
    headless::HeadlessUi ui(390, 844, SHIFTBANK_FONT_DIR);
    ui.app().set_accessibility(true);
    ui.load_demo(60, 2, true);
    ui.app().sign_in_as(Role::Clinician);
    ui.app().session().view = ui::View::OpenShifts;
    for (int i = 0; i < 3; ++i) ui.frame();
    const auto& m = ui.app().mirror();
    const ui::a11y::Node* book = nullptr;
    for (const auto& n : m.nodes())
        if (n.role == ARole::Button && n.name == "Book now" && n.parent >= 0 && m.nodes()[size_t(n.parent)].role == ARole::Article) {
            book = &n;
            break;
        }
    REQUIRE(book);
    const std::string article = m.nodes()[size_t(book->parent)].name;
    MESSAGE("an open shift: \"" << article << "\"");
    CHECK(article.find(" per hour") != std::string::npos);   // the rate, as the card shows it
    CHECK(article.find("Ward") != std::string::npos);
    CHECK(book->h >= 44);   // a touch target on a phone
    // Pressing it on the page books the shift, and the live region says so.
    const int64_t before = ui.app().state().revision;
    ui.app().mirror_activate(book->id);
    ui.frame();
    ui.frame();
    CHECK(ui.app().state().revision > before);
    bool told = false;
    for (const auto& n : ui.app().mirror().nodes()) told |= n.role == ARole::Status && n.name.rfind("Booked: ", 0) == 0;
    CHECK(told);
}

TEST_CASE("the person's menu switches to the high-contrast theme at once, as a checkbox a screen reader can press") {
    headless::HeadlessUi ui(1280, 800, SHIFTBANK_FONT_DIR);
    ui.app().set_accessibility(true);
    ui.load_demo(20, 1);
    ui.frame();
    ui.frame();
    open_person_menu(ui);
    const auto* contrast = find(ui.app().mirror(), ARole::CheckBox, "High contrast");
    REQUIRE(contrast);
    CHECK_FALSE(contrast->checked);
    CHECK(ui.app().mirror().nodes()[size_t(contrast->parent)].role == ARole::Menu);
    CHECK(ui::current_theme() == ui::Theme::Light);
    ui.app().mirror_activate(contrast->id);
    ui.frame();
    ui.frame();
    CHECK(ui.app().session().high_contrast);
    CHECK(ui::current_theme() == ui::Theme::HighContrast);
    const ImU32 text = ImGui::ColorConvertFloat4ToU32(ImGui::GetStyle().Colors[ImGuiCol_Text]);
    CHECK(text == ui::colour::rgb(0x000000));   // black text
    ui.app().session().high_contrast = false;
    ui.frame();
    CHECK(ui::current_theme() == ui::Theme::Light);
}

TEST_CASE("screen reader support is the person's switch: off, a signed-in page describes nothing; the sign-in form always does") {
    headless::HeadlessUi ui(1280, 800, SHIFTBANK_FONT_DIR);
    ui.app().set_account_handlers([](const std::string&, const std::string&) {}, [] {});
    ui.app().show_sign_in({{"sophie.chen", "pw", "clinician", "Sophie Chen", "Nursing", "Band 5", "bank"}}, "");
    for (int i = 0; i < 4; ++i) ui.frame();
    // Nobody has turned it on, yet the sign-in form is there for a password manager and a screen reader.
    CHECK_FALSE(ui.app().session().screen_reader);
    CHECK(find(ui.app().mirror(), ARole::Password, "Password"));
    CHECK(json::parse(ui.app().mirror_json())["support"] == false);   // the page offers "Turn on screen reader support"

    ui.load_demo(20, 1);
    ui.app().data_loaded(true, false);   // signed in
    ui.frame();
    CHECK(ui.app().mirror_changed());   // the page is told, so that it empties its mirror
    ui.frame();
    CHECK(ui.app().mirror().nodes().empty());
    CHECK_FALSE(ui.app().mirror_changed());   // and then left alone, frame after frame

    // Turned on (the page's button, ?a11y=1 or the menu): the rota describes itself from the next frame.
    ui.app().set_accessibility(true);
    ui.frame();
    CHECK(ui.app().mirror_changed());
    CHECK(json::parse(ui.app().mirror_json())["support"] == true);
    REQUIRE(find(ui.app().mirror(), ARole::Heading, "Rota"));
    open_person_menu(ui);
    // Off again from the person's menu, where it sits with the other accessibility settings.
    const auto* reader = find(ui.app().mirror(), ARole::CheckBox, "Screen reader support");
    REQUIRE(reader);
    CHECK(reader->checked);
    CHECK(find(ui.app().mirror(), ARole::Text, "Accessibility"));
    ui.app().mirror_activate(reader->id);
    ui.frame();
    ui.frame();
    CHECK_FALSE(ui.app().session().screen_reader);
    CHECK(ui.app().mirror().nodes().empty());
    CHECK(json::parse(ui.app().mirror_json())["support"] == false);
}

TEST_CASE("the reports' figures in the mirror: a table with its column headers, each ward's row of cells") {
    headless::HeadlessUi ui(1280, 800, SHIFTBANK_FONT_DIR);
    ui.app().set_accessibility(true);
    ui.load_demo(40, 2);
    ui.app().sign_in_as(Role::Manager);
    ui.app().session().view = ui::View::Reports;
    for (int i = 0; i < 4; ++i) ui.frame();
    const auto& m = ui.app().mirror();
    const auto* table = find(m, ARole::Table, "Fill rate and spend by ward");
    REQUIRE(table);
    const int table_at = int(table - m.nodes().data());
    const auto figures = ward_figures(ui.app().state(), ui.app().state().period_start, ui.app().state().period_days);
    CHECK(table->row_count == int(figures.size()));   // the header row and one per ward (the total is above, in cards)
    CHECK(table->column_count == 6);
    // The first row holds the column headers, in order; a ward's row its name then its figures.
    std::vector<std::string> headers, first_row;
    int header_row = -1, ward_row = -1;
    for (int i = 0; i < int(m.nodes().size()); ++i) {
        const auto& n = m.nodes()[size_t(i)];
        if (n.role == ARole::Row && n.parent == table_at) (header_row < 0 ? header_row : ward_row < 0 ? ward_row : i) = i;
        if (n.parent == header_row && n.role == ARole::ColumnHeader) headers.push_back(n.name);
        if (n.parent == ward_row && n.role == ARole::TableCell) first_row.push_back(n.name);
    }
    CHECK(headers == std::vector<std::string>{"Ward", "Filled", "Shifts", "In the bank", "Bank spend", "Agency spend"});
    const WardFigures& w = figures[0];
    char filled[16];
    std::snprintf(filled, sizeof filled, "%.0f%%", w.fill_rate() * 100);
    CHECK(first_row == std::vector<std::string>{ui.app().state().find_ward(w.ward)->name, filled, std::to_string(w.shifts),
                                                std::to_string(w.open_in_bank), format_money(w.bank_pence), format_money(w.agency_pence)});
}

TEST_CASE("the history in the mirror: a list of changes, each read as when, who and what") {
    headless::HeadlessUi ui(1280, 800, SHIFTBANK_FONT_DIR);
    ui.app().set_accessibility(true);
    ui.load_demo(40, 2);
    ui.app().sign_in_as(Role::Manager);
    ui.app().session().view = ui::View::Rota;
    ui.frame();
    // One change to list: a vacant shift cancelled through the commands, as the rota's menu does.
    const Shift* vacant = nullptr;
    for (const Shift& s : ui.app().state().shifts)
        if (s.assignee.empty() && s.status != ShiftStatus::Cancelled) vacant = &s;
    REQUIRE(vacant);
    const std::string id = vacant->id;
    ui.app().rota_screen().audit_open = true;
    REQUIRE(ui.app().submit("delete_shift", {{"shift", id}}, "Deleted a vacant shift").status == CommandStatus::Accepted);
    for (int i = 0; i < 4; ++i) ui.frame();
    const auto& m = ui.app().mirror();
    const auto* list = find(m, ARole::List, "Changes");
    REQUIRE(list);
    const auto& entries = ui.app().audit({}).entries;
    REQUIRE(entries.size() == 1);
    int items = 0;
    for (const auto& n : m.nodes())
        if (n.role == ARole::ListItem && n.parent == int(list - m.nodes().data())) {
            ++items;
            CHECK(n.name.find(ui.app().state().find_user(ui.app().session().user)->name + ": " + entries[0].text) != std::string::npos);
        }
    CHECK(items == 1);
}

TEST_CASE("signing out leaves an empty form with the focus in Username, so the next person on a shared PC starts afresh") {
    headless::HeadlessUi ui(1280, 800, SHIFTBANK_FONT_DIR);
    const std::vector<client::DemoAccount> accounts = {{"sophie.chen", "pw", "clinician", "Sophie Chen", "Nursing", "Band 5", "bank"}};
    bool signed_out = false;
    ui.app().set_account_handlers([](const std::string&, const std::string&) {}, [&] {
        signed_out = true;
        ui.app().show_sign_in(accounts, "");
    });
    ui.app().show_sign_in(accounts, "");
    for (int i = 0; i < 4; ++i) ui.frame();
    ui.app().mirror_value(find(ui.app().mirror(), ARole::TextBox, "Username")->id, "sophie.chen");
    ui.app().mirror_value(find(ui.app().mirror(), ARole::Password, "Password")->id, "correct horse");
    ui.app().mirror_activate(find(ui.app().mirror(), ARole::Button, "Sign in")->id);
    ui.frame();
    // The server says yes: the data arrives and the rota opens.
    ui.load_demo(60, 2);
    ui.app().data_loaded(true, false);
    ui.app().set_accessibility(true);
    for (int i = 0; i < 3; ++i) ui.frame();
    REQUIRE_FALSE(ui.app().signing_in());
    open_person_menu(ui);
    const ui::a11y::Node* out = find(ui.app().mirror(), ARole::MenuItem, "Sign out");
    REQUIRE(out);
    ui.app().mirror_activate(out->id);
    for (int i = 0; i < 4; ++i) ui.frame();
    REQUIRE(signed_out);
    const ui::a11y::Node* user = find(ui.app().mirror(), ARole::TextBox, "Username");
    REQUIRE(user);
    CHECK(user->value.empty());
    CHECK(user->focused);
    CHECK(find(ui.app().mirror(), ARole::Button, "Sign in")->disabled);   // nothing to sign in with: the password went too
}
