// Sign-in: password hashes (libsodium's Argon2id); sessions that survive a restart (kept in the
// database as hashes of their tokens, see session_store.hpp), expire after a while unused and after
// a while at all, and end on sign-out or when an administrator ends them; and failed attempts slowed
// down per account and address. Thread-safe.
#pragma once
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "session_store.hpp"

namespace sb::server {

// How expensive a hash is. Real accounts use libsodium's "interactive" limits (about 64 MiB and a
// noticeable fraction of a second); the demo's published passwords use the minimum so that a few
// hundred demo accounts can be created in seconds.
enum class HashCost { Interactive, Demo };
std::string hash_password(const std::string& password, HashCost cost);   // "" on failure
bool verify_password(const std::string& hash, const std::string& password);

// BLAKE2b-256 of a session token, hex: what the database keeps instead of the token.
std::string token_hash(const std::string& token);
// A new secret: 32 bytes from libsodium's randombytes_buf, as 64 lower-case hex digits (sessions
// and calendar links alike).
std::string random_token();
constexpr size_t kTokenLength = 64;

class Auth {
public:
    struct Options {
        std::chrono::seconds absolute{12 * 3600};   // a session ends this long after sign-in …
        std::chrono::seconds idle{4 * 3600};        // … or after this long unused
        int parallel_hashes = 4;                    // Argon2id runs at once (64 MiB each, interactive)
    };
    // `store` may be null: sessions then last until the process ends.
    Auth(Options options, SessionStore* store);

    // The accounts' hashes. The decoy an unknown name is checked against is made at the costliest
    // settings among them, so an unknown name takes as long as a real one.
    void set_hashes(std::vector<std::pair<std::string, std::string>> user_hash);

    struct Login {
        enum Outcome { Ok, Wrong, Throttled, Busy } outcome = Wrong;
        std::string token;
        std::chrono::system_clock::time_point expires;
        int retry_after_seconds = 0;   // Throttled or Busy
    };
    // Failures count per account *and* address: after 5 within 15 minutes that pair waits a
    // doubling pause (15 s, 30 s … 5 min) however right the password, while the same person signing in
    // from their own device elsewhere is not slowed. An address failing 50 times in 15 minutes,
    // whatever the accounts, waits too (guessing across many accounts). Attempts still being checked
    // count against the limit, so parallel tries get no more checks than it allows.
    Login login(const std::string& user, const std::string& password, const std::string& address);
    // Whose session a token is; nullopt if unknown or expired. `activity`: the request was the
    // person's doing and keeps the session from going idle; the change feed, which a forgotten
    // browser tab keeps asking, passes false.
    std::optional<std::string> user_for(const std::string& token, bool activity = true);
    std::optional<std::string> logout(const std::string& token);      // whose session it ended
    int end_sessions(const std::string& user);                         // how many were ended

private:
    using Clock = std::chrono::steady_clock;
    struct Attempts {
        int failures = 0;
        int in_flight = 0;
        Clock::time_point first, blocked_until;
    };
    struct Session {
        SessionRecord record;
        int64_t saved_seen = 0;   // last_seen as the database has it (written at most once a minute)
    };

    std::mutex mu_;
    std::condition_variable hash_slot_;
    int hashing_ = 0;
    Options options_;
    SessionStore* store_;
    std::unordered_map<std::string, std::string> hashes_;
    std::string decoy_;
    std::unordered_map<std::string, Session> sessions_;    // by token hash
    std::unordered_map<std::string, Attempts> attempts_;   // "p:" user "\n" address, and "a:" address
    int logins_since_sweep_ = 0;

    bool reserve(const std::string& key, int limit, Clock::time_point now, int& retry_after);
    void finish(const std::string& key, int limit, bool failed, Clock::time_point now);
    bool expired(const SessionRecord& s, int64_t now) const;
    void sweep(Clock::time_point now);
};

}  // namespace sb::server
