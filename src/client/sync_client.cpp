#include "client/sync_client.hpp"

#include "core/data_format.hpp"

namespace sb::client {
using json = nlohmann::json;

namespace {
constexpr size_t kBatch = 100;   // commands per request

std::string clock_text(int64_t utc_seconds) {
    const LocalDateTime t = utc_to_london(utc_seconds / 60);
    return format_clock(t.minute);
}

std::optional<CommandStatus> status_named(const std::string& s) {
    for (CommandStatus x : {CommandStatus::Accepted, CommandStatus::Rejected, CommandStatus::Forbidden, CommandStatus::Malformed})
        if (to_string(x) == s) return x;
    return std::nullopt;
}

ChangeSet changes_in(const json& j) {
    std::string why;
    auto c = j.is_array() ? change_set_from_json(j, why) : std::nullopt;
    return c ? std::move(*c) : ChangeSet{};
}
}  // namespace

int SyncClient::send(Kind kind, HttpRequest request) {
    const int tag = next_tag_++;
    in_flight_[tag] = {kind, session_, now_ms_};
    bytes_out_ += int64_t(request.body.size() + request.path.size());
    if (kind != Kind::Health && kind != Kind::DemoUsers && kind != Kind::Login && kind != Kind::StaticData) request.token = token_;
    hooks_.send(tag, request);
    return tag;
}

void SyncClient::start(const std::map<std::string, std::string>& saved, Options options) {
    options_ = std::move(options);
    // Unanswered commands of whoever used this browser last: each waits for its own person.
    for (const auto& [key, value] : saved)
        if (key.rfind("pending:", 0) == 0) store_.restore_pending(json::parse(value, nullptr, false));
    if (auto it = saved.find("session"); it != saved.end()) {
        const json s = json::parse(it->second, nullptr, false);
        if (s.is_object() && s.contains("token") && s["token"].is_string() && s.contains("user") && s["user"].is_string())
            token_ = s["token"], user_ = s["user"], role_ = s.value("role", "");
    }
    if (!options_.data.empty()) {
        send(Kind::StaticData, {"GET", options_.data, "", ""});
        return;
    }
    send(Kind::Health, {"GET", "api/health", "", ""});
}

void SyncClient::on_response(int tag, const HttpResponse& r) {
    auto it = in_flight_.find(tag);
    if (it == in_flight_.end()) return;
    const Kind kind = it->second.kind;
    const bool stale = it->second.session != session_;
    in_flight_.erase(it);
    bytes_in_ += int64_t(r.body.size());
    if (stale && kind != Kind::Health && kind != Kind::DemoUsers) {
        // Asked for under an earlier sign-in (perhaps someone else's): not this person's to see.
        if (auto done = others_.extract(tag); !done.empty()) done.mapped()(0, "");
        return;
    }
    switch (kind) {
        case Kind::Health: return on_health(r);
        case Kind::DemoUsers: return on_demo_users(r);
        case Kind::Login: return on_login(r);
        case Kind::Snapshot: return on_snapshot(r, false);
        case Kind::StaticData: return on_snapshot(r, true);
        case Kind::Changes: return on_changes(r);
        case Kind::Commands: return on_commands(r);
        case Kind::Other: {
            auto done = others_.extract(tag);
            if (r.status == 401) lost_sign_in();
            if (!done.empty()) done.mapped()(r.status, r.body);
            return;
        }
    }
}

void SyncClient::synced(const HttpResponse& r) {
    online_ = true;
    // Learn the server's clock: commands are judged by its time, and ours are stamped the same way.
    if (r.server_time > 0) store_.set_server_offset(r.server_time - store_.local_now());
    last_synced_ = clock_text(store_.now());
}

void SyncClient::on_health(const HttpResponse& r) {
    const json h = r.status == 200 ? json::parse(r.body, nullptr, false) : json();
    if (!h.is_object() || !h.value("auth", false)) {
        // No API here: a static copy of the app with its snapshot next to it.
        send(Kind::StaticData, {"GET", "data/snapshot.json", "", ""});
        return;
    }
    server_ = true;
    synced(r);
    // A remembered sign-in is used unless the link asks for someone else (?user= or ?role=).
    const std::string wanted = !options_.want_user.empty() ? options_.want_user : options_.want_role;
    if (!token_.empty() && (wanted.empty() || wanted == user_ || wanted == role_)) return fetch_snapshot();
    show_sign_in("");
}

void SyncClient::show_sign_in(std::string message) {
    sign_in_message_ = std::move(message);
    send(Kind::DemoUsers, {"GET", "api/demo-users", "", ""});
}

void SyncClient::on_demo_users(const HttpResponse& r) {
    accounts_.clear();
    const json list = r.status == 200 ? json::parse(r.body, nullptr, false) : json();
    if (list.is_array())
        for (const json& a : list) {
            if (!a.is_object()) continue;
            auto text = [&](const char* k) { return a.contains(k) && a[k].is_string() ? a[k].get<std::string>() : std::string(); };
            accounts_.push_back({text("username"), text("password"), text("role"), text("name"), text("group"), text("grade"),
                                 text("employment")});
        }
    // ?user= or ?role= signs in straight away as that demo account (links in docs and tests).
    if (sign_in_message_.empty() && (!options_.want_user.empty() || !options_.want_role.empty())) {
        const DemoAccount* pick = nullptr;
        for (const DemoAccount& a : accounts_) {
            const bool match = !options_.want_user.empty()
                                   ? a.username == options_.want_user
                                   : a.role == options_.want_role && (options_.want_role != "clinician" ||
                                                                      (a.group == "nurse" && a.grade == "Band 5" && a.employment == "substantive"));
            if (match && !pick) pick = &a;
        }
        options_.want_user.clear();
        options_.want_role.clear();
        if (pick) return sign_in(pick->username, pick->password);
    }
    hooks_.show_sign_in(accounts_, sign_in_message_);
}

void SyncClient::sign_in(const std::string& user, const std::string& password) {
    send(Kind::Login, {"POST", "api/login", json{{"username", user}, {"password", password}}.dump(), ""});
}

void SyncClient::on_login(const HttpResponse& r) {
    const json body = json::parse(r.body, nullptr, false);
    if (r.status != 200 || !body.is_object() || !body.contains("token") || !body["token"].is_string()) {
        if (r.status == 0) return show_sign_in("The server could not be reached: check your connection and try again.");
        std::string why = body.is_object() && body.contains("error") && body["error"].is_string() ? body["error"].get<std::string>()
                                                                                                   : "Sign-in failed (HTTP " + std::to_string(r.status) + ")";
        return show_sign_in(why);
    }
    new_session();
    token_ = body["token"];
    user_ = body.contains("user") && body["user"].is_object() ? body["user"].value("id", "") : "";
    role_ = body.contains("user") && body["user"].is_object() ? body["user"].value("role", "") : "";
    hooks_.save("session", json{{"token", token_}, {"user", user_}, {"role", role_}}.dump());
    synced(r);
    fetch_snapshot();
}

void SyncClient::new_session() {
    ++session_;
    polling_ = flushing_ = fetching_ = refetch_ = false;
    store_.resend();   // what was in flight is sent again, under the right sign-in, when it comes back
}

void SyncClient::sign_out() {
    // The sign-in goes; the person's unanswered changes stay saved for when they sign in again.
    // The server ends the session too, so the token is worth nothing to whoever uses this PC next
    // (its answer belongs to the old session and is dropped).
    save_pending();
    if (server_ && !token_.empty()) send(Kind::Other, {"POST", "api/logout", "", token_});
    new_session();
    token_.clear();
    user_.clear();
    role_.clear();
    hooks_.save("session", "");
    show_sign_in("");
}

void SyncClient::lost_sign_in() {
    save_pending();
    new_session();
    token_.clear();
    hooks_.save("session", "");
    show_sign_in("Please sign in again.");
}

void SyncClient::fetch_snapshot() {
    if (fetching_) {
        refetch_ = true;
        return;
    }
    fetching_ = true;
    send(Kind::Snapshot, {"GET", "api/snapshot", "", ""});
}

void SyncClient::on_snapshot(const HttpResponse& r, bool read_only) {
    fetching_ = false;
    if (!read_only && r.status == 401) return lost_sign_in();
    if (r.status == 0) {
        online_ = false;
        if (!store_.loaded()) hooks_.fail("The server could not be reached. Check your connection and reload the page.");
        retry_poll_at_ = now_ms_ + 3000;
        return;
    }
    if (r.status != 200) {
        hooks_.fail("The server answered HTTP " + std::to_string(r.status) + " when asked for the rota: " + r.body.substr(0, 300));
        return;
    }
    LoadResult loaded = load_state(r.body);
    if (!loaded.ok()) {
        std::string msg = "The rota data has " + std::to_string(loaded.errors.size()) + " problem(s):";
        for (size_t i = 0; i < loaded.errors.size() && i < 5; ++i) msg += "\n\xE2\x80\xA2 " + describe(loaded.errors[i]);
        hooks_.fail(msg);
        return;
    }
    read_only_ = read_only;
    if (read_only) online_ = false;
    else synced(r);
    const bool first = !store_.loaded() || store_.user() != user_;
    store_.load(std::move(loaded.state), read_only ? store_.user() : user_);
    hooks_.loaded(first, read_only);
    if (refetch_) {
        refetch_ = false;
        return fetch_snapshot();
    }
    if (!read_only) {
        poll();
        flush();
    }
}

void SyncClient::poll() {
    if (polling_ || !server_ || token_.empty() || !store_.loaded()) return;
    polling_ = true;
    // A browser keeps one answer open and gets an event per batch of changes; elsewhere, or behind a
    // proxy that holds streams back, a long-poll.
    streaming_now_ = options_.streaming && !stream_held_back_;
    HttpRequest r{"GET", "api/changes?since=" + std::to_string(store_.revision()) + (streaming_now_ ? "&stream=1" : "&wait=25"), "", ""};
    r.stream = streaming_now_;
    send(Kind::Changes, std::move(r));
}

void SyncClient::on_part(int tag, const std::string& line) {
    auto it = in_flight_.find(tag);
    if (it == in_flight_.end() || it->second.kind != Kind::Changes || it->second.session != session_) return;
    bytes_in_ += int64_t(line.size());
    if (!it->second.heard) {
        it->second.heard = true;
        if (now_ms_ - it->second.sent_ms > 20000) stream_held_back_ = true;
    }
    // Server-Sent Events: "data: {…}" lines carry the events; blank lines end them, ":" lines are comments.
    constexpr std::string_view data = "data: ";
    if (line.compare(0, data.size(), data) != 0) return;
    const json c = json::parse(std::string_view(line).substr(data.size()), nullptr, false);
    if (!c.is_object()) return;
    online_ = true;
    last_synced_ = clock_text(store_.now());
    take_changes(c);
}

bool SyncClient::take_changes(const json& c) {
    if (!c.contains("revision") || !c["revision"].is_number_integer()) return false;
    if (c.value("reload", false)) {
        fetch_snapshot();
        return false;
    }
    bool in_step = true;
    if (c.contains("changes") && c["changes"].is_array())
        for (const json& x : c["changes"]) {
            if (!x.is_object() || !x.contains("revision") || !x["revision"].is_number_integer()) continue;
            CommandStore::Remote change{x["revision"].get<int64_t>(), changes_in(x.value("changes", json::array())), x.value("id", ""),
                                        x.value("author", ""), x.value("type", "")};
            in_step = store_.apply_remote(change) && in_step;
        }
    if (!in_step || store_.revision() < c["revision"].get<int64_t>()) {   // a gap: start again
        fetch_snapshot();
        return false;
    }
    if (store_.has_unsent()) flush();
    return true;
}

void SyncClient::on_changes(const HttpResponse& r) {
    polling_ = false;
    if (r.status == 401) return lost_sign_in();
    if (r.status == 200 && streaming_now_) {   // the stream has ended (its lines came through on_part)
        synced(r);
        return poll();
    }
    const json c = r.status == 200 ? json::parse(r.body, nullptr, false) : json();
    if (!c.is_object() || !c.contains("revision") || !c["revision"].is_number_integer()) {
        online_ = false;
        retry_poll_at_ = now_ms_ + poll_backoff_;   // back off, up to 15 s between tries
        poll_backoff_ = std::min<int64_t>(15000, poll_backoff_ * 2);
        return;
    }
    synced(r);
    poll_backoff_ = 1000;
    if (take_changes(c)) poll();
}

void SyncClient::changed() {
    save_pending();
    flush();
}

void SyncClient::save_pending() {
    if (store_.user().empty()) return;
    hooks_.save("pending:" + store_.user(), store_.unanswered() ? store_.pending_json().dump() : "");
}

void SyncClient::flush() {
    if (flushing_ || !server_ || read_only_ || token_.empty() || !store_.loaded() || !store_.has_unsent()) return;
    const std::vector<Command> batch = store_.to_send(kBatch);
    json list = json::array();
    for (const Command& c : batch) list.push_back({{"id", c.id}, {"type", c.type}, {"payload", c.payload}});
    flushing_ = true;
    send(Kind::Commands, {"POST", "api/commands", json{{"commands", std::move(list)}}.dump(-1, ' ', false, json::error_handler_t::replace), ""});
}

void SyncClient::on_commands(const HttpResponse& r) {
    flushing_ = false;
    if (r.status == 401) {
        store_.resend();
        return lost_sign_in();
    }
    const json body = json::parse(r.body, nullptr, false);
    if (r.status == 0 || !body.is_object()) {
        // Kept, and sent again (same ids, so nothing happens twice) once the server answers.
        online_ = false;
        store_.resend();
        retry_flush_at_ = now_ms_ + 3000;
        return;
    }
    synced(r);
    if (!body.contains("results")) {
        // The whole request was refused and nothing applied: the command it names can never
        // succeed; the rest go again.
        const std::string bad = body.value("command", "");
        const std::string why = body.value("error", "HTTP " + std::to_string(r.status));
        store_.resend();
        if (!bad.empty()) {
            const std::string msg = store_.acknowledge({bad, CommandStatus::Malformed, why, 0, {}});
            if (!msg.empty()) hooks_.tell(msg, true);
        } else {
            hooks_.tell("The server refused the changes: " + why, true);
            retry_flush_at_ = now_ms_ + 15000;
            return;
        }
    } else if (body["results"].is_array()) {
        for (const json& x : body["results"]) {
            if (!x.is_object()) continue;
            auto status = status_named(x.value("status", ""));
            if (!status) continue;
            CommandStore::Answer a{x.value("id", ""), *status, x.value("reason", ""), x.value("revision", int64_t(0)),
                                   changes_in(x.value("changes", json::array()))};
            const std::string msg = store_.acknowledge(a);
            if (!msg.empty()) hooks_.tell(msg, true);
        }
    }
    save_pending();
    if (store_.has_unsent()) flush();
}

void SyncClient::tick(int64_t now_ms) {
    now_ms_ = now_ms;
    if (retry_poll_at_ && now_ms >= retry_poll_at_) {
        retry_poll_at_ = 0;
        if (!store_.loaded()) fetch_snapshot();
        else poll();
    }
    if (retry_flush_at_ && now_ms >= retry_flush_at_) {
        retry_flush_at_ = 0;
        flush();
    }
}

void SyncClient::request(const std::string& method, const std::string& path, const std::string& body,
                         std::function<void(int, const std::string&)> done) {
    if (token_.empty() || !server_) return done(0, "");
    others_[send(Kind::Other, {method, path, body, ""})] = std::move(done);
}

void SyncClient::retry_now() {
    retry_flush_at_ = retry_poll_at_ = 0;
    poll_backoff_ = 1000;
    if (!store_.loaded()) {
        if (server_ && !token_.empty()) fetch_snapshot();
        return;
    }
    flush();
    poll();
}

SyncClient::Status SyncClient::status() const {
    return {server_ || read_only_, online_, read_only_, store_.unanswered(), flushing_ || fetching_, last_synced_};
}

std::string SyncClient::export_drafts() const {
    json commands = json::array();
    for (const json& c : store_.pending_json()["commands"]) commands.push_back({{"id", c["id"]}, {"type", c["type"]}, {"payload", c["payload"]}});
    return json{{"commands", std::move(commands)}}.dump(2);
}

}  // namespace sb::client
