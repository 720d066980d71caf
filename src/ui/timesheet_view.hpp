// Timesheets and payroll on screen: the person who worked a shift says what they worked, the ward
// signs it off as claimed or amended, and the bank office runs each month's payroll and downloads
// its file. Every step is a command; the figures come from the core (pay.hpp).
#pragma once
#include "ui/pay_state.hpp"
#include "ui/view_context.hpp"

namespace sb::ui {

// Inside a started shift's card on My rota: the form, or where the timesheet has got to.
void timesheet_for_shift(ViewContext& ctx, TimesheetForm& form, const Shift& shift);
// Home, for a ward's managers: the timesheets waiting for sign-off. Draws nothing (and returns
// false) if there are none.
bool timesheets_to_sign_off(ViewContext& ctx, TimesheetForm& amend);
// Reports, for the trust's administrators: a month's payroll run and the files of the runs made.
void payroll_card(ViewContext& ctx, PayrollScreen& screen);

}  // namespace sb::ui
