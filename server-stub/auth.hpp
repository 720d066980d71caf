// Sign-in: password hashes (libsodium's Argon2id), bearer tokens that expire, and slowing down
// repeated failures. Thread-safe.
#pragma once
#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace sb::server {

// How expensive a hash is. Real accounts use libsodium's "interactive" limits (about 64 MiB and a
// noticeable fraction of a second); the demo's published passwords use the minimum so that a few
// hundred demo accounts can be created in seconds.
enum class HashCost { Interactive, Demo };
std::string hash_password(const std::string& password, HashCost cost);   // "" on failure
bool verify_password(const std::string& hash, const std::string& password);

class Auth {
public:
    using Clock = std::chrono::steady_clock;
    explicit Auth(std::chrono::seconds token_ttl) : ttl_(token_ttl) {}

    void set_hashes(std::vector<std::pair<std::string, std::string>> user_hash);

    struct Login {
        enum Outcome { Ok, Wrong, Throttled } outcome = Wrong;
        std::string token;
        std::chrono::system_clock::time_point expires;
        int retry_after_seconds = 0;   // when throttled
    };
    // `client` (the remote address) and the username each count failures: after 5 within 15 minutes
    // every further attempt is refused for a while (429), however right the password.
    Login login(const std::string& user, const std::string& password, const std::string& client);
    std::optional<std::string> user_for(const std::string& token);   // nullopt if unknown or expired

private:
    std::mutex mu_;
    std::chrono::seconds ttl_;
    std::unordered_map<std::string, std::string> hashes_;
    struct Session {
        std::string user;
        Clock::time_point expires;
    };
    std::unordered_map<std::string, Session> sessions_;
    struct Failures {
        int count = 0;
        Clock::time_point first, blocked_until;
    };
    std::unordered_map<std::string, Failures> failures_;   // by "u:" + user and "c:" + client
    bool blocked(const std::string& key, Clock::time_point now, int& retry_after);
    void failed(const std::string& key, Clock::time_point now);
};

}  // namespace sb::server
