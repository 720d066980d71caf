// Hostile request bodies against the real server: nesting that would overflow the parser's stack,
// a megabyte of brackets before anyone has signed in, a chunked body past the limit. Each is
// refused with a clear status before the parser runs, the memory stays bounded, and the server
// keeps answering.
#include <doctest/doctest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
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
    CHECK(r->body.find("larger than 2048 KiB") != std::string::npos);   // /api/commands takes 2 MiB (a staff list)
    CHECK(healthy(server));
    CHECK(admin.get("/api/health"));
    CHECK(admin.snapshot()["revision"] == snap["revision"]);   // nothing stored
}

namespace {
// A plain socket to the server, for requests no HTTP library would send.
int connect_to(int port) {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<uint16_t>(port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
        close(fd);
        return -1;
    }
    return fd;
}

std::string read_some(int fd, int timeout_ms) {
    pollfd p{fd, POLLIN, 0};
    char buf[4096];
    if (poll(&p, 1, timeout_ms) <= 0) return {};
    const ssize_t n = recv(fd, buf, sizeof buf, 0);
    return n > 0 ? std::string(buf, size_t(n)) : std::string();
}

double health_ms(const ServerProcess& s) {
    const auto t = std::chrono::steady_clock::now();
    if (!healthy(s)) return 1e9;
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t).count();
}
}  // namespace

TEST_CASE("100 hostile 1 MiB bodies arriving at once: refused, under 300 MB at the peak, health still answered") {
    ServerProcess server({"--demo-staff", "40"});
    // Any signed-in person can send a command: the worst case is a real token.
    ApiClient admin(server, "admin");
    const long before = peak_mib(server.pid());
    const std::string body((1 << 20) - 64, '[');
    std::atomic<int> shape{0}, busy{0}, other{0};
    std::atomic<bool> sending{true};
    std::vector<std::thread> threads;
    for (int i = 0; i < 100; ++i)
        threads.emplace_back([&] {
            httplib::Client c("127.0.0.1", server.port());
            c.set_read_timeout(30);
            // In 64 KiB pieces over about half a second, so that all of them are arriving at once.
            auto r = c.Post("/api/commands", admin.headers(), body.size(),
                            [&](size_t offset, size_t, httplib::DataSink& sink) {
                                const size_t n = std::min<size_t>(64 * 1024, body.size() - offset);
                                std::this_thread::sleep_for(std::chrono::milliseconds(30));
                                sink.write(body.data() + offset, n);
                                return true;
                            },
                            "application/json");
            if (r && r->status == 400 && r->body.find("nests deeper than 32 levels") != std::string::npos) ++shape;
            else if (r && r->status == 503) ++busy;
            else ++other;
        });
    std::vector<double> health;
    std::thread checker([&] {
        while (sending) {
            health.push_back(health_ms(server));
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
    });
    for (auto& t : threads) t.join();
    sending = false;
    checker.join();
    const long after = peak_mib(server.pid());
    const double worst = health.empty() ? 1e9 : *std::max_element(health.begin(), health.end());
    MESSAGE("100 x 1 MiB of '[' to /api/commands at once: " << shape.load() << " refused as too deep (400), " << busy.load()
            << " as too many at once (503); peak memory " << before << " MiB before, " << after << " MiB at the peak; slowest of "
            << health.size() << " health checks meanwhile " << worst << " ms");
    CHECK(shape + busy == 100);
    CHECK(other == 0);
    CHECK(shape >= 64);   // up to 64 bodies are received at once, the rest told to come back
    CHECK(after < 300);
    CHECK(worst < 2000);
    CHECK(healthy(server));
}

TEST_CASE("headers are bounded in size and number, and a request must arrive in 10 s: slow clients cannot stall it") {
    ServerProcess server({"--demo-staff", "40"});
    // 20 KiB of headers, about 2,000 of them: refused once 16 KiB have arrived.
    const int fd = connect_to(server.port());
    REQUIRE(fd >= 0);
    std::string head = "GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    for (int i = 0; head.size() < 20 * 1024; ++i) head += "X-H" + std::to_string(i) + ": a\r\n";
    send(fd, head.data(), head.size(), MSG_NOSIGNAL);
    const std::string answer = read_some(fd, 5000);
    close(fd);
    CHECK(answer.rfind("HTTP/1.1 431", 0) == 0);
    CHECK(answer.find("larger than 16 KiB") != std::string::npos);
    // 150 small headers, 3 KiB in all: too many, whatever their size.
    const int few = connect_to(server.port());
    REQUIRE(few >= 0);
    std::string many = "GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    for (int i = 0; i < 150; ++i) many += "X-" + std::to_string(i) + ": a\r\n";
    many += "\r\n";
    send(few, many.data(), many.size(), MSG_NOSIGNAL);
    const std::string refused = read_some(few, 5000);
    close(few);
    CHECK(refused.rfind("HTTP/1.1 431", 0) == 0);
    CHECK(refused.find("more than 100 headers") != std::string::npos);

    // 130 clients sending one byte every half second (it stalled the old server for 28 s).
    std::vector<int> slow;
    for (int i = 0; i < 130; ++i) slow.push_back(connect_to(server.port()));
    const std::string request = "GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + std::string(64, 'z');
    std::vector<double> health;
    const auto start = std::chrono::steady_clock::now();
    size_t at = 0;
    int cut_off = 0;
    while (std::chrono::steady_clock::now() - start < std::chrono::seconds(12)) {
        for (int& s : slow) {
            if (s < 0) continue;
            if (send(s, request.data() + at % request.size(), 1, MSG_NOSIGNAL | MSG_DONTWAIT) < 0 || [&] {
                    char c;
                    return recv(s, &c, 1, MSG_DONTWAIT) == 0;   // the server has closed it
                }()) {
                close(s);
                s = -1;
                ++cut_off;
            }
        }
        ++at;
        health.push_back(health_ms(server));
        std::this_thread::sleep_for(std::chrono::milliseconds(500));
    }
    for (int s : slow)
        if (s >= 0) close(s);
    const double worst = *std::max_element(health.begin(), health.end());
    MESSAGE("130 clients at one byte per 0.5 s: " << cut_off << " cut off within 12 s; slowest health check meanwhile " << worst << " ms");
    CHECK(cut_off == 130);
    CHECK(worst < 1000);
}
