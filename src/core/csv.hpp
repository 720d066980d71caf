// CSV as spreadsheets and ESR write it (RFC 4180 and what Excel adds): a UTF-8 byte-order mark or
// none, CRLF, LF or lone CR line ends, fields in double quotes holding commas, quotes ("" for one)
// and line breaks. Reading is bounded before it starts (the whole text, the fields in a row, a
// field's length) and stops at the first thing that is not CSV, naming its line; a file is never
// half read. Writing quotes what needs it and guards spreadsheet formulas (see `csv_field`).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sb {

inline constexpr size_t kMaxCsvBytes = 32u << 20;   // 32 MiB: a whole trust's staff list is under 5
inline constexpr size_t kMaxCsvFields = 200;        // in one row
inline constexpr size_t kMaxCsvFieldBytes = 4096;   // in one field

struct CsvRow {
    int line = 0;                      // where the row starts in the file, from 1 (the header is 1)
    std::vector<std::string> fields;   // as written, quotes removed; never trimmed
};

struct CsvTable {
    CsvRow header;
    std::vector<CsvRow> rows;   // blank lines left out
};

struct CsvError {
    int line = 0;
    std::string message;   // "a quoted field is not closed (it opens on line 12)"
};

// The table, or the first reason the text is not CSV (bad UTF-8 included). An empty file, or one
// with a header and no rows, is a table (with no rows).
struct CsvRead {
    CsvTable table;
    std::optional<CsvError> error;
};
CsvRead read_csv(std::string_view text);

// One field ready for a line: quoted when it holds a comma, a quote or a line break. A field that a
// spreadsheet would run as a formula (starting with =, +, - or @ followed by a non-digit, or a tab
// or CR) gets a leading apostrophe, which `unguard_csv_field` takes off again when read back.
std::string csv_field(std::string_view value);
std::string unguard_csv_field(std::string_view value);
// Fields joined by commas, with CRLF at the end (what Excel expects).
std::string csv_line(const std::vector<std::string>& fields);

}  // namespace sb
