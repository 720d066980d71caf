// Every change to the rota is a Command, applied by one function: apply_command(). Undo (the
// inverse command it returns), the offline queue, sync, the audit trail and the server's
// validation all go through it, so a rule is enforced the same way everywhere.
//
//   Command c{"c-123", "zoe.adeyemi", "2026-03-06T10:00:00Z", "apply", {{"shift", "sh000042"}}};
//   CommandResult r = apply_command(state, c);
//   if (!r.accepted()) show(r.reason);   // "Booking it would break a rule: 9 h 30 min rest between …"
//
// The command types and their payloads are listed in docs/commands.md.
#pragma once
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/model.hpp"
#include "core/rules/violation.hpp"

namespace sb {

struct Command {
    std::string id;        // unique, made by the client (a retry reuses it)
    std::string author;    // User id; the server sets it from the login, never from the client
    std::string time;      // when the author made it, ISO 8601 (kept for the audit trail)
    std::string type;      // "move_shift", "book", …
    nlohmann::json payload = nlohmann::json::object();
};

enum class CommandStatus : unsigned char {
    Accepted,
    Rejected,    // well-formed but not allowed: rules or state ("someone booked it first")
    Forbidden,   // well-formed but this author may not do it (not their ward, not themself): HTTP 403
    Malformed,   // unknown type, missing or wrongly typed fields (an HTTP 400 at the server)
};

struct CommandResult {
    std::string id;
    CommandStatus status = CommandStatus::Rejected;
    std::string reason;                  // why not, in words; empty when accepted
    std::vector<Violation> warnings;     // rules it breaks that did not stop it (warnings, overrides)
    std::optional<Command> inverse;      // applying this undoes the command (its id left empty)
    int64_t revision = 0;                // the state's revision after it
    bool accepted() const { return status == CommandStatus::Accepted; }
};

// What the state remembers of applied commands so that a repeated id changes nothing.
struct CommandLog {
    std::unordered_map<std::string, CommandResult> results;
};

CommandResult apply_command(State& state, CommandLog& log, const Command& command);

// JSON forms, as sent to and from the server.
std::optional<Command> command_from_json(const nlohmann::json& j, std::string& error);
nlohmann::json to_json(const Command& c);
nlohmann::json to_json(const CommandResult& r);
// The stored form back (id, status, reason, revision; warnings and the inverse are not kept).
std::optional<CommandResult> command_result_from_json(const nlohmann::json& j);
std::string_view to_string(CommandStatus s);

// The command types this version understands (docs/commands.md lists each with its payload).
const std::vector<std::string_view>& command_types();

}  // namespace sb
