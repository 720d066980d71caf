// Sign-in that holds, over HTTP against the real server: the throttle under parallel attempts, per
// account and address; an unknown name costs what a real one does; sessions kept in the database
// (as hashes), surviving a restart, ended by signing out or by an administrator, in the audit
// trail; and nothing published by accident (demo passwords, personal data in an export, paths).
#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "api_client.hpp"
#include "auth.hpp"
#include "core/data_format.hpp"
#include "session_store.hpp"

using json = nlohmann::json;
using sb::test::ApiClient;
using sb::test::ServerProcess;

namespace {
std::string temp_file(const std::string& name) { return sb::test::fresh_temp_path("auth-" + name); }

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// Two wards' worth of real data: an admin and three nurses, none with a password yet.
std::string real_data() {
    json staff = json::array(), users = json::array({{{"id", "admin"}, {"name", "Ada Admin"}, {"role", "admin"}}});
    for (int i = 0; i < 3; ++i) {
        const std::string id = "n" + std::to_string(i);
        staff.push_back({{"id", id}, {"name", "Nurse " + std::to_string(i)}, {"group", "nurse"}, {"grade", "Band 5"}, {"employment", "bank"},
                         {"contract", "afc"}, {"wards", {"w1"}}, {"email", id + "@nhs.example"}, {"phone", "07700 900" + std::to_string(100 + i)}});
        users.push_back({{"id", "user" + std::to_string(i)}, {"name", "Nurse " + std::to_string(i)}, {"role", "clinician"}, {"staff", id}});
    }
    json doc = {{"format", "shiftbank/1"},
                {"trust", {{"id", "t"}, {"name", "Sign-in Trust"}}},
                {"period", {{"start", "2030-03-04"}, {"days", 28}}},
                {"sites", {{{"id", "s1"}, {"name", "Hospital"}}}},
                {"wards", {{{"id", "w1"}, {"site", "s1"}, {"name", "Ward 1"}}}},
                {"shift_types", {{{"id", "early"}, {"name", "Early"}, {"start", "07:00"}, {"end", "15:00"}}}},
                {"staff", staff},
                {"shifts", json::array()},
                {"leave", {{{"id", "l1"}, {"staff", "n1"}, {"kind", "sick"}, {"first", "2030-03-05"}, {"last", "2030-03-06"},
                            {"status", "approved"}}}},
                {"users", users}};
    const std::string path = temp_file("data.json");
    std::ofstream(path) << doc.dump();
    return path;
}

// Sets a real (interactive-cost) password for `user` in `db`.
void set_password(const std::string& db, const std::string& user, const std::string& password) {
    const std::string cmd = "echo '" + password + "' | " + std::string(SHIFTBANK_SERVER) + " passwd --db " + db + " --user " + user + " > /dev/null";
    REQUIRE(std::system(cmd.c_str()) == 0);
}

// POST /api/login as if from `address` (the server must run with --trust-proxy); returns the status.
int login_from(int port, const std::string& address, const std::string& user, const std::string& password, std::string* token = nullptr) {
    httplib::Client c("127.0.0.1", port);
    c.set_read_timeout(60);
    const httplib::Headers h = {{"X-Forwarded-For", "203.0.113.9, " + address}};
    const std::string body = json{{"username", user}, {"password", password}}.dump();
    auto r = c.Post("/api/login", h, body, "application/json");
    // Not connected at all (the listen queue was full): sent again, as a browser would.
    for (int attempt = 0; attempt < 5 && !r; ++attempt) r = c.Post("/api/login", h, body, "application/json");
    if (!r) return 0;
    if (r->status == 200 && token) *token = json::parse(r->body)["token"];
    return r->status;
}

json audit(ApiClient& c, const std::string& query) {
    auto r = c.get("/api/audit" + query);
    REQUIRE(r);
    REQUIRE_MESSAGE(r->status == 200, r->body);
    return json::parse(r->body);
}

std::vector<std::string> texts(const json& page) {
    std::vector<std::string> out;
    for (const json& e : page["entries"]) out.push_back(e["text"]);
    return out;
}
}  // namespace

TEST_CASE("the throttle: 40 parallel guesses get at most 5 checks; the person still signs in from their own device") {
    const std::string db = temp_file("throttle.sqlite");
    { ServerProcess seed({"--db", db, "--data", real_data()}); }
    set_password(db, "user0", "correct horse battery");
    ServerProcess server({"--db", db, "--trust-proxy"});
    // 40 guesses at once from one address, then 40 more (the right password among them) while the
    // account is over its limit there: 5 checks in all, and the right password does not get in.
    auto burst = [&](const std::string& right_one, int& wrong, int& throttled, int& other) {
        std::atomic<int> ready{0}, w{0}, t{0}, o{0};
        std::vector<std::thread> threads;
        for (int i = 0; i < 40; ++i)
            threads.emplace_back([&, i] {
                ++ready;
                while (ready < 40) std::this_thread::yield();
                const int s = login_from(server.port(), "198.51.100.7", "user0", i == 20 && !right_one.empty() ? right_one : "guess " + std::to_string(i));
                if (s == 401) ++w;
                else if (s == 429) ++t;
                else ++o;
            });
        for (auto& th : threads) th.join();
        wrong = w, throttled = t, other = o;
    };
    int wrong = 0, throttled = 0, other = 0;
    burst("", wrong, throttled, other);
    MESSAGE("first burst: checked " << wrong << " of 40, throttled " << throttled);
    CHECK(wrong == 5);
    CHECK(throttled == 35);
    CHECK(other == 0);
    burst("correct horse battery", wrong, throttled, other);
    CHECK(wrong == 0);
    CHECK(throttled == 40);
    CHECK(other == 0);
    // That address now waits, even with the right password; the nurse's own phone does not.
    CHECK(login_from(server.port(), "198.51.100.7", "user0", "correct horse battery") == 429);
    CHECK(login_from(server.port(), "192.0.2.44", "user0", "correct horse battery") == 200);
    // Without --trust-proxy the header is ignored: everyone is the socket's address.
    ServerProcess plain({"--db", db});
    for (int i = 0; i < 5; ++i) login_from(plain.port(), "198.51.100.8", "user1", "guess");
    CHECK(login_from(plain.port(), "192.0.2.45", "user1", "guess") == 429);
}

TEST_CASE("an unknown name takes as long to refuse as a real account with a wrong password") {
    const std::string db = temp_file("timing.sqlite");
    { ServerProcess seed({"--db", db, "--data", real_data()}); }
    set_password(db, "user0", "correct horse battery");
    ServerProcess server({"--db", db, "--trust-proxy"});
    auto median_ms = [&](const std::string& user, int base) {
        std::vector<double> ms;
        for (int i = 0; i < 5; ++i) {
            const auto t0 = std::chrono::steady_clock::now();
            CHECK(login_from(server.port(), "192.0.2." + std::to_string(base + i), user, "not the password") == 401);
            ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
        }
        std::sort(ms.begin(), ms.end());
        return ms[2];
    };
    median_ms("user0", 100);   // warm up
    const double real = median_ms("user0", 110), unknown = median_ms("nobody.at.all", 120);
    MESSAGE("real account " << real << " ms, unknown name " << unknown << " ms");
    CHECK(real > 5);   // the interactive hash, not a shortcut
    CHECK(unknown > real * 0.6);
    CHECK(unknown < real * 1.6);
}

TEST_CASE("sessions: kept as hashes, surviving a restart, ended by signing out or by an administrator, in the audit trail") {
    const std::string db = temp_file("sessions.sqlite");
    std::string nurse_token, admin_token;
    {
        ServerProcess server({"--db", db, "--data", real_data(), "--demo-accounts"});
        ApiClient nurse(server, "user0"), admin(server, "admin");
        nurse_token = nurse.token();
        admin_token = admin.token();
        CHECK(nurse.get("/api/snapshot")->status == 200);
    }
    // The database holds hashes only: the token itself is nowhere in the file.
    const std::string bytes = slurp(db) + slurp(db + "-wal");
    CHECK(bytes.find(nurse_token) == std::string::npos);
    CHECK(bytes.find(sb::server::token_hash(nurse_token)) != std::string::npos);

    ServerProcess server({"--db", db, "--demo-accounts"});
    ApiClient nurse(server), admin(server), phone(server, "user0"), other(server, "user1");
    nurse.set_token(nurse_token);
    admin.set_token(admin_token);
    CHECK(nurse.get("/api/snapshot")->status == 200);   // still signed in after the restart

    // Signing out ends the session at the server: the same token is refused from then on.
    auto out = nurse.post("/api/logout", "");
    REQUIRE(out);
    CHECK(out->status == 200);
    auto after = nurse.get("/api/snapshot");
    CHECK(after->status == 401);
    CHECK(json::parse(after->body)["error"] == "Your sign-in has expired or is not valid: sign in again");
    CHECK(nurse.post("/api/logout", "")->status == 401);

    // Only an administrator ends someone's sessions; then every device of theirs is signed out.
    ApiClient laptop(server, "user0");
    CHECK(other.post("/api/sessions/end", json{{"user", "user0"}}.dump())->status == 403);
    CHECK(admin.post("/api/sessions/end", json{{"user", "nobody"}}.dump())->status == 400);
    CHECK(admin.post("/api/sessions/end", json{{"user", "user0"}, {"why", "x"}}.dump())->status == 400);
    auto ended = admin.post("/api/sessions/end", json{{"user", "user0"}}.dump());
    REQUIRE(ended);
    CHECK(json::parse(ended->body)["ended"] == 2);
    CHECK(phone.get("/api/snapshot")->status == 401);
    CHECK(laptop.get("/api/snapshot")->status == 401);
    CHECK(other.get("/api/snapshot")->status == 200);

    // In the audit trail when asked for, newest first; a clinician reads only their own.
    const auto seen = texts(audit(admin, "?events=access"));
    REQUIRE(seen.size() >= 5);
    CHECK(seen[0] == "Ada Admin ended Nurse 0\xE2\x80\x99s 2 sessions");
    CHECK(std::count(seen.begin(), seen.end(), "Nurse 0 signed in") == 3);
    CHECK(std::count(seen.begin(), seen.end(), "Nurse 0 signed out") == 1);
    CHECK(audit(admin, "")["entries"].empty());   // the rota's changes: none yet
    for (const std::string& t : texts(audit(other, "?events=all"))) CHECK(t.find("Nurse 0") == std::string::npos);
    CHECK(other.get("/api/audit?events=bogus")->status == 400);
}

TEST_CASE("sessions expire when unused and at the absolute limit; the change feed does not keep one alive") {
    const std::string db = temp_file("expiry.sqlite");
    sb::server::SessionStore store(db);
    // Times are kept in whole seconds (as the database has them): the limits leave room for that.
    sb::server::Auth auth({std::chrono::seconds(6), std::chrono::seconds(3)}, &store);
    auth.set_hashes({{"u", sb::server::hash_password("pw pw pw pw", sb::server::HashCost::Demo)}});
    const auto used = auth.login("u", "pw pw pw pw", "a"), fed = auth.login("u", "pw pw pw pw", "a");
    REQUIRE(used.outcome == sb::server::Auth::Login::Ok);
    REQUIRE(fed.outcome == sb::server::Auth::Login::Ok);
    for (int i = 0; i < 8; ++i) {   // 4 s: one used by the person, one only by the change feed
        std::this_thread::sleep_for(std::chrono::milliseconds(500));
        CHECK(auth.user_for(used.token) == std::optional<std::string>("u"));
        if (i < 2) CHECK(auth.user_for(fed.token, false) == std::optional<std::string>("u"));
    }
    CHECK_FALSE(auth.user_for(fed.token, false));   // unused for 3 s, though the feed asked
    std::this_thread::sleep_for(std::chrono::milliseconds(3000));
    CHECK_FALSE(auth.user_for(used.token));          // 6 s after sign-in, however busy
    // A new Auth on the same database (a restart) has only live sessions.
    const auto fresh = auth.login("u", "pw pw pw pw", "a");
    sb::server::Auth again({std::chrono::seconds(6), std::chrono::seconds(3)}, &store);
    CHECK(again.user_for(fresh.token) == std::optional<std::string>("u"));
    CHECK_FALSE(again.user_for(used.token));
    CHECK(store.sessions().size() == 1);
}

TEST_CASE("nothing published by accident: demo passwords only on a demo start, no paths in health, exports without personal data") {
    const std::string db = temp_file("publish.sqlite"), data = real_data();
    {
        ServerProcess once({"--db", db, "--data", data, "--demo-accounts"});
        ApiClient c(once);
        CHECK(c.get("/api/demo-users")->status == 200);
    }
    {
        ServerProcess later({"--db", db});   // the same database, started without asking for a demo
        ApiClient c(later);
        CHECK(c.get("/api/demo-users")->status == 404);
        const auto health = c.get("/api/health");
        CHECK(json::parse(health->body)["data"] == "demo");
    }
    {
        ServerProcess real({"--data", data});
        ApiClient c(real);
        const auto health = c.get("/api/health");
        CHECK(json::parse(health->body)["data"] == "file");
        CHECK(health->body.find(data) == std::string::npos);
        CHECK(health->body.find("/tmp") == std::string::npos);
        CHECK(c.get("/api/demo-users")->status == 404);
    }
    // export: what a clinician may see of colleagues, unless --include-personal-data.
    auto exported = [&](const std::string& extra) {
        const auto out = std::filesystem::temp_directory_path() / ("shiftbank-auth-export-" + std::to_string(getpid()));
        std::filesystem::remove_all(out);
        const std::string cmd = std::string(SHIFTBANK_SERVER) + " export --out " + out.string() + " --web " + SHIFTBANK_WEB_DIR +
                                " --data " + data + extra + " > /dev/null";
        REQUIRE(std::system(cmd.c_str()) == 0);
        const std::string text = slurp((out / "data" / "snapshot.json").string());
        std::filesystem::remove_all(out);
        REQUIRE(sb::load_state(text).ok());
        return text;
    };
    const std::string open = exported("");
    CHECK(open.find("n0@nhs.example") == std::string::npos);
    CHECK(open.find("07700 900100") == std::string::npos);
    CHECK(open.find("\"sick\"") == std::string::npos);
    CHECK(open.find("Nurse 1") != std::string::npos);   // the rota's names stay
    const std::string full = exported(" --include-personal-data");
    CHECK(full.find("n0@nhs.example") != std::string::npos);
    CHECK(full.find("\"sick\"") != std::string::npos);
}
