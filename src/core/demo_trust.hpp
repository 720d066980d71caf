// A realistic synthetic trust for demos, benchmarks and tests: wards, staff of every group and
// grade, shift patterns, vacancies in the bank, a little agency cover and a few deliberate breaches.
// The same options always give the same trust, natively and in wasm (own RNG, no std distributions,
// whose results differ between standard libraries).
#pragma once
#include <cstdint>

#include "model.hpp"

namespace sb {

struct DemoOptions {
    int staff = 120;
    int weeks = 4;
    uint64_t seed = 1;
    Date start = make_date(2026, 3, 2);   // a Monday; callers pass the current week for live demos
};

State make_demo_trust(const DemoOptions& options);

// Monday on or before the given date.
Date monday_of(Date d);

}  // namespace sb
