// shiftbank-server: serves the web app and the JSON API on one port.
//
//   shiftbank-server [--host 127.0.0.1] [--port 8080] [--web build/web]
//                    [--data FILE.json | --demo-staff N --demo-weeks W --demo-seed S]
//
// Ctrl+C (SIGINT) or SIGTERM stops it cleanly: in-flight requests finish, then it exits 0.
#include <httplib.h>
#include <signal.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <thread>

#include "api.hpp"
#include "core/data_format.hpp"
#include "core/demo_trust.hpp"
#include "security_headers.hpp"
#include "static_files.hpp"

namespace {

struct Options {
    std::string host = "127.0.0.1";
    int port = 8080;
    std::string web = "build/web";
    std::string data;
    sb::DemoOptions demo;
};

int usage(const char* why) {
    std::fprintf(stderr,
                 "shiftbank-server: %s\n"
                 "usage: shiftbank-server [--host ADDR] [--port N] [--web DIR] [--data FILE.json]\n"
                 "                        [--demo-staff N] [--demo-weeks W] [--demo-seed S]\n",
                 why);
    return 2;
}

bool parse_int(const char* s, long lo, long hi, long& out) {
    char* end = nullptr;
    out = std::strtol(s, &end, 10);
    return end && *end == '\0' && end != s && out >= lo && out <= hi;
}

sb::Date today() {
    const auto now = std::chrono::system_clock::now();
    return sb::Date{int32_t(std::chrono::duration_cast<std::chrono::hours>(now.time_since_epoch()).count() / 24)};
}

}  // namespace

int main(int argc, char** argv) {
    Options o;
    o.demo.start = sb::monday_of(today());
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (i + 1 >= argc) return usage(("missing value after " + a).c_str());
        const char* v = argv[++i];
        long n = 0;
        if (a == "--host") o.host = v;
        else if (a == "--port") { if (!parse_int(v, 0, 65535, n)) return usage("--port takes 0-65535"); o.port = int(n); }
        else if (a == "--web") o.web = v;
        else if (a == "--data") o.data = v;
        else if (a == "--demo-staff") { if (!parse_int(v, 1, 20000, n)) return usage("--demo-staff takes 1-20000"); o.demo.staff = int(n); }
        else if (a == "--demo-weeks") { if (!parse_int(v, 1, 12, n)) return usage("--demo-weeks takes 1-12"); o.demo.weeks = int(n); }
        else if (a == "--demo-seed") { if (!parse_int(v, 0, 1L << 30, n)) return usage("--demo-seed takes a number"); o.demo.seed = uint64_t(n); }
        else return usage(("unknown option " + a).c_str());
    }

    auto api = std::make_shared<sb::server::ApiState>();
    if (!o.data.empty()) {
        std::ifstream in(o.data, std::ios::binary);
        std::stringstream text;
        text << in.rdbuf();
        if (!in) return std::fprintf(stderr, "shiftbank-server: cannot read %s\n", o.data.c_str()), 2;
        sb::LoadResult r = sb::load_state(text.str());
        if (!r.ok()) {
            std::fprintf(stderr, "shiftbank-server: %s is not valid Shiftbank data:\n", o.data.c_str());
            for (const auto& e : r.errors) std::fprintf(stderr, "  %s\n", sb::describe(e).c_str());
            return 2;
        }
        api->state = std::move(r.state);
        api->data_source = o.data;
    } else {
        api->state = sb::make_demo_trust(o.demo);
        api->data_source = "demo";
    }
    api->snapshot_json = sb::save_state(api->state);

    sb::server::StaticFiles files(o.web);
    httplib::Server server;
    // Enough workers for a ward's worth of browsers at once; each keep-alive connection holds one.
    server.new_task_queue = [] { return new httplib::ThreadPool(32); };
    server.set_keep_alive_max_count(100);
    server.set_payload_max_length(1 << 20);
    sb::server::register_api(server, api);
    server.Get(R"(/.*)", [&files](const httplib::Request& req, httplib::Response& res) {
        const std::string accept = req.get_header_value("Accept-Encoding");
        auto f = files.get(req.path, accept.find("gzip") != std::string::npos);
        if (!f) {
            res.status = 404;
            res.set_content("Not found\n", "text/plain; charset=utf-8");
            return;
        }
        if (f->gzipped) res.set_header("Content-Encoding", "gzip");
        res.set_header("Vary", "Accept-Encoding");
        // index.html must be revalidated so a new release shows on reload; the rest may be cached briefly.
        res.set_header("Cache-Control", req.path == "/" || req.path.ends_with(".html") ? "no-cache" : "public, max-age=300");
        auto body = f->body;
        res.set_content_provider(body->size(), f->content_type,
                                 [body](size_t offset, size_t length, httplib::DataSink& sink) {
                                     sink.write(body->data() + offset, length);
                                     return true;
                                 });
    });
    sb::server::add_security_headers(server);

    // Signals go to a dedicated thread, which may safely call stop(); a handler may not.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
    std::thread stopper([&] {
        int sig = 0;
        sigwait(&stop_signals, &sig);
        server.stop();   // also run when main wakes this thread after a failed start
    });

    const int port = o.port == 0 ? server.bind_to_any_port(o.host) : (server.bind_to_port(o.host, o.port) ? o.port : -1);
    if (port < 0) {
        std::fprintf(stderr, "shiftbank-server: cannot listen on %s:%d (is another server using it?)\n", o.host.c_str(), o.port);
        pthread_kill(stopper.native_handle(), SIGTERM);
        stopper.join();
        return 1;
    }
    std::printf("Shiftbank is serving %s with %s data (%zu staff, %zu shifts)\n", files.root().c_str(),
                api->data_source.c_str(), api->state.staff.size(), api->state.shifts.size());
    std::printf("Open http://%s:%d/\n", o.host.c_str(), port);
    std::fflush(stdout);
    server.listen_after_bind();
    if (stopper.joinable()) {
        pthread_kill(stopper.native_handle(), SIGTERM);
        stopper.join();
    }
    std::printf("Shiftbank server stopped.\n");
    return 0;
}
