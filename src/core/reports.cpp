#include "reports.hpp"

#include <unordered_map>

namespace sb {

std::vector<WardFigures> ward_figures(const State& state, Date from, int days) {
    std::vector<WardFigures> rows(state.wards.size() + 1);
    std::unordered_map<std::string, size_t> index;
    for (size_t i = 0; i < state.wards.size(); ++i) {
        rows[i].ward = state.wards[i].id;
        index[state.wards[i].id] = i;
    }
    WardFigures& total = rows.back();
    for (const Shift& s : state.shifts) {
        if (s.status == ShiftStatus::Cancelled || s.start.date < from || s.start.date >= from + days) continue;
        auto it = index.find(s.ward);
        if (it == index.end()) continue;
        const int64_t pay = shift_minutes(s) * s.rate_pence_per_hour / 60;
        for (WardFigures* f : {&rows[it->second], &total}) {
            ++f->shifts;
            if (!s.assignee.empty()) ++f->filled;
            if (s.status == ShiftStatus::Open) ++f->open_in_bank;
            if (!s.assignee.empty() && s.source == ShiftSource::Bank) f->bank_pence += pay;
            if (!s.assignee.empty() && s.source == ShiftSource::Agency) f->agency_pence += pay;
        }
    }
    return rows;
}

std::string format_money(int64_t pence) {
    const bool negative = pence < 0;
    if (negative) pence = -pence;
    std::string out;
    if (pence < 100000) {
        out = std::to_string(pence / 100) + "." + (pence % 100 < 10 ? "0" : "") + std::to_string(pence % 100);
    } else {
        std::string digits = std::to_string((pence + 50) / 100);
        for (size_t i = 0; i < digits.size(); ++i) {
            if (i && (digits.size() - i) % 3 == 0) out += ',';
            out += digits[i];
        }
    }
    return (negative ? "-£" : "£") + out;
}

}  // namespace sb
