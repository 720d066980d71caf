// The Staff screen, as a trust administrator uses it: a staff list chosen, checked row by row
// before anything changes, refused while a row is wrong, imported in one step that one Undo takes
// back, and the list exported as CSV. The browser's file picker is replaced by one that hands over
// the test's text (ui/downloads.hpp).
#include <doctest/doctest.h>

#include <algorithm>

#include "platform/headless/headless_ui.hpp"
#include "ui/downloads.hpp"
#include "ui/icons.hpp"

using namespace sb;

namespace {
struct Picker {
    std::string name, text;
    int asked = 0;
    Picker() {
        ui::set_file_chooser([this](const std::string& accept, size_t, ui::FileDone done) {
            ++asked;
            CHECK(accept == ".csv,text/csv");
            done({name, text, ""});
        });
    }
    ~Picker() { ui::set_file_chooser(nullptr); }
};
struct Downloads {
    std::string name, data;
    Downloads() {
        ui::set_download_handler([this](const std::string& n, const std::string&, const std::string& d) { name = n, data = d; });
    }
    ~Downloads() { ui::set_download_handler(nullptr); }
};
// The Staff screen of the demo trust (40 people), as this role sees it.
void open_staff(headless::HeadlessUi& ui, Role role, bool load = true) {
    if (load) ui.app().set_accessibility(true), ui.load_demo(40, 2);
    ui.app().sign_in_as(role);
    ui.app().session().view = ui::View::Staff;
    for (int i = 0; i < 3; ++i) ui.frame();
}
bool said(headless::HeadlessUi& ui, const std::string& words) {
    for (const auto& n : ui.app().mirror().nodes())
        if (n.name == words) return true;
    return false;
}
}  // namespace

TEST_CASE("the Staff screen: a staff list checked before it is imported, refused while a row is wrong, imported in one undoable step") {
    headless::HeadlessUi ui(1280, 800, SHIFTBANK_FONT_DIR);
    open_staff(ui, Role::Admin);
    const size_t before = ui.app().state().staff.size();
    const std::string ward = ui.app().state().wards.front().id;
    Picker picker;
    picker.name = "esr-staff.csv";
    picker.text = "Assignment No.,Full Name,Staff Group,Band,Organisation\r\n"
                  "90000001,\"Okafor, Chidi\",Nursing and Midwifery Registered,Band 5," + ward + "\r\n"
                  "90000002,Ann Lee,Healthcare assistant,Band 12," + ward + "\r\n"
                  "90000003,Sam Patel,Doctor,FY1," + ward + "\r\n";
    REQUIRE(ui.click_widget(ICON_UPLOAD "  Import a staff list (CSV)"));
    for (int i = 0; i < 3; ++i) ui.frame();
    CHECK(picker.asked == 1);
    CHECK(said(ui, "3 rows: 2 to add, 0 to update, 0 unchanged, 1 refused."));
    CHECK(said(ui, "1 problem. Nothing is imported until every one is fixed: correct the file and choose it again."));
    // The problem, in the table a screen reader reads with its headers.
    bool cell = false;
    for (const auto& n : ui.app().mirror().nodes()) cell |= n.role == ui::a11y::Role::TableCell && n.name == "is not a grade for a healthcare assistant";
    CHECK(cell);
    // While a row is wrong, the import button does nothing.
    ui.click_widget(ICON_CHECK "  Import: 2 to add, 0 to update");
    ui.frame();
    CHECK(ui.app().state().staff.size() == before);

    picker.text = "Assignment No.,Full Name,Staff Group,Band,Organisation\r\n"
                  "90000001,\"Okafor, Chidi\",Nursing and Midwifery Registered,Band 5," + ward + "\r\n"
                  "90000002,Ann Lee,Healthcare assistant,Band 3," + ward + "\r\n"
                  "90000003,Sam Patel,Doctor,FY1," + ward + "\r\n";
    REQUIRE(ui.click_widget(ICON_UPLOAD "  Import a staff list (CSV)"));
    for (int i = 0; i < 3; ++i) ui.frame();
    CHECK(said(ui, "3 rows: 3 to add, 0 to update, 0 unchanged, 0 refused."));
    REQUIRE(ui.click_widget(ICON_CHECK "  Import: 3 to add, 0 to update"));
    for (int i = 0; i < 3; ++i) ui.frame();
    CHECK(ui.app().last_message() == "Imported the staff list: 3 added, 0 updated");
    CHECK(ui.app().state().staff.size() == before + 3);
    const auto& staff = ui.app().state().staff;
    CHECK(std::any_of(staff.begin(), staff.end(), [](const Staff& s) { return s.name == "Chidi Okafor" && s.assignment == "90000001"; }));
    CHECK_FALSE(said(ui, "3 rows: 3 to add, 0 to update, 0 unchanged, 0 refused."));   // the preview closes
    // One Undo takes the whole import back.
    REQUIRE(ui.app().undo());
    CHECK(ui.app().state().staff.size() == before);
}

TEST_CASE("the Staff screen lists the people and exports them as the CSV the import reads; others are told it is the administrators'") {
    headless::HeadlessUi ui(1280, 800, SHIFTBANK_FONT_DIR);
    open_staff(ui, Role::Admin);
    Downloads downloads;
    REQUIRE(ui.click_widget(ICON_DOWNLOAD "  Export the staff list (CSV)"));
    CHECK(downloads.name == "shiftbank-staff.csv");
    CHECK(downloads.data.rfind("Assignment number,Name,Staff group,Grade,Ward,", 0) == 0);
    const Staff& first = ui.app().state().staff.front();
    CHECK(downloads.data.find("\r\n" + first.assignment + "," + first.name + ",") != std::string::npos);
    bool row = false;
    for (const auto& n : ui.app().mirror().nodes()) row |= n.role == ui::a11y::Role::Button && n.name == first.name;
    CHECK(row);   // a person's name opens their record
    open_staff(ui, Role::Manager, false);
    CHECK(said(ui, "The staff list is kept by the trust's administrators."));
    CHECK_FALSE(ui.click_widget(ICON_DOWNLOAD "  Export the staff list (CSV)"));
}

TEST_CASE("the bank office renews a DBS check in two clicks: the person's name, then Renewed today") {
    headless::HeadlessUi ui(1280, 800, SHIFTBANK_FONT_DIR);
    open_staff(ui, Role::Admin);
    const Staff first = ui.app().state().staff.front();
    const ui::a11y::Node* name = nullptr;
    for (const auto& n : ui.app().mirror().nodes())
        if (n.role == ui::a11y::Role::Button && n.name == first.name) name = &n;
    REQUIRE(name);
    ui.click(name->x + 10, name->y + name->h / 2);   // click one
    for (int i = 0; i < 3; ++i) ui.frame();
    const Date today = ui.app().session().today;
    const auto c = civil(today);
    const Date to = make_date(c.year + 3, c.month, c.month == 2 && c.day == 29 ? 28 : c.day);
    auto short_date = [](Date d) { return std::to_string(civil(d).day) + " " + std::string(month_name(civil(d).month)).substr(0, 3) + " " + std::to_string(civil(d).year); };
    const ComplianceDocument* dbs = nullptr;
    for (const auto& d : first.documents)
        if (d.kind == "dbs") dbs = &d;
    REQUIRE(dbs);   // the demo records everyone's
    CHECK(said(ui, std::string("DBS check: ") + (dbs->expires < today ? "expired on " : "valid to ") + short_date(dbs->expires)));
    const std::string when = short_date(to);
    REQUIRE(ui.click_widget("Renewed today: valid to " + when));   // click two
    for (int i = 0; i < 3; ++i) ui.frame();
    CHECK(ui.app().last_message() == "Renewed " + first.name + "\xE2\x80\x99s DBS check: valid to " + when);
    const Staff* after = ui.app().state().find_staff(first.id);
    bool renewed = false;
    for (const auto& d : after->documents) renewed |= d.kind == "dbs" && d.expires == to;
    CHECK(renewed);
    CHECK(said(ui, "DBS check: valid to " + when));
    REQUIRE(ui.app().undo());
    bool back = false;
    for (const auto& d : ui.app().state().find_staff(first.id)->documents) back |= d.kind == "dbs" && d.expires == dbs->expires;
    CHECK(back);
}
