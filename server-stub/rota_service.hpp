// The one rota every browser shares: the state, the command log and the database behind them.
//
// Commands from many requests are applied one at a time under a lock (apply_command, with the
// author's real identity), then a writer thread commits whatever has accumulated in one transaction
// ("group commit": one fsync for many commands) and only then are the requests answered. Readers
// (snapshot, changes) see only what is durable.
#pragma once
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/commands/command.hpp"
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

    // Applies the commands in order as `user` and returns once they are durably stored.
    std::vector<CommandResult> submit(const User& user, std::vector<Command> commands);

    // The data `user` may see (core/visibility.hpp), as JSON with "revision", at a durable revision.
    std::string snapshot_for(const User& user);

    // Accepted commands after `since`, waiting up to `wait` for one to arrive. For a clinician only
    // {revision, id, type}: enough to know to fetch a fresh snapshot, nothing about colleagues.
    nlohmann::json changes_since(int64_t since, const User& user, std::chrono::milliseconds wait);

    std::optional<User> find_user(const std::string& id);
    int64_t revision();
    std::vector<User> users();
    void stop();   // wakes long-polls and ends the writer thread

private:
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
    std::deque<LoggedCommand> recent_;      // the newest accepted commands, for /api/changes
    std::string cached_full_;               // the whole state's JSON at cached_revision_
    int64_t cached_revision_ = -1;
    bool stopping_ = false;
    std::string failure_;                   // set if a write failed: the service then refuses work
    std::thread writer_;
    void write_loop();
};

}  // namespace sb::server
