// What a shift would look like after a booking or a move: built here once, so the command that
// makes the change and the screen that asks "would this be allowed?" check the very same shift.
#pragma once
#include <optional>
#include <string>

#include "core/model.hpp"

namespace sb {

// The shift once `staff` books it from the bank: assigned, booked and sourced from the bank (the
// documents rule applies to bank bookings only, so the source matters to the verdict).
Shift booked_candidate(const Shift& s, const std::string& staff);

// The shift given to `assignee` ("" = vacant), with the status that goes with it: a booked shift
// left vacant is published again, an open vacancy given to someone is booked.
Shift with_assignee(Shift s, const std::string& assignee);

// The shift moved to start on `day` (same times of day) and given to `assignee`: the rota drag.
Shift moved_candidate(const Shift& s, Date day, const std::string& assignee);

// Whether the shift has begun by `now` (UTC minutes): from then it can no longer be booked, swapped,
// posted or re-rated (the commands refuse; the screens stop offering it).
bool has_started(const Shift& s, UtcMinutes now);

// A vacancy the bank could still fill: nobody on it, a draft or published, and not yet started at
// `now` (UTC; none: a command without a time). What post_to_bank posts and "Post N to bank" counts.
bool postable(const Shift& s, std::optional<UtcMinutes> now);

// A ward's auto-approval rule: the applicant's grade is one the shift asks for by name, and the
// rules raised not even a warning.
bool auto_approves(const Ward& ward, const Shift& shift, const Staff& applicant, bool no_warnings);

}  // namespace sb
