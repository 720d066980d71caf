// The browser's copy of the rota and the person's changes to it, with no UI and no network: what the
// screen shows is the server's state (as this person may see it) with their own unanswered commands
// applied on top. Every change goes through apply_command, here as at the server.
//
//   store.load(snapshot, "zoe");                  // the server's state at its revision
//   store.submit("book", {{"shift", id}}, "…");   // applied at once (optimistically) and queued
//   sync.send(store.to_send(100));                // shell/sync.js carries the bytes
//   store.acknowledge(answer);                    // accepted: confirmed in place by the server's changes
//   store.apply_remote(revision, changes, …);     // others' changes from the feed, in place
//
// Confirmation never reloads: the server answers an accepted command with what it changed (its
// change set, as this person may see it), and the store applies change sets to its confirmed copy
// in revision order, whoever made them; a full snapshot is needed only when the server says so.
// Undo and redo are the core's `undo` command; the unanswered queue survives a reload, a restart
// and signing out and in again as the same person (pending_json / restore_pending).
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/audit.hpp"
#include "core/commands/command.hpp"

namespace sb::client {

class CommandStore {
public:
    using Clock = std::function<int64_t()>;   // seconds since 1970 (UTC) on this machine
    explicit CommandStore(Clock clock = {});

    // --- The data -------------------------------------------------------------------------------
    // A fresh snapshot for `user` (the server's revision is the state's). Unanswered commands of the
    // same user are applied on top again; another user's are set aside until they sign in again.
    void load(State confirmed, std::string user);
    // Without a server (a generated demo, a static copy) the person is whoever the role switch picks.
    void set_local_user(std::string user) { user_ = std::move(user); }
    bool loaded() const { return loaded_; }
    const State& state() const { return view_ ? *view_ : confirmed_; }
    const State& confirmed() const { return confirmed_; }
    const std::string& user() const { return user_; }
    int64_t revision() const { return confirmed_.revision; }   // the server's, as far as we know it
    uint64_t version() const { return version_; }               // changes whenever state() does
    const CommandLog& log() const { return log_; }

    // --- Changes made here ------------------------------------------------------------------------
    CommandResult submit(const std::string& type, nlohmann::json payload, std::string description);
    // "Would this be allowed, and what would it do?" on what the person sees; nothing is kept.
    CommandResult preview(const std::string& type, const nlohmann::json& payload);
    bool can_undo() const { return !undo_.empty(); }
    size_t undo_depth() const { return undo_.size(); }
    bool can_redo() const { return !redo_.empty(); }
    const std::string& undo_description() const;
    const std::string& redo_description() const;
    // The person's last change undone (or the last undo redone), or the reason it cannot be.
    CommandResult undo();
    CommandResult redo();
    // A command of this person's, as the server answered it, was refused: forget it on the stacks.
    void forget(const std::string& id);

    // --- Sync -------------------------------------------------------------------------------------
    // Commands to send next, in the order they were made (at most `max`); they count as sent until
    // answered. After a failed request, resend() makes them all due again (same ids: safe).
    std::vector<Command> to_send(size_t max);
    void resend();
    size_t unanswered() const;                 // made here, not yet answered by the server
    bool has_unsent() const;

    struct Answer {
        std::string id;
        CommandStatus status = CommandStatus::Accepted;
        std::string reason;
        int64_t revision = 0;     // accepted: the server's revision after it
        ChangeSet changes;        // accepted: what it changed, as this person may see it
    };
    // The server's answer to one of ours. Returns the refusal in words (empty when accepted).
    std::string acknowledge(const Answer& answer);

    struct Remote {
        int64_t revision = 0;
        ChangeSet changes;        // as this person may see them (may be empty)
        std::string id, author, type;   // "" where the feed does not say (a colleague's, to a clinician)
    };
    // A change from the feed. False if it cannot follow on (a gap the feed will fill, or a reload).
    bool apply_remote(const Remote& change);

    // --- Time -------------------------------------------------------------------------------------
    // The server's clock minus this one, learnt from its answers: commands are stamped (and the
    // rules that depend on "now" judged) by the server's time, so both give the same verdict.
    void set_server_offset(int64_t seconds) { offset_ = seconds; }
    void set_clock(Clock clock) { clock_ = std::move(clock); }   // tests: a day in the demo's rota
    int64_t now() const;                      // the server's time as far as we know it
    int64_t local_now() const { return clock_(); }
    std::string now_iso() const;              // "2026-12-01T21:49:00Z"
    void set_command_prefix(std::string prefix) { prefix_ = std::move(prefix); }

    // --- Persistence (the platform keeps the bytes) -------------------------------------------------
    // {"user", "commands": [{id, type, payload, description}]}: everything not yet answered.
    nlohmann::json pending_json() const;
    void restore_pending(const nlohmann::json& saved);   // for the user now signed in; others' are kept aside
    const std::vector<nlohmann::json>& set_aside() const { return set_aside_; }

    // Audit entries of the changes seen here (this session's, and others' from a manager's feed).
    const std::vector<AuditEntry>& local_audit() const { return audit_; }

private:
    struct Outstanding {
        Command command;
        std::string description;
        bool sent = false;
        int64_t confirmed_at = 0;   // accepted at this server revision; shown until we get there
    };
    struct Arrived {
        ChangeSet changes;
        std::string id, author, type;
    };
    struct Done {
        std::string id;             // the command to undo (for redo: the undo command)
        std::string description;
    };

    Clock clock_;
    int64_t offset_ = 0;
    std::string prefix_;
    int64_t next_id_ = 1;
    bool loaded_ = false;
    std::string user_;
    State confirmed_;
    std::optional<State> view_;     // confirmed_ with outstanding commands on top (when there are any)
    CommandLog log_;
    std::vector<Outstanding> outstanding_;
    std::map<int64_t, Arrived> arrived_;   // change sets waiting for the ones before them
    std::vector<Done> undo_, redo_;
    std::vector<nlohmann::json> set_aside_;   // another user's unanswered commands, kept for them
    std::vector<AuditEntry> audit_;
    uint64_t version_ = 0;

    std::string new_id();
    Command make(const std::string& type, nlohmann::json payload) const;
    CommandResult run(Command c, std::string description);
    void drain();
    void rebuild_view();
    void confirm_in_log(const std::string& id, const ChangeSet& changes, int64_t revision);
    void record_audit(const Command& c, const CommandResult& r, int64_t revision);
};

}  // namespace sb::client
