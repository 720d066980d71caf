// shiftbank-server: serves the web app and the JSON API on one port, keeping the rota in SQLite.
//
//   shiftbank-server [--host 127.0.0.1] [--port 8080] [--web build/web] [--db FILE.sqlite] [--fresh]
//                    [--data FILE.json | --demo-staff N --demo-weeks W --demo-seed S]
//                    [--demo-accounts] [--token-hours H] [--idle-minutes M] [--trust-proxy]
//                    [--public-url https://HOST[:PORT]]
//
// A new database is filled from --data or the demo generator; an existing one is used as it is
// (--fresh empties it first). Without --db the data lives in a temporary file for this run only.
//
// Ctrl+C (SIGINT) or SIGTERM stops it cleanly: in-flight requests finish, then it exits 0.
#include <signal.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include <unistd.h>

#include <filesystem>

#include "api.hpp"
#include "auth.hpp"
#include "calendar_feed.hpp"
#include "http_server.hpp"
#include "rota_service.hpp"
#include "store.hpp"
#include "core/data_format.hpp"
#include "core/demo_trust.hpp"
#include "core/enum_names.hpp"
#include "security_headers.hpp"
#include "static_files.hpp"

namespace {

struct Options {
    std::string host = "127.0.0.1";
    int port = 8080;
    std::string web = "build/web";
    std::string data;
    std::string db;
    bool fresh = false;
    bool demo_accounts = false;   // publish demo passwords for the accounts in --data too
    bool demo_asked = false;      // --demo-staff or --demo-accounts in this start
    bool data_given = false;
    bool trust_proxy = false;
    std::string public_url;       // the origin calendar links are made with ("" : the request's Host)
    bool personal_data = false;   // export: everyone's contact details, documents and leave too
    long token_hours = 12;
    long idle_minutes = 240;
    sb::DemoOptions demo;
};

int usage(const char* why) {
    std::fprintf(stderr,
                 "shiftbank-server: %s\n"
                 "usage: shiftbank-server [--host ADDR] [--port N] [--web DIR] [--db FILE.sqlite] [--fresh]\n"
                 "                        [--data FILE.json | --demo-staff N --demo-weeks W --demo-seed S]\n"
                 "                        [--demo-accounts] [--token-hours H] [--idle-minutes M] [--trust-proxy]\n"
                 "                        [--public-url https://HOST[:PORT]]\n"
                 "       shiftbank-server export --out DIR [--web DIR] [--db FILE | --data FILE | --demo-staff N]\n"
                 "                        [--include-personal-data]\n"
                 "       shiftbank-server passwd --db FILE --user NAME   (the password on standard input)\n",
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

// shiftbank-server export --out DIR [--db FILE | --data FILE | --demo-…]: the web app plus
// data/snapshot.json in one folder, for any static host; the app finds no API there and runs
// read-only on the snapshot (docs/api.md, "Static hosting").
int export_static(const std::string& web, const std::string& out, const sb::State& state) {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::create_directories(fs::path(out) / "data", ec);
    if (ec) return std::fprintf(stderr, "shiftbank-server: cannot create %s: %s\n", out.c_str(), ec.message().c_str()), 1;
    fs::copy(web, out, fs::copy_options::recursive | fs::copy_options::overwrite_existing, ec);
    if (ec) return std::fprintf(stderr, "shiftbank-server: cannot copy the web app from %s: %s\n", web.c_str(), ec.message().c_str()), 1;
    std::ofstream snapshot(fs::path(out) / "data" / "snapshot.json", std::ios::binary);
    snapshot << sb::save_state(state);
    if (!snapshot) return std::fprintf(stderr, "shiftbank-server: cannot write %s/data/snapshot.json\n", out.c_str()), 1;
    std::printf("Exported the app and data/snapshot.json (revision %lld) to %s\nServe it with any static web server, e.g.\n"
                "  cd %s && python3 -m http.server 8000\n",
                static_cast<long long>(state.revision), out.c_str(), out.c_str());
    return 0;
}

// shiftbank-server passwd --db FILE --user NAME: sets a real account's password, read from the first
// line of standard input (at least 10 characters), hashed with Argon2id at libsodium's interactive
// limits. A running server reads passwords when it starts.
int set_password(const std::string& db, const std::string& user) {
    std::string password;
    if (!std::getline(std::cin, password) || password.size() < 10)
        return std::fprintf(stderr, "shiftbank-server: give a password of at least 10 characters on standard input\n"), 2;
    try {
        sb::server::Store store(db);
        const auto snap = store.latest_snapshot();
        const sb::LoadResult data = snap ? sb::load_state(snap->second) : sb::LoadResult{};
        if (!snap || !data.state.find_user(user))
            return std::fprintf(stderr, "shiftbank-server: %s has no account \"%s\"\n", db.c_str(), user.c_str()), 2;
        const std::string hash = sb::server::hash_password(password, sb::server::HashCost::Interactive);
        if (hash.empty()) return std::fprintf(stderr, "shiftbank-server: hashing failed (out of memory?)\n"), 1;
        store.set_password_hashes({{user, hash}});
    } catch (const std::exception& e) {
        return std::fprintf(stderr, "shiftbank-server: %s\n", e.what()), 1;
    }
    std::printf("Password set for %s; restart the server to use it.\n", user.c_str());
    return 0;
}

int main(int argc, char** argv) {
    // Signals go to a dedicated thread, which may safely call stop(); a handler may not. Blocked
    // before any thread starts (the database writer too), so none of them can be hit by SIGTERM.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
    Options o;
    o.demo.start = sb::monday_of(today());
    std::string export_dir;
    // Subcommands: "export" (a static copy) and "passwd" (set a password); otherwise serve.
    const std::string command = argc > 1 && argv[1][0] != '-' ? argv[1] : "";
    if (!command.empty() && command != "export" && command != "passwd") return usage(("unknown command " + command).c_str());
    const int first_option = command.empty() ? 1 : 2;
    std::string passwd_user;
    for (int i = first_option; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--fresh") { o.fresh = true; continue; }
        if (a == "--demo-accounts") { o.demo_accounts = o.demo_asked = true; continue; }
        if (a == "--trust-proxy") { o.trust_proxy = true; continue; }
        if (a == "--include-personal-data" && command == "export") { o.personal_data = true; continue; }
        if (i + 1 >= argc) return usage(("missing value after " + a).c_str());
        const char* v = argv[++i];
        long n = 0;
        if (a == "--host") o.host = v;
        else if (a == "--port") { if (!parse_int(v, 0, 65535, n)) return usage("--port takes 0-65535"); o.port = int(n); }
        else if (a == "--web") o.web = v;
        else if (a == "--public-url") {
            const auto origin = sb::server::clean_origin(v);
            if (!origin) return usage("--public-url takes an origin such as https://rota.example.nhs.uk or http://10.0.0.5:8080 (no path)");
            o.public_url = *origin;
        }
        else if (a == "--data") o.data = v, o.data_given = true;
        else if (a == "--db") o.db = v;
        else if (a == "--out" && command == "export") export_dir = v;
        else if (a == "--user" && command == "passwd") passwd_user = v;
        else if (a == "--token-hours") { if (!parse_int(v, 0, 24 * 90, n)) return usage("--token-hours takes 0-2160"); o.token_hours = n; }
        else if (a == "--idle-minutes") { if (!parse_int(v, 1, 60 * 24 * 90, n)) return usage("--idle-minutes takes 1-129600"); o.idle_minutes = n; }
        else if (a == "--demo-staff") { o.data_given = o.demo_asked = true; if (!parse_int(v, 1, 20000, n)) return usage("--demo-staff takes 1-20000"); o.demo.staff = int(n); }
        else if (a == "--demo-weeks") { if (!parse_int(v, 1, 12, n)) return usage("--demo-weeks takes 1-12"); o.demo.weeks = int(n); }
        else if (a == "--demo-seed") { if (!parse_int(v, 0, 1L << 30, n)) return usage("--demo-seed takes a number"); o.demo.seed = uint64_t(n); }
        else return usage(("unknown option " + a).c_str());
    }

    if (command == "export" && export_dir.empty()) return usage("export needs --out DIR");
    if (command == "passwd") {
        if (o.db.empty() || passwd_user.empty()) return usage("passwd needs --db FILE and --user NAME");
        return set_password(o.db, passwd_user);
    }
    // The database: the named file, or a temporary one removed when the server stops.
    std::string temp_db;
    if (o.db.empty()) {
        char name[] = "/tmp/shiftbank-XXXXXX";
        const int fd = mkstemp(name);
        if (fd < 0) return std::fprintf(stderr, "shiftbank-server: cannot make a temporary database\n"), 1;
        close(fd);
        o.db = temp_db = name;
    }
    std::unique_ptr<sb::server::Store> store;
    try {
        store = std::make_unique<sb::server::Store>(o.db, o.fresh);
    } catch (const std::exception& e) {
        return std::fprintf(stderr, "shiftbank-server: %s\n", e.what()), 1;
    }
    const bool created = store->empty();
    if (created) {
        sb::State initial;
        std::string source;
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
            initial = std::move(r.state);
            source = o.demo_accounts ? "demo" : "file";
        } else {
            initial = sb::make_demo_trust(o.demo);
            source = "demo";
        }
        if (source == "demo") {
            // The demo's accounts have published passwords, hashed cheaply (see auth.hpp).
            std::vector<std::pair<std::string, std::string>> hashes;
            for (const sb::User& u : initial.users)
                hashes.emplace_back(u.id, sb::server::hash_password(sb::server::demo_password(u.id), sb::server::HashCost::Demo));
            store->set_password_hashes(hashes);
        }
        sb::server::RotaService::seed(*store, initial);
        store->set_meta("source", source);
    } else if (o.data_given) {
        std::printf("Using the data already in %s (--fresh starts over from the demo or --data)\n", o.db.c_str());
    }
    std::unique_ptr<sb::server::RotaService> service;
    try {
        service = std::make_unique<sb::server::RotaService>(*store);
    } catch (const std::exception& e) {
        return std::fprintf(stderr, "shiftbank-server: %s\n", e.what()), 1;
    }
    if (!export_dir.empty()) {
        // A static copy is for anyone who finds it: by default what a clinician sees of colleagues
        // (core/visibility.cpp, for a reader who is nobody on the rota), not contact details,
        // documents, leave or pay.
        const sb::User reader = o.personal_data ? sb::User{"admin", "", sb::Role::Admin, "", {}} : sb::User{"", "", sb::Role::Clinician, "", {}};
        const sb::LoadResult all = sb::load_state(service->snapshot_for(reader).value_or(""));
        service->stop();
        const int rc = export_static(o.web, export_dir, all.state);
        service.reset();
        store.reset();
        if (!temp_db.empty())
            for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(temp_db + suffix);
        return rc;
    }
    std::unique_ptr<sb::server::SessionStore> sessions;
    try {
        sessions = std::make_unique<sb::server::SessionStore>(o.db);
    } catch (const std::exception& e) {
        return std::fprintf(stderr, "shiftbank-server: %s\n", e.what()), 1;
    }
    for (const sb::server::AccessEvent& e : sessions->access_log()) service->record_access(e);
    sb::server::Auth auth({std::chrono::hours(o.token_hours), std::chrono::minutes(o.idle_minutes)}, sessions.get());
    auth.set_hashes(store->password_hashes());
    auto api = std::make_shared<sb::server::ApiState>();
    api->service = service.get();
    api->auth = &auth;
    api->sessions = sessions.get();
    api->trust_proxy = o.trust_proxy;
    api->public_url = o.public_url;
    api->data_source = store->meta("source") == "demo" ? "demo" : "file";
    // The demo's passwords are published only when this start asked for demo data: a database that
    // once ran as a demo and now holds real accounts publishes nothing.
    if (api->data_source == "demo" && (o.demo_asked || (created && o.data.empty()))) {
        const std::string everyone = service->snapshot_for(sb::User{"admin", "", sb::Role::Admin, "", {}}).value_or("");
        const sb::LoadResult all = sb::load_state(everyone);
        for (const sb::User& u : all.state.users) {
            sb::server::DemoAccount a{u.id, sb::server::demo_password(u.id), std::string(sb::to_string(u.role)), u.name, "", "", ""};
            if (const sb::Staff* p = all.state.find_staff(u.staff))
                a.group = sb::to_string(p->group), a.grade = p->grade, a.employment = sb::to_string(p->employment);
            api->demo_accounts.push_back(std::move(a));
        }
    }

    // Enough open files for every browser of a large trust at once, if the system allows it.
    constexpr long kWantedFiles = 10000 + 100;
    const long files_limit = sb::server::http::raise_open_files_limit();
    if (files_limit >= 0 && files_limit < kWantedFiles)
        std::printf("Open-files limit %ld: at most about %ld browsers at once (raise the hard limit, ulimit -Hn, for %ld)\n", files_limit,
                    files_limit - 100, kWantedFiles - 100);

    sb::server::StaticFiles files(o.web);
    // Two network threads carry every connection; workers run what may block (hashing a password,
    // waiting for the disk). Commands do not hold a worker while their batch is written.
    sb::server::http::Server server(sb::server::http::Limits{}, 2, 16);
    api->post_work = [&server](std::function<void()> job) { server.post(std::move(job)); };
    sb::server::register_api(server, api);
    server.route("GET", "/*", [&files](std::shared_ptr<sb::server::http::Exchange> x) {
        const auto& req = x->request();
        sb::server::http::Response res;
        auto f = files.get(req.path, req.header("accept-encoding").find("gzip") != std::string::npos);
        if (!f) {
            res.status = 404;
            res.set_content("Not found\n", "text/plain; charset=utf-8");
            return x->respond(std::move(res));
        }
        if (f->gzipped) res.set_header("Content-Encoding", "gzip");
        res.set_header("Vary", "Accept-Encoding");
        // index.html must be revalidated so a new release shows on reload; the rest may be cached briefly.
        res.set_header("Cache-Control", req.path == "/" || req.path.ends_with(".html") ? "no-cache" : "public, max-age=300");
        res.set_content(*f->body, f->content_type);
        x->respond(std::move(res));
    });
    server.finish_with(sb::server::add_security_headers);

    std::thread stopper([&] {
        int sig = 0;
        sigwait(&stop_signals, &sig);
        service->close_feeds();   // streams and long-polls end now
        server.stop();            // also run when main wakes this thread after a failed start
    });

    const int port = server.listen(o.host, o.port);
    if (port < 0) {
        std::fprintf(stderr, "shiftbank-server: cannot listen on %s:%d (is another server using it?)\n", o.host.c_str(), o.port);
        pthread_kill(stopper.native_handle(), SIGTERM);
        stopper.join();
        return 1;
    }
    std::printf("Shiftbank is serving %s with %s data at revision %lld\n", files.root().c_str(), api->data_source.c_str(),
                static_cast<long long>(service->revision()));
    if (temp_db.empty()) std::printf("Database: %s%s\n", std::filesystem::absolute(o.db).c_str(), created ? " (new)" : "");
    else std::printf("Database: a temporary file for this run only (use --db FILE to keep the data)\n");
    if (o.trust_proxy) std::printf("Trusting X-Forwarded-For for client addresses (run it only behind your proxy)\n");
    if (!api->demo_accounts.empty()) std::printf("Demo accounts: see /api/demo-users (e.g. admin / %s)\n", sb::server::demo_password("admin").c_str());
    std::printf("Open http://%s:%d/\n", o.host.c_str(), port);
    std::fflush(stdout);
    server.run();
    server.join_workers();
    if (stopper.joinable()) {
        pthread_kill(stopper.native_handle(), SIGTERM);
        stopper.join();
    }
    service->stop();   // the last batch is written before the database closes
    service.reset();
    sessions.reset();
    store.reset();
    if (!temp_db.empty())
        for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(temp_db + suffix);
    std::printf("Shiftbank server stopped.\n");
    return 0;
}
