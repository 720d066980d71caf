// What a clinician's "My rota" screen remembers between frames: week or month, which one, the shift
// tapped in the calendar, and the half-filled cancel, swap, leave and availability forms. It is
// UI-only: a form becomes data only when it is sent, as a command.
#pragma once
#include <string>

#include "core/model.hpp"
#include "ui/pay_state.hpp"

namespace sb::ui {

struct MyRotaScreen {
    bool month = false;             // month calendar, else a week
    int calendar_offset = 0;        // weeks (or months) from today's
    std::string picked_shift;       // a shift tapped in the calendar: its actions show below
    char cancel_reason[160] = "";
    std::string swap_for;           // the shift whose swap candidates are listed
    bool leave_form = false;
    int leave_kind = 0;
    Date leave_first, leave_last;
    bool availability_form = false;
    bool calendar_form = false;     // the calendar subscription card
    bool calendar_copied = false;   // its address was copied (says so)
    Date availability_date;
    int availability_from = 14, availability_to = 40;   // half-hour steps from midnight (07:00–20:00)
    TimesheetForm timesheet;        // for a shift that has started
};

}  // namespace sb::ui
