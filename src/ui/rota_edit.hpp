// Building the rota by hand: add a shift from a template, edit its times, type and rate, delete,
// publish the draft rota and post vacancies to the bank. Every action is a command.
#pragma once
#include "ui/rota_state.hpp"
#include "ui/view_context.hpp"

namespace sb::ui {

// Opens the cell menu for (staff, day); call from the cell's own item (right-click / double-click).
void open_cell_menu(ViewContext& ctx, RotaScreen& rota, const std::string& staff, Date day);
void draw_cell_menu(ViewContext& ctx, RotaScreen& rota, const Ward& ward);
// Right-click menu of a shift chip (edit, delete, unassign, post to bank).
void draw_chip_menu(ViewContext& ctx, RotaScreen& rota, const Shift& shift);
void draw_shift_editor(ViewContext& ctx, RotaScreen& rota);
// Right-click on a person's name: apply a weekly pattern from the first day in view.
void draw_person_menu(ViewContext& ctx, RotaScreen& rota, const Staff& person);
void draw_pattern_dialog(ViewContext& ctx, RotaScreen& rota, Date first);
// "Copy week", "Post to bank" and "Publish", right-aligned after the last item on the line. When they
// do not fit there they are drawn on a line of their own if `may_wrap`, else not at all (returns false)
// so the caller can try again at the end of a later line.
bool draw_rota_actions(ViewContext& ctx, const RotaScreen& rota, const Ward& ward, Date first, int days, bool may_wrap);

}  // namespace sb::ui
