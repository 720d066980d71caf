// Hostile request bodies against the real server: nesting that would overflow the parser's stack,
// a megabyte of brackets before anyone has signed in, a chunked body past the limit. Each is
// refused with a clear status before the parser runs, the memory stays bounded, and the server
// keeps answering.
#include <doctest/doctest.h>

#include <fstream>
#include <thread>

#include "api_client.hpp"
#include "json_limits.hpp"

using json = nlohmann::json;
using sb::test::ApiClient;
using sb::test::ServerProcess;

namespace {
// The server's peak resident memory so far (VmHWM), in MiB.
long peak_mib(pid_t pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6)) / 1024;
    return -1;
}

bool healthy(const ServerProcess& s) {
    httplib::Client c("127.0.0.1", s.port());
    c.set_read_timeout(5);
    auto r = c.Get("/api/health");
    return r && r->status == 200;
}
}  // namespace

TEST_CASE("the shape check: depth and size of JSON counted outside strings") {
    CHECK(sb::server::json_within(R"({"a":[1,2,{"b":"[[[[[["}]})", 3, 100));
    CHECK_FALSE(sb::server::json_within("[[[[", 3, 100));
    CHECK(sb::server::json_within(R"(["\"[[[[", 1])", 1, 100));   // an escaped quote does not end the string
    CHECK_FALSE(sb::server::json_within("[1,2,3,4,5]", 8, 4));
}

TEST_CASE("a payload nested 70,000 deep is a 400, not a crash; the server goes on answering") {
    ServerProcess server({"--demo-staff", "40"});
    ApiClient nurse(server, "admin");
    std::string deep = R"({"commands":[{"id":"x-1","type":"raise_rate","payload":{"shift":)";
    deep += std::string(70000, '[') + std::string(70000, ']') + "}}]}";
    auto r = nurse.post("/api/commands", deep);
    REQUIRE(r);
    CHECK(r->status == 400);
    CHECK(json::parse(r->body)["error"] == "The request body nests deeper than 32 levels or holds more than 50000 values");
    CHECK(healthy(server));
    CHECK(nurse.get("/api/snapshot")->status == 200);
}

TEST_CASE("sign-in bodies are small: 24 megabytes of '[' at once are refused and cost little memory") {
    ServerProcess server({"--demo-staff", "40"});
    const long before = peak_mib(server.pid());
    std::vector<std::thread> threads;
    std::atomic<int> refused{0};
    for (int i = 0; i < 24; ++i)
        threads.emplace_back([&] {
            httplib::Client c("127.0.0.1", server.port());
            c.set_read_timeout(30);
            auto r = c.Post("/api/login", std::string(1 << 20, '['), "application/json");
            for (int attempt = 0; attempt < 5 && !r; ++attempt) r = c.Post("/api/login", std::string(1 << 20, '['), "application/json");
            if (r && (r->status == 413)) ++refused;
        });
    for (auto& t : threads) t.join();
    const long after = peak_mib(server.pid());
    MESSAGE("peak memory " << before << " MiB before, " << after << " MiB after 24 x 1 MiB of '[' to /api/login");
    CHECK(refused == 24);
    CHECK(after - before < 100);   // each body is read once (1 MiB) and never parsed
    CHECK(healthy(server));
}

TEST_CASE("a chunked body is held to the same limit: a 3 MiB command is refused and not stored") {
    ServerProcess server({"--demo-staff", "40"});
    ApiClient admin(server, "admin");
    const json snap = admin.snapshot();
    std::string open;
    for (const json& s : snap["shifts"])
        if (s["status"] == "open" && open.empty()) open = s["id"];
    REQUIRE_FALSE(open.empty());
    const std::string body = json{{"commands", {{{"id", "big-1"}, {"type", "raise_rate"},
                                                 {"payload", {{"shift", open}, {"rate_pence_per_hour", 9999},
                                                              {"override_reason", std::string(3 << 20, 'x')}}}}}}}.dump();
    httplib::Client c("127.0.0.1", server.port());
    c.set_read_timeout(30);
    size_t sent = 0;
    auto r = c.Post("/api/commands", admin.headers(),
                    [&](size_t, httplib::DataSink& sink) {
                        const size_t n = std::min<size_t>(64 * 1024, body.size() - sent);
                        if (n == 0) {
                            sink.done();
                            return true;
                        }
                        sink.write(body.data() + sent, n);
                        sent += n;
                        return true;
                    },
                    "application/json");
    REQUIRE(r);
    CHECK(r->status == 413);
    CHECK(r->body.find("larger than 1024 KiB") != std::string::npos);
    CHECK(healthy(server));
    CHECK(admin.get("/api/health"));
    CHECK(admin.snapshot()["revision"] == snap["revision"]);   // nothing stored
}
