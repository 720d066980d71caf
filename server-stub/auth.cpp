#include "auth.hpp"

#include <sodium.h>

#include <algorithm>
#include <cstdio>

namespace sb::server {
namespace {
constexpr int kPairFailures = 5;       // per account and address
constexpr int kAddressFailures = 50;   // per address, whatever the accounts
constexpr auto kWindow = std::chrono::minutes(15);
constexpr int64_t kTouchEvery = 60;    // seconds between writes of a session's last use
constexpr size_t kMaxAttemptEntries = 100000;

std::string hex(const unsigned char* bytes, size_t n) {
    std::string out(n * 2 + 1, '\0');
    sodium_bin2hex(out.data(), out.size(), bytes, n);
    out.pop_back();
    return out;
}

int64_t unix_now() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

// The memory (KiB) and passes an Argon2id hash string was made with: "$argon2id$v=19$m=65536,t=2,p=1$…".
bool hash_settings(const std::string& hash, unsigned long long& memory_kib, unsigned long long& passes) {
    const auto m = hash.find("$m="), t = hash.find(",t=");
    if (hash.rfind("$argon2id$", 0) != 0 || m == std::string::npos || t == std::string::npos) return false;
    memory_kib = std::strtoull(hash.c_str() + m + 3, nullptr, 10);
    passes = std::strtoull(hash.c_str() + t + 3, nullptr, 10);
    return memory_kib > 0 && passes > 0;
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

std::string random_token() {
    unsigned char bytes[kTokenLength / 2];
    randombytes_buf(bytes, sizeof bytes);
    return hex(bytes, sizeof bytes);
}

std::string token_hash(const std::string& token) {
    unsigned char h[32];
    crypto_generichash(h, sizeof h, reinterpret_cast<const unsigned char*>(token.data()), token.size(), nullptr, 0);
    return hex(h, sizeof h);
}

Auth::Auth(Options options, SessionStore* store) : options_(options), store_(store) {
    if (sodium_init() < 0) std::fprintf(stderr, "shiftbank-server: libsodium failed to start\n");
    if (!store_) return;
    const int64_t now = unix_now();
    for (SessionRecord& r : store_->sessions())
        if (!expired(r, now)) {
            const int64_t seen = r.last_seen;
            const std::string key = r.token_hash;
            sessions_[key] = {std::move(r), seen};
        }
    store_->remove_older(now - options_.absolute.count(), now - options_.idle.count());
}

void Auth::set_hashes(std::vector<std::pair<std::string, std::string>> user_hash) {
    unsigned long long memory = 0, passes = 0;
    {
        std::lock_guard lock(mu_);
        for (auto& [u, h] : user_hash) hashes_[u] = std::move(h);
        for (const auto& [u, h] : hashes_) {
            unsigned long long m = 0, t = 0;
            if (hash_settings(h, m, t) && m * t > memory * passes) memory = m, passes = t;
        }
    }
    if (memory == 0) memory = crypto_pwhash_MEMLIMIT_INTERACTIVE / 1024, passes = crypto_pwhash_OPSLIMIT_INTERACTIVE;
    char out[crypto_pwhash_STRBYTES];
    const std::string decoy_password = random_token();
    if (crypto_pwhash_str(out, decoy_password.data(), decoy_password.size(), passes, size_t(memory) * 1024) != 0) out[0] = '\0';
    std::lock_guard lock(mu_);
    decoy_ = out;
}

bool Auth::reserve(const std::string& key, int limit, Clock::time_point now, int& retry_after) {
    Attempts& a = attempts_[key];
    if (a.failures > 0 && a.in_flight == 0 && a.blocked_until <= now && now - a.first > kWindow) a = {};
    if (a.blocked_until > now) {
        retry_after = std::max(retry_after, int(std::chrono::ceil<std::chrono::seconds>(a.blocked_until - now).count()));
        return false;
    }
    // Below the limit, as many checks at once as failures are left; past it (after a pause), one.
    const int budget = a.failures < limit ? limit - a.failures : 1;
    if (a.in_flight >= budget) {
        retry_after = std::max(retry_after, 1);
        return false;
    }
    ++a.in_flight;
    return true;
}

void Auth::finish(const std::string& key, int limit, bool failed, Clock::time_point now) {
    Attempts& a = attempts_[key];
    --a.in_flight;
    if (!failed) return;
    if (a.failures++ == 0) a.first = now;
    if (a.failures >= limit)   // doubling pauses: 15 s, 30 s, 1 min … up to 5 minutes
        a.blocked_until = now + std::chrono::seconds(std::min(300, 15 << std::min(5, a.failures - limit)));
}

void Auth::sweep(Clock::time_point now) {
    for (auto it = attempts_.begin(); it != attempts_.end();) {
        const Attempts& a = it->second;
        const bool stale = a.in_flight == 0 && a.blocked_until <= now && now - a.first > kWindow;
        it = stale ? attempts_.erase(it) : std::next(it);
    }
    const int64_t t = unix_now();
    for (auto it = sessions_.begin(); it != sessions_.end();) it = expired(it->second.record, t) ? sessions_.erase(it) : std::next(it);
    if (store_) store_->remove_older(t - options_.absolute.count(), t - options_.idle.count());
}

Auth::Login Auth::login(const std::string& user, const std::string& password, const std::string& address) {
    Login out;
    const std::string pair = "p:" + user + "\n" + address, addr = "a:" + address;
    std::string hash;
    bool known = false;
    {
        std::unique_lock lock(mu_);
        const auto now = Clock::now();
        if (attempts_.size() > kMaxAttemptEntries) sweep(now);
        if (!reserve(addr, kAddressFailures, now, out.retry_after_seconds)) {
            out.outcome = Login::Throttled;
            return out;
        }
        if (!reserve(pair, kPairFailures, now, out.retry_after_seconds)) {
            finish(addr, kAddressFailures, false, now);
            out.outcome = Login::Throttled;
            return out;
        }
        // Interactive hashes take 64 MiB each: a few at a time, the rest wait their turn (briefly).
        if (!hash_slot_.wait_for(lock, std::chrono::seconds(10), [&] { return hashing_ < options_.parallel_hashes; })) {
            finish(pair, kPairFailures, false, now);
            finish(addr, kAddressFailures, false, now);
            out.outcome = Login::Busy;
            out.retry_after_seconds = 2;
            return out;
        }
        ++hashing_;
        const auto it = hashes_.find(user);
        known = it != hashes_.end();
        hash = known ? it->second : decoy_;
    }
    // The slow hash runs outside the lock; an unknown name is checked against the decoy, which was
    // made at the same cost, so the time taken says nothing about whether the account exists.
    const bool ok = verify_password(hash, password) && known;
    std::lock_guard lock(mu_);
    --hashing_;
    hash_slot_.notify_one();
    const auto now = Clock::now();
    finish(pair, kPairFailures, !ok, now);
    finish(addr, kAddressFailures, !ok, now);
    if (!ok) return out;
    attempts_.erase(pair);   // this person, from this address, is in: their count starts over
    out.outcome = Login::Ok;
    out.token = random_token();
    const int64_t t = unix_now();
    SessionRecord r{token_hash(out.token), user, t, t};
    out.expires = std::chrono::system_clock::time_point(std::chrono::seconds(t)) + options_.absolute;
    if (store_) store_->save(r);
    sessions_[r.token_hash] = {r, t};
    if (++logins_since_sweep_ >= 256) {
        logins_since_sweep_ = 0;
        sweep(now);
    }
    return out;
}

bool Auth::expired(const SessionRecord& s, int64_t now) const {
    return now - s.created >= options_.absolute.count() || now - s.last_seen >= options_.idle.count();
}

std::optional<std::string> Auth::user_for(const std::string& token, bool activity) {
    const std::string key = token_hash(token);
    std::lock_guard lock(mu_);
    auto it = sessions_.find(key);
    if (it == sessions_.end()) return std::nullopt;
    const int64_t now = unix_now();
    if (expired(it->second.record, now)) {
        sessions_.erase(it);
        if (store_) store_->remove(key);
        return std::nullopt;
    }
    if (!activity) return it->second.record.user;
    it->second.record.last_seen = now;
    if (store_ && now - it->second.saved_seen >= kTouchEvery) {
        store_->touch(key, now);
        it->second.saved_seen = now;
    }
    return it->second.record.user;
}

std::optional<std::string> Auth::logout(const std::string& token) {
    const std::string key = token_hash(token);
    std::lock_guard lock(mu_);
    auto it = sessions_.find(key);
    if (it == sessions_.end()) return std::nullopt;
    std::string user = it->second.record.user;
    const bool live = !expired(it->second.record, unix_now());
    sessions_.erase(it);
    if (store_) store_->remove(key);
    return live ? std::optional<std::string>(std::move(user)) : std::nullopt;
}

int Auth::end_sessions(const std::string& user) {
    std::lock_guard lock(mu_);
    int n = 0;
    const int64_t now = unix_now();
    for (auto it = sessions_.begin(); it != sessions_.end();) {
        if (it->second.record.user != user) {
            ++it;
            continue;
        }
        n += !expired(it->second.record, now);
        it = sessions_.erase(it);
    }
    if (store_) store_->remove_user(user);
    return n;
}

}  // namespace sb::server
