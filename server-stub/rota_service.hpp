// The one rota every browser shares: the state, the command log and the database behind them.
//
// Commands from many requests are applied one at a time under a lock (apply_command, with the
// author's real identity and the server's clock), then a writer thread commits whatever has
// accumulated in one transaction ("group commit": one fsync for many commands) and only then are
// the requests answered. Readers (snapshot, changes, audit) see only what is durable. A request is
// all or nothing: if one of its commands is malformed, the ones before it are taken back.
#pragma once
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/audit.hpp"
#include "core/commands/command.hpp"
#include "session_store.hpp"
#include "store.hpp"

namespace sb::server {

class RotaService {
public:
    // Loads the state from the store (snapshot + log replay). Throws std::runtime_error if the
    // database's log does not replay to the revisions it records.
    explicit RotaService(Store& store);
    ~RotaService();

    // Seeds a new database with `initial` at its revision.
    static void seed(Store& store, const State& initial);

    struct Submitted {
        std::vector<CommandResult> results;   // in order; empty when the request was refused whole
        std::string malformed;                // "Command 2 of 3 (c-9): payload.x is not a field of book …"
        std::string malformed_id;
    };
    // Applies the commands in order as `user`, all or none, and returns once they are durable.
    Submitted submit(const User& user, std::vector<Command> commands);

    // The data `user` may see (core/visibility.hpp), as JSON with "revision", at a durable revision.
    // nullopt after a failed write: the server must be restarted (the API answers 503).
    std::optional<std::string> snapshot_for(const User& user);

    // Accepted commands after `since`, waiting up to `wait` for one to arrive: for each, its revision
    // and what it changed as `user` may see it (after-images). Who did what is told to managers and
    // administrators, and to a clinician for their own commands only.
    nlohmann::json changes_since(int64_t since, const User& user, std::chrono::milliseconds wait);

    // A sign-in, sign-out or ending of sessions, stamped with the server's clock and the durable
    // revision (so it sits after the changes that person could have seen): returned to be kept.
    AccessEvent access_event(const std::string& event, const std::string& user, const std::string& by, int count = 1);
    // Puts it in the audit trail (also at start-up, for the ones in the database).
    void record_access(const AccessEvent& e);

    // The audit trail `user` may read, newest first, filtered; before > 0: older than that revision.
    // A page ends between revisions, never inside one (so `before` the last entry's revision loses
    // nothing); a single revision with more entries than `limit` comes whole.
    struct AuditPage {
        std::vector<AuditEntry> entries;
        bool more = false;    // older entries match too
    };
    AuditPage audit(const User& user, const AuditFilter& filter, size_t limit, int64_t before);
    std::string audit_csv(const std::vector<AuditEntry>& entries);
    nlohmann::json audit_json(const AuditPage& page);

    std::optional<User> find_user(const std::string& id);
    int64_t revision();
    std::vector<User> users();
    void stop();   // wakes long-polls and ends the writer thread
    bool stopping();
    void close_feeds();   // before the HTTP server stops: long-polls and streams answer and end at once

private:
    struct Recent {
        int64_t revision;
        Command command;
        ChangeSet changes;
    };
    Store& store_;
    std::mutex mu_;
    std::condition_variable durable_cv_;   // a batch was committed (or the service is stopping)
    std::condition_variable work_cv_;      // the writer has something to do
    State state_;
    CommandLog log_;
    WriteBatch unwritten_;
    int64_t durable_revision_ = 0;
    uint64_t submitted_ = 0, durable_ = 0;   // tickets: submits are answered once durable_ reaches theirs
    int64_t snapshot_revision_ = 0;         // revision of the newest snapshot in the database
    std::deque<Recent> recent_;             // the newest accepted commands, for /api/changes
    std::vector<AuditEntry> audit_;         // every accepted command and sign-in, by revision
    std::string cached_full_;               // the whole state's JSON at cached_revision_
    int64_t cached_revision_ = -1;
    bool stopping_ = false;
    bool closing_feeds_ = false;
    std::string failure_;                   // set if a write failed: the service then refuses work
    std::thread writer_;
    void write_loop();
    void remember(const Command& c, const CommandResult& r);
};

}  // namespace sb::server
