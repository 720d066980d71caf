// What the open-shifts screen remembers between frames: the person's filters and sort (drafts of a
// search, not data), the "raise rate" box a manager has open, and what the last frame listed, for
// the tests. It is UI-only: nothing here is saved or sent; bookings and rate changes are commands.
#pragma once
#include <cstddef>
#include <string>
#include <unordered_map>

namespace sb::ui {

struct OpenShiftsScreen {
    // The person's filters and sort.
    struct OpenFilters {
        int range = 0;              // 0 all, 1 next 7 days, 2 next 14 days, 3 next 28 days
        std::string ward;           // "" = every ward
        std::string site;           // "" = every site
        std::string type;           // "" = every shift type
        int min_rate = 0;           // pence per hour
        int sort = 0;               // 0 by date, 1 highest rate first
        int show = 0;               // 0 every shift for my grade, 1 those I can book, 2 those I can't (and why)
        bool shown = false;         // the filter panel is open (phones fold it away)
        char search[64] = "";       // ward or site name
    } open;
    size_t open_listed = 0;         // how many the filters let through (last frame), for tests
    std::string open_first_refusal; // the first rule message shown on a card (last frame), for tests
    std::unordered_map<std::string, std::string> open_refusals;   // shift id → its card's first rule message
    std::string raise_shift;        // the vacancy whose "raise rate" box is open
    char raise_rate[12] = "";
};

}  // namespace sb::ui
