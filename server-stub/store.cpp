#include "store.hpp"

#include <stdexcept>

#include "sqlite_stmt.hpp"

namespace sb::server {

Store::Store(const std::string& path, bool start_over) : path_(path) {
    // Store's own methods use db_: it is set while the setup runs, and cleared if that throws.
    try {
        db_ = open_database(path, [&](sqlite3* db) {
            db_ = db;
            exec("PRAGMA journal_mode=WAL");
            // FULL: a commit is on disk (WAL fsynced) before write() returns, so an acknowledged
            // command survives a crash or power cut, not only a killed process.
            exec("PRAGMA synchronous=FULL");
            exec("PRAGMA foreign_keys=ON");
            exec("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
            exec("CREATE TABLE IF NOT EXISTS passwords (user TEXT PRIMARY KEY, hash TEXT NOT NULL)");
            if (start_over) reset();
            // A database written by an earlier version keeps command ids global and no change sets:
            // it cannot be read as this one. Nothing is changed in it; the message says how to start over.
            if (!has_table("snapshots")) reset();
            else if (meta("schema") != kSchema)
                throw std::runtime_error("the database " + path + " was made by an earlier version of Shiftbank (layout " +
                                         (meta("schema").empty() ? std::string("1") : meta("schema")) + ", this version writes " +
                                         kSchema + "); keep it for that version, or start over with --fresh");
        });
    } catch (...) {
        db_ = nullptr;
        throw;
    }
}

Store::~Store() { sqlite3_close(db_); }

void Store::exec(const char* sql) const { exec_sql(db_, sql); }

bool Store::empty() const { return !latest_snapshot(); }

bool Store::has_table(const char* name) const {
    Stmt s(db_, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?");
    s.text(1, name);
    return s.step();
}

void Store::reset() {
    // --fresh on a database of any layout: the tables are made anew in this version's.
    exec("BEGIN IMMEDIATE");
    exec("DROP TABLE IF EXISTS snapshots; DROP TABLE IF EXISTS commands; DROP TABLE IF EXISTS outcomes; DELETE FROM passwords;"
         " DROP TABLE IF EXISTS sessions; DROP TABLE IF EXISTS access_log; DROP TABLE IF EXISTS calendar_links;"
         " DELETE FROM meta");
    exec("CREATE TABLE snapshots (revision INTEGER PRIMARY KEY, state TEXT NOT NULL)");
    exec("CREATE TABLE commands (revision INTEGER PRIMARY KEY, id TEXT NOT NULL, author TEXT NOT NULL,"
         " time TEXT NOT NULL, type TEXT NOT NULL, payload TEXT NOT NULL, UNIQUE (author, id))");
    exec("CREATE TABLE outcomes (author TEXT NOT NULL, id TEXT NOT NULL, result TEXT NOT NULL, PRIMARY KEY (author, id))");
    exec("COMMIT");
    set_meta("schema", kSchema);
}

void Store::write(const WriteBatch& b) {
    exec("BEGIN IMMEDIATE");
    try {
        Stmt cmd(db_, "INSERT INTO commands (revision, id, author, time, type, payload) VALUES (?, ?, ?, ?, ?, ?)");
        for (const auto& c : b.accepted)
            cmd.integer(1, c.revision).text(2, c.command.id).text(3, c.command.author).text(4, c.command.time)
                .text(5, c.command.type).text(6, c.command.payload.dump()).run();
        Stmt out(db_, "INSERT OR IGNORE INTO outcomes (author, id, result) VALUES (?, ?, ?)");
        for (const auto& o : b.outcomes) out.text(1, o.author).text(2, o.id).text(3, o.result).run();
        if (b.snapshot) {
            Stmt snap(db_, "INSERT OR REPLACE INTO snapshots (revision, state) VALUES (?, ?)");
            snap.integer(1, b.snapshot->first).text(2, b.snapshot->second).run();
            Stmt old(db_, "DELETE FROM snapshots WHERE revision < ?");
            old.integer(1, b.snapshot->first).run();
        }
        exec("COMMIT");
    } catch (...) {
        exec("ROLLBACK");
        throw;
    }
}

std::optional<std::pair<int64_t, std::string>> Store::latest_snapshot() const {
    Stmt s(db_, "SELECT revision, state FROM snapshots ORDER BY revision DESC LIMIT 1");
    if (!s.step()) return std::nullopt;
    return std::make_pair(s.column_int(0), s.column_text(1));
}

std::vector<LoggedCommand> Store::commands_after(int64_t revision) const {
    Stmt s(db_, "SELECT revision, id, author, time, type, payload FROM commands WHERE revision > ? ORDER BY revision");
    s.integer(1, revision);
    std::vector<LoggedCommand> out;
    while (s.step()) {
        LoggedCommand c;
        c.revision = s.column_int(0);
        c.command = {s.column_text(1), s.column_text(2), s.column_text(3), s.column_text(4),
                     nlohmann::json::parse(s.column_text(5), nullptr, false)};
        out.push_back(std::move(c));
    }
    return out;
}

std::vector<Outcome> Store::outcomes() const {
    Stmt s(db_, "SELECT author, id, result FROM outcomes");
    std::vector<Outcome> out;
    while (s.step()) out.push_back({s.column_text(0), s.column_text(1), s.column_text(2)});
    return out;
}

std::string Store::meta(const std::string& key) const {
    Stmt s(db_, "SELECT value FROM meta WHERE key = ?");
    s.text(1, key);
    return s.step() ? s.column_text(0) : std::string();
}

void Store::set_meta(const std::string& key, const std::string& value) {
    Stmt s(db_, "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)");
    s.text(1, key).text(2, value).run();
}

void Store::set_password_hashes(const std::vector<std::pair<std::string, std::string>>& user_hash) {
    exec("BEGIN IMMEDIATE");
    try {
        Stmt s(db_, "INSERT OR REPLACE INTO passwords (user, hash) VALUES (?, ?)");
        for (const auto& [user, hash] : user_hash) s.text(1, user).text(2, hash).run();
        exec("COMMIT");
    } catch (...) {
        exec("ROLLBACK");
        throw;
    }
}

std::vector<std::pair<std::string, std::string>> Store::password_hashes() const {
    Stmt s(db_, "SELECT user, hash FROM passwords");
    std::vector<std::pair<std::string, std::string>> out;
    while (s.step()) out.emplace_back(s.column_text(0), s.column_text(1));
    return out;
}

std::string Store::integrity_check() const {
    Stmt s(db_, "PRAGMA integrity_check");
    return s.step() ? s.column_text(0) : std::string("no answer");
}

}  // namespace sb::server
