// What the timesheet and payroll screens remember between frames: the timesheet being filled in
// (by the person who worked the shift) or amended (by the ward signing it off), and the month the
// bank office has chosen for payroll. UI-only: a form becomes data only when sent, as a command.
#pragma once
#include <string>

namespace sb::ui {

struct TimesheetForm {
    std::string id;          // the shift (a new timesheet) or the timesheet (an amendment) it is for
    int start = 0, end = 0;  // quarter hours from midnight of the shift's first day (end may pass 96)
    int break_index = 0;     // into kBreaks (timesheet_view.cpp)
};

struct PayrollScreen {
    int month_offset = 0;    // months from today's
};

}  // namespace sb::ui
