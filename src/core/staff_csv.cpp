#include "staff_csv.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "csv.hpp"
#include "enum_names.hpp"
#include "rules/rule_sets.hpp"

namespace sb {
namespace {

// Headers and written values are compared by their letters and digits only, lower case:
// "Assignment No.", "assignment_number" and "ASSIGNMENT NUMBER" are one header.
std::string squash(std::string_view s) {
    std::string out;
    for (char c : s) {
        const unsigned char u = static_cast<unsigned char>(c);
        if (u >= 0x80 || std::isalnum(u)) out += char(u < 0x80 ? std::tolower(u) : u);
    }
    return out;
}

std::string trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return unguard_csv_field(s);
}

enum class Col { Assignment, Name, FirstName, LastName, Group, Grade, Wards, Contract, Hours, Employment, Skills, Email, Phone, Document };

struct ColumnSpec {
    Col col;
    const char* name;            // as documented and exported
    std::vector<const char*> spellings;   // squashed
    const char* document = "";   // the document kind, for expiry columns
};

const std::vector<ColumnSpec>& columns() {
    static const std::vector<ColumnSpec> specs = {
        {Col::Assignment, "Assignment number", {"assignmentnumber", "assignmentno", "assignment", "employeenumber", "esrnumber", "staffnumber"}},
        {Col::Name, "Name", {"name", "fullname", "employeename", "staffname"}},
        {Col::FirstName, "First name", {"firstname", "forename", "forenames", "givenname"}},
        {Col::LastName, "Last name", {"lastname", "surname", "familyname"}},
        {Col::Group, "Staff group", {"staffgroup", "group", "professionalgroup"}},
        {Col::Grade, "Grade", {"grade", "band", "gradeorband", "payband", "gradename", "bandorgrade"}},
        {Col::Wards, "Ward", {"ward", "wards", "homeward", "organisation", "organisationname", "department"}},
        {Col::Contract, "Contract", {"contract", "contracttype", "terms", "termsandconditions"}},
        {Col::Hours, "Contracted hours", {"contractedhours", "hours", "weeklyhours", "contractedhoursperweek", "hoursperweek"}},
        {Col::Employment, "Employment type", {"employmenttype", "employment", "assignmentcategory", "assignmenttype"}},
        {Col::Skills, "Skills", {"skills", "competencies"}},
        {Col::Email, "Email", {"email", "emailaddress", "workemail", "workemailaddress"}},
        {Col::Phone, "Phone", {"phone", "phonenumber", "mobile", "mobilenumber"}},
        {Col::Document, "DBS expiry", {"dbsexpiry", "dbsexpirydate", "dbsrenewaldate", "dbs"}, "dbs"},
        {Col::Document, "Right to work expiry", {"righttoworkexpiry", "righttoworkexpirydate", "rtwexpiry", "visaexpiry", "righttowork"}, "right_to_work"},
        {Col::Document, "Mandatory training expiry", {"mandatorytrainingexpiry", "mandatorytraining", "statutoryandmandatorytrainingexpiry"}, "mandatory_training"},
        {Col::Document, "GMC expiry", {"gmcexpiry", "gmcregistrationexpiry"}, "gmc"},
        {Col::Document, "NMC expiry", {"nmcexpiry", "nmcregistrationexpiry", "nmcpinexpiry"}, "nmc"},
        {Col::Document, "HCPC expiry", {"hcpcexpiry", "hcpcregistrationexpiry"}, "hcpc"},
    };
    return specs;
}

std::optional<StaffGroup> read_group(std::string_view v) {
    static const std::unordered_map<std::string, StaffGroup> names = {
        {"doctor", StaffGroup::Doctor}, {"doctors", StaffGroup::Doctor}, {"medical", StaffGroup::Doctor},
        {"medicalanddental", StaffGroup::Doctor}, {"nurse", StaffGroup::Nurse}, {"nurses", StaffGroup::Nurse},
        {"nursing", StaffGroup::Nurse}, {"registerednurse", StaffGroup::Nurse}, {"nursingandmidwiferyregistered", StaffGroup::Nurse},
        {"midwife", StaffGroup::Nurse}, {"hca", StaffGroup::Hca}, {"healthcareassistant", StaffGroup::Hca},
        {"additionalclinicalservices", StaffGroup::Hca}, {"ahp", StaffGroup::Ahp},
        {"alliedhealthprofessional", StaffGroup::Ahp}, {"alliedhealthprofessionals", StaffGroup::Ahp},
        {"alliedhealthprofessionalsahp", StaffGroup::Ahp}};
    const auto it = names.find(squash(v));
    if (it == names.end()) return std::nullopt;
    return it->second;
}

std::optional<Employment> read_employment(std::string_view v) {
    const std::string s = squash(v);
    if (s == "substantive" || s == "permanent" || s == "fixedterm" || s == "fixedtermtemp" || s == "fixedtermtemporary")
        return Employment::Substantive;
    if (s == "bank" || s == "bankstaff" || s == "bankonly") return Employment::Bank;
    if (s == "agency") return Employment::Agency;
    return std::nullopt;
}

std::optional<std::string> read_contract(std::string_view v) {
    const std::string s = squash(v);
    if (s == "afc" || s == "agendaforchange") return "afc";
    if (s == "tcs2016" || s == "2016terms" || s == "tcs" || s == "juniordoctor2016" || s == "doctorsintraining2016") return "tcs2016";
    if (s == "consultant2003" || s == "consultant" || s == "consultantcontract2003") return "consultant2003";
    return std::nullopt;
}

// The contract a grade is on when the file does not say: doctors in training (FY, CT, ST) on the
// 2016 terms, other doctors under the Working Time Regulations as consultants are, everyone else
// on Agenda for Change.
std::string default_contract(StaffGroup group, const std::string& grade) {
    if (group != StaffGroup::Doctor) return "afc";
    if (grade.rfind("FY", 0) == 0 || grade.rfind("CT", 0) == 0 || grade.rfind("ST", 0) == 0) return "tcs2016";
    return "consultant2003";
}

// "2027-02-28" or "28/02/2027" (ESR and UK spreadsheets): anything else is not read.
std::optional<Date> read_date(std::string_view v) {
    if (auto d = parse_date(v)) return d;
    int day = 0, month = 0, year = 0;
    char tail = 0;
    const std::string s(v);
    if (std::sscanf(s.c_str(), "%2d/%2d/%4d%c", &day, &month, &year, &tail) != 3 || year < 1900) return std::nullopt;
    char iso[40];
    std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", year, month, day);
    return parse_date(iso);
}

bool valid_email(std::string_view e) {
    const size_t at = e.find('@');
    if (e.size() > 254 || at == 0 || at == std::string_view::npos || e.find('@', at + 1) != std::string_view::npos) return false;
    if (e.find_first_of(" \t,;<>\"") != std::string_view::npos) return false;
    const std::string_view domain = e.substr(at + 1);
    const size_t dot = domain.find('.');
    return dot != std::string_view::npos && dot > 0 && dot + 1 < domain.size();
}

bool valid_skill(std::string_view s) {
    if (s.empty() || s.size() > 64) return false;
    for (char c : s)
        if (!(std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '_' || c == '-')) return false;
    return true;
}

std::vector<std::string> split_list(std::string_view v) {
    std::vector<std::string> out;
    size_t start = 0;
    for (size_t i = 0; i <= v.size(); ++i)
        if (i == v.size() || v[i] == ';' || v[i] == '|') {
            std::string part = trim(v.substr(start, i - start));
            if (!part.empty()) out.push_back(std::move(part));
            start = i + 1;
        }
    return out;
}

std::string some_of(const std::vector<std::string>& names, size_t most = 6) {
    std::string out;
    for (size_t i = 0; i < names.size() && i < most; ++i) out += (i ? ", " : "") + names[i];
    if (names.size() > most) out += " (and " + std::to_string(names.size() - most) + " more)";
    return out;
}

// "Smith, Jane" (ESR's "Full Name") becomes "Jane Smith"; a name with no comma, or more than one, stays.
std::string person_name(std::string_view full) {
    const size_t comma = full.find(',');
    if (comma == std::string_view::npos || full.find(',', comma + 1) != std::string_view::npos) return trim(full);
    const std::string last = trim(full.substr(0, comma)), first = trim(full.substr(comma + 1));
    if (last.empty() || first.empty()) return trim(full);
    return first + " " + last;
}

// "a nurse", "an allied health professional": the group as a sentence names one of its people.
std::string a_member_of(StaffGroup g) {
    std::string name(display_name(g));
    for (char& c : name) c = char(std::tolower(static_cast<unsigned char>(c)));
    return (name[0] == 'a' || name[0] == 'e' || name[0] == 'i' || name[0] == 'o' || name[0] == 'u' ? "an " : "a ") + name;
}

std::string hours_text(int minutes) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", minutes / 60.0);
    return buf;
}

bool same_record(const Staff& a, const Staff& b) {
    auto docs = [](const Staff& s) {
        std::vector<std::pair<std::string, Date>> d;
        for (const auto& x : s.documents) d.emplace_back(x.kind, x.expires);
        std::sort(d.begin(), d.end());
        return d;
    };
    return a.name == b.name && a.group == b.group && a.grade == b.grade && a.skills == b.skills &&
           a.contracted_minutes_per_week == b.contracted_minutes_per_week && a.employment == b.employment &&
           a.contract == b.contract && a.wards == b.wards && docs(a) == docs(b) && a.email == b.email && a.phone == b.phone &&
           a.assignment == b.assignment;
}

}  // namespace

const std::vector<std::string>& known_grades(StaffGroup group) {
    static const std::vector<std::string> bands = {"Band 1", "Band 2", "Band 3", "Band 4", "Band 5", "Band 6", "Band 7",
                                                   "Band 8a", "Band 8b", "Band 8c", "Band 8d", "Band 9"};
    static const std::vector<std::string> doctors = {
        "FY1", "FY2", "CT1", "CT2", "CT3", "ST1", "ST2", "ST3", "ST4", "ST5", "ST6", "ST7", "ST8",
        "Specialty doctor", "Specialist", "Associate specialist", "Consultant"};
    return group == StaffGroup::Doctor ? doctors : bands;
}

std::string normalise_grade(StaffGroup group, std::string_view written) {
    std::string s = squash(written);
    if (group != StaffGroup::Doctor) {
        // "band 5", "AfC Band 5", "Band 5", "5", "8A"
        for (const char* prefix : {"agendaforchangeband", "afcband", "band"})
            if (s.rfind(prefix, 0) == 0) {
                s = s.substr(std::string_view(prefix).size());
                break;
            }
    }
    for (const std::string& g : known_grades(group)) {
        const std::string k = squash(g);
        if (k == s || (group != StaffGroup::Doctor && k == "band" + s)) return g;
    }
    return "";
}

StaffImport read_staff_csv(const State& trust, std::string_view text) {
    StaffImport out;
    const CsvRead csv = read_csv(text);
    auto problem = [&](int line, std::string column, std::string value, std::string why, std::string fix) {
        out.problems.push_back({line, std::move(column), std::move(value), std::move(why), std::move(fix)});
    };
    if (csv.error) {
        problem(csv.error->line, "", "", csv.error->message, "save the file again from the spreadsheet as \"CSV UTF-8 (comma delimited)\"");
        return out;
    }
    if (csv.table.header.fields.empty() || (csv.table.header.fields.size() == 1 && trim(csv.table.header.fields[0]).empty())) {
        problem(1, "", "", "the file is empty", "export the staff list with its header row");
        return out;
    }

    // The header: every column known, none twice, the ones a person needs present.
    std::vector<const ColumnSpec*> at;   // per field
    bool surname_first = false;          // ESR's "Full Name" is "Surname, Forename"
    std::map<std::string, int> seen;     // documented name -> field
    bool header_ok = true;
    for (size_t i = 0; i < csv.table.header.fields.size(); ++i) {
        const std::string h = trim(csv.table.header.fields[i]), key = squash(h);
        const ColumnSpec* found = nullptr;
        for (const ColumnSpec& c : columns())
            if (std::find_if(c.spellings.begin(), c.spellings.end(), [&](const char* sp) { return key == sp; }) != c.spellings.end()) found = &c;
        if (!found) {
            std::vector<std::string> names;
            for (const ColumnSpec& c : columns()) names.push_back(c.name);
            problem(1, "", h, "is not a column the import knows", "rename it to one of: " + some_of(names, 30) + "; or delete the column");
            header_ok = false;
        } else if (seen.count(found->name)) {
            problem(1, found->name, h, "is a second \"" + std::string(found->name) + "\" column", "keep one of the two");
            header_ok = false;
        } else {
            seen[found->name] = int(i);
            if (found->col == Col::Name) surname_first = key == "fullname" || key == "employeename";
        }
        at.push_back(found);
    }
    for (const char* needed : {"Assignment number", "Staff group", "Grade", "Ward"})
        if (!seen.count(needed)) {
            problem(1, needed, "", "the column is missing", std::string("add a \"") + needed + "\" column");
            header_ok = false;
        }
    if (!seen.count("Name") && !(seen.count("First name") && seen.count("Last name"))) {
        problem(1, "Name", "", "the column is missing", "add a \"Name\" column, or \"First name\" and \"Last name\"");
        header_ok = false;
    }
    if (!header_ok) return out;

    // What the rows are checked against.
    std::unordered_map<std::string, size_t> by_assignment;   // in the trust
    std::unordered_set<std::string> ids;
    for (size_t i = 0; i < trust.staff.size(); ++i) {
        ids.insert(trust.staff[i].id);
        if (!trust.staff[i].assignment.empty()) by_assignment[trust.staff[i].assignment] = i;
    }
    std::unordered_map<std::string, std::vector<std::string>> ward_of;   // squashed id, name or specialty -> ward ids
    std::vector<std::string> ward_names;
    for (const Ward& w : trust.wards) {
        ward_names.push_back(w.name);
        for (const std::string& k : {squash(w.id), squash(w.name), squash(w.specialty)})
            if (!k.empty() && std::find(ward_of[k].begin(), ward_of[k].end(), w.id) == ward_of[k].end()) ward_of[k].push_back(w.id);
    }
    std::unordered_map<std::string, int> first_line;   // assignment number -> line in this file
    int next_id = int(trust.staff.size()) + 1;
    auto fresh_id = [&] {
        for (;; ++next_id) {
            char id[24];
            std::snprintf(id, sizeof id, "s%04d", next_id);
            if (!ids.count(id)) {
                ids.insert(id);
                return std::string(id);
            }
        }
    };

    const size_t width = csv.table.header.fields.size();
    for (const CsvRow& row : csv.table.rows) {
        ImportRow verdict;
        verdict.line = row.line;
        const size_t before = out.problems.size();
        auto bad = [&](const char* column, const std::string& value, std::string why, std::string fix) {
            problem(row.line, column, value, std::move(why), std::move(fix));
        };
        if (row.fields.size() != width) {
            bad("", "", "has " + std::to_string(row.fields.size()) + " fields; the header has " + std::to_string(width),
                "check for a comma inside a value that is not in quotes, or a missing value");
            out.rows.push_back(verdict);
            continue;
        }
        auto field = [&](const char* name) -> std::optional<std::string> {
            const auto it = seen.find(name);
            if (it == seen.end()) return std::nullopt;
            return trim(row.fields[size_t(it->second)]);
        };

        const std::string assignment = field("Assignment number").value_or("");
        verdict.assignment = assignment;
        const Staff* existing = nullptr;
        if (!valid_assignment_number(assignment)) {
            bad("Assignment number", assignment, assignment.empty() ? "is empty" : "is not an assignment number",
                "write the ESR assignment number: digits, as 12345678, or 12345678-2 for a second post");
        } else if (const auto dup = first_line.find(assignment); dup != first_line.end()) {
            bad("Assignment number", assignment, "appears again (first on line " + std::to_string(dup->second) + ")",
                "keep one row per assignment number");
        } else {
            first_line[assignment] = row.line;
            if (const auto it = by_assignment.find(assignment); it != by_assignment.end()) existing = &trust.staff[it->second];
        }
        Staff s = existing ? *existing : Staff{};
        s.assignment = assignment;

        std::string name = field("Name").value_or("");
        if (!name.empty()) name = surname_first ? person_name(name) : name;
        else name = trim(field("First name").value_or("") + " " + field("Last name").value_or(""));
        verdict.name = name;
        if (name.empty()) bad("Name", "", "is empty", "write the person's name");
        else if (name.size() > 120) bad("Name", name.substr(0, 40) + "\xE2\x80\xA6", "is longer than 120 characters", "shorten it");
        else s.name = name;

        const std::string group_text = field("Staff group").value_or("");
        const std::optional<StaffGroup> group = read_group(group_text);
        if (!group) bad("Staff group", group_text, group_text.empty() ? "is empty" : "is not a staff group the import knows",
                        "use Nurse, Doctor, Healthcare assistant or Allied health professional (or ESR's \"Nursing and Midwifery "
                        "Registered\", \"Medical and Dental\", \"Additional Clinical Services\", \"Allied Health Professionals\")");
        else s.group = *group;

        const std::string grade_text = field("Grade").value_or("");
        if (group) {
            const std::string grade = normalise_grade(*group, grade_text);
            if (grade.empty())
                bad("Grade", grade_text, grade_text.empty() ? "is empty" : "is not a grade for " + a_member_of(*group),
                    "use one of: " + some_of(known_grades(*group), 20));
            else s.grade = grade;
        }

        const std::string wards_text = field("Ward").value_or("");
        std::vector<std::string> wards;
        for (const std::string& w : split_list(wards_text)) {
            const auto it = ward_of.find(squash(w));
            if (it == ward_of.end()) bad("Ward", w, "is not a ward of this trust", "use one of: " + some_of(ward_names) + " (or their ids)");
            else if (it->second.size() > 1) bad("Ward", w, "names more than one ward", "write the ward's full name or its id");
            else if (std::find(wards.begin(), wards.end(), it->second.front()) == wards.end()) wards.push_back(it->second.front());
        }
        if (split_list(wards_text).empty()) bad("Ward", "", "is empty", "write the person's home ward (several: separate them with ;)");
        s.wards = wards;

        if (const auto c = field("Contract"); c && !c->empty()) {
            const auto contract = read_contract(*c);
            if (!contract) bad("Contract", *c, "is not a contract the import knows", "use Agenda for Change (afc), TCS 2016 (tcs2016) or Consultant 2003 (consultant2003)");
            else if (group && !contract_allows(*contract, *group))
                bad("Contract", *c, "is a contract for " + contract_groups(*contract) + ", not for " + a_member_of(*group),
                    "use Agenda for Change for nurses, healthcare assistants and allied health professionals");
            else s.contract = *contract;
        } else if (group && (!existing || s.contract.empty() || !contract_allows(s.contract, *group))) {
            s.contract = default_contract(*group, s.grade);
        }

        if (const auto h = field("Contracted hours"); h && !h->empty()) {
            char* end = nullptr;
            const double hours = std::strtod(h->c_str(), &end);
            if (end != h->c_str() + h->size() || !(hours >= 0 && hours <= 100)) bad("Contracted hours", *h, "is not a number of hours from 0 to 100", "write the weekly hours as a number, as 37.5");
            else s.contracted_minutes_per_week = int(std::lround(hours * 60));
        } else if (h && !existing) {
            s.contracted_minutes_per_week = 0;
        }

        if (const auto e = field("Employment type"); e && !e->empty()) {
            const auto employment = read_employment(*e);
            if (!employment) bad("Employment type", *e, "is not an employment type the import knows", "use Substantive (or Permanent, Fixed Term Temp), Bank or Agency");
            else s.employment = *employment;
        }

        if (const auto k = field("Skills")) {
            std::vector<std::string> skills;
            for (const std::string& sk : split_list(*k)) {
                if (!valid_skill(sk)) bad("Skills", sk, "is not a skill id", "write skills as lower-case ids (iv_cannulation), separated by ;");
                else skills.push_back(sk);
            }
            s.skills = skills;
        }
        if (const auto e = field("Email")) {
            if (!e->empty() && !valid_email(*e)) bad("Email", *e, "is not an email address", "write it as name@trust.nhs.uk");
            else s.email = *e;
        }
        if (const auto p = field("Phone")) {
            if (p->size() > 32 || p->find_first_not_of("+0123456789 ()-") != std::string::npos) bad("Phone", *p, "is not a phone number", "write digits, spaces and + only");
            else s.phone = *p;
        }
        for (const ColumnSpec& c : columns()) {
            if (c.col != Col::Document) continue;
            const auto v = field(c.name);
            if (!v) continue;
            std::erase_if(s.documents, [&](const ComplianceDocument& d) { return d.kind == c.document; });
            if (v->empty()) continue;   // none recorded
            const auto day = read_date(*v);
            if (!day) bad(c.name, *v, "is not a date", "write it as 2027-02-28 or 28/02/2027");
            else s.documents.push_back({c.document, *day});
        }

        if (out.problems.size() != before) {
            // In the order of the file's columns, as a person reads the row.
            auto column_at = [&](const ImportProblem& p) { const auto it = seen.find(p.column); return it == seen.end() ? -1 : it->second; };
            std::stable_sort(out.problems.begin() + std::ptrdiff_t(before), out.problems.end(),
                             [&](const ImportProblem& a, const ImportProblem& b) { return column_at(a) < column_at(b); });
            verdict.verdict = RowVerdict::Refused;
        } else if (existing) {
            verdict.verdict = same_record(*existing, s) ? RowVerdict::Same : RowVerdict::Update;
        } else {
            verdict.verdict = RowVerdict::Add;
            s.id = fresh_id();
        }
        if (verdict.verdict == RowVerdict::Add) ++out.added, out.staff.push_back(std::move(s));
        else if (verdict.verdict == RowVerdict::Update) ++out.updated, out.staff.push_back(std::move(s));
        else if (verdict.verdict == RowVerdict::Same) ++out.unchanged;
        out.rows.push_back(std::move(verdict));
    }
    return out;
}

State with_staff(State trust, const StaffImport& import) {
    for (const Staff& s : import.staff) {
        const auto it = std::find_if(trust.staff.begin(), trust.staff.end(), [&](const Staff& x) { return x.id == s.id; });
        if (it != trust.staff.end()) *it = s;
        else trust.staff.push_back(s);
    }
    return trust;
}

std::string staff_to_csv(const State& trust) {
    std::vector<std::string> header;
    for (const ColumnSpec& c : columns())
        if (c.col != Col::FirstName && c.col != Col::LastName) header.push_back(c.name);
    std::string out = csv_line(header);
    for (const Staff& s : trust.staff) {
        if (s.assignment.empty()) continue;
        std::string wards;
        for (const std::string& id : s.wards) {
            const Ward* w = trust.find_ward(id);
            wards += (wards.empty() ? "" : "; ") + (w && w->name.find_first_of(";|") == std::string::npos ? w->name : id);
        }
        std::string skills;
        for (const std::string& k : s.skills) skills += (skills.empty() ? "" : "; ") + k;
        std::vector<std::string> f;
        for (const ColumnSpec& c : columns()) {
            switch (c.col) {
                case Col::Assignment: f.push_back(s.assignment); break;
                case Col::Name: f.push_back(s.name); break;
                case Col::FirstName: case Col::LastName: break;
                case Col::Group: f.push_back(std::string(display_name(s.group))); break;
                case Col::Grade: f.push_back(s.grade); break;
                case Col::Wards: f.push_back(wards); break;
                case Col::Contract: f.push_back(s.contract); break;
                case Col::Hours: f.push_back(hours_text(s.contracted_minutes_per_week)); break;
                case Col::Employment: f.push_back(std::string(to_string(s.employment))); break;
                case Col::Skills: f.push_back(skills); break;
                case Col::Email: f.push_back(s.email); break;
                case Col::Phone: f.push_back(s.phone); break;
                case Col::Document: {
                    std::string day;
                    for (const auto& d : s.documents)
                        if (d.kind == c.document) day = format_date(d.expires);
                    f.push_back(day);
                    break;
                }
            }
        }
        out += csv_line(f);
    }
    return out;
}

std::string describe(const StaffImport& import) {
    std::string out;
    for (const ImportProblem& p : import.problems) {
        out += p.line ? "line " + std::to_string(p.line) : std::string("the file");
        if (!p.column.empty()) out += ", " + p.column;
        out += ": ";
        if (!p.value.empty()) out += "\"" + p.value + "\" ";
        out += p.why + "; " + p.fix + "\n";
    }
    const int refused = int(std::count_if(import.rows.begin(), import.rows.end(), [](const ImportRow& r) { return r.verdict == RowVerdict::Refused; }));
    out += std::to_string(import.rows.size()) + " rows: " + std::to_string(import.added) + " to add, " + std::to_string(import.updated) +
           " to update, " + std::to_string(import.unchanged) + " unchanged, " + std::to_string(refused) + " refused";
    out += import.ok() ? "\n" : "; nothing is imported until every problem is fixed\n";
    return out;
}

}  // namespace sb
