// Every change to the rota is a Command, applied by one function: apply_command(). It records what
// the command changed (a ChangeSet: each entity before and after), and from that record come undo
// (the `undo` command puts the before-images back), the offline queue and sync (browsers apply
// the server's after-images in place), the audit trail (audit.hpp describes a command from its
// images) and the server's validation: a rule is enforced the same way everywhere.
//
//   Command c{"c-123", "zoe.adeyemi", "2026-03-06T10:00:00Z", "apply", {{"shift", "sh000042"}}};
//   CommandResult r = apply_command(state, log, c);
//   if (!r.accepted()) show(r.reason);   // "This would break a rule: 9 h 30 min rest between …"
//
// The command types, their payload fields and who may send them are listed in docs/commands.md.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/commands/change_set.hpp"
#include "core/model.hpp"
#include "core/rules/violation.hpp"

namespace sb {

struct Command {
    std::string id;        // made by the author's client, 1–64 of [A-Za-z0-9._:-]; unique per author
    std::string author;    // User id; the server sets it from the sign-in, never from the client
    std::string time;      // when it was applied, ISO 8601 UTC; the server's clock stamps it
    std::string type;      // "move_shift", "book", …
    nlohmann::json payload = nlohmann::json::object();
};

enum class CommandStatus : unsigned char {
    Accepted,
    Rejected,    // well-formed but not allowed: rules or state ("someone booked it first")
    Forbidden,   // well-formed but this author may not do it (not their ward, not themself): HTTP 403
    Malformed,   // unknown type or field, missing or wrongly typed field, a bad id (HTTP 400)
};

struct CommandResult {
    std::string id;
    std::string author;
    std::string type;
    CommandStatus status = CommandStatus::Rejected;
    std::string reason;                  // why not, in words; empty when accepted
    std::vector<Violation> warnings;     // rules it breaks that did not stop it (warnings, overrides)
    std::vector<Violation> blocks;       // refused by the rules: every block, not just the first
    ChangeSet changes;                   // accepted: what it changed
    int64_t revision = 0;                // the state's revision after it
    std::string time;                    // the time it was applied with
    bool accepted() const { return status == CommandStatus::Accepted; }
};

// What a state remembers of the commands applied to it: each author's ids with their first result
// (a retry changes nothing and gets the same answer; another author's id is another command), and
// which command last changed each entity (so an undo that can no longer happen says who changed it).
struct CommandLog {
    std::unordered_map<std::string, CommandResult> results;       // by key(author, id)
    std::unordered_map<std::string, std::string> last_change;     // "shifts/sh000042" → key(author, id)
    static std::string key(std::string_view author, std::string_view id);
    const CommandResult* find(std::string_view author, std::string_view id) const;

    // While a journal is attached, apply_command notes what it adds to the log, so that a caller who
    // must take a whole batch back (the server's all-or-nothing request) can: revert() undoes it.
    struct Journal {
        std::vector<std::string> results;
        std::vector<std::pair<std::string, std::optional<std::string>>> last_change;   // key, value before
    };
    Journal* journal = nullptr;
    void revert(const Journal& j);
};

CommandResult apply_command(State& state, CommandLog& log, const Command& command);

// "Would this be allowed, and what would it do?": the same handler on the same state, then every
// change put back and nothing remembered. The UI asks this instead of deciding for itself.
CommandResult preview(State& state, const CommandLog& log, const Command& command);

// 1–64 of [A-Za-z0-9._:-]: command ids are checked, never trusted.
bool valid_command_id(std::string_view id);

// JSON forms, as sent to and from the server. command_from_json refuses unknown fields.
std::optional<Command> command_from_json(const nlohmann::json& j, std::string& error);
nlohmann::json to_json(const Command& c);
nlohmann::json to_json(const CommandResult& r);     // with its change set
std::optional<CommandResult> command_result_from_json(const nlohmann::json& j);
std::string_view to_string(CommandStatus s);

// The command types this version understands, and the payload fields each accepts (an unknown field
// makes the command malformed). docs/commands.md lists each; a test keeps the two in step.
const std::vector<std::string_view>& command_types();
const std::vector<std::string_view>* payload_fields(std::string_view type);

}  // namespace sb
