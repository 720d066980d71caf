#include "widgets.hpp"
#include <algorithm>
#include <cstdarg>

#include "core/civil_time.hpp"
#include "core/enum_names.hpp"
#include "imgui_internal.h"
#include "ui/access_mirror.hpp"
#include "ui/icons.hpp"
#include "ui/layout.hpp"

namespace sb::ui {
using namespace colour;

std::string shift_times(const Shift& s) { return format_clock(s.start.minute) + "\xE2\x80\x93" + format_clock(s.end.minute); }

std::string shift_label(const Shift& s, const State& state) {
    const ShiftType* t = state.find_shift_type(s.type);
    return t ? t->name : s.type;
}

namespace {
void dashed_rect(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 col) {
    const float dash = 4, gap = 3;
    for (float x = a.x; x < b.x; x += dash + gap) {
        dl->AddLine({x, a.y}, {std::min(x + dash, b.x), a.y}, col);
        dl->AddLine({x, b.y - 1}, {std::min(x + dash, b.x), b.y - 1}, col);
    }
    for (float y = a.y; y < b.y; y += dash + gap) {
        dl->AddLine({b.x - 1, y}, {b.x - 1, std::min(y + dash, b.y)}, col);
    }
}

void letter_badge(ImDrawList* dl, ImVec2 top_right, const char* letter, ImU32 fill, const Fonts& fonts) {
    const float size = 15;
    ImVec2 a(top_right.x - size - 3, top_right.y + 3), b(top_right.x - 3, top_right.y + 3 + size);
    dl->AddRectFilled(a, b, fill, 3);
    ImVec2 ts = fonts.small->CalcTextSizeA(fonts.small->FontSize * ImGui::GetIO().FontGlobalScale, FLT_MAX, 0, letter);
    dl->AddText(fonts.small, fonts.small->FontSize * ImGui::GetIO().FontGlobalScale,
                ImVec2((a.x + b.x - ts.x) * 0.5f, (a.y + b.y - ts.y) * 0.5f), kWhite, letter);
}
}  // namespace

float shift_chip_words_width(const Shift& s, const ShiftType* type, const Fonts& fonts) {
    const float small = fonts.small->FontSize * ImGui::GetIO().FontGlobalScale;
    const char* name = type ? type->name.c_str() : s.type.c_str();
    const float name_w = fonts.bold->CalcTextSizeA(small, FLT_MAX, 0, name).x;
    const float times_w = fonts.small->CalcTextSizeA(small, FLT_MAX, 0, shift_times(s).c_str()).x;
    const bool badge = s.status == ShiftStatus::Open || s.source == ShiftSource::Agency || (s.source == ShiftSource::Bank && !s.assignee.empty());
    // The badge sits at the top right, beside the type's name; the times run under it.
    return 7 + std::max(name_w + (badge ? 15 + 6 : 0), times_w) + 3;
}

void draw_shift_chip(ImDrawList* dl, ImVec2 min, ImVec2 max, const Shift& s, const ShiftType* type, const Fonts& fonts) {
    const ShiftTypeStyle st = shift_type_style(s.type);
    const bool draft = s.status == ShiftStatus::Draft;
    const bool vacant = s.assignee.empty();
    dl->AddRectFilled(min, max, draft && vacant ? kWhite : st.fill, 4);
    if (draft || vacant) dashed_rect(dl, min, max, st.border);
    dl->AddRectFilled(min, ImVec2(min.x + 3, max.y), st.border, 4, ImDrawFlags_RoundCornersLeft);
    const float scale = ImGui::GetIO().FontGlobalScale;
    const float small = fonts.small->FontSize * scale;
    dl->PushClipRect(min, max, true);
    const char* name = type ? type->name.c_str() : s.type.c_str();
    dl->AddText(fonts.bold, small, ImVec2(min.x + 7, min.y + 3), st.text, name);
    dl->AddText(fonts.small, small, ImVec2(min.x + 7, min.y + 3 + small + 1), kSecondaryText, shift_times(s).c_str());
    if (s.status == ShiftStatus::Open) letter_badge(dl, ImVec2(max.x, min.y), "B", kBlue, fonts);
    else if (s.source == ShiftSource::Agency) letter_badge(dl, ImVec2(max.x, min.y), "A", kSecondaryText, fonts);
    else if (s.source == ShiftSource::Bank && !vacant) letter_badge(dl, ImVec2(max.x, min.y), "b", kBrightBlue, fonts);
    dl->PopClipRect();
}

namespace {
std::vector<WidgetRect> g_drawing, g_drawn;   // this frame's, and the last complete frame's
void note_item(const char* label, bool text) {
    g_drawing.push_back({label, ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), text});
}
}  // namespace

bool g_settling = false;

void begin_widget_frame() { g_drawing.clear(), g_settling = false; }

bool layout_settling() { return g_settling; }

void end_widget_frame() { g_drawn.swap(g_drawing); }

const std::vector<WidgetRect>& widget_rects() { return g_drawn; }

bool text_field(const char* label, const char* hint, char* buf, size_t size, ImGuiInputTextFlags flags) {
    // A field with no label of its own is named by its hint ("Search staff"), unless the view named it.
    if (a11y::Mirror* m = a11y::current(); m && m->enabled() && !m->has_next() && a11y::spoken_label(label).empty())
        m->next(a11y::Role::TextBox, a11y::spoken_label(hint));
    const bool changed = ImGui::InputTextWithHint(label, hint, buf, size, flags);
    note_item(label, true);
    return changed;
}

bool button(const char* label, ButtonKind kind, ImVec2 size) {
    ImU32 bg = kWhite, hover = kPaleBlue, active = rgb(0xCCE0F4), text = kBlue, border = kBlue;
    if (kind == ButtonKind::Primary) bg = kGreen, hover = rgb(0x006632), active = rgb(0x00401E), text = kWhite, border = kGreen;
    if (kind == ButtonKind::Quiet) border = IM_COL32(0, 0, 0, 0);
    ImGui::PushStyleColor(ImGuiCol_Button, bg);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, hover);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, active);
    ImGui::PushStyleColor(ImGuiCol_Text, text);
    ImGui::PushStyleColor(ImGuiCol_Border, border);
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 1.5f);
    const bool pressed = ImGui::Button(label, size);
    note_item(label, false);
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(5);
    return pressed;
}

bool small_button(const char* label) {
    // Small in its padding, not as a target: never under 24 px tall (WCAG 2.5.8), 44 on a phone.
    const float h = ImGui::GetIO().DisplaySize.x < kPhoneWidth ? 44.0f : 24.0f;
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(ImGui::GetStyle().FramePadding.x * 0.6f,
                                                           std::max(1.0f, (h - ImGui::GetFontSize()) * 0.5f)));
    const bool pressed = ImGui::Button(label);
    ImGui::PopStyleVar();
    note_item(label, false);
    return pressed;
}

void badge(const char* text, ImU32 fill, ImU32 text_colour, const Fonts& fonts) {
    const float scale = ImGui::GetIO().FontGlobalScale;
    const float size = fonts.small->FontSize * scale;
    ImVec2 ts = fonts.small->CalcTextSizeA(size, FLT_MAX, 0, text);
    ImVec2 pos = ImGui::GetCursorScreenPos();
    const float h = ImGui::GetTextLineHeight();
    ImVec2 pad(7, (h - ts.y) * 0.5f);
    ImVec2 end(pos.x + ts.x + pad.x * 2, pos.y + h);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, end, fill, h * 0.5f);
    dl->AddText(fonts.small, size, ImVec2(pos.x + pad.x, pos.y + pad.y), text_colour, text);
    ImGui::Dummy(ImVec2(end.x - pos.x, h));
}

void begin_card(const char* id, float height) {
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(16, 14));
    ImGui::PushStyleVar(ImGuiStyleVar_ChildRounding, 8);
    ImGui::PushStyleColor(ImGuiCol_ChildBg, kWhite);
    ImGui::PushStyleColor(ImGuiCol_Border, kBorder);   // a card's edge is decoration; fields' edges are darker
    ImGui::BeginChild(id, ImVec2(0, height), ImGuiChildFlags_Border | (height == 0 ? ImGuiChildFlags_AutoResizeY : 0),
                      ImGuiWindowFlags_NoScrollbar);
    if (height == 0 && ImGui::IsWindowAppearing()) g_settling = true;
}

void end_card() {
    ImGui::EndChild();
    ImGui::PopStyleColor(2);
    ImGui::PopStyleVar(2);
}

void begin_callout() {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->ChannelsSplit(2);
    dl->ChannelsSetCurrent(1);   // content in front
    ImGui::SetCursorPos(ImVec2(ImGui::GetCursorPosX() + 12, ImGui::GetCursorPosY() + 10));
    ImGui::BeginGroup();
}

void end_callout(ImU32 fill, float width) {
    ImGui::EndGroup();
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->ChannelsSetCurrent(0);   // the box behind it
    dl->AddRectFilled(ImVec2(min.x - 12, min.y - 10), ImVec2(min.x - 12 + width, max.y + 10), fill, 8);
    dl->ChannelsMerge();
    ImGui::Dummy(ImVec2(0, 10));
}

void text_coloured(ImU32 colour, const char* text) {
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::TextUnformatted(text);
    ImGui::PopStyleColor();
}

void text_muted_wrapped(const char* fmt, ...) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::PushTextWrapPos(0.0f);
    va_list args;
    va_start(args, fmt);
    ImGui::TextV(fmt, args);
    va_end(args);
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
}

void heading(const Fonts& fonts, const char* text) {
    ImGui::PushFont(fonts.heading);
    ImGui::TextUnformatted(text);
    ImGui::PopFont();
}

std::string date_range(Date first, Date last) {
    const auto a = civil(first), b = civil(last);
    std::string left = std::to_string(a.day);
    if (a.month != b.month || a.year != b.year) left += std::string(" ") + month_short(a.month);
    if (a.year != b.year) left += " " + std::to_string(a.year);
    return left + " \xE2\x80\x93 " + std::to_string(b.day) + " " + month_short(b.month) + " " + std::to_string(b.year);
}

std::string person_label(const State& state, const std::string& staff) {
    const Staff* p = state.find_staff(staff);
    if (!p) return staff;
    std::string out = p->name + " \xC2\xB7 " + std::string(display_name(p->group));
    if (!p->grade.empty()) out += ", " + p->grade;
    if (const Ward* w = p->wards.empty() ? nullptr : state.find_ward(p->wards.front())) out += " \xC2\xB7 " + w->name;
    return out;
}

float widest_date_range_width() {
    // Two years shown (a range across New Year) with the widest month and digits.
    float month = 0;
    for (int i = 1; i <= 12; ++i) month = std::max(month, ImGui::CalcTextSize(month_short(i)).x);
    const float digit = ImGui::CalcTextSize("0").x;   // Inter's figures are tabular: one width
    return ImGui::CalcTextSize(" \xE2\x80\x93   ").x + 2 * (month + 8 * digit);
}

void limit_bar(const Fonts& fonts, const char* label, int64_t minutes, int64_t limit, float width) {
    const double share = limit > 0 ? double(minutes) / double(limit) : 0.0;
    const bool over = minutes > limit, near = !over && share > 0.85;
    const ImU32 fill = over ? kRed : near ? kYellow : kGreen;
    const char* word = over ? "over the limit" : near ? "near the limit" : "within the limit";
    ImGui::PushFont(fonts.small);
    ImGui::TextDisabled("%s", label);
    ImGui::PopFont();
    ImGui::PushFont(fonts.bold);
    ImGui::Text("%s of %s", format_duration(minutes).c_str(), format_duration(limit).c_str());
    ImGui::PopFont();
    ImGui::SameLine(0, 8);
    text_coloured(over ? kRed : near ? kAmberText : kGreen, word);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p, ImVec2(p.x + width, p.y + 8), kPaleGrey, 4);
    dl->AddRectFilled(p, ImVec2(p.x + width * float(std::min(1.0, share)), p.y + 8), fill, 4);
    ImGui::Dummy(ImVec2(width, 14));
}

bool segmented(const char* id, const char* const* labels, int count, int& value, bool phone) {
    bool changed = false;
    ImGui::PushID(id);
    ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, 16);
    for (int i = 0; i < count; ++i) {
        const ImVec2 ts = ImGui::CalcTextSize(labels[i]);
        if (i) flow_next(ts.x + 24, 6);   // a segment that does not fit wraps to the next line
        const bool on = value == i;
        ImGui::PushID(i);
        ImGui::PushStyleColor(ImGuiCol_Button, on ? kBlue : kWhite);
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, on ? kDarkBlue : kPaleBlue);
        ImGui::PushStyleColor(ImGuiCol_ButtonActive, kDarkBlue);
        ImGui::PushStyleColor(ImGuiCol_Text, on ? kWhite : kText);
        ImGui::PushStyleColor(ImGuiCol_Border, on ? kBlue : kFieldBorder);
        ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 1.0f);
        if (ImGui::Button(labels[i], ImVec2(ts.x + 24, phone ? 44 : 30)) && value != i) {
            value = i;
            changed = true;
        }
        ImGui::PopStyleVar();
        ImGui::PopStyleColor(5);
        ImGui::PopID();
    }
    ImGui::PopStyleVar();
    ImGui::PopID();
    return changed;
}

bool date_stepper(const char* id, Date& date, Date min, Date max, bool phone) {
    bool changed = false;
    ImGui::PushID(id);
    const ImVec2 size(phone ? 44 : 30, phone ? 44 : 30);
    ImGui::BeginDisabled(date <= min);
    if (button(ICON_CHEVRON_LEFT, ButtonKind::Secondary, size)) date = date - 1, changed = true;
    ImGui::EndDisabled();
    ImGui::SameLine(0, 6);
    const std::string label = format_weekday_day_month(date) + " " + std::to_string(civil(date).year);
    // The date in a slot as wide as the widest date, so the next arrow stays under the finger.
    float weekday = 0, month = 0;
    for (int i = 0; i < 7; ++i) weekday = std::max(weekday, ImGui::CalcTextSize(weekday_short(Date{i})).x);
    for (int i = 1; i <= 12; ++i) month = std::max(month, ImGui::CalcTextSize(month_short(i)).x);
    const float slot = weekday + month + ImGui::CalcTextSize(" 00  0000").x;
    const float x = ImGui::GetCursorPosX();
    ImGui::AlignTextToFramePadding();
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (size.y - ImGui::GetFrameHeight()) * 0.5f);
    ImGui::SetCursorPosX(x + (slot - ImGui::CalcTextSize(label.c_str()).x) * 0.5f);
    ImGui::TextUnformatted(label.c_str());
    ImGui::SameLine(x + slot + 6);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() - (size.y - ImGui::GetFrameHeight()) * 0.5f);
    ImGui::BeginDisabled(date >= max);
    if (button(ICON_CHEVRON_RIGHT, ButtonKind::Secondary, size)) date = date + 1, changed = true;
    ImGui::EndDisabled();
    ImGui::PopID();
    return changed;
}

bool date_picker(const char* id, Date& first, Date* last, Date min, Date max, Date today, bool phone) {
    ImGui::PushID(id);
    // Which month is shown and whether the next tap ends a range: kept by ImGui per picker.
    ImGuiStorage* store = ImGui::GetStateStorage();
    const ImGuiID month_key = ImGui::GetID("month"), stage_key = ImGui::GetID("stage");
    const YearMonthDay shown_at = civil(first);
    int months = store->GetInt(month_key, shown_at.year * 12 + shown_at.month - 1);
    bool ending = store->GetBool(stage_key, false);
    const int year = months / 12, month = months % 12 + 1;
    const float cell = phone ? 44.0f : 32.0f, gap = 2.0f;
    a11y::Mirror* mirror = a11y::current();
    // The month, between its arrows.
    if (mirror) mirror->next(a11y::Role::Button, "Previous month");
    if (button(ICON_CHEVRON_LEFT "##prev-month", ButtonKind::Quiet, ImVec2(cell, cell))) --months;
    ImGui::SameLine(0, gap);
    const std::string title = std::string(month_name(month)) + " " + std::to_string(year);
    const float title_w = cell * 5 + gap * 4;
    const float tx = ImGui::GetCursorPosX();
    ImGui::AlignTextToFramePadding();
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (cell - ImGui::GetFrameHeight()) * 0.5f);
    ImGui::SetCursorPosX(tx + (title_w - ImGui::CalcTextSize(title.c_str()).x) * 0.5f);
    ImGui::TextUnformatted(title.c_str());
    if (mirror) mirror->heading(4, title);
    ImGui::SameLine(tx + title_w + gap);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() - (cell - ImGui::GetFrameHeight()) * 0.5f);
    if (mirror) mirror->next(a11y::Role::Button, "Next month");
    if (button(ICON_CHEVRON_RIGHT "##next-month", ButtonKind::Quiet, ImVec2(cell, cell))) ++months;
    // Weekday initials, then the days from the Monday on or before the 1st.
    static const char* initials[] = {"Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"};
    for (int i = 0; i < 7; ++i) {
        if (i) ImGui::SameLine(0, gap);
        const float x = ImGui::GetCursorPosX();
        ImGui::SetCursorPosX(x + (cell - ImGui::CalcTextSize(initials[i]).x) * 0.5f);
        ImGui::TextDisabled("%s", initials[i]);
        ImGui::SameLine(x + cell);
        ImGui::Dummy(ImVec2(0, 0));
    }
    const Date start = make_date(year, month, 1);
    const Date grid = start - weekday(start);
    bool changed = false;
    for (int k = 0; k < 42; ++k) {
        const Date d = grid + k;
        if (k % 7) ImGui::SameLine(0, gap);
        else if (k >= 35 && civil(d).month != month) break;   // a sixth row only when the month needs it
        const bool in_month = civil(d).month == month;
        const bool picked = last ? d >= first && d <= *last : d == first;
        const bool end = d == first || (last && d == *last);
        const bool allowed = d >= min && d <= max;
        ImGui::PushStyleColor(ImGuiCol_Button, end ? kBlue : picked ? kPaleBlue : kWhite);
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, end ? kDarkBlue : kPaleBlue);
        ImGui::PushStyleColor(ImGuiCol_Text, end ? kWhite : in_month ? kText : kSecondaryText);
        ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, d == today ? 1.5f : 0.0f);
        ImGui::PushStyleColor(ImGuiCol_Border, kBlue);
        ImGui::BeginDisabled(!allowed);
        if (mirror) {
            std::string name = format_weekday_day_month(d) + " " + std::to_string(civil(d).year);
            if (d == today) name += ", today";
            if (picked) name += last ? (d == first ? ", first day" : d == *last ? ", last day" : ", chosen") : ", chosen";
            mirror->next(a11y::Role::Button, name);
        }
        const std::string label = std::to_string(civil(d).day) + "##d" + std::to_string(d.days);
        if (ImGui::Button(label.c_str(), ImVec2(cell, cell))) {
            changed = true;
            if (!last) first = d;
            else if (ending && d >= first) *last = d, ending = false;
            else first = *last = d, ending = true;
        }
        ImGui::EndDisabled();
        ImGui::PopStyleColor(4);
        ImGui::PopStyleVar();
    }
    store->SetInt(month_key, months);
    store->SetBool(stage_key, ending);
    ImGui::PopID();
    return changed;
}

void card_title(const Fonts& fonts, const char* icon, const char* text, int count) {
    ImGui::PushFont(fonts.bold);
    text_coloured(kBlue, icon);
    ImGui::SameLine(0, 8);
    ImGui::TextUnformatted(text);
    ImGui::PopFont();
    if (count >= 0) {
        ImGui::SameLine(0, 8);
        badge(std::to_string(count).c_str(), count ? kBlue : kPaleGrey, count ? kWhite : kSecondaryText, fonts);
    }
    ImGui::Spacing();
}

namespace {
bool g_touch_targets = false;
}
void set_touch_targets(bool phone) { g_touch_targets = phone; }

bool choice(const char* label, bool selected) {
    if (!g_touch_targets) return ImGui::Selectable(label, selected);
    // Its rectangle takes in half the item spacing above and below: 44 px in all.
    ImGui::PushStyleVar(ImGuiStyleVar_SelectableTextAlign, ImVec2(0, 0.5f));
    const bool pressed = ImGui::Selectable(label, selected, ImGuiSelectableFlags_None, ImVec2(0, 44 - ImGui::GetStyle().ItemSpacing.y));
    ImGui::PopStyleVar();
    return pressed;
}

float combo_width(const char* preview, float at_least, ImGuiComboFlags flags) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float words_w = ImGui::CalcTextSize(preview, nullptr, true).x + style.FramePadding.x * 2 +
                          ((flags & ImGuiComboFlags_NoArrowButton) ? 0 : ImGui::GetFrameHeight());
    return std::max(at_least, words_w);
}

void flow_next(float width, float spacing) {
    if (spacing < 0) spacing = ImGui::GetStyle().ItemSpacing.x;
    const float right_edge = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    if (ImGui::GetItemRectMax().x + spacing + width <= right_edge) ImGui::SameLine(0, spacing);
}

bool checkbox_wrapped(const char* id, const char* words, bool* value) {
    if (a11y::Mirror* m = a11y::current(); m && m->enabled()) m->next(a11y::Role::CheckBox, words);
    ImGui::PushID(id);
    bool changed = ImGui::Checkbox("##box", value);
    ImGui::PopID();
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::TextWrapped("%s", words);
    // The words are part of the target, as a checkbox's label is.
    if (ImGui::IsItemClicked()) *value = !*value, changed = true;
    return changed;
}

bool begin_combo(const char* id, const char* name, const char* preview, ImGuiComboFlags flags) {
    // Its words are never cut off (WCAG 1.4.4): a box narrower than what it shows is widened to it,
    // in the font and text size drawn now.
    const float words_w = combo_width(preview, 0, flags);
    if (ImGui::CalcItemWidth() < words_w) ImGui::SetNextItemWidth(words_w);
    if (a11y::Mirror* m = a11y::current(); m && m->enabled()) {
        m->next(a11y::Role::ComboBox, name);
        m->next_value(a11y::spoken_label(preview));
        m->next_words_width(words_w);
        m->next_expanded(ImGui::IsPopupOpen(ImHashStr("##ComboPopup", 0, ImGui::GetID(id)), ImGuiPopupFlags_None));
    }
    return ImGui::BeginCombo(id, preview, flags);
}

}  // namespace sb::ui
