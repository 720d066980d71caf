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
#include <cstdio>
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
#include "core/rules/rules_engine.hpp"

namespace {

int usage() {
    std::fputs("usage: shiftbank-cli demo [--staff N] [--weeks W] [--seed S] [--start YYYY-MM-DD] [--out FILE]\n"
               "       shiftbank-cli validate FILE.json\n"
               "       shiftbank-cli check FILE.json\n"
               "       shiftbank-cli describe\n",
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

}  // namespace

int main(int argc, char** argv) {
    if (argc >= 2 && !std::strcmp(argv[1], "demo")) return demo(argc, argv);
    if (argc == 3 && !std::strcmp(argv[1], "validate")) return load_or_report(argv[2]) ? 0 : 2;
    if (argc == 3 && !std::strcmp(argv[1], "check")) return check(argv[2]);
    if (argc == 2 && !std::strcmp(argv[1], "describe")) return describe();
    return usage();
}
