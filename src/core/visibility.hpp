// What a signed-in person may read. Managers and administrators run the rota and see all of it; a
// clinician sees the rota and the bank's vacancies, but of their colleagues only what a rota shows
// (names, grades, shifts): no contact details, documents, contracted hours, leave reasons, other
// people's pay, requests or messages. The server sends snapshots through this, never the raw state.
#pragma once
#include "model.hpp"

namespace sb {

State visible_to(const State& state, const User& user);

}  // namespace sb
