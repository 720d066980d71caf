// connections_bench: the real server holding a whole trust's open browsers.
//
//   build/native/bench/connections_bench [--connections 10000] [--staff 500] [--commands 50]
//
// Starts shiftbank-server on 127.0.0.1 with demo data and a database file, opens the change feeds
// (clinicians, managers and the admin in turn), then times /api/health and a manager's commands
// while they are open and follows each change until every feed has it. Prints the figures
// docs/performance.md quotes, and the server's memory per open feed.
#include <fcntl.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "../../tests/server/server_process.hpp"
#include "crowd.hpp"

using json = nlohmann::json;
using Clock = std::chrono::steady_clock;

namespace {

// How long one small write and its fdatasync take here: the floor under a durable command's answer.
std::vector<double> fsync_ms(int times) {
    std::vector<double> ms;
    char path[] = "/tmp/shiftbank-fsync-XXXXXX";
    const int fd = mkstemp(path);
    if (fd < 0) return ms;
    const std::string page(4096, 'x');
    for (int i = 0; i < times; ++i) {
        const auto t = Clock::now();
        if (write(fd, page.data(), page.size()) != ssize_t(page.size()) || fdatasync(fd) != 0) break;
        ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t).count());
    }
    close(fd);
    unlink(path);
    return ms;
}

void print_spread(const char* what, const std::vector<double>& v) {
    using sb::bench::percentile;
    std::printf("%-34s n=%zu  p50 %.1f ms  p99 %.1f ms  max %.1f ms\n", what, v.size(), percentile(v, 50), percentile(v, 99),
                percentile(v, 100));
}

}  // namespace

int main(int argc, char** argv) {
    int connections = 10000, staff = 500, commands = 50;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string a = argv[i];
        const int v = std::atoi(argv[i + 1]);
        if (a == "--connections") connections = v;
        else if (a == "--staff") staff = v;
        else if (a == "--commands") commands = v;
        else {
            std::fprintf(stderr, "usage: connections_bench [--connections N] [--staff N] [--commands N]\n");
            return 2;
        }
    }
    char db[] = "/tmp/shiftbank-bench-XXXXXX";
    if (!mkdtemp(db)) return 1;
    const std::string db_file = std::string(db) + "/bench.sqlite";
    sb::test::ServerProcess server({"--demo-staff", std::to_string(staff), "--db", db_file});
    const int port = server.port();

    const auto users = json::parse(sb::bench::http_call(port, "GET", "/api/demo-users").body);
    sb::bench::CrowdOptions o;
    o.port = port;
    o.connections = connections;
    o.commands = commands;
    int clinicians = 0, managers = 0;
    for (const auto& u : users) {
        const std::string role = u["role"];
        if (role == "admin") o.command_token = sb::bench::sign_in(port, u["username"], u["password"]);
        // A mix like a morning's: mostly clinicians' phones, some ward PCs.
        if ((role == "clinician" && clinicians < 16) || (role == "manager" && managers < 4)) {
            o.tokens.push_back(sb::bench::sign_in(port, u["username"], u["password"]));
            (role == "clinician" ? clinicians : managers)++;
        }
    }
    o.tokens.push_back(o.command_token);
    const auto snapshot = json::parse(sb::bench::http_call(port, "GET", "/api/snapshot", o.command_token).body);
    for (const auto& s : snapshot["shifts"])
        if (s.value("status", "") == "open") o.shift = s["id"];
    if (o.command_token.empty() || o.shift.empty()) {
        std::fprintf(stderr, "connections_bench: could not sign in or find an open shift\n");
        return 1;
    }

    const long before_kib = sb::bench::resident_kib(server.pid());
    long open_kib = 0;
    double server_cpu = 0, bench_cpu = 0;
    o.when_open = [&] {
        open_kib = sb::bench::resident_kib(server.pid());
        server_cpu = sb::bench::cpu_seconds(server.pid());
        bench_cpu = sb::bench::cpu_seconds(getpid());
    };
    const auto f = sb::bench::run_crowd(o);
    const long after_kib = sb::bench::resident_kib(server.pid());
    server_cpu = sb::bench::cpu_seconds(server.pid()) - server_cpu;
    bench_cpu = sb::bench::cpu_seconds(getpid()) - bench_cpu;
    const auto disk = fsync_ms(50);
    server.stop();
    std::system(("rm -rf " + std::string(db)).c_str());

    std::printf("connections_bench: %d staff, %d change feeds (SSE, gzip), %zu people signed in\n", staff, connections, o.tokens.size());
    std::printf("feeds open: %d of %d in %.1f s (%d refused), %d still open at the end\n", f.opened, connections, f.open_s, f.refused,
                f.still_open);
    print_spread("GET /api/health while open", f.health_ms);
    print_spread("command acknowledged (durable)", f.ack_ms);
    print_spread("one fsync of 4 KiB here", disk);
    print_spread("change reached every open feed", f.fan_out_ms);
    std::printf("deliveries missed: %d; commands not accepted: %d\n", f.missed, f.wrong_status);
    std::printf("server memory: %.1f MiB before, %.1f MiB with the feeds open, %.1f MiB after the commands\n", before_kib / 1024.0,
                open_kib / 1024.0, after_kib / 1024.0);
    if (f.opened > 0) std::printf("memory per open feed: %.1f KiB\n", double(open_kib - before_kib) / f.opened);
    if (f.opened > 0 && !f.fan_out_ms.empty())
        std::printf("CPU while the commands ran: server %.1f s, these browsers %.1f s (%.0f us of server CPU per change delivered)\n",
                    server_cpu, bench_cpu, server_cpu * 1e6 / (double(f.opened) * double(f.fan_out_ms.size())));
    return f.opened == connections && f.missed == 0 && f.wrong_status == 0 ? 0 : 1;
}
