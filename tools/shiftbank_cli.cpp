// shiftbank-cli: the core from the command line.
//
//   shiftbank-cli demo [--staff N] [--weeks W] [--seed S] [--start YYYY-MM-DD] [--out FILE]
//       Writes a synthetic trust (the app's demo data; deterministic for the same options).
//   shiftbank-cli validate FILE.json
//       Loads a file; prints every problem as one JSON line {"path", "message"}.
//       Exit 0 valid, 2 invalid input.
//   shiftbank-cli describe
//       Prints the rule sets (ids, severities, limits, sources) and the command types as JSON:
//       what docs/rules.md and docs/commands.md are checked against.
//   shiftbank-cli check FILE.json
//       Runs the safety rules over every person's shifts; prints each violation as one JSON line
//       {"rule", "severity", "staff", "message", "shifts"}. Exit 0 clean, 1 violations found,
//       2 invalid input (every error printed with its path, as validate does).
//   shiftbank-cli import STAFF.csv --into TRUST.json [--dry-run]
//       Reads a staff list (docs/onboarding.md: the columns and their spellings) against the trust
//       in TRUST.json and prints the report: one line per problem (line, column, value, why, the
//       fix), then the counts. Exit 0 and TRUST.json rewritten with the staff added and updated
//       (untouched with --dry-run); exit 2 with the report when any row is bad, TRUST.json untouched.
//   shiftbank-cli export staff --from TRUST.json [--out STAFF.csv]
//       The trust's staff as the same CSV (UTF-8, CRLF, the documented header).
//   shiftbank-cli payroll --from TRUST.json --period YYYY-MM [--out PAYROLL.csv]
//       Runs the month's payroll as the trust's administrator (the run_payroll command: every
//       signed-off bank timesheet due and not paid before), rewrites TRUST.json with them marked
//       paid, and writes the run's file (docs/pay.md). Exit 2 with the reason when nothing is due.
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <cstring>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "core/data_format.hpp"
#include "core/commands/command.hpp"
#include "core/demo_trust.hpp"
#include "core/csv.hpp"
#include "core/pay.hpp"
#include "core/rules/rules_engine.hpp"
#include "core/staff_csv.hpp"

namespace {

int usage() {
    std::fputs("usage: shiftbank-cli demo [--staff N] [--weeks W] [--seed S] [--start YYYY-MM-DD] [--out FILE]\n"
               "       shiftbank-cli validate FILE.json\n"
               "       shiftbank-cli check FILE.json\n"
               "       shiftbank-cli describe\n"
               "       shiftbank-cli import STAFF.csv --into TRUST.json [--dry-run]\n"
               "       shiftbank-cli export staff --from TRUST.json [--out STAFF.csv]\n"
               "       shiftbank-cli payroll --from TRUST.json --period YYYY-MM [--out PAYROLL.csv]\n",
               stderr);
    return 2;
}

int demo(int argc, char** argv) {
    sb::DemoOptions o;
    std::string out;
    for (int i = 2; i < argc; ++i) {
        const std::string a = argv[i];
        if (i + 1 >= argc) return usage();
        const std::string v = argv[++i];
        char* end = nullptr;
        const long n = std::strtol(v.c_str(), &end, 10);
        const bool number = end && *end == '\0' && !v.empty();
        if (a == "--staff" && number && n >= 1 && n <= 20000) o.staff = int(n);
        else if (a == "--weeks" && number && n >= 1 && n <= 12) o.weeks = int(n);
        else if (a == "--seed" && number && n >= 0) o.seed = uint64_t(n);
        else if (a == "--start" && sb::parse_date(v)) o.start = *sb::parse_date(v);
        else if (a == "--out") out = v;
        else {
            std::fprintf(stderr, "shiftbank-cli demo: bad option %s %s\n", a.c_str(), v.c_str());
            return usage();
        }
    }
    const std::string text = sb::save_state(sb::make_demo_trust(o), 1) + "\n";
    if (out.empty()) {
        std::fwrite(text.data(), 1, text.size(), stdout);
        return 0;
    }
    std::ofstream f(out, std::ios::binary);
    f << text;
    if (!f) return std::fprintf(stderr, "shiftbank-cli: cannot write %s\n", out.c_str()), 2;
    return 0;
}

// Loads FILE; on failure prints the errors as JSON lines and returns nullopt.
std::optional<sb::State> load_or_report(const char* path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    if (!in) {
        std::cout << nlohmann::json{{"path", ""}, {"message", std::string("cannot read ") + path}}.dump() << "\n";
        return std::nullopt;
    }
    sb::LoadResult r = sb::load_state(text.str());
    for (const auto& e : r.errors)
        std::cout << nlohmann::json{{"path", e.path}, {"message", e.message}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    if (!r.ok()) return std::nullopt;
    return std::move(r.state);
}

int describe() {
    nlohmann::json sets = nlohmann::json::array();
    for (const auto& set : sb::rule_sets()) {
        nlohmann::json rules = nlohmann::json::array();
        for (const auto& r : set.rules)
            rules.push_back({{"id", r.id}, {"severity", r.severity == sb::Severity::Block ? "block" : "warn"},
                             {"limit", r.limit}, {"window", r.window}, {"rest_after", r.rest_after},
                             {"rest_after_run", r.rest_after_run}, {"source", r.source}});
        sets.push_back({{"id", set.id}, {"name", set.name}, {"rules", rules}});
    }
    nlohmann::json types = nlohmann::json::array(), fields = nlohmann::json::object();
    for (auto t : sb::command_types()) {
        types.push_back(t);
        fields[std::string(t)] = *sb::payload_fields(t);
    }
    nlohmann::json contracts = sb::contract_ids(), ward_sets = sb::ward_rule_set_ids();
    std::cout << nlohmann::json{{"rule_sets", sets}, {"commands", types}, {"payload_fields", fields}, {"contracts", contracts},
                                {"ward_rule_sets", ward_sets}}
                     .dump(1)
              << "\n";
    return 0;
}

int check(const char* path) {
    auto state = load_or_report(path);
    if (!state) return 2;
    const sb::RulesEngine engine(*state);
    const auto violations = engine.check_all();
    for (const auto& v : violations)
        std::cout << nlohmann::json{{"rule", v.rule}, {"severity", v.severity == sb::Severity::Block ? "block" : "warn"},
                                    {"staff", v.staff}, {"message", v.message}, {"shifts", v.shifts}}
                         .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
                  << "\n";
    return violations.empty() ? 0 : 1;
}

// A whole file, refused past `most` bytes before any of it is read.
std::optional<std::string> read_file(const std::string& path, size_t most) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) return std::fprintf(stderr, "shiftbank-cli: cannot read %s\n", path.c_str()), std::nullopt;
    if (size > most) return std::fprintf(stderr, "shiftbank-cli: %s is larger than %zu MiB\n", path.c_str(), most >> 20), std::nullopt;
    std::ifstream in(path, std::ios::binary);
    std::string text(size_t(size), '\0');
    if (!in.read(text.data(), std::streamsize(size))) return std::fprintf(stderr, "shiftbank-cli: cannot read %s\n", path.c_str()), std::nullopt;
    return text;
}

// Written beside the target, then renamed over it: a crash leaves the old file or the new one.
bool write_file(const std::string& path, const std::string& text) {
    const std::string tmp = path + ".tmp";
    {
        std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
        f << text;
        if (!f.flush()) return false;
    }
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    return !ec;
}

int import_staff(int argc, char** argv) {
    std::string csv_path, into;
    bool dry_run = false;
    for (int i = 2; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--into" && i + 1 < argc) into = argv[++i];
        else if (a == "--dry-run") dry_run = true;
        else if (csv_path.empty() && a.rfind("--", 0) != 0) csv_path = a;
        else return usage();
    }
    if (csv_path.empty() || into.empty()) return usage();
    const auto csv = read_file(csv_path, sb::kMaxCsvBytes);
    if (!csv) return 2;
    auto trust = load_or_report(into.c_str());
    if (!trust) return 2;
    const sb::StaffImport im = sb::read_staff_csv(*trust, *csv);
    const std::string report = sb::describe(im);
    std::fwrite(report.data(), 1, report.size(), stdout);
    if (!im.ok()) return 2;
    if (dry_run) return 0;
    if (!write_file(into, sb::save_state(sb::with_staff(std::move(*trust), im), 1) + "\n"))
        return std::fprintf(stderr, "shiftbank-cli: cannot write %s\n", into.c_str()), 2;
    return 0;
}

int export_staff(int argc, char** argv) {
    std::string from, out;
    for (int i = 3; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--from" && i + 1 < argc) from = argv[++i];
        else if (a == "--out" && i + 1 < argc) out = argv[++i];
        else return usage();
    }
    if (from.empty()) return usage();
    auto trust = load_or_report(from.c_str());
    if (!trust) return 2;
    const std::string text = sb::staff_to_csv(*trust);
    if (out.empty()) return std::fwrite(text.data(), 1, text.size(), stdout), 0;
    if (!write_file(out, text)) return std::fprintf(stderr, "shiftbank-cli: cannot write %s\n", out.c_str()), 2;
    return 0;
}

// Now, as commands carry it: "2026-12-03T17:45:00Z".
std::string now_utc() {
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

int payroll(int argc, char** argv) {
    std::string from, period, out;
    for (int i = 2; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--from" && i + 1 < argc) from = argv[++i];
        else if (a == "--period" && i + 1 < argc) period = argv[++i];
        else if (a == "--out" && i + 1 < argc) out = argv[++i];
        else return usage();
    }
    if (from.empty() || period.empty()) return usage();
    auto trust = load_or_report(from.c_str());
    if (!trust) return 2;
    const sb::User* admin = nullptr;
    for (const sb::User& u : trust->users)
        if (u.role == sb::Role::Admin) admin = admin ? admin : &u;
    if (!admin) return std::fprintf(stderr, "shiftbank-cli: %s has no administrator account to run payroll as\n", from.c_str()), 2;
    const auto due = sb::parse_pay_period(period) ? sb::payable_timesheets(*trust, *sb::parse_pay_period(period))
                                                  : std::vector<const sb::Timesheet*>{};
    const std::string summary = sb::describe_payroll(*trust, due);
    sb::CommandLog log;
    const sb::Command cmd{"cli-payroll-" + period, admin->id, now_utc(), "run_payroll", {{"period", period}}};
    const sb::CommandResult r = sb::apply_command(*trust, log, cmd);
    if (!r.accepted()) return std::fprintf(stderr, "shiftbank-cli: %s\n", r.reason.c_str()), 2;
    // Every timesheet the run changed now carries its id ("2026-12", or "2026-12-2" for a second run).
    const std::string run = r.changes.front().after.value("payroll", "");
    const std::string csv = sb::payroll_csv(*trust, run);
    if (out.empty()) std::fwrite(csv.data(), 1, csv.size(), stdout);
    else if (!write_file(out, csv)) return std::fprintf(stderr, "shiftbank-cli: cannot write %s\n", out.c_str()), 2;
    // The trust's file last: a run whose file could not be written leaves nothing marked paid.
    if (!write_file(from, sb::save_state(*trust, 1) + "\n")) return std::fprintf(stderr, "shiftbank-cli: cannot write %s\n", from.c_str()), 2;
    std::fprintf(stderr, "Payroll run %s: %s\n", run.c_str(), summary.c_str());
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc >= 2 && !std::strcmp(argv[1], "demo")) return demo(argc, argv);
    if (argc == 3 && !std::strcmp(argv[1], "validate")) return load_or_report(argv[2]) ? 0 : 2;
    if (argc == 3 && !std::strcmp(argv[1], "check")) return check(argv[2]);
    if (argc == 2 && !std::strcmp(argv[1], "describe")) return describe();
    if (argc >= 2 && !std::strcmp(argv[1], "import")) return import_staff(argc, argv);
    if (argc >= 3 && !std::strcmp(argv[1], "export") && !std::strcmp(argv[2], "staff")) return export_staff(argc, argv);
    if (argc >= 2 && !std::strcmp(argv[1], "payroll")) return payroll(argc, argv);
    return usage();
}
