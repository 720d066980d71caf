// The trust the core's benchmarks run on: the demo generator's 2,000 staff over 4 weeks, seed 1
// (about 28,000 shifts), made once per process.
#pragma once
#include "core/demo_trust.hpp"

namespace sb::bench {
inline const State& demo_rota() {
    static const State state = [] {
        DemoOptions o;
        o.staff = 2000;
        o.weeks = 4;
        o.seed = 1;
        return make_demo_trust(o);
    }();
    return state;
}
}  // namespace sb::bench
