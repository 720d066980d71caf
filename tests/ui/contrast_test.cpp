// Seeing and reading (WCAG 1.4.3, 1.4.11): every pair of theme colours the app draws one on the
// other, in every theme, has text at 4.5:1 or more and parts of the interface at 3:1 or more.
#include <doctest/doctest.h>

#include "imgui.h"
#include "ui/theme.hpp"

using namespace sb::ui;

TEST_CASE("contrast ratios as WCAG 2 defines them") {
    using colour::rgb;
    CHECK(contrast_ratio(rgb(0x000000), rgb(0xFFFFFF)) == doctest::Approx(21.0));
    CHECK(contrast_ratio(rgb(0xFFFFFF), rgb(0x000000)) == doctest::Approx(21.0));   // either way round
    CHECK(contrast_ratio(rgb(0x005EB8), rgb(0x005EB8)) == doctest::Approx(1.0));
    CHECK(contrast_ratio(rgb(0x767676), rgb(0xFFFFFF)) == doctest::Approx(4.54).epsilon(0.01));   // the web's known 4.5:1 grey
}

TEST_CASE("every pair of theme colours drawn together is readable, in the light and the high-contrast theme") {
    for (const Theme theme : {Theme::Light, Theme::HighContrast}) {
        ImGuiStyle style;
        use_theme(style, theme);
        const char* name = theme == Theme::Light ? "light" : "high contrast";
        std::vector<DrawnPair> pairs = drawn_pairs();
        // ImGui's own drawing with the theme's style: text, details and edges on windows, cards, popups.
        auto u32 = [&](ImGuiCol c) { return ImGui::ColorConvertFloat4ToU32(style.Colors[c]); };
        for (ImGuiCol bg : {ImGuiCol_WindowBg, ImGuiCol_ChildBg, ImGuiCol_PopupBg, ImGuiCol_FrameBg, ImGuiCol_Header}) {
            pairs.push_back({"ImGui text", u32(ImGuiCol_Text), u32(bg), true});
            pairs.push_back({"ImGui details (TextDisabled)", u32(ImGuiCol_TextDisabled), u32(bg), true});
        }
        pairs.push_back({"ImGui frame edge on a card", u32(ImGuiCol_Border), u32(ImGuiCol_ChildBg), false});
        pairs.push_back({"ImGui frame edge on the page", u32(ImGuiCol_Border), u32(ImGuiCol_WindowBg), false});
        pairs.push_back({"ImGui focus ring", u32(ImGuiCol_NavHighlight), u32(ImGuiCol_WindowBg), false});
        pairs.push_back({"ImGui check mark", u32(ImGuiCol_CheckMark), u32(ImGuiCol_FrameBg), false});
        CHECK(pairs.size() > 50);
        for (const DrawnPair& p : pairs) {
            const double ratio = contrast_ratio(p.front, p.back);
            const double need = p.text ? 4.5 : 3.0;
            const std::string what = std::string(name) + ": " + p.what;
            CHECK_MESSAGE(ratio >= need, what << " is " << ratio << ":1, needs " << need << ":1");
        }
        if (theme == Theme::HighContrast) {
            // High contrast means more: body text at AAA's 7:1.
            CHECK(contrast_ratio(colour::kText, colour::kBackground) >= 7.0);
            CHECK(contrast_ratio(colour::kMutedText, colour::kWhite) >= 7.0);
        }
    }
    ImGuiStyle style;
    use_theme(style, Theme::Light);   // as the other tests expect it
}
