// What the rules engine reports: which rule, how serious, in words with the numbers, and the
// shifts involved.
#pragma once
#include <string>
#include <vector>

namespace sb {

enum class Severity : unsigned char { Warn, Block };

struct Violation {
    std::string rule;                 // rule id from the rule table, e.g. "min_rest"
    Severity severity = Severity::Block;
    std::string staff;                // Staff id
    std::string message;              // "9 h 30 min rest between Late Tue 3 Mar and Early Wed 4 Mar; the minimum is 11 h"
    std::vector<std::string> shifts;  // ids of the shifts involved, in time order
};

}  // namespace sb
