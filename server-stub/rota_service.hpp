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
#include <functional>
#include <map>
#include <mutex>
#include <tuple>
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
    // Applies the commands in order as `user`, all or none; `done` is called once they are durable
    // (on the writer thread, right after its commit: it must be quick), or at once if nothing new
    // needs writing. No thread waits meanwhile, so thousands of requests can be in flight.
    void submit_async(const User& user, std::vector<Command> commands, std::function<void(Submitted)> done);
    // The same, returning once they are durable (for callers that may block).
    Submitted submit(const User& user, std::vector<Command> commands);

    // Calls `wake` once (on the writer thread, or at once: it must be quick) when the durable
    // revision passes `since`, or the feeds close, or the service stops. Returns an id for unwatch().
    uint64_t watch(int64_t since, std::function<void()> wake);
    void unwatch(uint64_t id);

    // The data `user` may see (core/visibility.hpp), as JSON with "revision", at a durable revision.
    // nullopt after a failed write: the server must be restarted (the API answers 503).
    std::optional<std::string> snapshot_for(const User& user);
    // `user`'s shifts as iCalendar (core/icalendar.hpp), from the same durable state and through the
    // same visibility as their snapshot; `stamp` is the DTSTAMP. nullopt as for snapshot_for.
    std::optional<std::string> calendar_for(const User& user, UtcMinutes stamp);

    // Accepted commands after `since`: for each, its revision and what it changed as `user` may see
    // it (after-images). Who did what is told to managers and administrators, and to a clinician for
    // their own commands only. `json` is the answer's text, {"revision", "changes"} or, when the
    // client must fetch the snapshot again, {"revision", "changes": [], "reload": true}.
    //
    // Thousands of open feeds ask for the same revisions at once: the answer for everyone a batch
    // does not concern (not its author, not named in what it changed) is worked out once per role
    // and shared, and a person's own once for all their devices, so a change costs the feeds a
    // lookup each, not a filtering each.
    struct Changes {
        int64_t revision = 0;
        bool reload = false;
        std::shared_ptr<const std::string> json;
    };
    Changes changes_since(int64_t since, const User& user);

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
        std::string images;   // every before- and after-image as text: whom the change names
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
    std::deque<std::shared_ptr<const Recent>> recent_;   // the newest accepted commands, for /api/changes
    // Answers to changes_since() at durable_revision_, by (since, whether the reader sees everything,
    // "" for everyone the batch does not concern or the user id of one it does).
    std::map<std::tuple<int64_t, bool, std::string>, std::shared_ptr<const std::string>> shared_changes_;
    int64_t shared_changes_revision_ = -1;
    std::vector<AuditEntry> audit_;         // every accepted command and sign-in, by revision
    std::string cached_full_;               // the whole state's JSON at cached_revision_
    int64_t cached_revision_ = -1;
    bool stopping_ = false;
    bool closing_feeds_ = false;
    std::string failure_;                   // set if a write failed: the service then refuses work
    std::thread writer_;
    // Requests waiting for their batch to be durable, by ticket; feeds waiting for a revision.
    std::multimap<uint64_t, std::function<void()>> acks_;
    struct Watcher {
        int64_t since;
        std::function<void()> wake;
    };
    std::map<uint64_t, Watcher> watchers_;
    uint64_t next_watch_ = 1;
    std::vector<std::function<void()>> due_callbacks(bool everyone);   // under mu_: the ones to call now
    bool wait_until_durable(std::unique_lock<std::mutex>& lock);         // false after a failed write
    void write_loop();
    void remember(const Command& c, const CommandResult& r);
    static std::string changes_json(const std::vector<std::shared_ptr<const Recent>>& batch, const User& user, int64_t revision);
};

}  // namespace sb::server
