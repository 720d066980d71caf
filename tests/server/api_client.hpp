// A signed-in client of the real server's API, for the server tests.
#pragma once
#include <httplib.h>

#include <nlohmann/json.hpp>
#include <string>

#include "api.hpp"
#include "server_process.hpp"

namespace sb::test {

class ApiClient {
public:
    ApiClient(const ServerProcess& s, const std::string& user = "") : http_("127.0.0.1", s.port()) {
        http_.set_connection_timeout(5);
        http_.set_read_timeout(60);
        if (!user.empty()) sign_in(user, server::demo_password(user));
    }
    // Returns the HTTP status; the token is kept for later requests when it is 200.
    int sign_in(const std::string& user, const std::string& password) {
        const std::string body = nlohmann::json{{"username", user}, {"password", password}}.dump();
        auto r = http_.Post("/api/login", body, "application/json");
        for (int attempt = 0; attempt < 5 && !r; ++attempt) r = http_.Post("/api/login", body, "application/json");
        if (!r) return 0;
        if (r->status == 200) token_ = nlohmann::json::parse(r->body)["token"];
        return r->status;
    }
    httplib::Headers headers() const { return token_.empty() ? httplib::Headers{} : httplib::Headers{{"Authorization", "Bearer " + token_}}; }
    // A request that could not connect is sent again, as a real client would; command ids make a
    // repeat harmless.
    httplib::Result get(const std::string& path) {
        auto r = http_.Get(path, headers());
        for (int attempt = 0; attempt < 5 && !r; ++attempt) r = http_.Get(path, headers());
        return r;
    }
    httplib::Result post(const std::string& path, const std::string& body) {
        auto r = http_.Post(path, headers(), body, "application/json");
        for (int attempt = 0; attempt < 5 && !r; ++attempt) r = http_.Post(path, headers(), body, "application/json");
        return r;
    }
    httplib::Result del(const std::string& path) {
        auto r = http_.Delete(path, headers());
        for (int attempt = 0; attempt < 5 && !r; ++attempt) r = http_.Delete(path, headers());
        return r;
    }
    // One command; returns {http status, result object}.
    std::pair<int, nlohmann::json> command(const std::string& id, const std::string& type, nlohmann::json payload) {
        auto r = post("/api/commands", nlohmann::json{{"commands", {{{"id", id}, {"type", type}, {"payload", std::move(payload)}}}}}.dump());
        if (!r) return {0, nullptr};
        auto j = nlohmann::json::parse(r->body, nullptr, false);
        return {r->status, j.contains("results") ? j["results"][0] : j};
    }
    nlohmann::json snapshot() {
        auto r = get("/api/snapshot");
        return r && r->status == 200 ? nlohmann::json::parse(r->body) : nlohmann::json();
    }
    const std::string& token() const { return token_; }
    void set_token(std::string t) { token_ = std::move(t); }

private:
    httplib::Client http_;
    std::string token_;
};

}  // namespace sb::test
