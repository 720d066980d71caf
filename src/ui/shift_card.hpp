// One shift as a card: ward, date, type and times on the left, the rate on the right. Used by the
// open-shifts list and a clinician's own shifts, on desktop and phone alike.
#pragma once
#include <functional>

#include "ui/view_context.hpp"

namespace sb::ui {
// `footer`, if given, draws inside the card under the details (booking buttons, a refusal).
void draw_shift_card(const ViewContext& ctx, const Shift& shift, bool show_rate, const std::function<void()>& footer = {});
}
