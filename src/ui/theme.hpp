// Shiftbank's look: NHS identity colours, the Inter font at the screen's pixel density, and the
// colours that carry meaning (shift types, rule status). Every colour that means something is paired
// with a word, letter or border style elsewhere, so the UI still reads in greyscale.
#pragma once
#include <string>
#include <vector>

#include "imgui.h"

namespace sb::ui {

namespace colour {
inline constexpr ImU32 rgb(unsigned v) {
    return IM_COL32((v >> 16) & 0xFF, (v >> 8) & 0xFF, v & 0xFF, 0xFF);
}
// The palette in use: the light theme's (NHS identity colours, shared/design/README.md) unless the
// person chose high contrast (use_theme). Views read these as they draw, so a switch shows at once.
inline ImU32 kBlue = rgb(0x005EB8), kDarkBlue = rgb(0x003087), kBrightBlue = rgb(0x0072CE);
inline ImU32 kGreen = rgb(0x007F3B), kYellow = rgb(0xFFB81C), kRed = rgb(0xD5281B);
inline ImU32 kText = rgb(0x212B32), kSecondaryText = rgb(0x425563), kMidGrey = rgb(0x768692);
inline ImU32 kMutedText = rgb(0x4C6272);    // ImGui's "disabled" text, used for secondary details: 4.5:1 or more
inline ImU32 kAmberText = kAmberText;    // warnings: amber that reads as text
inline ImU32 kRefusalText = kRefusalText;  // "You can't book this shift"
inline ImU32 kFieldBorder = rgb(0x768692);  // a field's or a list's edge: 3:1 against the page (WCAG 1.4.11)
inline ImU32 kBorder = rgb(0xD8DDE0), kPaleGrey = rgb(0xE8EDEE), kBackground = rgb(0xF0F4F5);
inline ImU32 kWhite = rgb(0xFFFFFF);
inline ImU32 kPaleBlue = rgb(0xE6F0FA), kPaleGreen = rgb(0xE3F1E8), kPaleRed = rgb(0xFBE9E7), kPaleYellow = rgb(0xFFF4D6);
inline ImU32 kWeekendShade = rgb(0xF4F6F7), kTodayShade = rgb(0xEEF4FB);
inline ImU32 kLeaveFill = kLeaveFill, kLeaveRequestedFill = kLeaveRequestedFill;
}  // namespace colour

enum class Theme { Light, HighContrast };
// Sets the palette above and ImGui's style for a theme.
void use_theme(ImGuiStyle& style, Theme theme);
Theme current_theme();

// Two colours the app draws one on the other, and what must hold between them: text 4.5:1, a
// part of the interface (a field's edge, the focus ring, a verdict's outline) 3:1 (WCAG 1.4.3, 1.4.11).
struct DrawnPair {
    const char* what;
    ImU32 front, back;
    bool text;
};
std::vector<DrawnPair> drawn_pairs();   // of the palette in use
double contrast_ratio(ImU32 a, ImU32 b);

// A shift type's chip: pale fill, strong left border. Known ids get the design's colours; others a
// neutral grey, so a trust's own shift types still draw legibly.
struct ShiftTypeStyle {
    ImU32 fill;
    ImU32 border;
    ImU32 text;
};
ShiftTypeStyle shift_type_style(const std::string& type_id);

struct Fonts {
    ImFont* body = nullptr;       // Inter Regular 15 px, with icons merged
    ImFont* bold = nullptr;       // Inter SemiBold 15 px, with icons merged
    ImFont* small = nullptr;      // Inter Regular 13 px
    ImFont* heading = nullptr;    // Inter SemiBold 21 px
    ImFont* large = nullptr;      // Inter SemiBold 26 px (figures, phone headings)
    float pixel_ratio = 1.0f;     // the atlas was rasterised at this devicePixelRatio
};

// Builds the font atlas at `pixel_ratio` × the design sizes and scales drawing back by 1/ratio, so
// text is rasterised at the screen's real resolution (sharp on high-DPI phones). `font_dir` holds
// Inter-Regular.otf, Inter-SemiBold.otf and forkawesome-webfont.ttf. Returns false, with ImGui's
// default font loaded instead, if a file is missing: the app still works, and says so.
bool load_fonts(Fonts& fonts, const std::string& font_dir, float pixel_ratio, float user_scale = 1.0f);


}  // namespace sb::ui
