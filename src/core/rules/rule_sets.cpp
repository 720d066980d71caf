#include "core/rules/rule_sets.hpp"

namespace sb {
namespace {
constexpr long H = 60;   // minutes in an hour

// Rules every rule set starts with: who may work a shift at all.
std::vector<RuleSpec> eligibility_rules() {
    return {
        {"overlap", RuleKind::Overlap, Severity::Block, 0, 0, 0, 0, "A person cannot work two shifts at once"},
        {"group_match", RuleKind::GroupMatch, Severity::Block, 0, 0, 0, 0, "Shift requirements: staff group"},
        {"grade_match", RuleKind::GradeMatch, Severity::Block, 0, 0, 0, 0, "Shift requirements: grade"},
        {"skill_match", RuleKind::SkillMatch, Severity::Block, 0, 0, 0, 0, "Shift requirements: skills and competencies"},
        {"documents_valid", RuleKind::DocumentsValid, Severity::Block, 0, 0, 0, 0,
         "Bank bookings need in-date compliance documents (DBS, right to work, registration, training)"},
        {"leave_conflict", RuleKind::LeaveConflict, Severity::Block, 0, 0, 0, 0, "Approved leave"},
    };
}

std::vector<RuleSpec> tcs2016(bool refreshed_2019) {
    auto rules = eligibility_rules();
    const std::vector<RuleSpec> limits = {
        {"max_shift_length", RuleKind::MaxShiftLength, Severity::Block, 13 * H, 0, 0, 0,
         "TCS 2016 Schedule 3: maximum shift length 13 hours"},
        {"min_rest", RuleKind::MinRest, Severity::Block, 11 * H, 0, 0, 0,
         "TCS 2016 Schedule 3: minimum 11 hours' rest between rostered shifts"},
        {"max_72_in_168", RuleKind::MaxHoursInWindow, Severity::Block, 72 * H, 168 * H, 0, 0,
         "TCS 2016 Schedule 3: maximum 72 hours' work in any 168 consecutive hours"},
        {"average_48", RuleKind::AverageWeeklyHours, Severity::Warn, 48 * H, 0, 0, 0,
         "TCS 2016 Schedule 3: maximum average 48 hours a week over the reference period"},
        {"max_consecutive_shifts", RuleKind::MaxConsecutiveShifts, Severity::Block, refreshed_2019 ? 7 : 8, 0, 48 * H, 0,
         refreshed_2019 ? "TCS 2016 (2019): at most 7 consecutive shifts, then 48 hours' rest"
                        : "TCS 2016 (original): at most 8 consecutive shifts, then 48 hours' rest"},
        {"max_consecutive_long", RuleKind::MaxConsecutiveLong, Severity::Block, refreshed_2019 ? 4 : 5, 0, 48 * H, 0,
         refreshed_2019 ? "TCS 2016 (2019): at most 4 consecutive long shifts (over 10 hours), then 48 hours' rest"
                        : "TCS 2016 (original): at most 5 consecutive long shifts (over 10 hours), then 48 hours' rest"},
        {"max_consecutive_nights", RuleKind::MaxConsecutiveNights, Severity::Block, 4, 0, 46 * H, refreshed_2019 ? 1 : 3,
         refreshed_2019 ? "TCS 2016 (2019): at most 4 consecutive night shifts; 46 hours' rest after any night shift or run of nights"
                        : "TCS 2016 (original): at most 4 consecutive night shifts, then 46 hours' rest"},
        {"weekend_frequency", RuleKind::WeekendFrequency, Severity::Warn, refreshed_2019 ? 3 : 2, 0, 0, 0,
         refreshed_2019 ? "TCS 2016 (2019): weekend work no more than 1 weekend in 3"
                        : "TCS 2016 (original): weekend work no more than 1 weekend in 2"},
    };
    rules.insert(rules.end(), limits.begin(), limits.end());
    return rules;
}

std::vector<RuleSpec> wtr1998() {
    auto rules = eligibility_rules();
    const std::vector<RuleSpec> limits = {
        {"min_rest", RuleKind::MinRest, Severity::Block, 11 * H, 0, 0, 0,
         "Working Time Regulations 1998, regulation 10: 11 consecutive hours' rest in each 24 hours"},
        {"weekly_rest", RuleKind::WeeklyRest, Severity::Warn, 24 * H, 7 * 24 * H, 0, 0,
         "Working Time Regulations 1998, regulation 11: 24 hours' uninterrupted rest in each 7 days"},
        {"average_48", RuleKind::AverageWeeklyHours, Severity::Warn, 48 * H, 0, 0, 0,
         "Working Time Regulations 1998, regulation 4: average 48 hours a week (17-week reference period)"},
    };
    rules.insert(rules.end(), limits.begin(), limits.end());
    return rules;
}
}  // namespace

const std::vector<RuleSet>& rule_sets() {
    static const std::vector<RuleSet> sets = {
        {"tcs2016-2019", "Doctors in training, 2016 TCS as refreshed in 2019", tcs2016(true)},
        {"tcs2016-original", "Doctors in training, 2016 TCS as first published", tcs2016(false)},
        {"wtr1998", "Working Time Regulations 1998 defaults", wtr1998()},
    };
    return sets;
}

const RuleSet* find_rule_set(std::string_view id) {
    for (const auto& s : rule_sets())
        if (s.id == id) return &s;
    return nullptr;
}

const std::vector<std::string_view>& contract_ids() {
    static const std::vector<std::string_view> ids = {"tcs2016", "afc", "consultant2003"};
    return ids;
}

const std::vector<std::string_view>& ward_rule_set_ids() {
    static const std::vector<std::string_view> ids = {"tcs2016-2019", "tcs2016-original"};
    return ids;
}

bool contract_allows(std::string_view contract, StaffGroup group) {
    return contract == "afc" ? group != StaffGroup::Doctor : group == StaffGroup::Doctor;
}

std::string contract_groups(std::string_view contract) {
    return contract == "afc" ? "nurses, healthcare assistants and allied health professionals (Agenda for Change)"
           : contract == "tcs2016" ? "doctors in training (2016 terms and conditions)"
                                   : "consultants (2003 contract)";
}

const RuleSet& rule_set_for(const State& state, const Staff& person) {
    if (person.contract == "tcs2016") {
        // The data format allows a ward only the doctors' variants; a doctor with no home ward (bank
        // only) is on the contract as refreshed in 2019.
        const Ward* home = person.wards.empty() ? nullptr : state.find_ward(person.wards.front());
        if (const RuleSet* s = home ? find_rule_set(home->rule_set) : nullptr) return *s;
        return *find_rule_set("tcs2016-2019");
    }
    return *find_rule_set("wtr1998");   // Agenda for Change and consultants: the Working Time Regulations
}

}  // namespace sb
