// Small drawing pieces shared by the views: shift chips, buttons in the NHS style, badges, cards.
#pragma once
#include <string>

#include "core/model.hpp"
#include "ui/theme.hpp"

namespace sb::ui {

// A shift as a chip: pale fill and a strong left border in the type's colour, name and times.
// Status is always spelled out as well as coloured: a letter badge (B bank, A agency) or a
// dashed outline for drafts, so it survives greyscale and colour blindness.
void draw_shift_chip(ImDrawList* dl, ImVec2 min, ImVec2 max, const Shift& shift, const ShiftType* type,
                     const Fonts& fonts);

std::string shift_times(const Shift& shift);   // "07:00–15:00"
std::string shift_label(const Shift& shift, const State& state);   // "Early" (type name)

enum class ButtonKind { Primary, Secondary, Quiet };
bool button(const char* label, ButtonKind kind, ImVec2 size = ImVec2(0, 0));

// A rounded label: used for status words and counts.
void badge(const char* text, ImU32 fill, ImU32 text_colour, const Fonts& fonts);

// A white card with a border; returns the content width. End with end_card().
void begin_card(const char* id, float height = 0.0f);
void end_card();

void text_coloured(ImU32 colour, const char* text);

// A tinted box around whatever is drawn between begin and end (a refusal, a warning). Drawn in one
// frame (background behind the content), unlike an auto-sized child window which takes several.
void begin_callout();
void end_callout(ImU32 fill, float width);
void heading(const Fonts& fonts, const char* text);

// "2 Mar – 15 Mar 2026"
std::string date_range(Date first, Date last);

}  // namespace sb::ui
