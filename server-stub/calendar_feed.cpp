#include "calendar_feed.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>

#include "api_replies.hpp"
#include "auth.hpp"

namespace sb::server {
namespace {
using json = nlohmann::json;
using Clock = std::chrono::system_clock;
constexpr std::string_view kFeedPath = "/api/calendar/", kFeedSuffix = ".ics";
constexpr size_t kSmallBody = 4096;   // "{}" at most; a feed's GET has no body at all

int64_t unix_now() { return std::chrono::duration_cast<std::chrono::seconds>(Clock::now().time_since_epoch()).count(); }

std::string created_text(const CalendarLink& link) { return iso(Clock::time_point(std::chrono::seconds(link.created))); }

// The token in a feed's path, if the path is shaped like one: "/api/calendar/" then exactly 64
// lower-case hex digits (what random_token makes) then ".ics". Anything else ("../", a longer or
// shorter token, other characters) never reaches the database.
std::optional<std::string> feed_token(std::string_view path) {
    if (path.size() != kFeedPath.size() + kTokenLength + kFeedSuffix.size() || !path.starts_with(kFeedPath) || !path.ends_with(kFeedSuffix))
        return std::nullopt;
    const std::string_view token = path.substr(kFeedPath.size(), kTokenLength);
    if (token.find_first_not_of("0123456789abcdef") != std::string_view::npos) return std::nullopt;
    return std::string(token);
}

// Where links point: the configured --public-url, else the request's own Host if well formed (this
// server itself speaks plain HTTP; behind a TLS proxy --public-url gives the https origin).
std::optional<std::string> origin_of(const ApiState& api, const http::Request& req) {
    if (!api.public_url.empty()) return api.public_url;
    const auto host = clean_host(req.header("host"));
    if (!host) return std::nullopt;
    return "http://" + *host;
}

// A calendar link's requests take no fields: an empty body or {}. False after answering 400.
bool no_fields(const http::Request& req, http::Response& res) {
    if (req.body.find_first_not_of(" \t\r\n") == std::string::npos) return true;
    const auto body = body_json(req, res, kSmallBody);
    if (!body) return false;
    if (!body->is_object()) return error(res, 400, "Send {} or nothing: a calendar link takes no fields"), false;
    if (!body->empty())
        return error(res, 400, "\"" + body->begin().key().substr(0, 40) + "\" is not a field of a calendar link: send {} or nothing"), false;
    return true;
}

// POST /api/calendar-link: a new link for the signed-in person; their old one (if any) stops working.
void make_link(ApiState& api, const http::Request& req, http::Response& res) {
    const auto user = signed_in(api, req, res);
    if (!user || !no_fields(req, res)) return;
    if (user->staff.empty())
        return error(res, 409, "Your account has no shifts of its own (it has no staff record), so it has no calendar to subscribe to");
    if (!api.sessions) return error(res, 503, "This server keeps no calendar links");
    const auto origin = origin_of(api, req);
    if (!origin)
        return error(res, 400, "The request's Host header is not a host name (a name or address and a port), and the server has no "
                               "--public-url: no link can be made from it");
    const bool had = api.sessions->calendar_link_of(user->id).has_value();
    const std::string token = random_token();
    const CalendarLink link{token_hash(token), user->id, unix_now()};
    api.sessions->save_calendar_link(link);
    note_access(api, had ? "calendar_link_reset" : "calendar_link_made", user->id, user->id);
    const std::string path = std::string(kFeedPath) + token + std::string(kFeedSuffix);
    const std::string host = origin->substr(origin->find("://") + 3);
    reply(res, 200, {{"https", *origin + path}, {"webcal", "webcal://" + host + path}, {"created", created_text(link)}});
}

// GET /api/calendar-link: whether the signed-in person has a link, and since when (the token is not
// kept, so it cannot be told again: a lost link is replaced with POST).
void link_status(ApiState& api, const http::Request& req, http::Response& res) {
    const auto user = signed_in(api, req, res);
    if (!user) return;
    const auto link = api.sessions ? api.sessions->calendar_link_of(user->id) : std::nullopt;
    if (!link) return reply(res, 200, {{"exists", false}});
    reply(res, 200, {{"exists", true}, {"created", created_text(*link)}});
}

// DELETE /api/calendar-link: the link stops working at once; 204 whether or not there was one.
void remove_link(ApiState& api, const http::Request& req, http::Response& res) {
    const auto user = signed_in(api, req, res);
    if (!user || !no_fields(req, res)) return;
    if (api.sessions && api.sessions->remove_calendar_link(user->id)) note_access(api, "calendar_link_revoked", user->id, user->id);
    res.status = 204;
}

// GET /api/calendar/<token>.ics: no session, the token is the key. What the person's own snapshot
// would show of their shifts, as the durable state has it now.
void feed(ApiState& api, const http::Request& req, http::Response& res) {
    auto none = [&] { error(res, 404, "There is no calendar at this address: its link may have been reset or turned off"); };
    const auto token = feed_token(req.path);
    if (!token) return none();
    // By the token's hash: the lookup's timing depends on the hash, which says nothing usable about
    // the token (finding a token from its hash is the preimage problem).
    const auto link = api.sessions ? api.sessions->calendar_link_by_hash(token_hash(*token)) : std::nullopt;
    const auto user = link ? api.service->find_user(link->user) : std::nullopt;
    if (!user || user->staff.empty()) return none();
    const auto stamp = std::chrono::duration_cast<std::chrono::minutes>(Clock::now().time_since_epoch()).count();
    auto ics = api.service->calendar_for(*user, stamp);
    if (!ics) return error(res, 503, "The server could not save changes and must be restarted; nothing unsaved is shown");
    // Calendar apps ask every hour or so (REFRESH-INTERVAL); a refresh within 5 minutes may be
    // answered from the app's or a proxy's private cache, never a shared one.
    res.set_header("Cache-Control", "private, max-age=300");
    res.set_content(std::move(*ics), "text/calendar; charset=utf-8");
}
}  // namespace

std::optional<std::string> clean_host(std::string_view host) {
    if (host.empty() || host.size() > 253 + 6) return std::nullopt;
    std::string out(host);
    for (char& c : out) c = char(std::tolower(static_cast<unsigned char>(c)));
    size_t port_at = 0;
    if (out[0] == '[') {   // an IPv6 address: "[2001:db8::1]:8080"
        port_at = out.find(']');
        if (port_at == std::string::npos || port_at < 3 || out.find_first_not_of("0123456789abcdef:.", 1) != port_at) return std::nullopt;
        ++port_at;
    } else {
        port_at = std::min(out.find(':'), out.size());
        const std::string_view name = std::string_view(out).substr(0, port_at);
        if (name.empty() || name.size() > 253 || name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789.-") != std::string_view::npos ||
            name.front() == '.' || name.front() == '-' || name.find("..") != std::string_view::npos)
            return std::nullopt;
    }
    if (port_at == out.size()) return out;
    const std::string_view port = std::string_view(out).substr(port_at + 1);
    if (out[port_at] != ':' || port.empty() || port.size() > 5 || port.find_first_not_of("0123456789") != std::string_view::npos ||
        std::stol(std::string(port)) == 0 || std::stol(std::string(port)) > 65535)
        return std::nullopt;
    return out;
}

std::optional<std::string> clean_origin(std::string_view url) {
    if (url.ends_with("/")) url.remove_suffix(1);
    for (const std::string_view scheme : {"https://", "http://"}) {
        if (url.size() < scheme.size() || !std::equal(scheme.begin(), scheme.end(), url.begin(), [](char a, char b) {
                return a == std::tolower(static_cast<unsigned char>(b));
            }))
            continue;
        const auto host = clean_host(url.substr(scheme.size()));
        if (!host) return std::nullopt;
        return std::string(scheme) + *host;
    }
    return std::nullopt;
}

void register_calendar_feed(http::Server& server, std::shared_ptr<ApiState> api) {
    using Run = http::Server::Run;
    // On workers: each writes or reads the database (a link's change is fsynced).
    server.route("POST", "/api/calendar-link", plain_handler(api, make_link), Run::Worker, kSmallBody);
    server.route("GET", "/api/calendar-link", plain_handler(api, link_status), Run::Worker, kSmallBody);
    server.route("DELETE", "/api/calendar-link", plain_handler(api, remove_link), Run::Worker, kSmallBody);
    server.route("GET", std::string(kFeedPath) + "*", plain_handler(api, feed), Run::Worker, kSmallBody);
}

}  // namespace sb::server
