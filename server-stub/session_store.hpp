// Sessions, calendar links and the sign-in log, in the server's SQLite file on a connection of their
// own, so a sign-in is never part of the command writer's transactions. A session or a calendar link
// is kept as the hash of its token: a copy of the database holds no token anyone could use. Sign-ins
// are committed without an fsync of their own (synchronous=NORMAL): a power cut may cost a fresh
// sign-in, never a command. A calendar link's change is fsynced: a power cut cannot bring back a
// link its owner reset or turned off.
#pragma once
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

struct sqlite3;

namespace sb::server {

struct SessionRecord {
    std::string token_hash;   // BLAKE2b-256 of the token, hex
    std::string user;
    int64_t created = 0, last_seen = 0;   // seconds since 1970
};

// A person's calendar feed (GET /api/calendar/<token>.ics): one live link per user.
struct CalendarLink {
    std::string token_hash;   // BLAKE2b-256 of the token, hex
    std::string user;
    int64_t created = 0;      // seconds since 1970
};

// A sign-in, a sign-out or an administrator ending someone's sessions, for the audit trail.
struct AccessEvent {
    std::string time;         // ISO 8601 UTC
    std::string event;        // "sign_in", "sign_out", "sessions_ended" or "calendar_link_…"
    std::string user;         // whose session
    std::string by;           // who ended them (sessions_ended), else the user
    int count = 1;            // how many sessions were ended
    int64_t revision = 0;     // the rota's revision at the time, to place it in the trail
};

class SessionStore {
public:
    explicit SessionStore(const std::string& path);   // throws std::runtime_error
    ~SessionStore();
    SessionStore(const SessionStore&) = delete;
    SessionStore& operator=(const SessionStore&) = delete;

    std::vector<SessionRecord> sessions() const;
    void save(const SessionRecord& s);
    void touch(const std::string& token_hash, int64_t last_seen);
    void remove(const std::string& token_hash);
    void remove_user(const std::string& user);
    void remove_older(int64_t created_before, int64_t seen_before);   // expired ones

    // Makes `link` its user's only one (a new link replaces, so resets, the old); the user's link, if
    // any; the link of a token hash, if any; turning a user's link off (whether there was one).
    void save_calendar_link(const CalendarLink& link);
    std::optional<CalendarLink> calendar_link_of(const std::string& user) const;
    std::optional<CalendarLink> calendar_link_by_hash(const std::string& token_hash) const;
    bool remove_calendar_link(const std::string& user);

    void log(const AccessEvent& e);
    std::vector<AccessEvent> access_log() const;   // oldest first

private:
    sqlite3* db_ = nullptr;
    mutable std::mutex mu_;
};

}  // namespace sb::server
