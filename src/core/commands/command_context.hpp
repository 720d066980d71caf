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
    bool forbid(std::string reason);                       // a permission refusal; always returns false
    // Would `candidate` on `staff` break a rule? Blocks reject unless a manager of the ward gives
    // payload.override_reason; warnings are kept on the result either way.
    bool rules_allow(const Shift& candidate, const std::string& staff);
    void set_inverse(std::string type, nlohmann::json payload);
    int notices = 0;   // notifications made so far by this command (their ids count up)
};

// Notifications (notify.cpp). Each is made by the command that caused it, so the log replays them.
std::string describe_shift(const State& state, const Shift& s);   // "Night, Sat 5 Dec, Ward 7 · Acute Medicine"
std::string format_rate(int pence_per_hour);                       // "£27.50/h"
void notify(Ctx& c, const std::string& staff, NoticeKind kind, const Shift& s, std::string text, bool digest = false);
// Tells the people on a shift before and after a change what it means for them (booked, removed,
// times changed). Drafts are the manager's own business and tell nobody.
void notify_assignment_change(Ctx& c, const Shift& before, const Shift& after);
// Offers open shifts to the staff who could actually work them (eligible, no rule broken) and who
// asked to hear about them (their preferences): one notification per person.
// `except`: someone not to offer them to (whoever was just taken off the shift).
void offer_shifts(Ctx& c, const std::vector<std::string>& shift_ids, NoticeKind kind, const std::string& except = "");
// The command's time as UTC minutes, if it carries one ("2026-03-06T10:00:00Z").
std::optional<UtcMinutes> command_time(const Command& cmd);

using Handler = bool (*)(Ctx&);
struct HandlerEntry {
    std::string_view type;
    Handler handler;
};
const std::vector<HandlerEntry>& shift_handlers();
const std::vector<HandlerEntry>& booking_handlers();
const std::vector<HandlerEntry>& request_handlers();
const std::vector<HandlerEntry>& policy_handlers();
// All of the above, in that order.
const std::vector<const std::vector<HandlerEntry>*>& all_handlers();

std::string new_id(const State& state, const Command& cmd, const char* prefix);

}  // namespace sb::commands
