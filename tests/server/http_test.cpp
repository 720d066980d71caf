// The real server over real HTTP on 127.0.0.1.
#include <doctest/doctest.h>
#include <httplib.h>

#include <nlohmann/json.hpp>

#include "core/data_format.hpp"
#include "api_client.hpp"
#include "server_process.hpp"
#include "static_files.hpp"

using json = nlohmann::json;
using sb::test::ServerProcess;

namespace {
httplib::Client client(const ServerProcess& s) {
    httplib::Client c("127.0.0.1", s.port());
    c.set_connection_timeout(5);
    c.set_read_timeout(10);
    c.set_decompress(false);   // see the bytes as sent
    return c;
}
}  // namespace

TEST_CASE("health and snapshot: the demo data as valid shiftbank/1 JSON") {
    ServerProcess server({"--demo-staff", "80"});
    auto c = client(server);
    auto health = c.Get("/api/health");
    REQUIRE(health);
    CHECK(health->status == 200);
    CHECK(health->get_header_value("Content-Type") == "application/json");
    const json h = json::parse(health->body);
    CHECK(h["status"] == "ok");
    CHECK(h["revision"] == 0);

    CHECK(c.Get("/api/snapshot")->status == 401);   // not signed in
    sb::test::ApiClient admin(server, "admin");
    auto snap = admin.get("/api/snapshot");
    REQUIRE(snap);
    CHECK(snap->status == 200);
    CHECK(snap->get_header_value("Cache-Control") == "no-store");
    const sb::LoadResult r = sb::load_state(snap->body);
    REQUIRE(r.ok());
    CHECK(r.state.staff.size() == 81);
    CHECK(r.state.revision == 0);
    // To a client that accepts gzip (every browser) it goes compressed, a fraction of its size.
    auto raw = client(server);
    raw.set_decompress(false);
    auto packed = raw.Get("/api/snapshot", {{"Authorization", "Bearer " + admin.token()}, {"Accept-Encoding", "gzip"}});
    REQUIRE(packed);
    CHECK(packed->get_header_value("Content-Encoding") == "gzip");
    CHECK(packed->body.size() * 5 < snap->body.size());
    MESSAGE("snapshot of 80 staff: " << snap->body.size() << " bytes, " << packed->body.size() << " gzipped");
}

TEST_CASE("static files: MIME types, gzip when accepted, index for /") {
    ServerProcess server;
    auto c = client(server);
    auto index = c.Get("/");
    REQUIRE(index);
    CHECK(index->status == 200);
    CHECK(index->get_header_value("Content-Type") == "text/html; charset=utf-8");
    CHECK(index->body.find("<canvas id=\"canvas\"") != std::string::npos);

    auto wasm = c.Get("/shiftbank.wasm", {{"Accept-Encoding", "gzip, deflate, br"}});
    REQUIRE(wasm);
    CHECK(wasm->status == 200);
    CHECK(wasm->get_header_value("Content-Type") == "application/wasm");
    CHECK(wasm->get_header_value("Content-Encoding") == "gzip");
    CHECK(wasm->body.substr(0, 2) == std::string("\x1f\x8b", 2));

    auto plain = c.Get("/shiftbank.wasm");
    REQUIRE(plain);
    CHECK(plain->get_header_value("Content-Encoding").empty());
    CHECK(plain->body.substr(0, 4) == std::string("\0asm", 4));
    CHECK(plain->body.size() > wasm->body.size());

    auto js = c.Get("/shiftbank.js", {{"Accept-Encoding", "gzip"}});
    REQUIRE(js);
    CHECK(js->get_header_value("Content-Type") == "text/javascript; charset=utf-8");
    CHECK(js->get_header_value("Content-Encoding") == "gzip");
}

TEST_CASE("security headers on every response; unknown paths are 404") {
    ServerProcess server;
    auto c = client(server);
    for (const char* path : {"/", "/nope.js"}) {   // pages and files: the page policies
        auto r = c.Get(path);
        REQUIRE(r);
        CHECK(r->get_header_value("X-Content-Type-Options") == "nosniff");
        CHECK(r->get_header_value("Content-Security-Policy").find("'wasm-unsafe-eval'") != std::string::npos);
        CHECK(r->get_header_value("Referrer-Policy") == "no-referrer");
        CHECK(r->get_header_value("X-Frame-Options") == "DENY");
    }
    for (const char* path : {"/api/health", "/api/nope"}) {   // JSON: never cached, never sniffed, the server's clock
        auto r = c.Get(path);
        REQUIRE(r);
        CHECK(r->get_header_value("X-Content-Type-Options") == "nosniff");
        CHECK(r->get_header_value("Cache-Control") == "no-store");
        CHECK_FALSE(r->get_header_value("Date").empty());
    }
    CHECK(c.Get("/nope.js")->status == 404);
    auto api404 = c.Get("/api/nope");
    CHECK(api404->status == 404);
    CHECK(json::parse(api404->body)["error"] == "There is no API endpoint /api/nope");
}

TEST_CASE("the server stops cleanly on SIGTERM") {
    ServerProcess server;
    auto c = client(server);
    REQUIRE(c.Get("/api/health"));
    CHECK(server.stop() == 0);
}

TEST_CASE("bad options are refused with a message and exit code 2") {
    for (const char* args : {"--port 99999", "--demo-staff none", "--frobnicate 1", "--data /nonexistent.json"}) {
        const std::string cmd = std::string(SHIFTBANK_SERVER) + " " + args + " >/dev/null 2>&1";
        const int status = std::system(cmd.c_str());
        CHECK_MESSAGE(WEXITSTATUS(status) == 2, args);
    }
}
