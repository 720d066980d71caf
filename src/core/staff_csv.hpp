// A trust's staff list from CSV (an ESR staff-list export, or a spreadsheet with the same columns)
// and back. The import only reads and reports: it returns every row's verdict and the staff records
// the file would add or change, and nothing is applied until a person (or the CLI) confirms it.
//
// Columns (docs/onboarding.md lists them with the header spellings accepted for each): assignment
// number, name (or first and last name), staff group, grade, ward(s), contract, contracted hours,
// employment type, DBS expiry, right-to-work expiry, email. Column order is free; headers are
// matched without regard to case, spaces, underscores or punctuation; an unknown header is an
// error, never ignored. A person is keyed by their assignment number: a number already in the trust
// is an update of that person, one seen twice in the file is refused.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "model.hpp"

namespace sb {

// The largest staff list one import_staff command carries: what fits, escaped as JSON, in the
// server's 2 MiB command request (a 5,000-row ESR-style list with emails is about 750 KiB). A
// larger list is imported in parts (by staff group or ward), or with shiftbank-cli, which has no
// request to fit.
inline constexpr size_t kMaxStaffImportBytes = 1u << 20;

// One thing wrong with one field (or the whole row or file): enough to fix it without help.
struct ImportProblem {
    int line = 0;          // in the file, from 1 (the header is line 1); 0 for the whole file
    std::string column;    // the column's name as documented ("DBS expiry"), or "" for a row
    std::string value;     // what the file says
    std::string why;       // "is not a ward of this trust"
    std::string fix;       // "use one of: Ward 7 · Acute Medicine, Ward 12 · Respiratory (or their ids)"
};

enum class RowVerdict : uint8_t { Add, Update, Same, Refused };

struct ImportRow {
    int line = 0;
    RowVerdict verdict = RowVerdict::Refused;
    std::string assignment;
    std::string name;
};

struct StaffImport {
    std::vector<ImportProblem> problems;   // empty: the file may be applied
    std::vector<ImportRow> rows;           // one per data row, in file order
    std::vector<Staff> staff;              // added and updated records (new ones with fresh ids)
    int added = 0, updated = 0, unchanged = 0;
    bool ok() const { return problems.empty(); }
};

// Reads a staff CSV against the trust it would go into (its wards, its people): nothing changes.
StaffImport read_staff_csv(const State& trust, std::string_view csv);

// The import applied to a copy of the trust: records replaced by assignment number, new ones
// appended. Only for an import that is ok().
State with_staff(State trust, const StaffImport& import);

// The trust's staff as CSV with the documented header, one row per person who has an assignment
// number, sorted as the trust holds them; read back by read_staff_csv it changes nothing.
std::string staff_to_csv(const State& trust);

// The report as text, one line per problem ("line 14, DBS expiry: \"31/02/2027\" is not a date;
// write it as 2027-02-28 or 28/02/2027"), then the counts.
std::string describe(const StaffImport& import);

// The grades the import knows for a staff group (Agenda for Change bands for nurses, healthcare
// assistants and allied health professionals; foundation, core, specialty and senior grades for
// doctors), in the spelling the trust's data uses. A grade written another way ("band 5",
// "AfC Band 5", "5") is read as one of these; anything else is an unknown grade.
const std::vector<std::string>& known_grades(StaffGroup group);
std::string normalise_grade(StaffGroup group, std::string_view written);   // "" when unknown

}  // namespace sb
