// The browser's sync client (src/client/sync_client.hpp) against the real server, with cpp-httplib
// carrying its requests instead of shell/sync.js: sign in, book, have the booking confirmed in place,
// receive colleagues' changes in place, and never reload the snapshot to do any of it.
#include <doctest/doctest.h>

#include <deque>

#include "api_client.hpp"
#include "demo_roles.hpp"
#include "client/sync_client.hpp"
#include "core/data_format.hpp"

using json = nlohmann::json;
using sb::test::ApiClient;
using sb::test::ServerProcess;

namespace {
// Runs the sync client's requests one at a time, as a page would (each answer handed back).
struct Harness {
    explicit Harness(const ServerProcess& server) : http("127.0.0.1", server.port()) {
        http.set_read_timeout(60);
        sync = std::make_unique<sb::client::SyncClient>(store, sb::client::SyncClient::Hooks{
            [this](int tag, const sb::client::HttpRequest& r) { queue.push_back({tag, r}); },
            [this](const std::string& k, const std::string& v) { saved[k] = v; },
            [this](std::vector<sb::client::DemoAccount> a, std::string) { accounts = std::move(a); },
            [this](std::string m, bool) { told.push_back(std::move(m)); },
            [this](std::string m) { failed = std::move(m); },
            [this](bool, bool) { ++loads; }});
    }
    sb::client::CommandStore store;
    std::unique_ptr<sb::client::SyncClient> sync;
    httplib::Client http;
    std::deque<std::pair<int, sb::client::HttpRequest>> queue;
    std::map<std::string, std::string> saved;
    std::vector<sb::client::DemoAccount> accounts;
    std::vector<std::string> told;
    std::string failed;
    int loads = 0, snapshots = 0;
    size_t bytes = 0;   // request and response bodies since `reset_bytes`

    // Carries requests until none is waiting but (at most) the long-poll; returns how many.
    int pump(bool include_poll = false) {
        int n = 0;
        while (!queue.empty()) {
            auto it = queue.begin();
            if (!include_poll)
                while (it != queue.end() && it->second.path.rfind("api/changes", 0) == 0) ++it;
            if (it == queue.end()) break;
            auto [tag, r] = *it;
            queue.erase(it);
            httplib::Headers h;
            if (!r.token.empty()) h.emplace("Authorization", "Bearer " + r.token);
            const std::string path = "/" + r.path;
            auto res = r.method == "POST" ? http.Post(path, h, r.body, "application/json") : http.Get(path, h);
            if (path.rfind("/api/snapshot", 0) == 0) ++snapshots;
            sb::client::HttpResponse answer;
            if (res) answer = {res->status, res->body, 0};
            bytes += r.body.size() + answer.body.size();
            sync->on_response(tag, answer);
            ++n;
            include_poll = false;
        }
        return n;
    }
};

}  // namespace

TEST_CASE("the sync client signs in, books, is confirmed in place and takes colleagues' changes in place") {
    ServerProcess server({"--demo-staff", "120"});
    ApiClient admin(server, "admin");
    const auto all = sb::load_document(admin.snapshot());
    REQUIRE(all.ok());
    Harness h(server);
    h.sync->start({}, {});
    h.pump();
    REQUIRE_FALSE(h.accounts.empty());   // the sign-in screen, with the demo's accounts
    // A clinician of w01 (instant booking) who could book one of its open shifts: the core decides.
    std::string who, shift;
    for (const sb::User& u : all.state.users) {
        if (u.role != sb::Role::Clinician || !who.empty()) continue;
        for (const sb::Shift& x : all.state.shifts) {
            if (x.status != sb::ShiftStatus::Open || x.ward != "w01" || !sb::test::well_ahead(x)) continue;
            sb::State probe = all.state;
            if (sb::preview(probe, {}, {"p", u.id, "2020-01-01T00:00:00Z", "book", {{"shift", x.id}}}).accepted()) {
                who = u.id;
                shift = x.id;
                break;
            }
        }
    }
    REQUIRE_FALSE(who.empty());
    h.sync->sign_in(who, sb::server::demo_password(who));
    h.pump();
    REQUIRE(h.store.loaded());
    CHECK(h.loads == 1);
    CHECK(h.snapshots == 1);

    h.bytes = 0;
    REQUIRE(h.store.submit("book", {{"shift", shift}}, "Booked").accepted());
    h.sync->changed();
    h.pump();
    CHECK(h.store.unanswered() == 0);
    CHECK(h.store.revision() == 1);
    CHECK(h.saved.count("pending:" + who) == 1);

    // Ten colleagues' changes: the long-poll brings them, applied in place.
    ApiClient boss(server, "admin");
    std::vector<std::string> opens;
    for (const sb::Shift& x : all.state.shifts)
        if (x.status == sb::ShiftStatus::Open && x.id != shift && sb::test::well_ahead(x) && opens.size() < 10) opens.push_back(x.id);
    REQUIRE(opens.size() == 10);
    for (size_t i = 0; i < opens.size(); ++i) {
        const auto [status, result] = boss.command("r" + std::to_string(i), "raise_rate", {{"shift", opens[i]}, {"rate_pence_per_hour", 9000 + int(i)}});
        REQUIRE(status == 200);
        REQUIRE_MESSAGE(result["status"] == "accepted", result.dump());   // else the wait below would never end
    }
    while (h.store.revision() < 11) REQUIRE(h.pump(true) > 0);
    CHECK(h.snapshots == 1);   // never reloaded
    MESSAGE("bodies sent and received to book one shift and take 10 colleagues' changes: " << h.bytes << " bytes");
    // What the clinician's copy holds now is exactly what a fresh snapshot would give them.
    ApiClient me(server, who);
    CHECK(sb::state_hash(h.store.state()) == sb::state_hash(sb::load_document(me.snapshot()).state));
    CHECK(h.store.state().find_shift(opens[3])->rate_pence_per_hour == 9003);

    // Signing out on a shared PC ends the session at the server: the token left in the browser's
    // memory or storage is refused from then on.
    const std::string token = json::parse(h.saved.at("session"))["token"];
    ApiClient leftover(server);
    leftover.set_token(token);
    REQUIRE(leftover.get("/api/snapshot")->status == 200);
    h.sync->sign_out();
    h.pump();
    CHECK(h.saved.at("session").empty());
    CHECK(leftover.get("/api/snapshot")->status == 401);
}
