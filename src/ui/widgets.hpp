// Small drawing pieces shared by the views: shift chips, buttons in the NHS style, badges, cards.
#pragma once
#include <string>
#include <vector>

#include "core/model.hpp"
#include "ui/theme.hpp"

namespace sb::ui {

// A shift as a chip: pale fill and a strong left border in the type's colour, name and times.
// Status is always spelled out as well as coloured: a letter badge (B bank, A agency) or a
// dashed outline for drafts, so it survives greyscale and colour blindness.
// How wide a chip's words are drawn (its type, its times, a badge): a chip narrower cuts them off.
float shift_chip_words_width(const Shift& shift, const ShiftType* type, const Fonts& fonts);
void draw_shift_chip(ImDrawList* dl, ImVec2 min, ImVec2 max, const Shift& shift, const ShiftType* type,
                     const Fonts& fonts);

std::string shift_times(const Shift& shift);   // "07:00–15:00"
std::string shift_label(const Shift& shift, const State& state);   // "Early" (type name)

// Where buttons and text fields were drawn in the last frame. A phone keyboard opens only when the
// page focuses a real input inside the touch handler, before the app's next frame, so the page asks
// "is this point on a text field?" from these; tests find buttons by label the same way.
struct WidgetRect {
    std::string label;   // the full ImGui label, "Book now##sh123"
    ImVec2 min, max;     // screen coordinates (= CSS pixels in the browser)
    bool text_field = false;
};
void begin_widget_frame();
void end_widget_frame();
// A card appeared this frame: it sizes itself to its contents over the next frames, so the
// platform draws a few more before it goes idle (else it shows empty until the mouse moves).
bool layout_settling();
const std::vector<WidgetRect>& widget_rects();

// ImGui::InputTextWithHint that also records where it is (every text field goes through this).
bool text_field(const char* label, const char* hint, char* buf, size_t size, ImGuiInputTextFlags flags = 0);

// ImGui::BeginCombo for a combo box whose ImGui label is only an id ("##ward"): a screen reader
// hears `name` ("Staff group") and, as its value, what it shows ("All staff groups").
// It is at least as wide as what it shows (widened when narrower, so its words are never cut off).
bool begin_combo(const char* id, const char* name, const char* preview, ImGuiComboFlags flags = 0);
// An item of a drop-down list or a menu: 44 px high on a phone's touch screen (WCAG 2.5.8's
// touch size), ImGui's selectable elsewhere. `touch_targets` is set by the App each frame.
bool choice(const char* label, bool selected = false);
void set_touch_targets(bool phone);
// The width a combo box showing `preview` needs, or `at_least` when that is more.
float combo_width(const char* preview, float at_least, ImGuiComboFlags flags = 0);
// A toolbar that wraps (WCAG 1.4.10: nothing runs off a narrow page or in large text): the next
// item, `width` wide, goes on this line after `spacing` if it fits there, else at the next line's start.
void flow_next(float width, float spacing = -1);
// A checkbox whose words wrap to the width left (a long setting on a phone); `id` keeps it unique.
bool checkbox_wrapped(const char* id, const char* words, bool* value);

enum class ButtonKind { Primary, Secondary, Quiet };
bool button(const char* label, ButtonKind kind, ImVec2 size = ImVec2(0, 0));
// ImGui's small button, known to the test hooks (and, later, to the accessibility mirror) like button().
bool small_button(const char* label);

// A rounded label: used for status words and counts.
void badge(const char* text, ImU32 fill, ImU32 text_colour, const Fonts& fonts);

// A white card with a border; returns the content width. End with end_card().
void begin_card(const char* id, float height = 0.0f);
void end_card();

void text_coloured(ImU32 colour, const char* text);
// Secondary text in the muted colour, wrapped at the window's edge (a phone is narrow).
void text_muted_wrapped(const char* fmt, ...) IM_FMTARGS(1);

// A tinted box around whatever is drawn between begin and end (a refusal, a warning). Drawn in one
// frame (background behind the content), unlike an auto-sized child window which takes several.
void begin_callout();
void end_callout(ImU32 fill, float width);
void heading(const Fonts& fonts, const char* text);

// "36 h of 72 h" as a bar whose colour and word both say how close to the limit it is
// ("within", "near" above 85 %, "over"), so it reads in greyscale too.
void limit_bar(const Fonts& fonts, const char* label, int64_t minutes, int64_t limit_minutes, float width);

// A row of toggle chips; returns true when `value` changed. Touch-sized on a phone.
bool segmented(const char* id, const char* const* labels, int count, int& value, bool phone);

// "Fri 4 Dec" with ‹ › buttons either side: dates chosen without a keyboard.
bool date_stepper(const char* id, Date& date, Date min, Date max, bool phone);
// A month of days to tap, Monday first. With `last`, a range: a tap picks the first day, the next
// tap on or after it the last (a week in two taps); a tap before it starts again. Without, one day.
// Days outside [min, max] cannot be picked; today is outlined. Returns true when the dates change.
bool date_picker(const char* id, Date& first, Date* last, Date min, Date max, Date today, bool phone);

// A section title inside a card with an optional count, e.g. "Notifications  3".
void card_title(const Fonts& fonts, const char* icon, const char* text, int count = -1);

// "2 Mar – 15 Mar 2026"
std::string date_range(Date first, Date last);
// A person as lists and cards name them, told apart from namesakes: "Grace Ahmed · Doctor, CT1 ·
// Ward 7" (what this reader's copy of the state leaves out is left out). The id if unknown.
std::string person_label(const State& state, const std::string& staff);
// The width of the widest date_range() text in the current font: what a stable toolbar keeps for it.
float widest_date_range_width();

}  // namespace sb::ui
