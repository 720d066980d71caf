// The API under real concurrency, crashes and hostile requests, against the real server process.
#include <doctest/doctest.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <thread>

#include "api_client.hpp"
#include "core/commands/command.hpp"
#include "core/data_format.hpp"
#include "core/demo_trust.hpp"
#include "store.hpp"

using json = nlohmann::json;
using sb::test::ApiClient;
using sb::test::ServerProcess;

namespace {
std::string temp_path(const char* name) { return sb::test::fresh_temp_path(std::string("test-") + name); }

// A ward that books instantly, `nurses` Band 5 nurses with nothing booked, and one open shift.
std::string race_data(int nurses) {
    json staff = json::array(), users = json::array({{{"id", "admin"}, {"name", "Admin"}, {"role", "admin"}}});
    for (int i = 0; i < nurses; ++i) {
        const std::string id = "n" + std::to_string(i);
        staff.push_back({{"id", id}, {"name", "Nurse " + std::to_string(i)}, {"group", "nurse"}, {"grade", "Band 5"},
                         {"employment", "bank"}, {"contract", "afc"}, {"wards", {"w1"}}});
        users.push_back({{"id", "user" + std::to_string(i)}, {"name", "Nurse " + std::to_string(i)}, {"role", "clinician"}, {"staff", id}});
    }
    json doc = {{"format", "shiftbank/1"},
                {"trust", {{"id", "t"}, {"name", "Race Trust"}}},
                {"period", {{"start", "2030-03-04"}, {"days", 28}}},
                {"sites", {{{"id", "s1"}, {"name", "Hospital"}}}},
                {"wards", {{{"id", "w1"}, {"site", "s1"}, {"name", "Ward 1"}, {"instant_booking", true}}}},
                {"shift_types", {{{"id", "early"}, {"name", "Early"}, {"start", "07:00"}, {"end", "15:00"}}}},
                {"staff", staff},
                {"shifts", {{{"id", "race"}, {"ward", "w1"}, {"type", "early"}, {"start", "2030-03-05T07:00"}, {"end", "2030-03-05T15:00"},
                             {"requirements", {{"group", "nurse"}, {"grades", {"Band 5"}}}}, {"status", "open"},
                             {"rate_pence_per_hour", 2650}, {"source", "bank"}}}},
                {"users", users}};
    const std::string path = temp_path("race.json");
    std::ofstream(path) << doc.dump();
    return path;
}
}  // namespace

TEST_CASE("sign-in: a token for the right password, 401 for a wrong one, 429 after repeated failures") {
    ServerProcess server({"--demo-staff", "40"});
    ApiClient c(server);
    CHECK(c.sign_in("admin", "wrong") == 401);
    CHECK(c.sign_in("nobody", "x") == 401);
    CHECK(c.sign_in("admin", sb::server::demo_password("admin")) == 200);
    CHECK(c.token().size() == 64);
    // Someone guessing: after 5 failures even the right password is refused for a while.
    ApiClient g(server);
    for (int i = 0; i < 6; ++i) g.sign_in("sophie.chen", "guess" + std::to_string(i));
    CHECK(g.sign_in("sophie.chen", sb::server::demo_password("sophie.chen")) == 429);
    // A signed-in request still works; a made-up token does not.
    CHECK(c.get("/api/snapshot")->status == 200);
    c.set_token(std::string(64, 'a'));
    CHECK(c.get("/api/snapshot")->status == 401);
}

TEST_CASE("demo accounts: an admin, a manager per ward and at least 200 bank-eligible clinicians; none with real data") {
    ServerProcess server({"--demo-staff", "300"});
    ApiClient anyone(server);
    auto r = anyone.get("/api/demo-users");
    REQUIRE(r);
    REQUIRE(r->status == 200);
    const json list = json::parse(r->body);
    int admins = 0, managers = 0, clinicians = 0;
    for (const auto& a : list) {
        admins += a["role"] == "admin";
        managers += a["role"] == "manager";
        clinicians += a["role"] == "clinician";
    }
    ApiClient admin(server, "admin");
    const auto state = sb::load_document(admin.snapshot());
    REQUIRE(state.ok());
    CHECK(admins >= 1);
    CHECK(managers == int(state.state.wards.size()));
    int eligible = 0;
    for (const sb::User& u : state.state.users)
        if (const sb::Staff* p = state.state.find_staff(u.staff); u.role == sb::Role::Clinician && p && p->employment != sb::Employment::Agency)
            ++eligible;
    CHECK(clinicians >= 200);
    CHECK(eligible >= 200);
    // Every listed password works.
    ApiClient someone(server);
    CHECK(someone.sign_in(list.back()["username"], list.back()["password"]) == 200);

    ServerProcess real({"--data", race_data(3)});
    ApiClient c(real);
    CHECK(c.get("/api/demo-users")->status == 404);
}

TEST_CASE("200 clients race to book the same open shift: exactly one gets it, every other a clear conflict") {
    ServerProcess server({"--data", race_data(200), "--demo-accounts"});
    std::vector<std::unique_ptr<ApiClient>> clients;
    for (int i = 0; i < 200; ++i) clients.push_back(std::make_unique<ApiClient>(server, "user" + std::to_string(i)));
    std::atomic<int> ready{0}, accepted{0}, conflicts{0}, other{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < 200; ++i)
        threads.emplace_back([&, i] {
            ++ready;
            while (ready < 200) std::this_thread::yield();   // all at once
            auto [status, result] = clients[size_t(i)]->command("race-" + std::to_string(i), "book", {{"shift", "race"}});
            if (status == 200 && result["status"] == "accepted") ++accepted;
            else if (status == 200 && result["status"] == "rejected" && result["reason"] == "Someone else has already booked this shift") ++conflicts;
            else ++other;
        });
    for (auto& t : threads) t.join();
    CHECK(accepted == 1);
    CHECK(conflicts == 199);
    CHECK(other == 0);
    ApiClient admin(server, "admin");
    const json snap = admin.snapshot();
    CHECK(snap["shifts"][0]["status"] == "booked");
    CHECK(snap["revision"] == 1);
}

TEST_CASE("50 clients x 100 mixed commands: the final state is the replay of the log, nothing lost or duplicated") {
    const std::string db = temp_path("mixed.sqlite");
    ServerProcess server({"--db", db, "--demo-staff", "120"});
    ApiClient admin(server, "admin");
    const json initial = admin.snapshot();
    const sb::LoadResult start = sb::load_document(initial);
    REQUIRE(start.ok());
    // 50 signed-in people: managers and clinicians.
    std::vector<const sb::User*> people;
    for (const sb::User& u : start.state.users)
        if (u.role != sb::Role::Admin && people.size() < 50) people.push_back(&u);
    std::vector<std::string> open;
    for (const sb::Shift& s : start.state.shifts)
        if (s.status == sb::ShiftStatus::Open) open.push_back(s.id);
    REQUIRE(open.size() > 5);
    std::atomic<int> accepted{0}, answered{0};
    std::mutex ids_mu;
    std::vector<std::string> accepted_ids;
    std::vector<std::thread> threads;
    for (size_t p = 0; p < people.size(); ++p)
        threads.emplace_back([&, p] {
            ApiClient c(server, people[p]->id);
            for (int i = 0; i < 100; ++i) {
                const std::string id = people[p]->id.substr(0, 30) + "-" + std::to_string(i);
                const std::string& shift = open[size_t(p * 7 + i) % open.size()];
                json payload;
                std::string type;
                switch (i % 5) {
                    case 0: type = "apply", payload = {{"shift", shift}}; break;
                    case 1: type = "book", payload = {{"shift", shift}}; break;
                    case 2: type = "set_availability", payload = {{"date", "2030-03-" + std::to_string(10 + i % 15)}, {"start", "07:00"}, {"end", "19:00"}}; break;
                    case 3: type = "set_notification_prefs", payload = {{"days", i % 128}}; break;
                    case 4: type = "raise_rate", payload = {{"shift", shift}, {"rate_pence_per_hour", 3000 + i * 10 + int(p)}}; break;
                }
                auto [status, result] = c.command(id, type, payload);
                if (status != 0) ++answered;
                if (result.is_object() && result["status"] == "accepted") {
                    ++accepted;
                    std::lock_guard lock(ids_mu);
                    accepted_ids.push_back(id);
                }
                // Every tenth command is sent twice, as a retry after a lost answer would be.
                if (i % 10 == 0) {
                    auto [s2, again] = c.command(id, type, payload);
                    CHECK(again["status"] == result["status"]);
                }
            }
        });
    for (auto& t : threads) t.join();
    CHECK(answered == 5000);
    const json final_state = admin.snapshot();
    CHECK(final_state["revision"] == accepted.load());
    server.stop();

    // Replay the database's log on the initial state: the same state, each accepted id once.
    sb::server::Store store(db);
    const auto log = store.commands_after(0);
    CHECK(log.size() == size_t(accepted.load()));
    std::set<std::string> logged;
    for (const auto& c : log) logged.insert(c.command.id);
    CHECK(logged.size() == log.size());
    CHECK(logged == std::set<std::string>(accepted_ids.begin(), accepted_ids.end()));
    sb::State replay = start.state;
    sb::CommandLog fresh;
    for (const auto& c : log) REQUIRE(apply_command(replay, fresh, c.command).accepted());
    CHECK(sb::to_json(replay) == final_state);
    CHECK(store.integrity_check() == "ok");
}

TEST_CASE("kill -9 during a write load: every acknowledged command is there after a restart") {
    const std::string db = temp_path("crash.sqlite");
    std::set<std::string> acknowledged;
    std::mutex mu;
    {
        ServerProcess server({"--db", db, "--demo-staff", "60"});
        ApiClient first(server, "admin");
        std::vector<std::string> wards;
        const json snap = first.snapshot();
        for (const auto& w : snap["wards"]) wards.push_back(w["id"]);
        REQUIRE_FALSE(wards.empty());
        std::atomic<bool> go{true};
        std::vector<std::thread> threads;
        for (int t = 0; t < 8; ++t)
            threads.emplace_back([&, t] {
                ApiClient c(server, "admin");
                for (int i = 0; go; ++i) {
                    const std::string id = "k" + std::to_string(t) + "-" + std::to_string(i);
                    auto [status, result] =
                        c.command(id, "set_ward_policy", {{"ward", wards[size_t(t) % wards.size()]}, {"instant_booking", i % 2 == 0}});
                    if (status == 200 && result["status"] == "accepted") {
                        std::lock_guard lock(mu);
                        acknowledged.insert(id);
                    }
                    if (status == 0) break;
                }
            });
        std::this_thread::sleep_for(std::chrono::milliseconds(1500));
        kill(server.pid(), SIGKILL);
        go = false;
        for (auto& t : threads) t.join();
        server.stop();
    }
    REQUIRE(acknowledged.size() > 20);
    ServerProcess again({"--db", db});
    ApiClient admin(again, "admin");
    const json snap = admin.snapshot();
    CHECK(snap["revision"].get<size_t>() >= acknowledged.size());
    again.stop();
    sb::server::Store store(db);
    std::set<std::string> logged;
    for (const auto& c : store.commands_after(0)) logged.insert(c.command.id);
    for (const auto& id : acknowledged) CHECK(logged.count(id) == 1);
    CHECK(store.integrity_check() == "ok");
}

TEST_CASE("bad requests get the right 4xx and the server keeps serving") {
    ServerProcess server({"--demo-staff", "40", "--token-hours", "0"});
    ServerProcess fresh_tokens({"--demo-staff", "40"});
    httplib::Client raw("127.0.0.1", fresh_tokens.port());
    ApiClient admin(fresh_tokens, "admin");
    const auto st = sb::load_document(admin.snapshot());
    REQUIRE(st.ok());
    std::string clinician, colleague, open;
    for (const sb::User& u : st.state.users)
        if (u.role == sb::Role::Clinician) (clinician.empty() ? clinician : colleague) = u.id;
    for (const sb::Shift& s : st.state.shifts)
        if (s.status == sb::ShiftStatus::Open) open = s.id;
    ApiClient c(fresh_tokens, clinician);
    auto status_of = [&](const std::string& body) { return c.post("/api/commands", body)->status; };
    CHECK(status_of("{not json") == 400);
    CHECK(status_of("{\"commands\": 5}") == 400);
    CHECK(status_of(R"({"commands": [{"id": 7, "type": "book", "payload": {}}]})") == 400);
    CHECK(status_of(R"({"commands": [{"id": "x1", "type": "launch_missiles", "payload": {}}]})") == 400);
    CHECK(status_of(R"({"commands": [{"id": "x2", "type": "book", "payload": {"shift": 42}}]})") == 400);
    CHECK(c.post("/api/commands", std::string(3 << 20, ' '))->status == 413);   // over the commands route's 2 MiB
    // Forged identity: the body claims to be the admin; the server uses the token's user.
    auto forged = c.post("/api/commands", json{{"commands", {{{"id", "x3"}, {"type", "publish"}, {"author", "admin"},
                                                               {"payload", {{"shifts", {open}}}}}}}}.dump());
    CHECK(forged->status == 403);
    // A field a command does not have is an error, not something stored as sent.
    auto extra = c.post("/api/commands", json{{"commands", {{{"id", "x5"}, {"type", "publish"}, {"role", "admin"},
                                                              {"payload", {{"shifts", {open}}}}}}}}.dump());
    CHECK(extra->status == 400);
    CHECK(json::parse(extra->body)["error"] == "Command 1 of 1: \"role\" is not a field of a command (id, type, payload); nothing was applied");
    // Acting for someone else.
    const std::string other_staff = st.state.find_user(colleague)->staff;
    auto [status, result] = c.command("x4", "apply", {{"shift", open}, {"staff", other_staff}});
    CHECK(status == 403);
    CHECK(result["reason"] == "You can only book or apply for yourself");
    // Login with a wrong field type, and an expired token (tokens on `server` expire at once).
    CHECK(raw.Post("/api/login", "{\"username\": 1, \"password\": []}", "application/json")->status == 400);
    ApiClient expired(server, "admin");
    CHECK(expired.get("/api/snapshot")->status == 401);
    // Static files cannot escape their folder.
    for (const char* path : {"/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/..%2fCMakeCache.txt"}) {
        auto r = raw.Get(path);
        REQUIRE(r);
        CHECK(r->status >= 400);
        CHECK(r->body.find("root:") == std::string::npos);
    }
    CHECK(c.get("/api/changes?since=abc")->status == 400);
    // Still serving.
    CHECK(raw.Get("/api/health")->status == 200);
    CHECK(c.get("/api/snapshot")->status == 200);
}

TEST_CASE("a clinician's snapshot leaves out colleagues' personal details; changes reach a long-poll at once") {
    ServerProcess server({"--demo-staff", "60"});
    ApiClient admin(server, "admin");
    const auto st = sb::load_document(admin.snapshot());
    REQUIRE(st.ok());
    std::string clinician;
    for (const sb::User& u : st.state.users)
        if (u.role == sb::Role::Clinician && clinician.empty()) clinician = u.id;
    ApiClient c(server, clinician);
    const json mine = c.snapshot();
    const std::string me = st.state.find_user(clinician)->staff;
    for (const auto& p : mine["staff"])
        if (p["id"] != me) CHECK_FALSE(p.contains("email"));
    // Long-poll: a change made while the request waits is returned within a moment.
    std::string open;
    for (const sb::Shift& s : st.state.shifts)
        if (s.status == sb::ShiftStatus::Open) open = s.id;
    const auto started = std::chrono::steady_clock::now();
    std::thread later([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        ApiClient a2(server, "admin");
        a2.command("lp-1", "raise_rate", {{"shift", open}, {"rate_pence_per_hour", 9999}});
    });
    auto r = c.get("/api/changes?since=0&wait=20");
    later.join();
    REQUIRE(r);
    const json changes = json::parse(r->body);
    CHECK(changes["revision"] == 1);
    REQUIRE(changes["changes"].size() == 1);
    // A colleague's command, to a clinician: not who or what, only what changed that they may see
    // (the vacancy's new rate), as the shift's after-image to apply in place.
    const json& change = changes["changes"][0];
    CHECK_FALSE(change.contains("type"));
    CHECK_FALSE(change.contains("author"));
    REQUIRE(change["changes"].size() == 1);
    CHECK(change["changes"][0]["key"] == open);
    CHECK(change["changes"][0]["after"]["rate_pence_per_hour"] == 9999);
    CHECK_FALSE(change["changes"][0].contains("before"));
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(5));
}

TEST_CASE("export: the app and data/snapshot.json in one folder for a static host") {
    const auto out = std::filesystem::temp_directory_path() / ("shiftbank-export-" + std::to_string(getpid()));
    std::filesystem::remove_all(out);
    const std::string cmd = std::string(SHIFTBANK_SERVER) + " export --out " + out.string() + " --web " + SHIFTBANK_WEB_DIR +
                            " --demo-staff 40 > /dev/null";
    REQUIRE(std::system(cmd.c_str()) == 0);
    CHECK(std::filesystem::exists(out / "index.html"));
    CHECK(std::filesystem::exists(out / "sync.js"));
    std::ifstream in(out / "data" / "snapshot.json");
    std::stringstream text;
    text << in.rdbuf();
    CHECK(sb::load_state(text.str()).ok());
    std::filesystem::remove_all(out);
}

TEST_CASE("passwd: a real account gets a password it can sign in with") {
    const std::string db = temp_path("passwd.sqlite");
    {
        ServerProcess seed({"--db", db, "--data", race_data(2)});   // real data: no passwords yet
        ApiClient c(seed);
        CHECK(c.sign_in("user0", "correct horse battery") == 401);
    }
    const std::string cmd = "echo 'correct horse battery' | " + std::string(SHIFTBANK_SERVER) + " passwd --db " + db + " --user user0 > /dev/null";
    REQUIRE(std::system(cmd.c_str()) == 0);
    const std::string bad = "echo 'short' | " + std::string(SHIFTBANK_SERVER) + " passwd --db " + db + " --user user0 2> /dev/null";
    CHECK(std::system(bad.c_str()) != 0);
    ServerProcess again({"--db", db});
    ApiClient c(again);
    CHECK(c.sign_in("user0", "correct horse battery") == 200);
    CHECK(c.sign_in("user1", "correct horse battery") == 401);
}
