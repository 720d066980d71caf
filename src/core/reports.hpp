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
    int64_t bank_pence = 0;      // pay for bank-sourced shifts that are filled (pay_for: as paid once signed off)
    int64_t agency_pence = 0;    // pay for agency-sourced shifts
    double fill_rate() const { return shifts ? double(filled) / shifts : 1.0; }
};

// One row per ward (in the state's ward order) followed by the trust total, over the shifts that
// start within [from, from + days).
std::vector<WardFigures> ward_figures(const State& state, Date from, int days);

// A person's hours against the limits of the rules that govern them (the clinician's Home screen).
struct HoursSummary {
    int64_t week_minutes = 0;            // shifts starting Monday to Sunday of today's week
    int contracted_minutes = 0;          // per week
    long window = 0, window_limit = 0;   // e.g. 168 h and 72 h; both 0 if their rules have no such limit
    int64_t busiest_window_minutes = 0;  // the most worked in any such window that reaches today or later
    long average_limit = 0;              // per week, e.g. 48 h; 0 if none
    int64_t average_week_minutes = 0;    // over the rota period
    std::string rules;                   // the rule set's name
};
HoursSummary hours_summary(const State& state, const Staff& person, Date today);

std::string format_money(int64_t pence);   // "£1,234" (whole pounds) or "£68.00" below £1,000

}  // namespace sb
