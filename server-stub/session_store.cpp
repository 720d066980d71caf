#include "session_store.hpp"

#include "sqlite_stmt.hpp"

namespace sb::server {

SessionStore::SessionStore(const std::string& path) {
    db_ = open_database(path, [](sqlite3* db) {
        exec_sql(db, "PRAGMA synchronous=NORMAL");
        exec_sql(db, "CREATE TABLE IF NOT EXISTS sessions (token_hash TEXT PRIMARY KEY, user TEXT NOT NULL,"
                     " created INTEGER NOT NULL, last_seen INTEGER NOT NULL)");
        // Keyed by the token's hash; UNIQUE (user): saving a user's new link replaces their old one.
        exec_sql(db, "CREATE TABLE IF NOT EXISTS calendar_links (token_hash TEXT PRIMARY KEY, user TEXT NOT NULL UNIQUE,"
                     " created INTEGER NOT NULL)");
        exec_sql(db, "CREATE TABLE IF NOT EXISTS access_log (seq INTEGER PRIMARY KEY, time TEXT NOT NULL, event TEXT NOT NULL,"
                     " user TEXT NOT NULL, by TEXT NOT NULL, count INTEGER NOT NULL, revision INTEGER NOT NULL)");
    });
}

SessionStore::~SessionStore() { sqlite3_close(db_); }

std::vector<SessionRecord> SessionStore::sessions() const {
    std::lock_guard lock(mu_);
    Stmt s(db_, "SELECT token_hash, user, created, last_seen FROM sessions");
    std::vector<SessionRecord> out;
    while (s.step()) out.push_back({s.column_text(0), s.column_text(1), s.column_int(2), s.column_int(3)});
    return out;
}

void SessionStore::save(const SessionRecord& r) {
    std::lock_guard lock(mu_);
    Stmt s(db_, "INSERT OR REPLACE INTO sessions (token_hash, user, created, last_seen) VALUES (?, ?, ?, ?)");
    s.text(1, r.token_hash).text(2, r.user).integer(3, r.created).integer(4, r.last_seen).run();
}

void SessionStore::touch(const std::string& token_hash, int64_t last_seen) {
    std::lock_guard lock(mu_);
    Stmt s(db_, "UPDATE sessions SET last_seen = ? WHERE token_hash = ?");
    s.integer(1, last_seen).text(2, token_hash).run();
}

void SessionStore::remove(const std::string& token_hash) {
    std::lock_guard lock(mu_);
    Stmt s(db_, "DELETE FROM sessions WHERE token_hash = ?");
    s.text(1, token_hash).run();
}

void SessionStore::remove_user(const std::string& user) {
    std::lock_guard lock(mu_);
    Stmt s(db_, "DELETE FROM sessions WHERE user = ?");
    s.text(1, user).run();
}

void SessionStore::remove_older(int64_t created_before, int64_t seen_before) {
    std::lock_guard lock(mu_);
    Stmt s(db_, "DELETE FROM sessions WHERE created < ? OR last_seen < ?");
    s.integer(1, created_before).integer(2, seen_before).run();
}

namespace {
// A calendar link's change is on disk before it is answered (see session_store.hpp), on this
// connection that otherwise commits without an fsync of its own. Left FULL if the write throws:
// only slower.
template <class Write> void fsynced(sqlite3* db, Write write) {
    exec_sql(db, "PRAGMA synchronous=FULL");
    write();
    exec_sql(db, "PRAGMA synchronous=NORMAL");
}

std::optional<CalendarLink> calendar_link(sqlite3* db, const char* sql, const std::string& key) {
    Stmt s(db, sql);
    s.text(1, key);
    if (!s.step()) return std::nullopt;
    return CalendarLink{s.column_text(0), s.column_text(1), s.column_int(2)};
}
}  // namespace

void SessionStore::save_calendar_link(const CalendarLink& link) {
    std::lock_guard lock(mu_);
    fsynced(db_, [&] {
        Stmt s(db_, "INSERT OR REPLACE INTO calendar_links (token_hash, user, created) VALUES (?, ?, ?)");
        s.text(1, link.token_hash).text(2, link.user).integer(3, link.created).run();
    });
}

std::optional<CalendarLink> SessionStore::calendar_link_of(const std::string& user) const {
    std::lock_guard lock(mu_);
    return calendar_link(db_, "SELECT token_hash, user, created FROM calendar_links WHERE user = ?", user);
}

std::optional<CalendarLink> SessionStore::calendar_link_by_hash(const std::string& token_hash) const {
    std::lock_guard lock(mu_);
    return calendar_link(db_, "SELECT token_hash, user, created FROM calendar_links WHERE token_hash = ?", token_hash);
}

bool SessionStore::remove_calendar_link(const std::string& user) {
    std::lock_guard lock(mu_);
    bool removed = false;
    fsynced(db_, [&] {
        Stmt s(db_, "DELETE FROM calendar_links WHERE user = ?");
        s.text(1, user).run();
        removed = sqlite3_changes(db_) > 0;
    });
    return removed;
}

void SessionStore::log(const AccessEvent& e) {
    std::lock_guard lock(mu_);
    Stmt s(db_, "INSERT INTO access_log (time, event, user, by, count, revision) VALUES (?, ?, ?, ?, ?, ?)");
    s.text(1, e.time).text(2, e.event).text(3, e.user).text(4, e.by).integer(5, e.count).integer(6, e.revision).run();
}

std::vector<AccessEvent> SessionStore::access_log() const {
    std::lock_guard lock(mu_);
    Stmt s(db_, "SELECT time, event, user, by, count, revision FROM access_log ORDER BY seq");
    std::vector<AccessEvent> out;
    while (s.step()) out.push_back({s.column_text(0), s.column_text(1), s.column_text(2), s.column_text(3), int(s.column_int(4)), s.column_int(5)});
    return out;
}

}  // namespace sb::server
