// Text drawn right (issue 16: "Â£20/h or more", "Grace Nowak Â· Band 7"): every word on every screen,
// for every role, on a desktop and a phone, is well-formed UTF-8 with no replacement character and
// no UTF-8 read as Latin-1, and the font has a glyph for each of its characters. The words are
// those the accessibility mirror is given (every control, heading, cell and message) and every
// control's label.
#include <doctest/doctest.h>

#include <string>

#include "every_screen.hpp"

using namespace sb;

namespace {
// The code points of `s`, or an empty result and `bad` set if it is not UTF-8.
std::u32string decode(const std::string& s, bool& bad) {
    std::u32string out;
    for (size_t i = 0; i < s.size();) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        const int n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (n == 0 || i + size_t(n) > s.size()) return bad = true, std::u32string{};
        char32_t cp = n == 1 ? c : c & (0x7F >> n);
        for (int k = 1; k < n; ++k) {
            const unsigned char t = static_cast<unsigned char>(s[i + size_t(k)]);
            if ((t >> 6) != 2) return bad = true, std::u32string{};
            cp = (cp << 6) | (t & 0x3F);
        }
        out += cp;
        i += size_t(n);
    }
    return out;
}

// What is wrong with a piece of text, in words ("" if nothing).
std::string problem(const std::string& text) {
    bool bad = false;
    const std::u32string cps = decode(text, bad);
    if (bad) return "not UTF-8";
    for (size_t i = 0; i < cps.size(); ++i) {
        if (cps[i] == 0xFFFD) return "a replacement character";
        // UTF-8 read as Latin-1: a lead byte's letter (Â, Ã, â) before a C1 or Latin-1 sign.
        if ((cps[i] == 0xC2 || cps[i] == 0xC3 || cps[i] == 0xE2) && i + 1 < cps.size() && cps[i + 1] >= 0x80 && cps[i + 1] <= 0xBF)
            return "UTF-8 shown as Latin-1";
        if (cps[i] >= 0x20 && !ImGui::GetFont()->FindGlyphNoFallback(ImWchar(cps[i])))   // icons too
            return "no glyph for U+" + std::to_string(unsigned(cps[i]));
    }
    return "";
}
}  // namespace

TEST_CASE("the check finds mojibake, broken UTF-8 and replacement characters") {
    headless::HeadlessUi ui(1280, 800, SHIFTBANK_FONT_DIR);
    ui.frame();
    CHECK(problem("\xC2\xA3" "20/h or more, Grace Nowak \xC2\xB7 Band 7, 07:30\xE2\x80\x93" "15:00, Zo\xC3\xAB") == "");
    CHECK(problem("\xC3\x82\xC2\xA3" "20/h or more") == "UTF-8 shown as Latin-1");   // "Â£20/h"
    CHECK(problem("Grace Nowak \xC3\x82\xC2\xB7 Band 7") == "UTF-8 shown as Latin-1");
    CHECK(problem("caf\xE9") == "not UTF-8");
    CHECK(problem("\xEF\xBF\xBD") == "a replacement character");
}

TEST_CASE("every word on every screen is UTF-8 drawn with the font's own glyphs, on a desktop and a phone") {
    int words = 0;
    for (const auto& [w, h, touch] : {std::tuple{1280.0f, 800.0f, false}, std::tuple{390.0f, 844.0f, true}})
        test::for_every_screen(w, h, touch, 1.0f, [&](headless::HeadlessUi& ui, ui::View view, Role role) {
            CAPTURE(ui::view_title(view));
            CAPTURE(int(role));
            for (const auto& n : ui.app().mirror().nodes())
                for (const std::string* text : {&n.name, &n.value}) {
                    if (text->empty()) continue;
                    ++words;
                    CHECK_MESSAGE(problem(*text) == "", *text);
                }
            for (const auto& r : ui::widget_rects()) CHECK_MESSAGE(problem(r.label) == "", r.label);
        });
    MESSAGE(words << " pieces of text checked");
    CHECK(words > 800);
}
