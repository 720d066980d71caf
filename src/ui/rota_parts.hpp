// The rota screen's pieces, shared by its files and nothing else:
//   rota_view.cpp        the screen: ward and week, filters, the grid beside the history, dialogs
//   rota_index.cpp       rows (wards, groups, people, vacant lanes) and cells, rebuilt when the data
//                        or the filters change, not every frame
//   rota_grid.cpp        the table of staff × days: chips, leave and availability, drag and drop
//   rota_status_bar.cpp  the counts a manager scans first, breaches, undo and the history button
//   audit_panel.cpp      the history: the audit trail, filtered, exported as CSV
#pragma once
#include <string>

#include "ui/rota_state.hpp"
#include "ui/view_context.hpp"

namespace sb::ui {

inline constexpr const char* kAllWards = "*";
inline constexpr float kPhoneRowHeight = 50;   // a phone's chips are 44 px touch targets
inline constexpr float kRowHeight = 44, kNameWidth = 190, kPhoneNameWidth = 132, kMinDayWidth = 84;

// The index is built with the screen's filters (search, group, grade) and collapsed groups.
void rebuild_rota_index(RotaIndex& ix, const State& state, const std::string& ward_id, const RotaScreen& rota);
std::string rota_filter_key(const RotaScreen& rota);

// The grid of days [first_day, first_day + day_count) of the rota period, `width` wide, leaving
// `reserve_below` pixels under it for the status bar.
void draw_rota_grid(ViewContext& ctx, RotaScreen& rota, int first_day, int day_count, bool can_edit, float width, float reserve_below);
void draw_rota_status_bar(ViewContext& ctx, RotaScreen& rota, int first_day, int day_count);
// The history beside the grid, `width` wide (rota_view.cpp decides whether it is open).
void draw_audit_panel(ViewContext& ctx, RotaScreen& rota, float width);

}  // namespace sb::ui
