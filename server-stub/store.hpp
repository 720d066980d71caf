// Durable storage in one SQLite file (WAL mode): the log of accepted commands with their revisions,
// every command's first result with what it changed (so a retried id changes nothing, an undo can
// put things back and the audit trail can say what happened, even after a restart), a snapshot of
// the state at some revision, and the users' password hashes. Command ids are unique per author.
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

struct Outcome {
    std::string author, id;
    std::string result;   // to_json(CommandResult): status, reason, revision, warnings, changes
};

struct WriteBatch {
    std::vector<LoggedCommand> accepted;                     // in revision order
    std::vector<Outcome> outcomes;                           // every command's first result
    std::optional<std::pair<int64_t, std::string>> snapshot;     // revision, state JSON
};

class Store {
public:
    // The layout this version writes; a database of another layout is refused with a message.
    static constexpr const char* kSchema = "2";
    // Opens (creating if needed) the database file; throws std::runtime_error with a readable message.
    // start_over: empty it first (--fresh), whatever layout it had.
    explicit Store(const std::string& path, bool start_over = false);
    ~Store();
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    bool empty() const;   // no snapshot yet: a new database
    void reset();         // deletes everything (start the demo over)
    void write(const WriteBatch& batch);   // one transaction, synchronous=FULL: durable when it returns

    std::optional<std::pair<int64_t, std::string>> latest_snapshot() const;
    std::vector<LoggedCommand> commands_after(int64_t revision) const;
    std::vector<Outcome> outcomes() const;

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
    bool has_table(const char* name) const;
};

}  // namespace sb::server
