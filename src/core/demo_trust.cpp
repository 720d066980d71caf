#include "demo_trust.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <string>

namespace sb {
namespace {

// splitmix64: tiny, fast, and identical on every platform.
struct Rng {
    uint64_t s;
    uint64_t next() {
        uint64_t z = (s += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    int below(int n) { return int(next() % uint64_t(n)); }
    bool chance(int percent) { return below(100) < percent; }
    template <class T, size_t N> const T& pick(const std::array<T, N>& a) { return a[size_t(below(int(N)))]; }
};

constexpr std::array<const char*, 48> kFirstNames = {
    "Priya", "Tom", "Zoë", "Łukasz", "Ciarán", "Grace", "Omar", "Sophie", "Adaeze", "James", "Aisha", "Mohammed",
    "Emily", "Siobhán", "Daniel", "Chloe", "Oluwaseun", "Hannah", "Rhys", "Fatima", "Liam", "Mei", "Joseph",
    "Niamh", "Arjun", "Olivia", "Kwame", "Isla", "Tomasz", "Amelia", "Rajesh", "Eilidh", "Samuel", "Chiamaka",
    "Ella", "Dylan", "Noor", "Ffion", "Ben", "Anjali", "Callum", "Agnieszka", "Yusuf", "Ruby", "Seán", "Leah",
    "Matteo", "Bronwen"};
constexpr std::array<const char*, 40> kLastNames = {
    "Raman", "Evans", "Adeyemi", "Nowak", "Byrne", "Mensah", "Khan", "Turner", "Okafor", "Smith", "Patel",
    "Jones", "O'Brien", "Williams", "Chen", "Davies", "Hughes", "Begum", "Taylor", "Kowalski", "Murphy",
    "Ahmed", "Wilson", "Okonkwo", "Thomas", "Roberts", "Nguyen", "Walker", "Ali", "MacLeod", "Wright", "Singh",
    "Green", "Campbell", "Müller", "Osei", "Hall", "Kaur", "Lewis", "Fernández"};

struct WardSeed { const char* code; const char* specialty; };
constexpr std::array<WardSeed, 12> kWards = {{{"Ward 7", "Acute Medicine"}, {"Ward 12", "Respiratory"},
                                              {"Ward 3", "Care of the Elderly"}, {"ED", "Emergency Department"},
                                              {"Ward 9", "General Surgery"}, {"ICU", "Critical Care"},
                                              {"Ward 14", "Cardiology"}, {"Ward 5", "Orthopaedics"},
                                              {"Ward 2", "Paediatrics"}, {"Ward 11", "Stroke"},
                                              {"Ward 16", "Gastroenterology"}, {"Ward 4", "Renal"}}};
constexpr std::array<const char*, 3> kSites = {"Northbridge General Hospital", "St Aidan's Hospital",
                                               "Riverside Community Hospital"};

struct GradeSeed {
    StaffGroup group;
    const char* grade;
    int weight;            // share of a ward's staff, in percent
    int rate_pence;        // bank rate per hour
    const char* contract;
};
constexpr std::array<GradeSeed, 11> kGrades = {{
    {StaffGroup::Nurse, "Band 5", 30, 2650, "afc"}, {StaffGroup::Nurse, "Band 6", 12, 3150, "afc"},
    {StaffGroup::Nurse, "Band 7", 4, 3700, "afc"},  {StaffGroup::Hca, "Band 2", 8, 1700, "afc"},
    {StaffGroup::Hca, "Band 3", 16, 1900, "afc"},   {StaffGroup::Doctor, "FY1", 7, 4200, "tcs2016"},
    {StaffGroup::Doctor, "FY2", 5, 4600, "tcs2016"}, {StaffGroup::Doctor, "CT1", 4, 5200, "tcs2016"},
    {StaffGroup::Doctor, "ST3", 5, 6200, "tcs2016"}, {StaffGroup::Ahp, "Band 6", 6, 3000, "afc"},
    {StaffGroup::Ahp, "Band 7", 3, 3500, "afc"},
}};

const GradeSeed& pick_grade(Rng& rng) {
    int roll = rng.below(100);
    for (const auto& g : kGrades) {
        if (roll < g.weight) return g;
        roll -= g.weight;
    }
    return kGrades[0];
}

// Two draws in two statements: the order in which operands of + are evaluated is unspecified, and
// GCC and Clang differ, which would give the native and the wasm build different people.
std::string person_name(Rng& rng) {
    std::string first = rng.pick(kFirstNames);
    return first + " " + rng.pick(kLastNames);
}

std::string numbered(const char* prefix, int n, int width) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%s%0*d", prefix, width, n);
    return buf;
}

// "Zoë Ł. O'Brien" -> "zoe.obrien": ASCII usernames people can type on any keyboard.
std::string username_for(const std::string& name) {
    static const std::array<std::pair<const char*, char>, 10> folds = {{{"ë", 'e'}, {"Ł", 'l'}, {"á", 'a'},
                                                                       {"é", 'e'}, {"ü", 'u'}, {"ñ", 'n'},
                                                                       {"í", 'i'}, {"ó", 'o'}, {"ú", 'u'},
                                                                       {"Á", 'a'}}};
    std::string out;
    for (size_t i = 0; i < name.size();) {
        bool folded = false;
        for (const auto& [utf8, ascii] : folds) {
            const size_t n = std::char_traits<char>::length(utf8);
            if (name.compare(i, n, utf8) == 0) {
                out += ascii;
                i += n;
                folded = true;
                break;
            }
        }
        if (folded) continue;
        const unsigned char c = static_cast<unsigned char>(name[i++]);
        if (c == ' ') out += '.';
        else if (std::isalnum(c) && c < 128) out += char(std::tolower(c));
    }
    return out;
}

struct TypeSpec { const char* id; const char* name; int start, end; bool night; };
constexpr std::array<TypeSpec, 6> kTypes = {{{"early", "Early", 7 * 60, 15 * 60, false},
                                             {"late", "Late", 13 * 60 + 30, 21 * 60 + 30, false},
                                             {"long_day", "Long day", 7 * 60 + 30, 20 * 60, false},
                                             {"night", "Night", 20 * 60, 8 * 60 + 30, true},
                                             {"day", "Day", 9 * 60, 17 * 60, false},
                                             {"twilight", "Twilight", 17 * 60, 23 * 60, false}}};

Shift make_shift(const std::string& id, const Ward& ward, const TypeSpec& t, Date day, const GradeSeed& g) {
    Shift s;
    s.id = id;
    s.ward = ward.id;
    s.type = t.id;
    s.start = {day, t.start};
    s.end = {t.end > t.start ? day : day + 1, t.end};
    s.requirements.group = g.group;
    s.requirements.grades = {g.grade};
    s.rate_pence_per_hour = g.rate_pence + (t.night ? 600 : 0);
    s.status = ShiftStatus::Published;
    return s;
}

// A person's working pattern: which shift type they work on each day (-1 = off).
// Families mirror real rotas: long days, earlies and lates, and blocks of nights.
std::vector<int> pattern_for(Rng& rng, const Staff& p, int days) {
    std::vector<int> out(size_t(days), -1);
    const bool doctor = p.group == StaffGroup::Doctor;
    const int family = rng.below(3);
    for (int week = 0; week * 7 < days; ++week) {
        const bool nights = family == 2 && rng.chance(40);
        // Enough shifts to meet the contract: 12.5 h long days and nights, 8 h earlies and lates.
        const int contracted = p.contracted_minutes_per_week;
        int target = family == 0 || nights ? (contracted + 300) / 750 : (contracted + 240) / 480;
        int placed = 0;
        for (int attempt = 0; attempt < 30 && placed < target; ++attempt) {
            const int d = week * 7 + (nights ? placed + 1 : rng.below(7));
            if (d >= days || out[size_t(d)] >= 0) continue;
            int type = nights ? 3 : family == 0 ? 2 : doctor ? 4 : rng.below(2);
            // Keep the generated rota mostly lawful: after a late, no early; after a night, a night or rest.
            const int prev = d > 0 ? out[size_t(d - 1)] : -1;
            if (prev == 1 && type == 0) type = 1;
            if (prev == 3 && type != 3) continue;
            out[size_t(d)] = type;
            ++placed;
        }
    }
    // Tidy the pattern in day order, as a rota planner would: no Early straight after a Late, the
    // day after a night is a night or rest, and never more than 6 shifts in a row.
    int run = 0;
    for (int d = 0; d < days; ++d) {
        int& today = out[size_t(d)];
        const int prev = d > 0 ? out[size_t(d - 1)] : -1;
        if (prev == 1 && today == 0) today = 1;
        if (prev == 3 && today >= 0 && today != 3) today = -1;
        run = today >= 0 ? run + 1 : 0;
        if (run > 6) today = -1, run = 0;
    }
    // Doctors on the 2016 contract work at most 1 weekend in 3.
    if (doctor) {
        const int keep = rng.below(3);
        for (int d = 0; d < days; ++d)
            if ((d % 7 == 5 || d % 7 == 6) && (d / 7) % 3 != keep) out[size_t(d)] = -1;
    }
    return out;
}

}  // namespace

Date monday_of(Date d) { return d + -weekday(d); }

State make_demo_trust(const DemoOptions& o) {
    Rng rng{o.seed * 0x2545F4914F6CDD1Dull + 7};
    State s;
    s.trust = {"northbridge", "Northbridge University Hospitals NHS Trust"};
    s.period_start = monday_of(o.start);
    s.period_days = std::max(1, o.weeks) * 7;
    const int staff_count = std::max(1, o.staff);
    const int ward_count = std::clamp(staff_count / 24, 1, 80);
    const int site_count = std::min<int>(int(kSites.size()), 1 + ward_count / 4);

    for (int i = 0; i < site_count; ++i) s.sites.push_back({numbered("site", i + 1, 1), kSites[size_t(i)]});
    for (int i = 0; i < ward_count; ++i) {
        const WardSeed& seed = kWards[size_t(i) % kWards.size()];
        Ward w;
        w.id = numbered("w", i + 1, 2);
        w.site = s.sites[size_t(i % site_count)].id;
        const int round = i / int(kWards.size());
        w.name = std::string(seed.code) + (round ? " " + std::string(1, char('A' + round)) : "") + " · " + seed.specialty;
        w.specialty = seed.specialty;
        w.instant_booking = i % 3 == 0;
        s.wards.push_back(std::move(w));
    }
    for (const auto& t : kTypes) s.shift_types.push_back({t.id, t.name, t.start, t.end, t.night});
    // The bank's rate card: a rate per grade, and nights paid £6 an hour more (make_shift agrees).
    for (const auto& g : kGrades) {
        s.rate_card.push_back({g.group, g.grade, "", g.rate_pence});
        s.rate_card.push_back({g.group, g.grade, "night", g.rate_pence + 600});
    }
    // Weekends and bank holidays pay more on top (docs/pay.md); nights already have their own rate.
    s.pay_bands = {{PayBand::Saturday, 0, 0, 30}, {PayBand::Sunday, 0, 0, 60}, {PayBand::BankHoliday, 0, 0, 60}};

    // Staff: every ward opens with its Band 7 manager, then a realistic mix of grades.
    std::vector<const GradeSeed*> grade_of;
    for (int i = 0; i < staff_count; ++i) {
        const int ward = i % ward_count;
        const GradeSeed& g = i < ward_count ? kGrades[2] : pick_grade(rng);
        Staff p;
        p.id = numbered("s", i + 1, 4);
        p.name = person_name(rng);
        p.group = g.group;
        p.grade = g.grade;
        p.contract = g.contract;
        p.employment = i >= ward_count && rng.chance(12) ? Employment::Bank : Employment::Substantive;
        p.contracted_minutes_per_week = p.employment == Employment::Bank ? 0 : (rng.chance(20) ? 22 * 60 + 30 : 37 * 60 + 30);
        p.wards = {s.wards[size_t(ward)].id};
        if (g.group == StaffGroup::Nurse && rng.chance(40)) p.skills.push_back("iv_cannulation");
        if (g.group == StaffGroup::Doctor && rng.chance(50)) p.skills.push_back("als");
        const Date expiry = s.period_start + 90 + rng.below(700);
        p.documents = {{"dbs", expiry}, {"right_to_work", expiry + 365}, {"mandatory_training", expiry - 60}};
        p.documents.push_back({g.group == StaffGroup::Doctor ? "gmc" : g.group == StaffGroup::Ahp ? "hcpc" : "nmc", expiry});
        if (g.group == StaffGroup::Hca) p.documents.pop_back();
        if (p.employment == Employment::Bank && rng.chance(15)) p.documents[0].expires = s.period_start + -20;  // lapsed DBS
        p.email = username_for(p.name) + "@northbridge.nhs.example";
        p.assignment = std::to_string(20000000 + 7 * i + 3);   // ESR-like, not from the random stream (the rest stays as it was)
        const int exchange = 100 + rng.below(899), line = rng.below(1000);   // one statement each: operand order is unspecified
        p.phone = "07700 9" + numbered("", exchange, 3) + numbered("", line, 3);
        grade_of.push_back(&g);
        s.staff.push_back(std::move(p));
    }
    // A few agency workers, who only ever appear on agency-sourced shifts.
    const int agency_count = std::max(1, staff_count / 50);
    for (int i = 0; i < agency_count; ++i) {
        Staff p;
        p.id = numbered("a", i + 1, 3);
        p.name = person_name(rng);
        p.group = StaffGroup::Nurse;
        p.grade = "Band 5";
        p.contract = "afc";
        p.employment = Employment::Agency;
        s.staff.push_back(std::move(p));
    }

    int next_shift = 1;
    auto new_id = [&] { return numbered("sh", next_shift++, 6); };
    const int days = s.period_days;
    const Date draft_from = s.period_start + std::max(7, days - 7);   // the last week is still a draft

    for (int i = 0; i < staff_count; ++i) {
        const Staff& p = s.staff[size_t(i)];
        const Ward& ward = s.wards[size_t(i % ward_count)];
        auto pattern = pattern_for(rng, p, days);
        for (int d = 0; d < days; ++d) {
            if (pattern[size_t(d)] < 0) continue;
            Shift sh = make_shift(new_id(), ward, kTypes[size_t(pattern[size_t(d)])], s.period_start + d, *grade_of[size_t(i)]);
            sh.assignee = p.id;
            sh.status = sh.start.date >= draft_from ? ShiftStatus::Draft : ShiftStatus::Published;
            s.shifts.push_back(std::move(sh));
        }
    }
    // Deliberate breaches for the rules engine to find: a Late followed by an Early (9 h 30 min rest).
    const int breaches = std::max(2, staff_count / 60);
    for (int placed = 0, attempt = 0; placed < breaches && attempt < 50 * breaches; ++attempt) {
        const int i = rng.below(staff_count);
        const Staff& p = s.staff[size_t(i)];
        if (p.employment == Employment::Bank || p.group == StaffGroup::Doctor) continue;
        const Date day = s.period_start + 1 + rng.below(std::max(1, days - 2));
        auto on_day = [&](Date d) {
            return std::any_of(s.shifts.begin(), s.shifts.end(),
                               [&](const Shift& x) { return x.assignee == p.id && x.start.date == d; });
        };
        if (on_day(day) || on_day(day + 1)) continue;
        const Ward& ward = s.wards[size_t(i % ward_count)];
        for (int k : {1, 0}) {
            Shift sh = make_shift(new_id(), ward, kTypes[size_t(k)], day + (k == 0 ? 1 : 0), *grade_of[size_t(i)]);
            sh.assignee = p.id;
            s.shifts.push_back(std::move(sh));
        }
        ++placed;
    }
    // Vacancies: each ward has gaps most days; about half are posted to the bank, some are filled
    // by bank staff, and a few by an agency, which is what managers want to see less of.
    std::vector<const Staff*> bank_staff;
    for (const auto& p : s.staff)
        if (p.employment == Employment::Bank && p.documents.front().expires >= s.period_start + days) bank_staff.push_back(&p);
    // Days each bank or agency worker is already booked, so the generator never double-books them.
    std::vector<std::pair<const Staff*, Date>> bank_days;
    auto bank_free = [&](const Staff* b, Date day) {
        for (const auto& [who, d] : bank_days)
            if (who == b && d - day <= 1 && day - d <= 1) return false;
        return true;
    };
    for (int w = 0; w < ward_count; ++w) {
        for (int d = 0; d < days; ++d) {
            const int gaps = rng.below(3);
            for (int k = 0; k < gaps; ++k) {
                const GradeSeed& g = rng.chance(70) ? kGrades[0] : rng.chance(60) ? kGrades[4] : kGrades[5];
                const TypeSpec& t = kTypes[size_t(rng.pick(std::array<int, 4>{0, 1, 2, 3}))];
                Shift sh = make_shift(new_id(), s.wards[size_t(w)], t, s.period_start + d, g);
                const int roll = rng.below(100);
                if (roll < 45) {
                    sh.status = ShiftStatus::Open;
                    sh.source = ShiftSource::Bank;
                } else if (roll < 60 && !bank_staff.empty() &&
                           bank_free(bank_staff[size_t(roll) % bank_staff.size()], sh.start.date)) {
                    const Staff* b = bank_staff[size_t(roll) % bank_staff.size()];
                    bank_days.push_back({b, sh.start.date});
                    sh.requirements.group = b->group;
                    sh.requirements.grades = {b->grade};
                    sh.status = ShiftStatus::Booked;
                    sh.source = ShiftSource::Bank;
                    sh.assignee = b->id;
                } else if (roll < 66 && g.group == StaffGroup::Nurse &&
                           bank_free(&s.staff[size_t(staff_count + roll % agency_count)], sh.start.date)) {
                    const Staff* a = &s.staff[size_t(staff_count + roll % agency_count)];
                    bank_days.push_back({a, sh.start.date});
                    sh.status = ShiftStatus::Booked;
                    sh.source = ShiftSource::Agency;
                    sh.assignee = a->id;
                    sh.rate_pence_per_hour = sh.rate_pence_per_hour * 2 + 1500;   // agency premium
                }
                s.shifts.push_back(std::move(sh));
            }
        }
    }
    // Leave: a few people on approved annual leave (their shifts those days removed), a few asking.
    int leave_n = 0;
    for (int i = ward_count; i < staff_count; i += 17) {
        const Staff& p = s.staff[size_t(i)];
        if (p.employment != Employment::Substantive) continue;
        const Date first = s.period_start + rng.below(std::max(1, days - 5));
        const Date last = first + (2 + rng.below(3));
        const bool approved = rng.chance(70);
        s.leave.push_back({numbered("lv", ++leave_n, 4), p.id, rng.chance(85) ? LeaveKind::Annual : LeaveKind::Study, first, last,
                           approved ? RequestStatus::Approved : RequestStatus::Pending});
        if (approved)
            s.shifts.erase(std::remove_if(s.shifts.begin(), s.shifts.end(),
                                          [&](const Shift& x) { return x.assignee == p.id && x.start.date >= first && x.start.date <= last; }),
                           s.shifts.end());
    }
    // Bank staff say when they can work: managers see it on the grid when filling gaps.
    for (const Staff* b : bank_staff)
        for (int d = 0; d < days; ++d)
            if (rng.chance(30)) s.availability.push_back({b->id, s.period_start + d, rng.chance(50) ? 7 * 60 : 19 * 60, rng.chance(50) ? 20 * 60 + 30 : 24 * 60});
    std::stable_sort(s.shifts.begin(), s.shifts.end(), [](const Shift& a, const Shift& b) { return a.start < b.start; });

    // Accounts: one administrator, a manager per ward (its Band 7), and every member of staff.
    s.users.push_back({"admin", "Trust administrator", Role::Admin, "", {}});
    std::vector<std::string> taken = {"admin"};
    for (int i = 0; i < staff_count; ++i) {
        const Staff& p = s.staff[size_t(i)];
        std::string id = username_for(p.name);
        if (std::find(taken.begin(), taken.end(), id) != taken.end()) id += "." + p.id;
        taken.push_back(id);
        User u{id, p.name, Role::Clinician, p.id, {}};
        if (i < ward_count) {
            u.role = Role::Manager;
            u.wards = {s.wards[size_t(i)].id};
        }
        s.users.push_back(std::move(u));
    }
    return s;
}

}  // namespace sb
