// A trust's staff list from CSV: ESR's header spellings, every row's verdict, each bad value named
// with what would fix it, and the round trip (export, then import, changes nothing).
#include <doctest/doctest.h>

#include <algorithm>
#include <tuple>

#include "core/demo_trust.hpp"
#include "commands_fixture.hpp"
#include "core/data_format.hpp"
#include "core/staff_csv.hpp"

using namespace sb;

namespace {
State small_trust() {
    State s;
    s.trust = {"nbh", "Northbridge University Hospitals NHS Trust"};
    s.sites = {{"main", "Northbridge General"}};
    for (const auto& [id, name, specialty] : {std::tuple{"w7", "Ward 7 \xC2\xB7 Acute Medicine", "Acute Medicine"}, std::tuple{"w12", "Ward 12 \xC2\xB7 Respiratory", "Respiratory"}}) {
        Ward w;
        w.id = id, w.site = "main", w.name = name, w.specialty = specialty;
        s.wards.push_back(w);
    }
    Staff zoe;
    zoe.id = "p1", zoe.name = "Zo\xC3\xAB Adeyemi", zoe.group = StaffGroup::Nurse, zoe.grade = "Band 6", zoe.contract = "afc";
    zoe.wards = {"w7"}, zoe.assignment = "10000001", zoe.contracted_minutes_per_week = 2250;
    zoe.documents = {{"dbs", *parse_date("2027-05-01")}};
    s.staff = {zoe};
    return s;
}
std::vector<std::string> lines(const StaffImport& im) {
    std::vector<std::string> out;
    const std::string text = describe(im);
    size_t start = 0;
    for (size_t i = 0; i < text.size(); ++i)
        if (text[i] == '\n') out.push_back(text.substr(start, i - start)), start = i + 1;
    return out;
}
}  // namespace

TEST_CASE("an ESR-style staff list: its headers, UK dates and 'Surname, Forename' names are read") {
    const State trust = small_trust();
    const StaffImport im = read_staff_csv(trust,
        "\xEF\xBB\xBF" "Assignment No.,Full Name,Staff Group,Grade,Organisation,Contracted Hours,Assignment Category,DBS Expiry Date,RTW Expiry,Work Email Address\r\n"
        "20000002,\"Okafor, Chidi\",Nursing and Midwifery Registered,AfC Band 5,Ward 7 \xC2\xB7 Acute Medicine,37.5,Permanent,31/03/2027,,chidi.okafor@nbh.nhs.uk\r\n"
        "20000003,Aisha Khan,Medical and Dental,ST3,Respiratory; w7,40,Fixed Term Temp,2027-01-15,2028-09-30,\r\n"
        "10000001,Zo\xC3\xAB Adeyemi,Nurse,Band 6,w7,37.5,Bank,01/05/2027,,\r\n");
    for (const auto& l : lines(im)) MESSAGE(l);
    REQUIRE(im.ok());
    CHECK(lines(im).back() == "3 rows: 2 to add, 1 to update, 0 unchanged, 0 refused");
    REQUIRE(im.staff.size() == 3);
    const Staff& chidi = im.staff[0];
    CHECK(chidi.name == "Chidi Okafor");
    CHECK(chidi.group == StaffGroup::Nurse);
    CHECK(chidi.grade == "Band 5");
    CHECK(chidi.wards == std::vector<std::string>{"w7"});
    CHECK(chidi.contract == "afc");
    CHECK(chidi.contracted_minutes_per_week == 2250);
    CHECK(chidi.employment == Employment::Substantive);
    REQUIRE(chidi.documents.size() == 1);   // an empty right-to-work date is no document
    CHECK(chidi.documents[0].kind == "dbs");
    CHECK(format_date(chidi.documents[0].expires) == "2027-03-31");
    CHECK(chidi.id == "s0002");   // a fresh id, never made from the file's values
    const Staff& aisha = im.staff[1];
    CHECK(aisha.contract == "tcs2016");   // a doctor in training, by grade
    CHECK(aisha.wards == std::vector<std::string>{"w12", "w7"});
    CHECK(aisha.documents.size() == 2);
    // Zoë is already in the trust (by assignment number): the same record, now bank.
    CHECK(im.staff[2].id == "p1");
    CHECK(im.staff[2].employment == Employment::Bank);
    CHECK(im.rows[2].verdict == RowVerdict::Update);
    const State after = with_staff(trust, im);
    CHECK(after.staff.size() == 3);
    CHECK(after.find_staff("p1")->employment == Employment::Bank);
}

TEST_CASE("a staff list with planted errors: each is named by line and column, with the value, why and the fix, and nothing is imported") {
    const StaffImport im = read_staff_csv(small_trust(),
        "Assignment number,Name,Staff group,Grade,Ward,Contract,Contracted hours,Employment type,DBS expiry,Email\n"
        "30000001,Grace Nowak,Nurse,Band 7,Ward 9,,37.5,Substantive,2027-01-01,grace@nbh.nhs.uk\n"
        "30000002,Tom Reid,Healthcare assistant,Band 12,w7,,37.5,Bank,31/02/2027,tom at nbh\n"
        "30000001,Grace Nowak,Nurse,Band 7,w7,,37.5,Substantive,,\n"
        "ABC-1,Sam Lee,Porter,Band 2,w7,,,Contractor,,\n"
        "30000005,Ben Cole,Nurse,Band 5,w7,tcs2016,120,Bank,,\n"
        "30000006,Only five,Nurse,Band 5\n");
    const std::vector<std::string> want = {
        "line 2, Ward: \"Ward 9\" is not a ward of this trust; use one of: Ward 7 \xC2\xB7 Acute Medicine, Ward 12 \xC2\xB7 Respiratory (or their ids)",
        "line 3, Grade: \"Band 12\" is not a grade for a healthcare assistant; use one of: Band 1, Band 2, Band 3, Band 4, Band 5, Band 6, Band 7, Band 8a, Band 8b, Band 8c, Band 8d, Band 9",
        "line 3, DBS expiry: \"31/02/2027\" is not a date; write it as 2027-02-28 or 28/02/2027",
        "line 3, Email: \"tom at nbh\" is not an email address; write it as name@trust.nhs.uk",
        "line 4, Assignment number: \"30000001\" appears again (first on line 2); keep one row per assignment number",
        "line 5, Assignment number: \"ABC-1\" is not an assignment number; write the ESR assignment number: digits, as 12345678, or 12345678-2 for a second post",
        "line 5, Staff group: \"Porter\" is not a staff group the import knows; use Nurse, Doctor, Healthcare assistant or Allied health professional "
        "(or ESR's \"Nursing and Midwifery Registered\", \"Medical and Dental\", \"Additional Clinical Services\", \"Allied Health Professionals\")",
        "line 5, Employment type: \"Contractor\" is not an employment type the import knows; use Substantive (or Permanent, Fixed Term Temp), Bank or Agency",
        "line 6, Contract: \"tcs2016\" is a contract for doctors in training (2016 terms and conditions), not for a nurse; use Agenda for "
        "Change for nurses, healthcare assistants and allied health professionals",
        "line 6, Contracted hours: \"120\" is not a number of hours from 0 to 100; write the weekly hours as a number, as 37.5",
        "line 7: has 4 fields; the header has 10; check for a comma inside a value that is not in quotes, or a missing value",
        "6 rows: 0 to add, 0 to update, 0 unchanged, 6 refused; nothing is imported until every problem is fixed",
    };
    const auto got = lines(im);
    for (const auto& l : got) MESSAGE(l);
    CHECK(got == want);
    CHECK_FALSE(im.ok());
    // Each problem carries its parts apart too (for the preview's table).
    REQUIRE_FALSE(im.problems.empty());
    CHECK(im.problems[0].line == 2);
    CHECK(im.problems[0].column == "Ward");
    CHECK(im.problems[0].value == "Ward 9");
}

TEST_CASE("the header: an unknown or doubled column and a missing one are errors, never ignored") {
    const auto got = lines(read_staff_csv(small_trust(), "Assignment number,Name,Staff group,Grade,Shoe size,Band\n1,A,Nurse,Band 5,9,5\n"));
    for (const auto& l : got) MESSAGE(l);
    REQUIRE(got.size() == 4);
    CHECK(got[0].rfind("line 1: \"Shoe size\" is not a column the import knows; rename it to one of: Assignment number, Name, First name,", 0) == 0);
    CHECK(got[1] == "line 1, Grade: \"Band\" is a second \"Grade\" column; keep one of the two");
    CHECK(got[2] == "line 1, Ward: the column is missing; add a \"Ward\" column");
    CHECK(lines(read_staff_csv(small_trust(), "")).front() == "line 1: the file is empty; export the staff list with its header row");
    CHECK(lines(read_staff_csv(small_trust(), "a,\"b\n")).front() ==
          "line 1: a quoted field is not closed (it opens on line 1); save the file again from the spreadsheet as \"CSV UTF-8 (comma delimited)\"");
}

TEST_CASE("grades written the ways people write them are the trust's grade; others are unknown") {
    CHECK(normalise_grade(StaffGroup::Nurse, "band 5") == "Band 5");
    CHECK(normalise_grade(StaffGroup::Nurse, "AfC Band 8A") == "Band 8a");
    CHECK(normalise_grade(StaffGroup::Hca, "3") == "Band 3");
    CHECK(normalise_grade(StaffGroup::Doctor, "st 3") == "ST3");
    CHECK(normalise_grade(StaffGroup::Doctor, "Band 5") == "");
    CHECK(normalise_grade(StaffGroup::Nurse, "Band 10") == "");
}

TEST_CASE("the round trip: the demo trust's staff exported and imported give the same records") {
    DemoOptions o;
    o.staff = 120;
    o.weeks = 2;
    State trust = make_demo_trust(o);
    std::erase_if(trust.staff, [](const Staff& p) { return p.employment == Employment::Agency; });   // agency workers are not the trust's
    for (size_t i = 0; i < trust.staff.size(); ++i) trust.staff[i].assignment = std::to_string(40000000 + i);
    trust.staff[3].name = "Sam \"Sammy\" O'Brien, Jr";   // quotes and a comma survive (a "Name" column is taken as written)
    trust.staff[4].phone = "+44 7700 900123";   // a leading + is guarded, not a formula
    const std::string csv = staff_to_csv(trust);
    // Into the same trust: every row unchanged.
    const StaffImport same = read_staff_csv(trust, csv);
    INFO(describe(same));
    REQUIRE(same.ok());
    CHECK(same.unchanged == int(trust.staff.size()));
    CHECK(same.staff.empty());
    // Into the trust with no staff: the same people, with fresh ids.
    State empty = trust;
    empty.staff.clear();
    const StaffImport fresh = read_staff_csv(empty, csv);
    REQUIRE(fresh.ok());
    REQUIRE(fresh.staff.size() == trust.staff.size());
    for (size_t i = 0; i < trust.staff.size(); ++i) {
        Staff a = trust.staff[i], b = fresh.staff[i];
        b.id = a.id;
        auto by_kind = [](const ComplianceDocument& x, const ComplianceDocument& y) { return x.kind < y.kind; };
        std::sort(a.documents.begin(), a.documents.end(), by_kind);
        std::sort(b.documents.begin(), b.documents.end(), by_kind);
        CAPTURE(a.name);
        CHECK(b.name == a.name);
        CHECK(b.grade == a.grade);
        CHECK(b.wards == a.wards);
        CHECK(b.skills == a.skills);
        CHECK(b.contract == a.contract);
        CHECK(b.contracted_minutes_per_week == a.contracted_minutes_per_week);
        CHECK(b.employment == a.employment);
        CHECK(b.email == a.email);
        CHECK(b.phone == a.phone);
        REQUIRE(b.documents.size() == a.documents.size());
        for (size_t d = 0; d < a.documents.size(); ++d) CHECK(b.documents[d].expires == a.documents[d].expires);
    }
    // And exported again, the file is the same to the byte.
    CHECK(staff_to_csv(with_staff(empty, fresh)) == csv);
}

// The import is one command: the admin's, re-read by the core wherever it is applied, undone whole.
TEST_CASE("import_staff: one command adds and updates the people, one undo takes them all out; only an admin may, and a bad list changes nothing") {
    test::Ward1 w;
    w.state.staff[0].assignment = "10000001";
    const auto before = state_hash(w.state);
    const std::string csv = "Assignment number,Name,Staff group,Grade,Ward,Employment type\r\n"
                            "10000001,Zo\xC3\xAB Adeyemi,Nurse,Band 6,w1,Substantive\r\n"
                            "20000002,Chidi Okafor,Nurse,Band 5,Ward 1,Bank\r\n"
                            "20000003,Ann Lee,Healthcare assistant,Band 3,w1,Substantive\r\n";
    CHECK(w.run("manager", "import_staff", {{"csv", csv}}).reason == "Only the trust's administrators can import the staff list");
    const CommandResult bad = w.run("admin", "import_staff", {{"csv", "Assignment number,Name,Staff group,Grade,Ward\n1,A,Nurse,Band 12,w1\n2,B,Nurse,Band 5,Ward 99\n"}});
    CHECK(bad.reason == "The staff list was not imported: 2 problems. line 2, Grade: \"Band 12\" is not a grade for a nurse; use one of: Band 1, "
                        "Band 2, Band 3, Band 4, Band 5, Band 6, Band 7, Band 8a, Band 8b, Band 8c, Band 8d, Band 9; line 3, Ward: \"Ward 99\" is "
                        "not a ward of this trust; use one of: Ward 1, Ward 9 (or their ids)");
    CHECK(state_hash(w.state) == before);
    const CommandResult r = w.run("admin", "import_staff", {{"csv", csv}}, "import-1");
    REQUIRE(r.accepted());
    CHECK(w.state.staff.size() == 4);
    CHECK(w.state.find_staff("p1")->grade == "Band 6");
    CHECK(std::count_if(w.state.staff.begin(), w.state.staff.end(), [](const Staff& s) { return s.name == "Chidi Okafor" && s.employment == Employment::Bank; }) == 1);
    // The same file again changes nobody, and says so.
    CHECK(w.run("admin", "import_staff", {{"csv", csv}}).reason == "The staff list changes nobody: every row is already as the trust has it");
    REQUIRE(w.run("admin", "undo", {{"command", "import-1"}}).accepted());
    CHECK(state_hash(w.state) == before);
}

TEST_CASE("set_document: the bank office renews a DBS check (one undo takes it back); others may not, and unknown kinds are errors") {
    test::Ward1 w;
    w.state.staff[0].documents = {{"dbs", *parse_date("2026-03-10")}};
    CHECK(w.run("manager", "set_document", {{"staff", "p1"}, {"kind", "dbs"}, {"expires", "2029-03-01"}}).reason ==
          "Only the trust's administrators (the bank office) can change a person's documents");
    CHECK(w.run("admin", "set_document", {{"staff", "p1"}, {"kind", "passport"}, {"expires", "2029-03-01"}}).reason ==
          "payload.kind must be one of dbs, right_to_work, mandatory_training, gmc, nmc, hcpc");
    CHECK(w.run("admin", "set_document", {{"staff", "p1"}, {"kind", "dbs"}, {"expires", "2029-02-30"}}).reason ==
          "payload.expires must be a date like 2026-03-06");
    const CommandResult r = w.run("admin", "set_document", {{"staff", "p1"}, {"kind", "dbs"}, {"expires", "2029-03-01"}}, "renew");
    REQUIRE(r.accepted());
    CHECK(format_date(w.state.find_staff("p1")->documents.at(0).expires) == "2029-03-01");
    CHECK(w.run("admin", "set_document", {{"staff", "p1"}, {"kind", "dbs"}, {"expires", "2029-03-01"}}).reason == "DBS check already expires on that day");
    REQUIRE(w.run("admin", "set_document", {{"staff", "p2"}, {"kind", "right_to_work"}, {"expires", "2030-01-31"}}).accepted());
    CHECK(w.state.find_staff("p2")->documents.back().kind == "right_to_work");
    REQUIRE(w.run("admin", "undo", {{"command", "renew"}}).accepted());
    CHECK(format_date(w.state.find_staff("p1")->documents.at(0).expires) == "2026-03-10");
}
