// Shiftbank's look: NHS identity colours, the Inter font at the screen's pixel density, and the
// colours that carry meaning (shift types, rule status). Every colour that means something is paired
// with a word, letter or border style elsewhere, so the UI still reads in greyscale.
#pragma once
#include <string>

#include "imgui.h"

namespace sb::ui {

namespace colour {
// NHS identity palette (docs/design: shared/design/README.md).
inline constexpr ImU32 rgb(unsigned v) {
    return IM_COL32((v >> 16) & 0xFF, (v >> 8) & 0xFF, v & 0xFF, 0xFF);
}
inline constexpr ImU32 kBlue = rgb(0x005EB8), kDarkBlue = rgb(0x003087), kBrightBlue = rgb(0x0072CE);
inline constexpr ImU32 kGreen = rgb(0x007F3B), kYellow = rgb(0xFFB81C), kRed = rgb(0xD5281B);
inline constexpr ImU32 kText = rgb(0x212B32), kSecondaryText = rgb(0x425563), kMidGrey = rgb(0x768692);
inline constexpr ImU32 kBorder = rgb(0xD8DDE0), kPaleGrey = rgb(0xE8EDEE), kBackground = rgb(0xF0F4F5);
inline constexpr ImU32 kWhite = rgb(0xFFFFFF);
inline constexpr ImU32 kPaleBlue = rgb(0xE6F0FA), kPaleGreen = rgb(0xE3F1E8), kPaleRed = rgb(0xFBE9E7),
                       kPaleYellow = rgb(0xFFF4D6);
inline constexpr ImU32 kWeekendShade = rgb(0xF4F6F7), kTodayShade = rgb(0xEEF4FB);
}  // namespace colour

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

void apply_light_theme(ImGuiStyle& style);

}  // namespace sb::ui
