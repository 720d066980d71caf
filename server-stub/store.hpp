// Durable storage in one SQLite file (WAL mode): the log of accepted commands with their revisions,
// every command's first result (so a retried id changes nothing, even after a restart), a snapshot
// of the state at some revision, and the users' password hashes.
//
// The state at revision R is the latest snapshot (revision S <= R) with the logged commands S+1…R
// applied on top; both are written in the same transaction, so they cannot disagree. Only the
// writer thread of RotaService writes; a Store is not shared between threads.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/commands/command.hpp"
#include "core/model.hpp"

struct sqlite3;

namespace sb::server {

struct LoggedCommand {
    int64_t revision = 0;
    Command command;
};

struct WriteBatch {
    std::vector<LoggedCommand> accepted;                     // in revision order
    std::vector<std::pair<std::string, std::string>> outcomes;   // command id → result JSON (every command)
    std::optional<std::pair<int64_t, std::string>> snapshot;     // revision, state JSON
};

class Store {
public:
    // Opens (creating if needed) the database file; throws std::runtime_error with a readable message.
    explicit Store(const std::string& path);
    ~Store();
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    bool empty() const;   // no snapshot yet: a new database
    void reset();         // deletes everything (start the demo over)
    void write(const WriteBatch& batch);   // one transaction, synchronous=FULL: durable when it returns

    std::optional<std::pair<int64_t, std::string>> latest_snapshot() const;
    std::vector<LoggedCommand> commands_after(int64_t revision) const;
    std::vector<std::pair<std::string, std::string>> outcomes() const;

    std::string meta(const std::string& key) const;
    void set_meta(const std::string& key, const std::string& value);
    void set_password_hashes(const std::vector<std::pair<std::string, std::string>>& user_hash);
    std::vector<std::pair<std::string, std::string>> password_hashes() const;   // user → hash

    std::string integrity_check() const;   // "ok" when PRAGMA integrity_check finds nothing wrong
    const std::string& path() const { return path_; }

private:
    sqlite3* db_ = nullptr;
    std::string path_;
    void exec(const char* sql) const;
};

}  // namespace sb::server
