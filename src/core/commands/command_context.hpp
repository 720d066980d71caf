// Shared by the command handlers: the payload reader, who the author is and what they may do,
// and the rules check every assignment goes through. Not part of the public API.
#pragma once
#include <optional>
#include <string>

#include "core/commands/command.hpp"
#include "core/data_format.hpp"

namespace sb::commands {

// Reads payload fields; the first problem marks the command Malformed with a reason naming the field.
class Args {
public:
    Args(const nlohmann::json& payload, CommandResult& result) : p_(payload), result_(result) {}
    bool ok() const { return ok_; }
    std::string text(const char* key);                        // required string
    std::optional<std::string> optional_text(const char* key);
    std::vector<std::string> text_list(const char* key);      // required array of strings
    std::optional<LocalDateTime> local_time(const char* key, bool required = true);
    std::optional<Date> date(const char* key);
    std::optional<int> clock(const char* key);                // "HH:MM" → minutes
    std::optional<int64_t> integer(const char* key, int64_t lo, int64_t hi);
    const nlohmann::json* object(const char* key);
    void fail(const std::string& why);

private:
    const nlohmann::json& p_;
    CommandResult& result_;
    bool ok_ = true;
};

struct Ctx {
    State& state;
    const Command& cmd;
    const User& author;
    CommandResult& result;
    Args args;

    bool is_admin() const { return author.role == Role::Admin; }
    bool manages(const std::string& ward) const;          // admin, or manager of that ward
    bool is_self(const std::string& staff) const { return !author.staff.empty() && author.staff == staff; }
    Shift* shift(const std::string& id);                   // nullptr → rejected "no such shift"
    bool reject(std::string reason);                       // always returns false
    // Would `candidate` on `staff` break a rule? Blocks reject unless a manager of the ward gives
    // payload.override_reason; warnings are kept on the result either way.
    bool rules_allow(const Shift& candidate, const std::string& staff);
    void set_inverse(std::string type, nlohmann::json payload);
};

using Handler = bool (*)(Ctx&);
struct HandlerEntry {
    std::string_view type;
    Handler handler;
};
const std::vector<HandlerEntry>& shift_handlers();
const std::vector<HandlerEntry>& booking_handlers();
const std::vector<HandlerEntry>& request_handlers();

std::string new_id(const State& state, const Command& cmd, const char* prefix);

}  // namespace sb::commands
