// What the home screen remembers between frames: whether the notification preferences are being
// edited, and the draft being edited. It is UI-only: the draft becomes data only when saved, as a
// command; until then the person's saved preferences stay in the State.
#pragma once
#include "core/model.hpp"
#include "ui/pay_state.hpp"

namespace sb::ui {

struct HomeScreen {
    bool prefs_open = false;
    NotificationPrefs prefs_draft;
    TimesheetForm amend;            // a timesheet the manager is signing off with other times
};

}  // namespace sb::ui
