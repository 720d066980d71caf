#include "crowd.hpp"

#include "http_server.hpp"

#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <atomic>
#include <utility>   // before Asio: Boost 1.74's awaitable.hpp needs std::exchange under C++20
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <fstream>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <thread>

namespace sb::bench {
namespace net = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = net::ip::tcp;
using Clock = std::chrono::steady_clock;
using json = nlohmann::json;

HttpAnswer http_call(int port, const std::string& method, const std::string& target, const std::string& token,
                     const std::string& body) {
    net::io_context io;
    beast::tcp_stream stream(io);
    bhttp::request<bhttp::string_body> req(bhttp::string_to_verb(method), target, 11);
    req.set(bhttp::field::host, "127.0.0.1");
    if (!token.empty()) req.set(bhttp::field::authorization, "Bearer " + token);
    if (!body.empty()) req.set(bhttp::field::content_type, "application/json");
    req.body() = body;
    req.prepare_payload();
    beast::flat_buffer buffer;
    bhttp::response_parser<bhttp::string_body> parser;
    parser.body_limit(64u << 20);
    HttpAnswer answer;
    stream.expires_after(std::chrono::seconds(30));
    stream.async_connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), static_cast<unsigned short>(port)), [&](beast::error_code ec) {
        if (ec) return;
        bhttp::async_write(stream, req, [&](beast::error_code ec, size_t) {
            if (ec) return;
            bhttp::async_read(stream, buffer, parser, [&](beast::error_code ec, size_t) {
                if (ec) return;
                answer.status = parser.get().result_int();
                answer.body = std::move(parser.get().body());
            });
        });
    });
    io.run();
    return answer;
}

std::string sign_in(int port, const std::string& username, const std::string& password) {
    const HttpAnswer a = http_call(port, "POST", "/api/login", {}, json{{"username", username}, {"password", password}}.dump());
    if (a.status != 200) return {};
    return json::parse(a.body).value("token", "");
}

double percentile(std::vector<double> values, double p) {
    if (values.empty()) return 0;
    std::sort(values.begin(), values.end());
    const size_t at = std::min(values.size() - 1, size_t(p / 100.0 * double(values.size() - 1) + 0.5));
    return values[at];
}

long resident_kib(int pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/status");
    std::string key;
    while (in >> key) {
        if (key == "VmRSS:") {
            long kib = -1;
            in >> kib;
            return kib;
        }
        std::getline(in, key);
    }
    return -1;
}

double cpu_seconds(int pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string line;
    std::getline(in, line);
    // Fields after the command name (which may hold spaces, so count from its closing bracket).
    std::istringstream rest(line.substr(line.rfind(')') + 2));
    std::string field;
    double ticks = 0;
    for (int i = 3; rest >> field; ++i)
        if (i == 14 || i == 15) ticks += std::stod(field);
        else if (i > 15) break;
    return ticks / double(sysconf(_SC_CLK_TCK));
}

namespace {

// What every feed reports to the thread that times the commands. The feeds all run on one network
// thread, so only that thread writes `reached` and `last_ns`; the timing thread reads them.
struct Tally {
    std::atomic<int64_t> target{0};   // the revision a command is expected to make
    std::atomic<int> reached{0};      // feeds that have had `target`
    std::atomic<int64_t> last_ns{0};  // when the last of them had it
    std::atomic<int> first_events{0}, failed{0}, open{0};
};

// One open browser's change feed: a chunked, gzip-compressed Server-Sent Events answer, read
// piece by piece and decompressed as it comes, each event's revision noted.
struct Feed : std::enable_shared_from_this<Feed> {
    Feed(net::io_context& io, Tally& tally, int port, std::string target, std::string token)
        : socket(io), tally(tally), port(port) {
        request.method(bhttp::verb::get);
        request.target(std::move(target));
        request.version(11);
        request.set(bhttp::field::host, "127.0.0.1");
        request.set(bhttp::field::authorization, "Bearer " + token);
        request.set(bhttp::field::accept, "text/event-stream");
        request.set(bhttp::field::accept_encoding, "gzip");
        parser.body_limit(boost::none);
        on_chunk = [this](std::uint64_t, beast::string_view piece, beast::error_code&) -> size_t {
            take(piece);
            return piece.size();   // consumed here: the body itself stays empty
        };
        parser.on_chunk_body(on_chunk);
    }
    ~Feed() {
        if (inflating) inflateEnd(&z);
    }

    tcp::socket socket;
    Tally& tally;
    int port;
    bhttp::request<bhttp::empty_body> request;
    beast::flat_buffer buffer;
    bhttp::response_parser<bhttp::string_body> parser;
    std::function<size_t(std::uint64_t, beast::string_view, beast::error_code&)> on_chunk;
    z_stream z{};
    bool inflating = false, had_first = false, is_open = false, ended = false;
    std::string text;
    int64_t counted_for = 0;

    void start() {
        auto self = shared_from_this();
        socket.async_connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), static_cast<unsigned short>(port)),
                             [self](beast::error_code ec) {
                                 if (ec) return self->fail();
                                 bhttp::async_write(self->socket, self->request, [self](beast::error_code ec, size_t) {
                                     if (ec) return self->fail();
                                     bhttp::async_read_header(self->socket, self->buffer, self->parser,
                                                              [self](beast::error_code ec, size_t) { self->on_header(ec); });
                                 });
                             });
    }

    void on_header(beast::error_code ec) {
        if (ec || parser.get().result_int() != 200) return fail();
        if (beast::iequals(parser.get()[bhttp::field::content_encoding], "gzip")) {
            inflating = inflateInit2(&z, 15 + 16) == Z_OK;
            if (!inflating) return fail();
        }
        is_open = true;
        tally.open.fetch_add(1);
        read();
    }

    void read() {
        bhttp::async_read_some(socket, buffer, parser, [self = shared_from_this()](beast::error_code ec, size_t) {
            if (ec || self->parser.is_done()) return self->end();
            self->read();
        });
    }

    void take(beast::string_view piece) {
        if (!inflating) {
            text.append(piece.data(), piece.size());
        } else {
            z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(piece.data()));
            z.avail_in = uInt(piece.size());
            char out[8192];
            while (z.avail_in > 0) {
                z.next_out = reinterpret_cast<Bytef*>(out);
                z.avail_out = sizeof out;
                const int r = inflate(&z, Z_NO_FLUSH);
                text.append(out, sizeof out - z.avail_out);
                if (r != Z_OK && r != Z_BUF_ERROR) break;
                if (r == Z_BUF_ERROR && z.avail_out != 0) break;
            }
        }
        for (size_t end; (end = text.find("\n\n")) != std::string::npos; text.erase(0, end + 2)) {
            const std::string_view ev(text.data(), end);
            if (ev.rfind("data: ", 0) != 0) continue;
            // Keys are sorted: the batch's own "revision" comes after its "changes".
            const auto at = ev.rfind("\"revision\":");
            if (at == std::string_view::npos) continue;
            saw(std::strtoll(text.c_str() + at + 11, nullptr, 10));
        }
    }

    void saw(int64_t revision) {
        if (!had_first) {
            had_first = true;
            tally.first_events.fetch_add(1);
        }
        const int64_t target = tally.target.load();
        if (target > 0 && revision >= target && counted_for < target) {
            counted_for = target;
            tally.last_ns.store(std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now().time_since_epoch()).count());
            tally.reached.fetch_add(1);
        }
    }

    void fail() {
        if (!had_first && !ended) tally.failed.fetch_add(1);
        end();
    }
    void end() {
        if (ended) return;
        ended = true;
        if (is_open) tally.open.fetch_sub(1);
        beast::error_code ec;
        socket.close(ec);
    }
};

double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

}  // namespace

CrowdFigures run_crowd(const CrowdOptions& o) {
    sb::server::http::raise_open_files_limit();   // the server's own: as many sockets as the hard limit allows
    CrowdFigures f;
    const HttpAnswer health = http_call(o.port, "GET", "/api/health");
    if (health.status != 200 || o.tokens.empty()) return f;
    int64_t revision = json::parse(health.body).value("revision", int64_t(0));

    net::io_context io;
    auto work = net::make_work_guard(io);
    std::thread network([&io] { io.run(); });
    Tally tally;
    std::vector<std::shared_ptr<Feed>> feeds;
    feeds.reserve(size_t(o.connections));
    const std::string target = "/api/changes?since=" + std::to_string(revision) + "&stream=1";

    // Opened a batch at a time, as browsers arrive through a morning, not all in one instant.
    const auto opening = Clock::now();
    for (int i = 0; i < o.connections;) {
        const int upto = std::min(o.connections, i + std::max(1, o.batch));
        for (; i < upto; ++i) {
            auto feed = std::make_shared<Feed>(io, tally, o.port, target, o.tokens[size_t(i) % o.tokens.size()]);
            feeds.push_back(feed);
            net::post(io, [feed] { feed->start(); });
        }
        const auto deadline = Clock::now() + std::chrono::seconds(20);
        while (tally.first_events + tally.failed < upto && Clock::now() < deadline)
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    f.open_s = ms_since(opening) / 1000.0;
    f.opened = tally.first_events;
    f.refused = o.connections - f.opened;
    if (o.when_open) o.when_open();

    // The health check, every 10 ms, for as long as the commands run.
    std::atomic<bool> commands_done{false};
    std::thread checker([&] {
        while (!commands_done || int(f.health_ms.size()) < o.health_checks) {
            const auto t = Clock::now();
            const HttpAnswer a = http_call(o.port, "GET", "/api/health");
            f.health_ms.push_back(a.status == 200 ? ms_since(t) : 1e9);
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
    });

    const std::string run = std::to_string(Clock::now().time_since_epoch().count() % 1000000007);
    for (int k = 1; k <= o.commands; ++k) {
        const int64_t expected = revision + 1;
        tally.reached = 0;
        tally.target = expected;   // before sending: the feed may have it before the answer arrives
        const json body = {{"commands",
                            {{{"id", "crowd-" + run + "-" + std::to_string(k)},
                              {"type", "raise_rate"},
                              {"payload", {{"shift", o.shift}, {"rate_pence_per_hour", 50000 + k}}}}}}};
        const auto sent = Clock::now();
        const HttpAnswer ack = http_call(o.port, "POST", "/api/commands", o.command_token, body.dump());
        f.ack_ms.push_back(ms_since(sent));
        bool accepted = false;
        if (ack.status == 200) {
            const json a = json::parse(ack.body, nullptr, false);
            accepted = a.is_object() && a["results"].size() == 1 && a["results"][0].value("status", "") == "accepted";
            if (accepted) revision = a["results"][0].value("revision", expected);
        }
        if (!accepted || revision != expected) {
            ++f.wrong_status;
            continue;
        }
        const auto deadline = sent + std::chrono::milliseconds(int64_t(o.fan_out_timeout_s * 1000));
        while (tally.reached < tally.open && Clock::now() < deadline) std::this_thread::sleep_for(std::chrono::microseconds(200));
        const int64_t sent_ns = std::chrono::duration_cast<std::chrono::nanoseconds>(sent.time_since_epoch()).count();
        f.fan_out_ms.push_back(double(tally.last_ns - sent_ns) / 1e6);
        f.missed += std::max(0, tally.open - tally.reached);
    }
    commands_done = true;
    checker.join();
    f.still_open = tally.open;

    work.reset();
    io.stop();
    network.join();
    for (auto& feed : feeds) feed->end();
    return f;
}

}  // namespace sb::bench
