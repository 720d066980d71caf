// The figures a manager checks first: how many shifts are filled, and what bank and agency cover cost.
#pragma once
#include <string>
#include <vector>

#include "model.hpp"

namespace sb {

struct WardFigures {
    std::string ward;            // Ward id; empty for the trust-wide total
    int shifts = 0;              // not cancelled
    int filled = 0;              // someone assigned
    int open_in_bank = 0;        // posted to the bank, not yet booked
    int64_t bank_pence = 0;      // pay for bank-sourced shifts that are filled
    int64_t agency_pence = 0;    // pay for agency-sourced shifts
    double fill_rate() const { return shifts ? double(filled) / shifts : 1.0; }
};

// One row per ward (in the state's ward order) followed by the trust total, over the shifts that
// start within [from, from + days).
std::vector<WardFigures> ward_figures(const State& state, Date from, int days);

std::string format_money(int64_t pence);   // "£1,234" (whole pounds) or "£68.00" below £1,000

}  // namespace sb
