#include <algorithm>

#include "core/commands/command_context.hpp"
#include "core/enum_names.hpp"
#include "core/rules/rules_engine.hpp"

namespace sb {
namespace commands {
using json = nlohmann::json;

void Args::fail(const std::string& why) {
    if (!ok_) return;
    ok_ = false;
    result_.status = CommandStatus::Malformed;
    result_.reason = why;
}

std::string Args::text(const char* key) {
    auto it = p_.find(key);
    if (it == p_.end() || !it->is_string() || it->get_ref<const std::string&>().empty()) {
        fail(std::string("payload.") + key + (it == p_.end() ? " is missing" : " must be a non-empty string"));
        return {};
    }
    return it->get<std::string>();
}

std::optional<std::string> Args::optional_text(const char* key) {
    auto it = p_.find(key);
    if (it == p_.end() || it->is_null()) return std::nullopt;
    if (!it->is_string()) {
        fail(std::string("payload.") + key + " must be a string");
        return std::nullopt;
    }
    return it->get<std::string>();
}

std::vector<std::string> Args::text_list(const char* key) {
    std::vector<std::string> out;
    auto it = p_.find(key);
    if (it == p_.end() || !it->is_array() || it->empty()) {
        fail(std::string("payload.") + key + " must be a non-empty array of ids");
        return out;
    }
    for (const auto& x : *it) {
        if (!x.is_string()) {
            fail(std::string("payload.") + key + " must contain only strings");
            return {};
        }
        out.push_back(x.get<std::string>());
    }
    return out;
}

std::optional<LocalDateTime> Args::local_time(const char* key, bool required) {
    auto it = p_.find(key);
    if (it == p_.end()) {
        if (required) fail(std::string("payload.") + key + " is missing");
        return std::nullopt;
    }
    auto t = it->is_string() ? parse_local_date_time(it->get_ref<const std::string&>()) : std::nullopt;
    if (!t) fail(std::string("payload.") + key + " must be a local date-time like 2026-03-06T20:00");
    else if (classify_london(*t) == LocalTimeKind::Skipped) {
        fail(std::string("payload.") + key + " does not exist in London: the clocks go forward that night");
        return std::nullopt;
    }
    return t;
}

std::optional<Date> Args::date(const char* key) {
    auto it = p_.find(key);
    auto d = it != p_.end() && it->is_string() ? parse_date(it->get_ref<const std::string&>()) : std::nullopt;
    if (!d) fail(std::string("payload.") + key + " must be a date like 2026-03-06");
    return d;
}

std::optional<int> Args::clock(const char* key) {
    auto it = p_.find(key);
    std::optional<LocalDateTime> t;
    if (it != p_.end() && it->is_string() && it->get_ref<const std::string&>().size() == 5)
        t = parse_local_date_time("2000-01-01T" + it->get<std::string>());
    if (!t) {
        fail(std::string("payload.") + key + " must be a time like 07:30");
        return std::nullopt;
    }
    return t->minute;
}

std::optional<int64_t> Args::integer(const char* key, int64_t lo, int64_t hi) {
    auto it = p_.find(key);
    if (it == p_.end() || !it->is_number_integer() || it->get<int64_t>() < lo || it->get<int64_t>() > hi) {
        fail(std::string("payload.") + key + " must be a whole number from " + std::to_string(lo) + " to " + std::to_string(hi));
        return std::nullopt;
    }
    return it->get<int64_t>();
}

const json* Args::object(const char* key) {
    auto it = p_.find(key);
    if (it == p_.end() || !it->is_object()) {
        fail(std::string("payload.") + key + " must be an object");
        return nullptr;
    }
    return &*it;
}

bool Ctx::manages(const std::string& ward) const {
    return is_admin() ||
           (author.role == Role::Manager && std::find(author.wards.begin(), author.wards.end(), ward) != author.wards.end());
}

Shift* Ctx::shift(const std::string& id) {
    auto it = std::find_if(state.shifts.begin(), state.shifts.end(), [&](const Shift& s) { return s.id == id; });
    if (it == state.shifts.end()) {
        reject("There is no shift \"" + id + "\" (it may have been deleted)");
        return nullptr;
    }
    return &*it;
}

bool Ctx::reject(std::string reason) {
    if (!args.ok()) return false;   // a malformed payload's reason is the more useful one
    result.status = CommandStatus::Rejected;
    result.reason = std::move(reason);
    return false;
}

bool Ctx::rules_allow(const Shift& candidate, const std::string& staff) {
    CandidateVerdict v = check_candidate(state, candidate, staff, true);
    std::vector<Violation> blocks;
    for (auto& x : v.violations) (x.severity == Severity::Block ? blocks : result.warnings).push_back(x);
    if (blocks.empty()) return true;
    const auto reason = cmd.payload.find("override_reason");
    const bool overridden = reason != cmd.payload.end() && reason->is_string() &&
                            !reason->get_ref<const std::string&>().empty() && manages(candidate.ward);
    if (overridden) {
        // Kept with the command in the log: the audit trail shows who overrode which rule and why.
        result.warnings.insert(result.warnings.end(), blocks.begin(), blocks.end());
        return true;
    }
    std::string why = "This would break a rule: " + blocks.front().message;
    if (blocks.size() > 1) why += " (and " + std::to_string(blocks.size() - 1) + " more)";
    if (manages(candidate.ward)) why += ". A manager may override it by giving a reason.";
    return reject(why);
}

bool Ctx::forbid(std::string reason) {
    if (!args.ok()) return false;
    result.status = CommandStatus::Forbidden;
    result.reason = std::move(reason);
    return false;
}

void Ctx::set_inverse(std::string type, json payload) {
    result.inverse = Command{"", cmd.author, "", std::move(type), std::move(payload)};
}

std::string new_id(const State& state, const Command& cmd, const char* prefix) {
    // Derived from the command id, so replaying the log recreates the same ids everywhere.
    return std::string(prefix) + cmd.id.substr(0, 60 - std::char_traits<char>::length(prefix));
}

const std::vector<const std::vector<HandlerEntry>*>& all_handlers() {
    static const std::vector<const std::vector<HandlerEntry>*> lists = {&shift_handlers(), &booking_handlers(),
                                                                        &request_handlers(), &policy_handlers()};
    return lists;
}

}  // namespace commands

const std::vector<std::string_view>& command_types() {
    static const std::vector<std::string_view> types = [] {
        std::vector<std::string_view> t;
        for (const auto* list : commands::all_handlers())
            for (const auto& h : *list) t.push_back(h.type);
        return t;
    }();
    return types;
}

CommandResult apply_command(State& state, CommandLog& log, const Command& cmd) {
    if (auto seen = log.results.find(cmd.id); seen != log.results.end()) return seen->second;   // a retry: same answer
    CommandResult result;
    result.id = cmd.id;
    result.revision = state.revision;
    const User* author = state.find_user(cmd.author);
    commands::Handler handler = nullptr;
    for (const auto* list : commands::all_handlers())
        for (const auto& h : *list)
            if (h.type == cmd.type) handler = h.handler;
    if (cmd.id.empty() || cmd.id.size() > 64) {
        result.status = CommandStatus::Malformed;
        result.reason = "A command needs an id of 1 to 64 characters";
        return result;   // not logged: there is no id to remember it by
    } else if (!handler) {
        result.status = CommandStatus::Malformed;
        result.reason = "Unknown command type \"" + cmd.type.substr(0, 40) + "\"";
    } else if (!cmd.payload.is_object()) {
        result.status = CommandStatus::Malformed;
        result.reason = "The payload must be a JSON object";
    } else if (!author) {
        result.status = CommandStatus::Forbidden;
        result.reason = "Unknown author \"" + cmd.author.substr(0, 40) + "\"";
    } else {
        commands::Ctx ctx{state, cmd, *author, result, commands::Args(cmd.payload, result)};
        if (handler(ctx) && ctx.args.ok()) {
            result.status = CommandStatus::Accepted;
            result.reason.clear();
            result.revision = ++state.revision;
        } else if (result.reason.empty()) {
            result.status = CommandStatus::Rejected;
            result.reason = "Not allowed";
        } else if (result.status == CommandStatus::Accepted) {
            result.status = CommandStatus::Rejected;   // a handler that set a reason but returned true
        }
        if (!result.accepted()) result.inverse.reset();
    }
    log.results.emplace(cmd.id, result);
    return result;
}

std::string_view to_string(CommandStatus s) {
    switch (s) {
        case CommandStatus::Accepted: return "accepted";
        case CommandStatus::Rejected: return "rejected";
        case CommandStatus::Forbidden: return "forbidden";
        case CommandStatus::Malformed: return "malformed";
    }
    return "";
}

std::optional<Command> command_from_json(const nlohmann::json& j, std::string& error) {
    if (!j.is_object()) {
        error = "a command must be a JSON object";
        return std::nullopt;
    }
    Command c;
    for (const char* key : {"id", "type"}) {
        auto it = j.find(key);
        if (it == j.end() || !it->is_string()) {
            error = std::string("a command's \"") + key + "\" must be a string";
            return std::nullopt;
        }
    }
    c.id = j["id"].get<std::string>();
    c.type = j["type"].get<std::string>();
    if (auto it = j.find("author"); it != j.end() && it->is_string()) c.author = it->get<std::string>();
    if (auto it = j.find("time"); it != j.end() && it->is_string()) c.time = it->get<std::string>();
    if (auto it = j.find("payload"); it != j.end()) c.payload = *it;
    return c;
}

nlohmann::json to_json(const Command& c) {
    return {{"id", c.id}, {"author", c.author}, {"time", c.time}, {"type", c.type}, {"payload", c.payload}};
}

std::optional<CommandResult> command_result_from_json(const nlohmann::json& j) {
    if (!j.is_object() || !j.contains("id") || !j["id"].is_string() || !j.contains("status") || !j["status"].is_string())
        return std::nullopt;
    CommandResult r;
    r.id = j["id"].get<std::string>();
    const std::string status = j["status"].get<std::string>();
    bool known = false;
    for (CommandStatus s : {CommandStatus::Accepted, CommandStatus::Rejected, CommandStatus::Forbidden, CommandStatus::Malformed})
        if (to_string(s) == status) r.status = s, known = true;
    if (!known) return std::nullopt;
    if (auto it = j.find("reason"); it != j.end() && it->is_string()) r.reason = it->get<std::string>();
    if (auto it = j.find("revision"); it != j.end() && it->is_number_integer()) r.revision = it->get<int64_t>();
    return r;
}

nlohmann::json to_json(const CommandResult& r) {
    nlohmann::json j = {{"id", r.id}, {"status", to_string(r.status)}, {"revision", r.revision}};
    if (!r.reason.empty()) j["reason"] = r.reason;
    if (!r.warnings.empty()) {
        auto& w = j["warnings"] = nlohmann::json::array();
        for (const auto& v : r.warnings) w.push_back({{"rule", v.rule}, {"message", v.message}, {"shifts", v.shifts}});
    }
    return j;
}

}  // namespace sb
