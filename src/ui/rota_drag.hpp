// Dragging a shift on the rota: what each cell under the drag would allow (from the rules
// engine's candidate check), the drop, and the override dialog for a blocked drop.
#pragma once
#include "ui/rota_state.hpp"
#include "ui/view_context.hpp"

namespace sb::ui {

struct DropVerdict {
    Shift candidate;                 // the dragged shift as it would be after the drop
    bool allowed = true;
    bool warnings = false;
    std::vector<Violation> violations;   // filled only when messages were asked for
};

// staff "" is a vacant lane: always allowed (the shift becomes unassigned).
DropVerdict drop_verdict(const ViewContext& ctx, const Shift& dragged, const std::string& staff, Date day, bool messages);

// Tints the current table cell and marks it with a symbol, so the verdict reads without colour too.
void draw_cell_verdict(const DropVerdict& v, ImVec2 min, ImVec2 max, bool hovered);
void drop_tooltip(const ViewContext& ctx, const DropVerdict& v);
// The verdict as a sentence, for the live region while a shift is moved with the keyboard:
// "Tue 1 Dec, Daniel Müller: Blocked: <the rule's message>. Enter to override it with a reason."
std::string verdict_words(const ViewContext& ctx, const Shift& moving, const DropVerdict& v, const std::string& staff);

// Applies the drop: a move command (the whole selection if the shift is in it), or the override
// dialog (rota.pending_override) when a rule blocks it.
void drop_shift(ViewContext& ctx, RotaScreen& rota, const Shift& dragged, const DropVerdict& v, const std::string& staff);
void draw_override_dialog(ViewContext& ctx, RotaScreen& rota);
// "Move to…": a person and a day chosen from lists, with the same verdict and the same drop (and
// override reason) as a drag: the way to move a shift without dragging it.
void open_move_to(RotaScreen& rota, const Shift& shift);
void draw_move_to_dialog(ViewContext& ctx, RotaScreen& rota);

std::string describe_move(const State& state, const Shift& from, const Shift& to);

}  // namespace sb::ui
