// The rules engine at hospital scale: a 2,000-staff, 4-week rota (the demo generator's, seed 1).
// Targets (docs/performance.md): full check under 50 ms; one candidate change under 20 µs.
#include <benchmark/benchmark.h>

#include "demo_rota.hpp"
#include "core/rules/rules_engine.hpp"

namespace {
const sb::State& rota() { return sb::bench::demo_rota(); }

// Full check: index every shift, then evaluate every rule for every person.
void BM_FullCheck(benchmark::State& st) {
    const sb::State& s = rota();
    size_t found = 0;
    for (auto _ : st) {
        sb::RulesEngine engine(s);
        auto v = engine.check_all();
        found = v.size();
        benchmark::DoNotOptimize(v);
    }
    st.counters["shifts"] = double(s.shifts.size());
    st.counters["violations"] = double(found);
}
BENCHMARK(BM_FullCheck)->Unit(benchmark::kMillisecond);

// What the rota screen asks for each visible cell while a shift is dragged: may this shift go to
// this person on this day? The engine is built once per state revision, not per frame.
void candidate_check(benchmark::State& st, bool with_messages) {
    const sb::State& s = rota();
    const sb::RulesEngine engine(s);
    std::vector<sb::Shift> candidates;
    std::vector<std::string> people;
    for (size_t i = 0; i < s.shifts.size() && candidates.size() < 512; i += 37) {
        sb::Shift c = s.shifts[i];
        c.start.date = c.start.date + 1;   // dragged to the next day…
        c.end.date = c.end.date + 1;
        candidates.push_back(c);
        people.push_back(s.staff[(i * 7) % 2000].id);   // …and onto someone else
    }
    size_t k = 0;
    for (auto _ : st) {
        auto v = engine.check_candidate(candidates[k % candidates.size()], people[k % people.size()], with_messages);
        benchmark::DoNotOptimize(v);
        ++k;
    }
}
void BM_CandidateCheck(benchmark::State& st) { candidate_check(st, false); }
void BM_CandidateCheckWithMessages(benchmark::State& st) { candidate_check(st, true); }
BENCHMARK(BM_CandidateCheck)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_CandidateCheckWithMessages)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
