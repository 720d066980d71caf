#include "auth.hpp"

#include <sodium.h>

#include <algorithm>

namespace sb::server {
namespace {
constexpr int kFreeFailures = 5;
constexpr auto kWindow = std::chrono::minutes(15);

std::string random_token() {
    unsigned char bytes[32];
    randombytes_buf(bytes, sizeof bytes);
    char hex[sizeof bytes * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, bytes, sizeof bytes);
    return hex;
}
}  // namespace

std::string hash_password(const std::string& password, HashCost cost) {
    if (sodium_init() < 0) return {};
    char out[crypto_pwhash_STRBYTES];
    const bool demo = cost == HashCost::Demo;
    if (crypto_pwhash_str(out, password.data(), password.size(),
                          demo ? crypto_pwhash_OPSLIMIT_MIN : crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          demo ? crypto_pwhash_MEMLIMIT_MIN : crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        return {};
    return out;
}

bool verify_password(const std::string& hash, const std::string& password) {
    if (sodium_init() < 0 || hash.empty()) return false;
    return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

void Auth::set_hashes(std::vector<std::pair<std::string, std::string>> user_hash) {
    std::lock_guard lock(mu_);
    for (auto& [u, h] : user_hash) hashes_[u] = std::move(h);
}

bool Auth::blocked(const std::string& key, Clock::time_point now, int& retry_after) {
    auto it = failures_.find(key);
    if (it == failures_.end() || it->second.blocked_until <= now) return false;
    retry_after = std::max(retry_after, int(std::chrono::ceil<std::chrono::seconds>(it->second.blocked_until - now).count()));
    return true;
}

void Auth::failed(const std::string& key, Clock::time_point now) {
    Failures& f = failures_[key];
    if (f.count == 0 || now - f.first > kWindow) f = {0, now, {}};
    if (++f.count >= kFreeFailures)   // doubling pauses: 2 s, 4 s, 8 s … up to 5 minutes
        f.blocked_until = now + std::chrono::seconds(std::min(300, 1 << std::min(8, f.count - kFreeFailures + 1)));
}

Auth::Login Auth::login(const std::string& user, const std::string& password, const std::string& client) {
    Login out;
    const auto now = Clock::now();
    std::string hash;
    {
        std::lock_guard lock(mu_);
        if (blocked("u:" + user, now, out.retry_after_seconds) | blocked("c:" + client, now, out.retry_after_seconds)) {
            out.outcome = Login::Throttled;
            return out;
        }
        if (auto it = hashes_.find(user); it != hashes_.end()) hash = it->second;
    }
    // The slow hash runs outside the lock; an unknown user costs a verify too, so timing says nothing.
    static const std::string decoy = hash_password("decoy password", HashCost::Demo);
    const bool ok = verify_password(hash.empty() ? decoy : hash, password) && !hash.empty();
    std::lock_guard lock(mu_);
    if (!ok) {
        failed("u:" + user, now);
        failed("c:" + client, now);
        return out;
    }
    failures_.erase("u:" + user);
    out.outcome = Login::Ok;
    out.token = random_token();
    out.expires = std::chrono::system_clock::now() + ttl_;
    sessions_[out.token] = {user, now + ttl_};
    // Forget expired sessions now and then, so the map does not grow for ever.
    if (sessions_.size() % 256 == 0)
        for (auto it = sessions_.begin(); it != sessions_.end();) it = it->second.expires <= now ? sessions_.erase(it) : std::next(it);
    return out;
}

std::optional<std::string> Auth::user_for(const std::string& token) {
    std::lock_guard lock(mu_);
    auto it = sessions_.find(token);
    if (it == sessions_.end()) return std::nullopt;
    if (it->second.expires <= Clock::now()) {
        sessions_.erase(it);
        return std::nullopt;
    }
    return it->second.user;
}

}  // namespace sb::server
