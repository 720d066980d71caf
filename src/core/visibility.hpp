// What a signed-in person may read. Managers and administrators run the rota and see all of it; a
// clinician sees the rota and the bank's vacancies, but of their colleagues only what a rota shows
// (names, grades, shifts): no contact details, documents, contracted hours, leave, other people's
// pay, requests or messages. The server sends snapshots, change feeds and refusals through this,
// never the raw state; each entity is judged by the same function in all three.
#pragma once
#include "core/commands/change_set.hpp"
#include "core/model.hpp"
#include "core/rules/violation.hpp"

namespace sb {

State visible_to(const State& state, const User& user);

// A command's changes as `user` may see them: entities they may not see left out, the rest as
// visible_to would show them. Applied to their copy of the state, it gives what a fresh snapshot
// would (the order of lists that are filtered for them aside).
ChangeSet visible_changes(const ChangeSet& changes, const User& user);

// A rule's verdict about someone else, told to `viewer`: a clinician is not told a colleague's
// leave or documents ("Grace Nowak is not available for Late Tue 1 Dec" instead).
Violation as_seen_by(const State& state, const User& viewer, Violation v);

}  // namespace sb
