// Fork Awesome 1.2 code points (Debian's fonts-fork-awesome), merged into the UI font.
// Only these are rasterised, so the atlas stays small: add a glyph here, to kIconGlyphs and to
// ICON_UNICODES (src/CMakeLists.txt, the font subset); tests/ui/text_encoding_test.cpp fails if one is missing.
#pragma once

#define ICON_HOME "\xef\x80\x95"           // U+F015
#define ICON_CALENDAR "\xef\x81\xb3"       // U+F073
#define ICON_LIST "\xef\x80\xba"           // U+F03A
#define ICON_BAR_CHART "\xef\x82\x80"      // U+F080
#define ICON_USER "\xef\x80\x87"           // U+F007
#define ICON_USERS "\xef\x83\x80"          // U+F0C0
#define ICON_CHECK "\xef\x80\x8c"          // U+F00C
#define ICON_WARNING "\xef\x81\xb1"        // U+F071
#define ICON_BAN "\xef\x81\x9e"            // U+F05E
#define ICON_CLOCK "\xef\x80\x97"          // U+F017
#define ICON_HOSPITAL "\xef\x83\xb8"       // U+F0F8
#define ICON_CHEVRON_LEFT "\xef\x81\x93"   // U+F053
#define ICON_CHEVRON_RIGHT "\xef\x81\x94"  // U+F054
#define ICON_CIRCLE "\xef\x84\x91"         // U+F111
#define ICON_SEARCH "\xef\x80\x82"         // U+F002
#define ICON_GRID "\xef\x80\x8a"           // U+F00A
#define ICON_BELL "\xef\x82\xa2"           // U+F0A2
#define ICON_INBOX "\xef\x80\x9c"          // U+F01C
#define ICON_CALENDAR_CHECK "\xef\x89\xb4" // U+F274
#define ICON_CHECK_CIRCLE "\xef\x81\x98"   // U+F058
#define ICON_ERROR "\xef\x81\xaa"          // U+F06A
#define ICON_GBP "\xef\x85\x94"            // U+F154
#define ICON_CHEVRON_DOWN "\xef\x81\xb8"  // U+F078
#define ICON_CLOSE "\xef\x80\x8d"          // U+F00D
#define ICON_COG "\xef\x80\x93"            // U+F013
#define ICON_ARROW_UP "\xef\x81\xa2"       // U+F062
#define ICON_PLANE "\xef\x81\xb2"          // U+F072 (leave)
#define ICON_FILTER "\xef\x82\xb0"         // U+F0B0
#define ICON_SORT "\xef\x83\x9c"           // U+F0DC
#define ICON_EXCHANGE "\xef\x83\xac"       // U+F0EC (swap)
#define ICON_UNDO "\xef\x83\xa2"           // U+F0E2
#define ICON_REDO "\xef\x80\x9e"           // U+F01E (rotate right)
#define ICON_DOWNLOAD "\xef\x80\x99"       // U+F019
#define ICON_UPLOAD "\xef\x82\x93"         // U+F093
#define ICON_ARROWS "\xef\x81\x87"         // U+F047 (move)
#define ICON_QUESTION "\xef\x81\x99"       // U+F059 (help)
#define ICON_KEYBOARD "\xef\x84\x9c"       // U+F11C

namespace sb::ui {
// Pairs of [first, last] code points, zero-terminated, as ImGui's AddFont* expects.
inline constexpr unsigned short kIconGlyphs[] = {
    0xF002, 0xF002, 0xF007, 0xF007, 0xF00A, 0xF00D, 0xF013, 0xF013, 0xF015, 0xF015, 0xF017, 0xF017, 0xF01C, 0xF01C,
    0xF03A, 0xF03A, 0xF053, 0xF054, 0xF058, 0xF058, 0xF06A, 0xF06A, 0xF062, 0xF062, 0xF071, 0xF073, 0xF078, 0xF078,
    0xF080, 0xF080, 0xF0A2, 0xF0A2, 0xF0B0, 0xF0B0, 0xF0C0, 0xF0C0, 0xF0DC, 0xF0DC, 0xF0EC, 0xF0EC, 0xF0F8, 0xF0F8, 0xF111, 0xF111, 0xF154, 0xF154,
    0xF274, 0xF274, 0xF05E, 0xF05E, 0xF0E2, 0xF0E2, 0xF019, 0xF019, 0xF047, 0xF047, 0xF059, 0xF059, 0xF11C, 0xF11C, 0xF01E, 0xF01E, 0xF093, 0xF093, 0};
}  // namespace sb::ui
