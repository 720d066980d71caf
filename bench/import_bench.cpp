// A trust's staff list checked before it is imported: 5,000 rows of an ESR-style CSV (quoted
// "Surname, Forename" names, UK dates, two wards for some) against a 2,000-staff trust's wards and
// people. Target (issue 17, docs/performance.md): under a second natively, so the preview is at once.
#include <benchmark/benchmark.h>

#include <string>

#include "core/csv.hpp"
#include "demo_rota.hpp"
#include "core/staff_csv.hpp"

namespace {
const sb::State& trust() { return sb::bench::demo_rota(); }

// Rows like an ESR export's: half are people already in the trust (updates), half new.
std::string staff_list(int rows) {
    const sb::State& t = trust();
    std::string csv = "Assignment No.,Full Name,Staff Group,Grade,Organisation,Contracted Hours,Assignment Category,DBS Expiry Date,RTW Expiry,Work Email Address\r\n";
    const char* groups[] = {"Nursing and Midwifery Registered", "Additional Clinical Services", "Medical and Dental", "Allied Health Professionals"};
    const char* grades[] = {"Band 5", "Band 3", "ST3", "Band 6"};
    for (int i = 0; i < rows; ++i) {
        const bool known = i % 2 == 0 && size_t(i / 2) < t.staff.size() && !t.staff[size_t(i / 2)].assignment.empty();
        const std::string number = known ? t.staff[size_t(i / 2)].assignment : std::to_string(60000000 + i);
        const int g = i % 4;
        std::string wards = t.wards[size_t(i) % t.wards.size()].name;
        if (i % 5 == 0) wards += "; " + t.wards[size_t(i + 1) % t.wards.size()].id;
        csv += sb::csv_line({number, "Surname" + std::to_string(i) + ", Forename", groups[g], grades[g], wards, i % 3 ? "37.5" : "22.5",
                             i % 7 ? "Permanent" : "Bank", std::to_string(1 + i % 28) + "/0" + std::to_string(1 + i % 9) + "/2027", "",
                             "person" + std::to_string(i) + "@northbridge.nhs.uk"});
    }
    return csv;
}

void BM_CheckStaffList(benchmark::State& st) {
    const std::string csv = staff_list(int(st.range(0)));
    size_t problems = 0;
    int added = 0, updated = 0;
    for (auto _ : st) {
        const sb::StaffImport im = sb::read_staff_csv(trust(), csv);
        problems = im.problems.size(), added = im.added, updated = im.updated;
        benchmark::DoNotOptimize(im);
    }
    st.counters["rows"] = double(st.range(0));
    st.counters["bytes"] = double(csv.size());
    st.counters["problems"] = double(problems);
    st.counters["added"] = added;
    st.counters["updated"] = updated;
}
BENCHMARK(BM_CheckStaffList)->Arg(5000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
