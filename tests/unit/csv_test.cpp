// CSV as spreadsheets write it: what is read, and the line named when something is not CSV.
#include <doctest/doctest.h>

#include "core/csv.hpp"

using namespace sb;

TEST_CASE("CSV: a byte-order mark, Windows line ends, commas, quotes and line breaks inside quotes") {
    const CsvRead r = read_csv("\xEF\xBB\xBFName,Ward,Note\r\n"
                               "\"Adeyemi, Zo\xC3\xAB\",Ward 7,\"said \"\"yes\"\"\"\r\n"
                               "\r\n"
                               "Priya,\"Ward\r\n12\",\r\n"
                               "Sam,Ward 7,last line with no line end");
    REQUIRE_FALSE(r.error);
    CHECK(r.table.header.fields == std::vector<std::string>{"Name", "Ward", "Note"});   // the mark is not part of "Name"
    REQUIRE(r.table.rows.size() == 3);   // the blank line is skipped
    CHECK(r.table.rows[0].fields == std::vector<std::string>{"Adeyemi, Zo\xC3\xAB", "Ward 7", "said \"yes\""});
    CHECK(r.table.rows[0].line == 2);
    CHECK(r.table.rows[1].fields == std::vector<std::string>{"Priya", "Ward\r\n12", ""});
    CHECK(r.table.rows[1].line == 4);
    CHECK(r.table.rows[2].line == 6);   // the line break inside quotes counted
    CHECK(r.table.rows[2].fields[2] == "last line with no line end");
}

TEST_CASE("CSV: old Mac line ends (CR alone) and Unix ones read the same") {
    const CsvRead mac = read_csv("a,b\rc,d\r"), unix_ = read_csv("a,b\nc,d\n");
    REQUIRE_FALSE(mac.error);
    REQUIRE(mac.table.rows.size() == 1);
    CHECK(mac.table.rows[0].fields == unix_.table.rows[0].fields);
}

TEST_CASE("CSV: what is not CSV is refused with its line, and nothing is half read") {
    auto error = [](std::string_view text) {
        const CsvRead r = read_csv(text);
        REQUIRE(r.error);
        CHECK(r.table.rows.empty());
        return std::to_string(r.error->line) + ": " + r.error->message;
    };
    CHECK(error("a,b\n1,\"open\n2,3\n") == "2: a quoted field is not closed (it opens on line 2)");
    CHECK(error("a,b\n1,\"x\"y\n") == "2: a quoted field is followed by more text before the next comma (write \"\" for a quote inside quotes)");
    CHECK(error("a,b\n1,x\"y\"\n") == "2: a quote in the middle of an unquoted field (put the whole field in quotes, and write \"\" for the quote)");
    CHECK(error("a,b\n1,2\n\xA3" "20,3\n") == "3: the text is not UTF-8 (save the file as \"CSV UTF-8\")");   // Latin-1 "£20"
    CHECK(error("a\n" + std::string(kMaxCsvFieldBytes + 1, 'x') + "\n") == "2: a field is longer than 4096 bytes");
    std::string wide = "a";
    for (size_t i = 0; i < kMaxCsvFields + 1; ++i) wide += ",x";
    CHECK(error(wide + "\n") == "1: a row has more than 200 fields");
#ifndef __EMSCRIPTEN__   // 32 MiB of test text is more than the wasm test runner's memory is for
    CHECK(error(std::string(kMaxCsvBytes + 1, 'a')) == "0: the file is 32 MiB; at most 32 MiB is read");
#endif
}

TEST_CASE("CSV fields written: quoted when needed, formulas guarded, and read back as they were") {
    CHECK(csv_field("Ward 7") == "Ward 7");
    CHECK(csv_field("Adeyemi, Zo\xC3\xAB") == "\"Adeyemi, Zo\xC3\xAB\"");
    CHECK(csv_field("said \"yes\"") == "\"said \"\"yes\"\"\"");
    CHECK(csv_field("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"");
    CHECK(csv_field("+44 7700") == "'+44 7700");
    CHECK(csv_field("-5") == "-5");          // a number stays a number
    CHECK(csv_field("37.5") == "37.5");
    CHECK(csv_field("O'Brien") == "O'Brien");
    for (const std::string v : {"=1+1", "@SUM(A1)", "+44", "'quoted", "-x", "plain", "a,b", "O'Brien"}) {
        const CsvRead r = read_csv("h\r\n" + csv_line({v}));
        REQUIRE_FALSE(r.error);
        CHECK(unguard_csv_field(r.table.rows.at(0).fields.at(0)) == v);
    }
}
