// What every /api/* handler shares (api.cpp, calendar_feed.cpp): JSON answers and errors, the
// signed-in user of a request, its body as bounded JSON, times in ISO 8601, and the access audit.
#pragma once
#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "api.hpp"

namespace sb::server {

// A handler that fills in a Response and is done; a database error on the way is a 503.
using PlainHandler = void (*)(ApiState&, const http::Request&, http::Response&);
http::Handler plain_handler(std::shared_ptr<ApiState> api, PlainHandler f);

void reply(http::Response& res, int status, const nlohmann::json& body);
void error(http::Response& res, int status, const std::string& message);   // {"error": message}

// The signed-in user of a request (Authorization: Bearer), or nullopt after answering 401.
// `activity`: the request was the person's doing and keeps the session from going idle.
std::optional<User> signed_in(ApiState& api, const http::Request& req, http::Response& res, bool activity = true);

// The body as JSON, or nullopt after answering 413 or 400; its shape is bounded before the parser
// sees it (json_limits.hpp).
std::optional<nlohmann::json> body_json(const http::Request& req, http::Response& res, size_t max_bytes = size_t(1) << 20);

std::string iso(std::chrono::system_clock::time_point t);   // "2026-11-25T12:00:00Z"

// A sign-in, sign-out, ending of sessions or calendar link's change into the audit trail and the database.
void note_access(ApiState& api, const std::string& event, const std::string& user, const std::string& by, int count = 1);

}  // namespace sb::server
