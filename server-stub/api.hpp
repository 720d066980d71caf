// The JSON API (docs/api.md): sign-in, the snapshot a user may see, the change feed (long-poll),
// commands, the audit trail and calendar feeds (calendar_feed.hpp). Every command runs through the core's apply_command with the signed-in user's real
// identity and role; nothing the client says about who it is counts.
#pragma once
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "auth.hpp"
#include "http_server.hpp"
#include "rota_service.hpp"


namespace sb::server {

struct DemoAccount {
    std::string username, password, role;
    std::string name, group, grade, employment;   // for the sign-in picker ("Band 5 nurse")
};

struct ApiState {
    RotaService* service = nullptr;
    Auth* auth = nullptr;
    SessionStore* sessions = nullptr;        // where sign-ins and sign-outs are logged (may be null)
    std::string data_source;                 // "demo" or "file" (never a path: health is public)
    // Filled only when this start runs on demo data and asked for it (--demo-staff, --demo-accounts);
    // otherwise /api/demo-users is a 404, whatever an earlier start published.
    std::vector<DemoAccount> demo_accounts;
    // Behind a reverse proxy: the client's address is the last one in X-Forwarded-For (the one the
    // proxy added). Off by default, since anyone can send that header to a server facing the world.
    bool trust_proxy = false;
    // --public-url: the origin people reach this server at ("https://rota.example.nhs.uk"), which
    // calendar links are made with; "" means the request's own Host header, if it is well formed.
    std::string public_url;
    std::function<void(std::function<void()>)> post_work;   // runs a job on one of the server's workers
};

void register_api(http::Server& server, std::shared_ptr<ApiState> api);

// The demo's published password for an account (deterministic, so it survives restarts).
std::string demo_password(const std::string& username);

}  // namespace sb::server
