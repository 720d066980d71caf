#include "theme.hpp"

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
    return {kPaleGrey, kMidGrey, kText};
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

void apply_light_theme(ImGuiStyle& style) {
    using namespace colour;
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
    col[ImGuiCol_TextDisabled] = c(kMidGrey);
    col[ImGuiCol_WindowBg] = c(kBackground);
    col[ImGuiCol_ChildBg] = c(kWhite);
    col[ImGuiCol_PopupBg] = c(kWhite);
    col[ImGuiCol_Border] = c(kBorder);
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
