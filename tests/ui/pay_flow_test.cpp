// From a worked bank shift to the payroll file, through the screens: the nurse who worked it sends
// a timesheet from My rota, the ward signs it off with the times it knows were worked (both are then
// shown), and the bank office runs the month's payroll on Reports and downloads its file. The pickers'
// choices are set on the form as a person's taps would leave them; every button is clicked.
#include <doctest/doctest.h>

#include "core/csv.hpp"
#include "core/pay.hpp"
#include "platform/headless/headless_ui.hpp"
#include "ui/downloads.hpp"
#include "ui/icons.hpp"

using namespace sb;

namespace {
bool said(headless::HeadlessUi& ui, const std::string& words) {
    for (const auto& n : ui.app().mirror().nodes())
        if (n.name == words) return true;
    return false;
}
void frames(headless::HeadlessUi& ui, int n = 3) {
    for (int i = 0; i < n; ++i) ui.frame();
}
}  // namespace

TEST_CASE("a bank shift worked, its timesheet sent, signed off as amended, and paid in the month's payroll file") {
    headless::HeadlessUi ui(1280, 800, SHIFTBANK_FONT_DIR);
    ui.app().set_accessibility(true);
    ui.load_demo(40, 2);
    ui.app().sign_in_as(Role::Clinician);
    const User nurse = *ui.app().state().find_user(ui.app().session().user);
    // A bank Long day the nurse worked on the rota's first day (Tue 1 Dec 08:00–20:30 at £20.00 an
    // hour), with the trust paying nights from 20:00 at the basic rate + 30 %.
    State s = ui.app().state();
    const Date day = s.period_start;
    Shift worked;
    worked.id = "bank-worked";
    worked.ward = s.find_staff(nurse.staff)->wards.front();
    worked.type = s.shift_types.front().id;
    worked.start = {day, 8 * 60};
    worked.end = {day, 20 * 60 + 30};
    worked.requirements.group = StaffGroup::Nurse;
    worked.status = ShiftStatus::Booked;
    worked.source = ShiftSource::Bank;
    worked.assignee = nurse.staff;
    worked.rate_pence_per_hour = 2000;
    s.shifts.push_back(worked);
    s.pay_bands = {{PayBand::Night, 20 * 60, 6 * 60, 30}};
    ui.app().set_state(std::move(s), "test");
    ui.app().session().today = day + 1;
    ui.set_clock(day + 1, 9 * 60);

    // The nurse: the shift is tapped on My rota; the form starts from the rostered times.
    ui.app().sign_in_as(Role::Clinician);
    REQUIRE(ui.app().session().user == nurse.id);
    ui.app().session().view = ui::View::MyRota;
    ui.app().my_rota_screen().picked_shift = "bank-worked";
    frames(ui);
    CHECK(said(ui, ICON_CLOCK "  Timesheet"));
    ui::TimesheetForm& form = ui.app().my_rota_screen().timesheet;
    CHECK(form.start == 32);   // 08:00
    CHECK(form.end == 82);     // 20:30
    form.break_index = 3;      // "30 min"
    frames(ui);
    REQUIRE(ui.click_widget("Submit timesheet"));
    frames(ui);
    REQUIRE(ui.app().state().timesheets.size() == 1);
    const Timesheet sent = ui.app().state().timesheets.front();
    CHECK(sent.break_minutes == 30);
    CHECK(said(ui, "Sent: 08:00\xE2\x80\x93" "20:30, 30 min break. Waiting for the ward to sign it off."));

    // The ward (here the trust's administrator, who manages every ward) knows she left at 20:00.
    ui.app().sign_in_as(Role::Admin);
    ui.app().session().view = ui::View::Home;
    frames(ui);
    CHECK(said(ui, "Claimed 08:00\xE2\x80\x93" "20:30, 30 min break (rostered 08:00\xE2\x80\x93" "20:30)"));
    REQUIRE(ui.click_widget("Amend times"));
    frames(ui);
    ui.app().home_screen().amend.end = 80;   // 20:00
    frames(ui);
    CHECK(said(ui, "12 h worked, 11 h 30 min paid"));
    REQUIRE(ui.click_widget("Sign off as amended"));
    frames(ui);
    const Timesheet& t = ui.app().state().timesheets.front();
    CHECK(t.status == RequestStatus::Approved);
    CHECK(t.amended);
    CHECK(format_local_date_time(t.end) == format_date(day) + "T20:00");
    CHECK(format_local_date_time(t.claimed_end) == format_date(day) + "T20:30");

    // The bank office: the month's payroll. 11 h 30 plain at £20.00 = £230.00.
    const PayPeriod month = pay_period_of(day);
    ui.app().session().view = ui::View::Reports;
    frames(ui);
    CHECK(said(ui, "Signed off and waiting: 1 timesheet, £230.00. A run marks each as paid, so no later run pays it again."));
    REQUIRE(ui.click_widget("Run payroll for " + month.name));
    frames(ui);
    CHECK(said(ui, "No signed-off bank timesheets are waiting to be paid for " + month.name + "."));
    std::string name, data;
    ui::set_download_handler([&](const std::string& n, const std::string&, const std::string& d) { name = n, data = d; });
    uint32_t download = 0;
    for (const auto& n : ui.app().mirror().nodes())
        if (n.role == ui::a11y::Role::Button && n.name == "Download payroll-" + month.id + ".csv") download = n.id;
    REQUIRE(download);
    ui.app().mirror_activate(download);
    frames(ui);
    ui::set_download_handler(nullptr);
    CHECK(name == "payroll-" + month.id + ".csv");
    const CsvRead file = read_csv(data);
    REQUIRE_FALSE(file.error);
    REQUIRE(file.table.rows.size() == 1);
    const auto& row = file.table.rows.front().fields;
    CHECK(row[0] == ui.app().state().find_staff(nurse.staff)->assignment);
    CHECK(row[8] == "11.50");
    CHECK(row[16] == "230.00");

    // And the nurse sees it paid.
    ui.app().sign_in_as(Role::Clinician);
    ui.app().session().view = ui::View::MyRota;
    ui.app().my_rota_screen().picked_shift = "bank-worked";
    frames(ui);
    CHECK(said(ui, "Signed off as 08:00\xE2\x80\x93" "20:00, 30 min break (you claimed 08:00\xE2\x80\x93" "20:30, 30 min break)."));
    CHECK(said(ui, "Paid in the " + month.name + " payroll: £230.00."));
}
