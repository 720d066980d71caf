// Shared by the command handlers: the payload reader, who the author is and what they may do, the
// rules check every assignment goes through, and the one way to change the state (the recorder).
// Not part of the public API.
#pragma once
#include <optional>
#include <string>

#include "core/commands/command.hpp"
#include "core/data_format.hpp"

namespace sb::commands {

// Reads payload fields (apply_command has already refused fields the type does not have); the
// first problem marks the command Malformed with a reason naming the field.
class Args {
public:
    Args(const nlohmann::json& payload, CommandResult& result, std::string prefix = "payload.")
        : p_(payload), result_(result), prefix_(std::move(prefix)) {}
    bool ok() const { return ok_; }
    bool has(const char* key) const { return p_.contains(key); }
    std::string id(const char* key);                          // required id (1–64 of [A-Za-z0-9._:-])
    std::optional<std::string> optional_id(const char* key);  // absent or null: nullopt
    std::optional<std::string> optional_text(const char* key, size_t max_bytes = 500);   // free text
    std::vector<std::string> id_list(const char* key, size_t max = 2000);   // required, non-empty
    std::optional<LocalDateTime> local_time(const char* key, bool required = true);
    std::optional<Date> date(const char* key);
    std::optional<int> clock(const char* key);                // "HH:MM" → minutes
    std::optional<int64_t> integer(const char* key, int64_t lo, int64_t hi);
    std::optional<bool> boolean(const char* key);             // optional
    const nlohmann::json* array(const char* key, size_t min, size_t max);   // required
    const nlohmann::json* object(const char* key);
    void fail(const std::string& why);
    const std::string& prefix() const { return prefix_; }

private:
    const nlohmann::json& p_;
    CommandResult& result_;
    std::string prefix_;
    bool ok_ = true;
};

struct Ctx {
    const State& state;        // read freely; change only through `w`
    const Command& cmd;
    const User& author;
    CommandResult& result;
    ChangeRecorder& w;
    const CommandLog& log;
    Args args;

    bool is_admin() const { return author.role == Role::Admin; }
    bool manages(const std::string& ward) const;          // admin, or manager of that ward
    bool manages_staff(const std::string& staff) const;   // admin, or manager of one of their wards
    bool is_self(const std::string& staff) const { return !author.staff.empty() && author.staff == staff; }
    // The entity to change (noted by the recorder); nullptr and "There is no …" if there is none.
    Shift* shift(const std::string& id);
    template <class T>
    T* find(const std::string& id, const char* what) {
        T* x = w.edit<T>(id);
        if (!x) reject(std::string("There is no ") + what + " \"" + id.substr(0, 64) + "\"");
        return x;
    }
    bool reject(std::string reason);                       // always returns false
    bool forbid(std::string reason);                       // a permission refusal; always returns false
    // Would `candidate` on `staff` break a rule? Blocks reject unless a manager of the ward gives
    // payload.override_reason; warnings are kept on the result either way. Messages about someone
    // else are as the author may see them (no colleague's leave or documents in a refusal).
    bool rules_allow(const Shift& candidate, const std::string& staff);
    // Refuses a change to a shift that has started by the command's clock, in words ending with
    // `so`: "This shift started at 07:30 on Tue 1 Dec, so it can no longer be booked". A command
    // with no time (a test's, a file's) is not refused; the server always stamps one.
    bool not_started(const Shift& s, const char* so);
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
std::optional<UtcMinutes> utc_time(std::string_view time);   // the same, of a time as a log keeps it

using Handler = bool (*)(Ctx&);
struct HandlerEntry {
    std::string_view type;
    Handler handler;
    std::vector<std::string_view> fields;   // the payload fields it accepts
};
const std::vector<HandlerEntry>& shift_handlers();
const std::vector<HandlerEntry>& booking_handlers();
const std::vector<HandlerEntry>& request_handlers();
const std::vector<HandlerEntry>& policy_handlers();
const std::vector<HandlerEntry>& trust_handlers();
const std::vector<HandlerEntry>& pay_handlers();
const std::vector<HandlerEntry>& undo_handlers();
// All of the above, in that order.
const std::vector<const std::vector<HandlerEntry>*>& all_handlers();

// An id for an entity the command creates: the same in the browser that made the command and at
// the server, different for every (author, command id), and never the client's text itself.
std::string new_id(const Ctx& c, const char* prefix);

}  // namespace sb::commands
