#include "api.hpp"

#include <sodium.h>

#include <nlohmann/json.hpp>

#include "core/enum_names.hpp"
#include "core/format/json_reader.hpp"
#include "core/visibility.hpp"
#include "api_replies.hpp"
#include "calendar_feed.hpp"
#include "change_feed.hpp"
#include "json_limits.hpp"

namespace sb::server {
namespace {
using json = nlohmann::json;
constexpr size_t kMaxCommandsPerRequest = 500;
// Commands' bodies may be larger than other requests': a staff list imported as one command carries
// its file (at most 1 MiB, kMaxStaffImportBytes, and a little more once escaped as JSON). 64 bodies
// arriving at once are then at most 128 MiB.
constexpr size_t kCommandsBodyBytes = size_t(2) << 20;

// The bearer token of a request, or nullopt after answering 401.
std::optional<std::string> bearer(const http::Request& req, http::Response& res) {
    const std::string header = req.header("authorization");
    const std::string prefix = "Bearer ";
    if (header.compare(0, prefix.size(), prefix) != 0 || header.size() > prefix.size() + 128) {
        res.set_header("WWW-Authenticate", "Bearer");
        error(res, 401, "Sign in first: send the token from POST /api/login as \"Authorization: Bearer <token>\"");
        return std::nullopt;
    }
    return header.substr(prefix.size());
}

// Where a request came from: the socket's peer, or behind a trusted proxy the address it reports.
std::string client_address(const ApiState& api, const http::Request& req) {
    if (!api.trust_proxy) return req.remote_addr;
    std::string forwarded = req.header("x-forwarded-for");
    if (const auto comma = forwarded.rfind(','); comma != std::string::npos) forwarded.erase(0, comma + 1);
    forwarded.erase(0, forwarded.find_first_not_of(' '));
    forwarded.erase(forwarded.find_last_not_of(' ') + 1);
    const bool address = !forwarded.empty() && forwarded.size() <= 45 &&
                         forwarded.find_first_not_of("0123456789abcdefABCDEF.:") == std::string::npos;
    return address ? forwarded : req.remote_addr;
}

void login(ApiState& api, const http::Request& req, http::Response& res) {
    auto body = body_json(req, res, 4096);   // a name and a password: nobody needs more before signing in
    if (!body) return;
    if (!body->is_object() || body->size() != 2 || !body->contains("username") || !(*body)["username"].is_string() ||
        !body->contains("password") || !(*body)["password"].is_string())
        return error(res, 400, "Send {\"username\": \"…\", \"password\": \"…\"} and nothing else");
    const std::string user = (*body)["username"], password = (*body)["password"];
    if (user.size() > 64 || password.size() > 1024)
        return error(res, 400, "A username has at most 64 characters and a password at most 1024");
    const Auth::Login r = api.auth->login(user, password, client_address(api, req));
    if (r.outcome == Auth::Login::Throttled || r.outcome == Auth::Login::Busy) {
        res.set_header("Retry-After", std::to_string(r.retry_after_seconds));
        if (r.outcome == Auth::Login::Busy)
            return error(res, 503, "The server is busy checking other sign-ins: try again in " + std::to_string(r.retry_after_seconds) + " s");
        return error(res, 429, "Too many failed sign-ins: wait " + std::to_string(r.retry_after_seconds) + " s and try again");
    }
    const auto record = r.outcome == Auth::Login::Ok ? api.service->find_user(user) : std::nullopt;
    if (!record) return error(res, 401, "Wrong username or password");
    note_access(api, "sign_in", record->id, record->id);
    json u = {{"id", record->id}, {"name", record->name}, {"role", to_string(record->role)}, {"wards", record->wards}};
    if (!record->staff.empty()) u["staff"] = record->staff;
    reply(res, 200, {{"token", r.token}, {"expires_at", iso(r.expires)}, {"user", u}});
}

// POST /api/commands: checked and applied here; answered once durable, by the writer's callback
// (no thread waits for the disk meanwhile).
void commands(const std::shared_ptr<ApiState>& api, const std::shared_ptr<http::Exchange>& x) {
    const http::Request& req = x->request();
    http::Response res;
    auto refuse = [&] { x->respond(std::move(res)); };
    auto user = signed_in(*api, req, res);
    if (!user) return refuse();
    auto body = body_json(req, res, kCommandsBodyBytes);
    if (!body) return refuse();
    if (!body->is_object() || !body->contains("commands") || !(*body)["commands"].is_array() || body->size() != 1)
        return error(res, 400, "Send {\"commands\": [ … ]} and nothing else"), refuse();
    const json& list = (*body)["commands"];
    if (list.empty() || list.size() > kMaxCommandsPerRequest)
        return error(res, 400, "Send between 1 and " + std::to_string(kMaxCommandsPerRequest) + " commands at a time"), refuse();
    // Every command's shape first; then all of them are applied, or (one malformed) none.
    std::vector<Command> cmds;
    for (size_t i = 0; i < list.size(); ++i) {
        std::string why;
        auto c = command_from_json(list[i], why);
        if (!c)
            return error(res, 400, "Command " + std::to_string(i + 1) + " of " + std::to_string(list.size()) + ": " + why + "; nothing was applied"),
                   refuse();
        cmds.push_back(std::move(*c));
    }
    api->service->submit_async(*user, std::move(cmds), [api, x, who = *user](RotaService::Submitted done) {
        // Called by the writer right after its commit: the answer is built on a worker.
        api->post_work([api, x, who, done = std::move(done)] {
            http::Response res;
            if (!done.malformed.empty()) {
                reply(res, 400, {{"error", done.malformed + "; nothing was applied"}, {"command", done.malformed_id}});
                return x->respond(std::move(res));
            }
            json out = json::array();
            int status = 200;
            for (const CommandResult& r : done.results) {
                json j = {{"id", r.id}, {"status", to_string(r.status)}, {"revision", r.revision}};
                if (!r.reason.empty()) j["reason"] = r.reason;
                const json full = to_json(r);
                for (const char* k : {"warnings", "blocks"})
                    if (full.contains(k)) j[k] = full[k];
                // What it changed, as this person may see it: their browser confirms it in place with this.
                if (r.accepted()) j["changes"] = to_json(visible_changes(r.changes, who));
                if (r.status == CommandStatus::Forbidden) status = 403;
                out.push_back(std::move(j));
            }
            reply(res, status, {{"results", out}, {"revision", api->service->revision()}});
            x->respond(std::move(res));
        });
    });
}

// POST /api/logout: the session ends at the server, whoever later finds the token.
void logout(ApiState& api, const http::Request& req, http::Response& res) {
    const auto token = bearer(req, res);
    if (!token) return;
    const auto user = api.auth->logout(*token);
    if (!user) return error(res, 401, "That sign-in had already ended");
    note_access(api, "sign_out", *user, *user);
    reply(res, 200, {{"signed_out", *user}});
}

// POST /api/sessions/end {"user": "…"}: an administrator signs someone out everywhere (a lost
// phone, a shared PC left signed in, someone leaving the trust).
void end_sessions(ApiState& api, const http::Request& req, http::Response& res) {
    auto admin = signed_in(api, req, res);
    if (!admin) return;
    if (admin->role != Role::Admin) return error(res, 403, "Only an administrator can end someone's sessions");
    auto body = body_json(req, res);
    if (!body) return;
    if (!body->is_object() || body->size() != 1 || !body->contains("user") || !(*body)["user"].is_string())
        return error(res, 400, "Send {\"user\": \"<account id>\"} and nothing else");
    const std::string user = (*body)["user"];
    if (!format::valid_id(user) || !api.service->find_user(user)) return error(res, 400, "There is no account " + user.substr(0, 64));
    const int ended = api.auth->end_sessions(user);
    note_access(api, "sessions_ended", user, admin->id, ended);
    reply(res, 200, {{"user", user}, {"ended", ended}});
}

// GET /api/audit?ward=&staff=&rule=&from=&to=&events=&limit=&before=&format=csv
void audit(ApiState& api, const http::Request& req, http::Response& res) {
    auto user = signed_in(api, req, res);
    if (!user) return;
    AuditFilter f;
    size_t limit = 200;
    int64_t before = 0;
    bool csv = false;
    for (const auto& [name, value] : req.params) {
        auto bad = [&](const std::string& what) { error(res, 400, "?" + name + "= " + what); };
        if (name == "ward" || name == "staff") {
            if (!format::valid_id(value)) return bad("must be an id (1–64 letters, digits, '-', '_', '.' or ':')");
            (name == "ward" ? f.ward : f.staff) = value;
        } else if (name == "rule") {
            if (value != "*" && !format::valid_id(value)) return bad("must be a rule id such as min_rest, or * for any override");
            f.rule = value;
        } else if (name == "from" || name == "to") {
            auto d = parse_date(value);
            if (!d) return bad("must be a date like 2026-03-06");
            (name == "from" ? f.from : f.to) = d;
        } else if (name == "limit" || name == "before") {
            char* end = nullptr;
            const long long n = std::strtoll(value.c_str(), &end, 10);
            if (value.empty() || *end != '\0' || n < (name == "limit" ? 1 : 0) || n > (name == "limit" ? 5000 : (1LL << 53)))
                return bad(name == "limit" ? "must be a whole number from 1 to 5000" : "must be a revision (a whole number)");
            if (name == "limit") limit = size_t(n);
            else before = n;
        } else if (name == "events") {
            if (value != "changes" && value != "access" && value != "all") return bad("must be changes, access (sign-ins and sign-outs) or all");
            f.events = value == "changes" ? AuditFilter::Events::Changes : value == "access" ? AuditFilter::Events::Access : AuditFilter::Events::All;
        } else if (name == "format") {
            if (value != "csv" && value != "json") return bad("must be csv or json");
            csv = value == "csv";
        } else {
            return error(res, 400, "?" + name.substr(0, 40) + "= is not a filter of the audit trail (ward, staff, rule, from, to, events, limit, before, format)");
        }
    }
    const RotaService::AuditPage page = api.service->audit(*user, f, limit, before);
    if (csv) {
        res.set_header("Content-Disposition", "attachment; filename=\"shiftbank-audit.csv\"");
        res.set_content(api.service->audit_csv(page.entries), "text/csv; charset=utf-8");
        return;
    }
    reply(res, 200, api.service->audit_json(page));
}
}  // namespace

http::Handler plain_handler(std::shared_ptr<ApiState> api, PlainHandler f) {
    return [api = std::move(api), f](std::shared_ptr<http::Exchange> x) {
        http::Response res;
        try {
            f(*api, x->request(), res);
        } catch (const std::exception&) {   // the database (SQLite busy for 5 s, a full disk)
            res = {};
            res.set_header("Retry-After", "2");
            error(res, 503, "The server could not reach its database: try again in a moment");
        }
        x->respond(std::move(res));
    };
}

void reply(http::Response& res, int status, const json& body) {
    res.status = status;
    res.set_content(body.dump(-1, ' ', false, json::error_handler_t::replace), "application/json");
}

void error(http::Response& res, int status, const std::string& message) { reply(res, status, {{"error", message}}); }

std::optional<User> signed_in(ApiState& api, const http::Request& req, http::Response& res, bool activity) {
    const auto token = bearer(req, res);
    if (!token) return std::nullopt;
    const auto user = api.auth->user_for(*token, activity);
    const auto record = user ? api.service->find_user(*user) : std::nullopt;
    if (!record) {
        res.set_header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        error(res, 401, "Your sign-in has expired or is not valid: sign in again");
        return std::nullopt;
    }
    return record;
}

// The deepest real request nests 6 levels, and 500 commands hold about 10,000 values.
std::optional<json> body_json(const http::Request& req, http::Response& res, size_t max_bytes) {
    constexpr int kMaxDepth = 32;
    constexpr size_t kMaxValues = 50000;
    if (req.body.size() > max_bytes) {
        error(res, 413, "The request body is larger than " + std::to_string(max_bytes / 1024) + " KiB");
        return std::nullopt;
    }
    if (!json_within(req.body, kMaxDepth, kMaxValues)) {
        error(res, 400, "The request body nests deeper than " + std::to_string(kMaxDepth) + " levels or holds more than " +
                            std::to_string(kMaxValues) + " values");
        return std::nullopt;
    }
    json j = json::parse(req.body, nullptr, false);
    if (j.is_discarded()) {
        error(res, 400, "The request body is not valid JSON");
        return std::nullopt;
    }
    return j;
}

std::string iso(std::chrono::system_clock::time_point t) {
    const auto tt = std::chrono::system_clock::to_time_t(t);
    std::tm tm{};
    gmtime_r(&tt, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

void note_access(ApiState& api, const std::string& event, const std::string& user, const std::string& by, int count) {
    const AccessEvent e = api.service->access_event(event, user, by, count);
    if (api.sessions) api.sessions->log(e);
    api.service->record_access(e);
}

std::string demo_password(const std::string& username) {
    unsigned char h[4];
    crypto_generichash(h, sizeof h, reinterpret_cast<const unsigned char*>(username.data()), username.size(), nullptr, 0);
    char hex[9];
    sodium_bin2hex(hex, sizeof hex, h, sizeof h);
    return std::string("bank-") + hex;
}

void register_api(http::Server& server, std::shared_ptr<ApiState> api) {
    using Run = http::Server::Run;
    auto plain = [api](PlainHandler f) { return plain_handler(api, f); };
    server.route("GET", "/api/health", [api](std::shared_ptr<http::Exchange> x) {
        http::Response res;
        reply(res, 200, {{"status", "ok"}, {"version", "0.2.0"}, {"revision", api->service->revision()}, {"data", api->data_source},
                         {"auth", true}});
        x->respond(std::move(res));
    }, Run::Network);
    // A name and a password: nobody needs more than 4 KiB before signing in.
    server.route("POST", "/api/login", plain(login), Run::Worker, 4096);
    server.route("POST", "/api/logout", plain(logout), Run::Worker, 4096);
    server.route("POST", "/api/sessions/end", plain(end_sessions), Run::Worker, 4096);
    if (!api->demo_accounts.empty())
        server.route("GET", "/api/demo-users", [api](std::shared_ptr<http::Exchange> x) {
            json list = json::array();
            for (const DemoAccount& a : api->demo_accounts) {
                json j = {{"username", a.username}, {"password", a.password}, {"role", a.role}, {"name", a.name}};
                if (!a.group.empty()) j.update({{"group", a.group}, {"grade", a.grade}, {"employment", a.employment}});
                list.push_back(std::move(j));
            }
            http::Response res;
            reply(res, 200, list);
            x->respond(std::move(res));
        });
    server.route("GET", "/api/snapshot", plain([](ApiState& api, const http::Request& req, http::Response& res) {
        auto user = signed_in(api, req, res);
        if (!user) return;
        auto snapshot = api.service->snapshot_for(*user);
        if (!snapshot) return error(res, 503, "The server could not save changes and must be restarted; nothing unsaved is shown");
        res.set_content(std::move(*snapshot), "application/json");
    }));
    // The change feed holds no thread while it waits: on the network thread, woken by the writer.
    server.route("GET", "/api/changes", [api](std::shared_ptr<http::Exchange> x) {
        const http::Request& req = x->request();
        http::Response res;
        auto user = signed_in(*api, req, res, false);
        if (!user) return x->respond(std::move(res));
        char* end = nullptr;
        const std::string since = req.param("since");
        const long long r = std::strtoll(since.c_str(), &end, 10);
        if (since.empty() || *end != '\0' || r < 0) return error(res, 400, "Ask for ?since=<revision>, a whole number"), x->respond(std::move(res));
        if (req.param("stream") == "1") {
            // The stream ends once the session does (signed out, ended by an administrator).
            const std::string token = req.header("authorization").substr(7);
            auto still_signed_in = [api, token] { return api->auth->user_for(token, false).has_value(); };
            return stream_changes(*api->service, *user, r, req.header("accept-encoding").find("gzip") != std::string::npos,
                                  std::move(still_signed_in), x);
        }
        // Long-poll: the answer waits until something changes, for at most `wait` seconds (default 25).
        long wait = 25;
        if (req.has_param("wait")) wait = std::clamp(std::strtol(req.param("wait").c_str(), nullptr, 10), 0L, 55L);
        long_poll_changes(*api->service, *user, r, std::chrono::seconds(wait), x);
    }, Run::Network);
    server.route("POST", "/api/commands", [api](std::shared_ptr<http::Exchange> x) { commands(api, x); }, http::Server::Run::Worker, kCommandsBodyBytes);
    server.route("GET", "/api/audit", [api](std::shared_ptr<http::Exchange> x) {
        http::Response res;
        audit(*api, x->request(), res);
        x->respond(std::move(res));
    });
    register_calendar_feed(server, api);
    // Anything else under /api/ is a JSON 404, never the app's index page.
    server.route("*", "/api/*", [](std::shared_ptr<http::Exchange> x) {
        http::Response res;
        error(res, 404, "There is no API endpoint " + x->request().path.substr(0, 200));
        x->respond(std::move(res));
    }, Run::Network);
}

}  // namespace sb::server
