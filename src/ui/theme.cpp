#include "theme.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "icons.hpp"

namespace sb::ui {

ShiftTypeStyle shift_type_style(const std::string& id) {
    using namespace colour;
    if (id == "early") return {rgb(0xDCEBFA), rgb(0x005EB8), rgb(0x003087)};
    if (id == "late") return {rgb(0xDDF0E3), rgb(0x007F3B), rgb(0x00401E)};
    if (id == "long_day") return {rgb(0xFDEBD3), rgb(0xED8B00), rgb(0x6B3D00)};
    if (id == "night") return {rgb(0xE9E1F3), rgb(0x330072), rgb(0x330072)};
    if (id == "day") return {rgb(0xD9F2F2), rgb(0x00A499), rgb(0x00524C)};
    if (id == "twilight") return {rgb(0xF6E1EC), rgb(0xAE2573), rgb(0x5C113B)};
    return {kPaleGrey, kMidGrey, kText};   // a trust's own shift types
}

namespace {
bool file_exists(const std::string& path) {
    if (FILE* f = std::fopen(path.c_str(), "rb")) {
        std::fclose(f);
        return true;
    }
    return false;
}

// Latin, Latin-1 and Latin Extended-A (Zoë, Łukasz, Ciarán, Müller), general punctuation (– · … ’),
// the pound sign and arrows. Not covered: other scripts, which staff names may need later.
constexpr ImWchar kTextGlyphs[] = {0x0020, 0x017F, 0x2010, 0x2027, 0x2030, 0x203A, 0x20AC, 0x20AC,
                                   0x2190, 0x2193, 0x2212, 0x2212, 0x25B2, 0x25BC, 0x2713, 0x2713, 0};
}  // namespace

bool load_fonts(Fonts& fonts, const std::string& dir, float ratio, float user_scale) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    fonts.pixel_ratio = ratio;
    const std::string regular = dir + "/Inter-Regular.otf", semibold = dir + "/Inter-SemiBold.otf",
                      icons = dir + "/forkawesome-webfont.ttf";
    if (!file_exists(regular) || !file_exists(semibold) || !file_exists(icons)) {
        ImFontConfig cfg;
        cfg.SizePixels = 13.0f * ratio * user_scale;
        fonts.body = fonts.bold = fonts.small = fonts.heading = fonts.large = io.Fonts->AddFontDefault(&cfg);
        io.FontGlobalScale = 1.0f / ratio;
        return false;
    }
    auto add = [&](const std::string& file, float size, bool with_icons) {
        ImFontConfig cfg;
        cfg.OversampleH = 1;   // rasterised at device resolution already: oversampling only costs atlas space
        cfg.OversampleV = 1;
        cfg.PixelSnapH = true;
        const float px = size * ratio * user_scale;
        ImFont* font = io.Fonts->AddFontFromFileTTF(file.c_str(), px, &cfg, kTextGlyphs);
        if (with_icons) {
            ImFontConfig icon_cfg;
            icon_cfg.MergeMode = true;
            icon_cfg.PixelSnapH = true;
            icon_cfg.GlyphMinAdvanceX = px;   // icons line up in columns
            icon_cfg.GlyphOffset = ImVec2(0, 0.5f * ratio);
            io.Fonts->AddFontFromFileTTF(icons.c_str(), px * 0.95f, &icon_cfg,
                                         reinterpret_cast<const ImWchar*>(kIconGlyphs));
        }
        return font;
    };
    fonts.body = add(regular, 15.0f, true);
    fonts.bold = add(semibold, 15.0f, true);
    fonts.small = add(regular, 12.5f, true);
    fonts.heading = add(semibold, 21.0f, true);
    fonts.large = add(semibold, 26.0f, false);
    io.FontDefault = fonts.body;
    io.FontGlobalScale = 1.0f / ratio;
    return io.Fonts->Build();
}

namespace {
Theme g_theme = Theme::Light;

void set_palette(Theme theme) {
    using namespace colour;
    const bool hc = theme == Theme::HighContrast;
    // High contrast: black text on white, the darkest of the NHS blues, greens and reds, and every
    // edge drawn dark; meaning still carried by words and symbols, as in the light theme.
    kBlue = rgb(hc ? 0x003087 : 0x005EB8);
    kDarkBlue = rgb(hc ? 0x001A4D : 0x003087);
    kBrightBlue = rgb(hc ? 0x003087 : 0x0072CE);
    kGreen = rgb(hc ? 0x00401E : 0x007F3B);
    kYellow = rgb(0xFFB81C);
    kRed = rgb(hc ? 0x8A1538 : 0xD5281B);
    kText = rgb(hc ? 0x000000 : 0x212B32);
    kSecondaryText = rgb(hc ? 0x212B32 : 0x425563);
    kMidGrey = rgb(hc ? 0x425563 : 0x768692);
    kMutedText = rgb(hc ? 0x212B32 : 0x4C6272);
    kAmberText = rgb(hc ? 0x5C3A00 : 0x8A5A00);
    kRefusalText = rgb(hc ? 0x5C0E25 : 0x8A1538);
    kFieldBorder = rgb(hc ? 0x000000 : 0x768692);
    kBorder = rgb(hc ? 0x425563 : 0xD8DDE0);
    kPaleGrey = rgb(hc ? 0xF0F4F5 : 0xE8EDEE);
    kBackground = rgb(hc ? 0xFFFFFF : 0xF0F4F5);
    kWhite = rgb(0xFFFFFF);
    kPaleBlue = rgb(0xE6F0FA);
    kPaleGreen = rgb(hc ? 0xEAF5EE : 0xE3F1E8);
    kPaleRed = rgb(hc ? 0xFCEEEC : 0xFBE9E7);
    kPaleYellow = rgb(hc ? 0xFFF7E0 : 0xFFF4D6);
    kWeekendShade = rgb(0xF4F6F7);
    kTodayShade = rgb(0xEEF4FB);
    kLeaveFill = rgb(hc ? 0xDDE2E5 : 0xE4E8EA);
    kLeaveRequestedFill = rgb(hc ? 0xEEF1F2 : 0xF1F3F4);
}

// WCAG 2's relative luminance of an sRGB colour.
double luminance(ImU32 c) {
    auto channel = [](unsigned v) {
        const double x = v / 255.0;
        return x <= 0.04045 ? x / 12.92 : std::pow((x + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel((c >> IM_COL32_R_SHIFT) & 0xFF) + 0.7152 * channel((c >> IM_COL32_G_SHIFT) & 0xFF) +
           0.0722 * channel((c >> IM_COL32_B_SHIFT) & 0xFF);
}
}  // namespace

Theme current_theme() { return g_theme; }

double contrast_ratio(ImU32 a, ImU32 b) {
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

std::vector<DrawnPair> drawn_pairs() {
    using namespace colour;
    std::vector<DrawnPair> out = {
        {"text on the page", kText, kBackground, true},
        {"text on a card", kText, kWhite, true},
        {"text on a pale blue header or hover", kText, kPaleBlue, true},
        {"text in a green, red or amber callout", kText, kPaleGreen, true},
        {"text in a red callout", kText, kPaleRed, true},
        {"text in an amber callout", kText, kPaleYellow, true},
        {"text on a weekend column", kText, kWeekendShade, true},
        {"text on today's column", kText, kTodayShade, true},
        {"details (muted text) on a card", kMutedText, kWhite, true},
        {"details on the page", kMutedText, kBackground, true},
        {"details on a weekend column", kMutedText, kWeekendShade, true},
        {"details on today's column", kMutedText, kTodayShade, true},
        {"details on a pale blue header", kMutedText, kPaleBlue, true},
        {"secondary text on a card", kSecondaryText, kWhite, true},
        {"secondary text on the page", kSecondaryText, kBackground, true},
        {"leave's words on its band", kSecondaryText, kLeaveFill, true},
        {"requested leave's words on its band", kSecondaryText, kLeaveRequestedFill, true},
        {"a link or today's date", kBlue, kWhite, true},
        {"today's date on its column", kBlue, kTodayShade, true},
        {"a secondary button's label on its hover", kBlue, kPaleBlue, true},
        {"a ward's header row", kDarkBlue, kPaleBlue, true},
        {"the top bar's words", kWhite, kBlue, true},
        {"a primary button's label", kWhite, kGreen, true},
        {"an error toast", kWhite, kRed, true},
        {"a toast", kWhite, kText, true},
        {"a blocked verdict or a refusal's rule", kRed, kWhite, true},
        {"a blocked verdict's mark in its cell", kRed, kPaleRed, false},
        {"an allowed verdict", kGreen, kWhite, true},
        {"an allowed verdict's mark in its cell", kGreen, kPaleGreen, false},
        {"availability's words", kGreen, kWhite, true},
        {"a warning", kAmberText, kWhite, true},
        {"a warning's mark in its cell", kAmberText, kPaleYellow, false},
        {"a warning in a callout", kAmberText, kPaleYellow, true},
        {"\"You can't book this shift\"", kRefusalText, kPaleRed, true},
        {"a text field's or list's edge on a card", kFieldBorder, kWhite, false},
        {"a text field's edge on the page", kFieldBorder, kBackground, false},
        {"a secondary button's edge", kBlue, kWhite, false},
        {"a primary button on a card", kGreen, kWhite, false},
        {"a primary button on the page", kGreen, kBackground, false},
        {"the keyboard focus ring on a card", kBrightBlue, kWhite, false},
        {"the keyboard focus ring on the page", kBrightBlue, kBackground, false},
        {"the selection outline on the rota", kBrightBlue, kWhite, false},
        {"a shift in hand's outline", kDarkBlue, kWhite, false},
        {"a blocked cell's outline", kRed, kPaleRed, false},
        {"an allowed cell's outline", kGreen, kPaleGreen, false},
        {"a warning cell's outline", kAmberText, kPaleYellow, false},
        {"today's bar under its date", kBlue, kWhite, false},
    };
    for (const char* id : {"early", "late", "long_day", "night", "day", "twilight", "other"}) {
        const ShiftTypeStyle st = shift_type_style(id);
        out.push_back({"a shift chip's words", st.text, st.fill, true});
    }
    return out;
}

void use_theme(ImGuiStyle& style, Theme theme) {
    using namespace colour;
    g_theme = theme;
    set_palette(theme);
    style = ImGuiStyle();
    style.WindowPadding = ImVec2(20, 16);
    style.FramePadding = ImVec2(10, 6);
    style.ItemSpacing = ImVec2(10, 8);
    style.ItemInnerSpacing = ImVec2(8, 6);
    style.CellPadding = ImVec2(6, 4);
    style.ScrollbarSize = 12;
    style.WindowRounding = 0;
    style.ChildRounding = 6;
    style.FrameRounding = 6;
    style.PopupRounding = 6;
    style.GrabRounding = 6;
    style.ScrollbarRounding = 6;
    style.TabRounding = 6;
    style.WindowBorderSize = 0;
    style.ChildBorderSize = 1;
    style.PopupBorderSize = 1;
    style.FrameBorderSize = 1;

    auto c = [](ImU32 v) { return ImGui::ColorConvertU32ToFloat4(v); };
    ImVec4* col = style.Colors;
    col[ImGuiCol_Text] = c(kText);
    col[ImGuiCol_TextDisabled] = c(kMutedText);
    col[ImGuiCol_WindowBg] = c(kBackground);
    col[ImGuiCol_ChildBg] = c(kWhite);
    col[ImGuiCol_PopupBg] = c(kWhite);
    col[ImGuiCol_Border] = c(kFieldBorder);   // frames and popups; cards push the paler kBorder
    col[ImGuiCol_BorderShadow] = ImVec4(0, 0, 0, 0);
    col[ImGuiCol_FrameBg] = c(kWhite);
    col[ImGuiCol_FrameBgHovered] = c(kPaleBlue);
    col[ImGuiCol_FrameBgActive] = c(kPaleBlue);
    col[ImGuiCol_TitleBg] = c(kBlue);
    col[ImGuiCol_TitleBgActive] = c(kBlue);
    col[ImGuiCol_MenuBarBg] = c(kWhite);
    col[ImGuiCol_ScrollbarBg] = c(kBackground);
    col[ImGuiCol_ScrollbarGrab] = c(rgb(0xAEB7BD));
    col[ImGuiCol_ScrollbarGrabHovered] = c(kMidGrey);
    col[ImGuiCol_ScrollbarGrabActive] = c(kSecondaryText);
    col[ImGuiCol_CheckMark] = c(kBlue);
    col[ImGuiCol_SliderGrab] = c(kBlue);
    col[ImGuiCol_SliderGrabActive] = c(kDarkBlue);
    col[ImGuiCol_Button] = c(kWhite);
    col[ImGuiCol_ButtonHovered] = c(kPaleBlue);
    col[ImGuiCol_ButtonActive] = c(rgb(0xCCE0F4));
    col[ImGuiCol_Header] = c(kPaleBlue);
    col[ImGuiCol_HeaderHovered] = c(rgb(0xDCE9F6));
    col[ImGuiCol_HeaderActive] = c(rgb(0xCCE0F4));
    col[ImGuiCol_Separator] = c(kBorder);
    col[ImGuiCol_TableHeaderBg] = c(kWhite);
    col[ImGuiCol_TableBorderStrong] = c(kBorder);
    col[ImGuiCol_TableBorderLight] = c(rgb(0xE6EAEC));
    col[ImGuiCol_TableRowBg] = c(kWhite);
    col[ImGuiCol_TableRowBgAlt] = c(rgb(0xFAFBFB));
    col[ImGuiCol_TextSelectedBg] = c(rgb(0xB3D1F0));
    col[ImGuiCol_NavHighlight] = c(kBrightBlue);   // keyboard focus must be visible (WCAG 2.4.7)
    col[ImGuiCol_ModalWindowDimBg] = ImVec4(0.13f, 0.17f, 0.20f, 0.45f);
}

}  // namespace sb::ui
