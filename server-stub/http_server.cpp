#include "http_server.hpp"

#include "static_files.hpp"   // gzip()

#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cctype>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_set>

namespace sb::server::http {
namespace net = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = net::ip::tcp;

// --- Request and Response --------------------------------------------------------------------

std::string Request::header(std::string_view name) const {
    for (const auto& [k, v] : headers)
        if (k == name) return v;
    return {};
}

bool Request::has_param(std::string_view name) const {
    return std::any_of(params.begin(), params.end(), [&](const auto& p) { return p.first == name; });
}

std::string Request::param(std::string_view name) const {
    for (const auto& [k, v] : params)
        if (k == name) return v;
    return {};
}

void Response::set_header(const std::string& name, std::string value) {
    for (auto& [k, v] : headers)
        if (beast::iequals(k, name)) {
            v = std::move(value);
            return;
        }
    headers.emplace_back(name, std::move(value));
}

void Response::set_content(std::string content, const std::string& content_type) {
    body = std::move(content);
    set_header("Content-Type", content_type);
}

namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Percent-decoding; in a query '+' is a space too. A malformed escape stays as it is.
std::string decode(std::string_view s, bool query) {
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size() && hex_value(s[i + 1]) >= 0 && hex_value(s[i + 2]) >= 0) {
            out += char(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
            i += 2;
        } else if (query && s[i] == '+') {
            out += ' ';
        } else {
            out += s[i];
        }
    }
    return out;
}

void split_target(std::string_view target, Request& r) {
    const auto q = target.find('?');
    r.path = decode(target.substr(0, q), false);
    if (q == std::string_view::npos) return;
    std::string_view rest = target.substr(q + 1);
    while (!rest.empty()) {
        const auto amp = rest.find('&');
        const std::string_view pair = rest.substr(0, amp);
        if (!pair.empty()) {
            const auto eq = pair.find('=');
            r.params.emplace_back(decode(pair.substr(0, eq), true), eq == std::string_view::npos ? "" : decode(pair.substr(eq + 1), true));
        }
        if (amp == std::string_view::npos) break;
        rest.remove_prefix(amp + 1);
    }
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = char(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// An answer of more than 1 KiB in JSON or text, to a client that accepts gzip, goes compressed (a
// snapshot is about 1 MB of JSON and 60 KB gzipped). Done on the thread that answers, which for
// large answers is a worker, so a network thread never spends milliseconds deflating.
void compress_if_accepted(const Request& req, Response& r) {
    if (r.body.size() < 1024 || req.header("accept-encoding").find("gzip") == std::string::npos) return;
    std::string type;
    for (const auto& [k, v] : r.headers) {
        if (beast::iequals(k, "Content-Encoding")) return;
        if (beast::iequals(k, "Content-Type")) type = v;
    }
    if (type.rfind("application/json", 0) != 0 && type.rfind("text/", 0) != 0) return;
    std::string out = gzip(r.body, 6);   // a faster level than the files' (compressed once each)
    if (out.empty()) return;
    r.body = std::move(out);
    r.set_header("Content-Encoding", "gzip");
    r.set_header("Vary", "Accept-Encoding");
}

struct Route {
    std::string method, path;
    bool prefix;
    Handler handler;
    Server::Run run;
    size_t body_limit;
};

// A small pool of threads for handlers that may block.
class Workers {
public:
    explicit Workers(int n) : pool_(size_t(std::max(1, n))) {}
    void post(std::function<void()> f) { net::post(pool_, std::move(f)); }
    void join() { pool_.join(); }

private:
    net::thread_pool pool_;
};

}  // namespace

struct Server::Impl {
    Limits limits;
    int network_threads;
    net::io_context io;
    tcp::acceptor acceptor{io};
    Workers workers;
    std::vector<Route> routes;
    std::function<void(const Request&, Response&)> finish;
    size_t largest_body = 0;   // the largest body any route takes
    std::atomic<int> bodies{0};
    std::atomic<bool> stopping{false};
    mutable std::mutex mu;
    std::unordered_set<std::shared_ptr<struct Connection>> open;   // every live connection
    std::optional<net::executor_work_guard<net::io_context::executor_type>> keep_running;
    std::optional<net::steady_timer> give_up;   // after stop(): connections still busy are not waited for

    Impl(Limits l, int threads, int worker_count)
        : limits(l), network_threads(std::max(1, threads)), workers(worker_count), largest_body(l.body_bytes) {}
    const Route* find(const std::string& method, const std::string& path) const {
        for (const Route& r : routes)
            if ((r.method == method || r.method == "*" || (method == "HEAD" && r.method == "GET")) &&
                (r.prefix ? path.compare(0, r.path.size(), r.path) == 0 : path == r.path))
                return &r;
        return nullptr;
    }
    void accept();
    void forget(const std::shared_ptr<Connection>& c);
};

// One client connection: reads a request, hands it to its route, writes the answer (or a stream),
// and reads the next one (keep-alive). Everything it does runs on its own strand.
struct Connection : std::enable_shared_from_this<Connection>, Exchange {
    Connection(Server::Impl& server, tcp::socket socket) : server_(server), stream_(std::move(socket)) {
        beast::error_code ec;
        const auto peer = stream_.socket().remote_endpoint(ec);
        if (!ec) remote_ = peer.address().to_string();
    }

    void start() { net::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->read_header(); }); }

    // --- Exchange ---
    const Request& request() const override { return request_; }
    void respond(Response response) override {
        compress_if_accepted(request_, response);
        net::post(stream_.get_executor(), [self = shared_from_this(), r = std::move(response)]() mutable { self->send(std::move(r)); });
    }
    void start_stream(Response head) override {
        net::post(stream_.get_executor(), [self = shared_from_this(), h = std::move(head)]() mutable { self->begin_stream(std::move(h)); });
    }
    void write(std::string part) override {
        net::post(stream_.get_executor(), [self = shared_from_this(), p = std::move(part)]() mutable {
            if (self->closed_ || !self->streaming_) return;
            self->queue_.push_back({std::move(p), false});
            self->pump();
        });
    }
    void finish() override {
        net::post(stream_.get_executor(), [self = shared_from_this()] {
            if (self->closed_ || !self->streaming_ || self->finishing_) return;
            self->finishing_ = true;
            self->queue_.push_back({{}, true});
            self->pump();
        });
    }
    void on_close(std::function<void()> f) override {
        net::dispatch(stream_.get_executor(), [self = shared_from_this(), f = std::move(f)]() mutable {
            if (self->closed_) f();
            else self->close_callbacks_.push_back(std::move(f));
        });
    }
    bool closed() const override { return closed_; }
    void post(std::function<void()> f) override {
        net::post(stream_.get_executor(), [self = shared_from_this(), f = std::move(f)] {
            if (!self->closed_) f();
        });
    }
    void after(std::chrono::milliseconds delay, std::function<void()> f) override {
        net::dispatch(stream_.get_executor(), [self = shared_from_this(), delay, f = std::move(f)]() mutable {
            if (self->closed_) return;
            if (!self->timer_) self->timer_.emplace(self->stream_.get_executor());
            self->timer_->expires_after(delay);
            // The handler holds only a weak reference: a closed connection is not kept by its timer.
            self->timer_->async_wait([weak = std::weak_ptr<Connection>(self), f = std::move(f)](beast::error_code ec) {
                auto self = weak.lock();
                if (!ec && self && !self->closed_) f();
            });
        });
    }

    void defer(std::function<void()> f) override { net::post(server_.io, std::move(f)); }

    // Asked by Server::stop(): idle connections close; a stream is ended by its handler's on_close.
    void shut() {
        net::dispatch(stream_.get_executor(), [self = shared_from_this()] {
            self->keep_alive_ = false;
            if (self->idle_ || self->streaming_) self->close();
        });
    }

private:
    Server::Impl& server_;
    beast::tcp_stream stream_;
    beast::flat_buffer buffer_;
    std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
    Request request_;
    std::string remote_;
    const Route* route_ = nullptr;
    bool counted_body_ = false, idle_ = false, keep_alive_ = true;
    std::atomic<bool> closed_{false};   // read by closed() from any thread
    bool streaming_ = false, finishing_ = false, writing_ = false, head_request_ = false;
    struct Part {
        std::string bytes;
        bool last;
    };
    std::deque<Part> queue_;
    std::unique_ptr<bhttp::response<bhttp::empty_body>> stream_head_;
    std::unique_ptr<bhttp::response_serializer<bhttp::empty_body>> stream_serializer_;
    std::shared_ptr<bhttp::response<bhttp::string_body>> answer_;
    std::vector<std::function<void()>> close_callbacks_;
    std::optional<net::steady_timer> timer_;
    char probe_[4096];
    size_t drained_ = 0;

    void read_header() {
        if (server_.stopping) return close();
        parser_.emplace();
        parser_->header_limit(std::uint32_t(server_.limits.header_bytes));
        // The parser refuses a Content-Length over its body limit while reading the headers, before
        // the route is known: the largest any route takes here, the route's own once it is known.
        parser_->body_limit(server_.largest_body);
        idle_ = true;
        stream_.expires_after(server_.limits.request_time);
        bhttp::async_read_header(stream_, buffer_, *parser_, [self = shared_from_this()](beast::error_code ec, size_t) { self->on_header(ec); });
    }

    void on_header(beast::error_code ec) {
        idle_ = false;
        if (ec == bhttp::error::header_limit) return refuse(431, "The request's headers are larger than " +
                                                                  std::to_string(server_.limits.header_bytes / 1024) + " KiB");
        if (ec == bhttp::error::body_limit) return refuse(413, "The request body is larger than " +
                                                                std::to_string(server_.largest_body / 1024) + " KiB");
        if (ec) return close();
        auto& h = parser_->get();
        if (size_t(std::distance(h.begin(), h.end())) > server_.limits.header_count)
            return refuse(431, "The request has more than " + std::to_string(server_.limits.header_count) + " headers");
        keep_alive_ = h.keep_alive() && !server_.stopping;
        split_target(std::string_view(h.target().data(), h.target().size()), request_);
        request_.method = std::string(h.method_string());
        route_ = server_.find(request_.method, request_.path);
        const size_t limit = route_ && route_->body_limit ? route_->body_limit : server_.limits.body_bytes;
        parser_->body_limit(limit);
        if (parser_->content_length() && *parser_->content_length() > limit)
            return refuse(413, "The request body is larger than " + std::to_string(limit / 1024) + " KiB");
        if (parser_->is_done()) return on_body({});
        if (server_.bodies.fetch_add(1) >= server_.limits.bodies_at_once) {
            server_.bodies.fetch_sub(1);
            return refuse(503, "The server is receiving too many requests at once: try again in a moment");
        }
        counted_body_ = true;
        if (beast::iequals(h[bhttp::field::expect], "100-continue")) {
            // A client that asked first (curl does for large bodies) is told to go on, not left to
            // wait for its own timeout.
            auto go_on = std::make_shared<bhttp::response<bhttp::empty_body>>(bhttp::status::continue_, 11);
            return bhttp::async_write(stream_, *go_on, [self = shared_from_this(), go_on](beast::error_code ec, size_t) {
                if (ec) return self->on_body(ec);
                bhttp::async_read(self->stream_, self->buffer_, *self->parser_, [self](beast::error_code ec, size_t) { self->on_body(ec); });
            });
        }
        bhttp::async_read(stream_, buffer_, *parser_, [self = shared_from_this()](beast::error_code ec, size_t) { self->on_body(ec); });
    }

    void on_body(beast::error_code ec) {
        if (counted_body_) server_.bodies.fetch_sub(1), counted_body_ = false;
        if (ec == bhttp::error::body_limit) {
            const size_t limit = route_ && route_->body_limit ? route_->body_limit : server_.limits.body_bytes;
            return refuse(413, "The request body is larger than " + std::to_string(limit / 1024) + " KiB");
        }
        if (ec) return close();
        stream_.expires_never();
        auto message = parser_->release();
        parser_.reset();
        if (buffer_.size() == 0) buffer_.shrink_to_fit();   // an open stream keeps no read buffer
        request_.body = std::move(message.body());
        request_.remote_addr = remote_;
        request_.headers.clear();
        for (const auto& f : message) request_.headers.emplace_back(lower(std::string_view(f.name_string().data(), f.name_string().size())),
                                                                  std::string(f.value()));
        head_request_ = message.method() == bhttp::verb::head;
        if (!route_) {
            Response r;
            r.status = 404;
            r.set_content("Not found\n", "text/plain; charset=utf-8");
            return send(std::move(r));
        }
        auto self = shared_from_this();
        if (route_->run == Server::Run::Network) route_->handler(self);
        else server_.workers.post([self, h = route_->handler] { h(self); });
    }

    // A request refused before its body was read: answered, and the connection closed (the rest of
    // its body is never read).
    void refuse(int status, const std::string& message) {
        if (counted_body_) server_.bodies.fetch_sub(1), counted_body_ = false;
        keep_alive_ = false;
        Response r;
        r.status = status;
        if (status == 503) r.set_header("Retry-After", "2");
        r.set_content("{\"error\":\"" + message + "\"}", "application/json");
        send(std::move(r), true);
    }

    // After refusing a request whose body is still arriving: the answer is sent, then what the
    // client still sends is read and dropped for a moment (at most 16 MiB, 2 s), so that closing
    // does not reset the connection before the client has read why.
    void drain_then_close() {
        beast::error_code ec;
        stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
        drained_ = 0;
        stream_.expires_after(std::chrono::seconds(2));
        drain();
    }
    void drain() {
        stream_.async_read_some(net::buffer(probe_), [self = shared_from_this()](beast::error_code ec, size_t n) {
            self->drained_ += n;
            if (ec || self->drained_ > (16u << 20)) return self->close();
            self->drain();
        });
    }

    void add_headers(Response& r) {
        if (server_.finish) server_.finish(request_, r);
    }

    void send(Response r, bool drain = false) {
        if (closed_) return;
        add_headers(r);
        answer_ = std::make_shared<bhttp::response<bhttp::string_body>>(bhttp::status(r.status), 11);
        for (auto& [k, v] : r.headers) answer_->set(k, v);
        answer_->keep_alive(keep_alive_);
        answer_->body() = std::move(r.body);
        answer_->prepare_payload();
        // A 204 (DELETE /api/calendar-link) has no body, and says so by having no length (RFC 9110 §8.6).
        if (r.status == 204) answer_->erase(bhttp::field::content_length);
        if (head_request_) answer_->body().clear();   // the length stays that of the GET
        stream_.expires_after(server_.limits.write_time);
        bhttp::async_write(stream_, *answer_, [self = shared_from_this(), drain](beast::error_code ec, size_t) {
            self->answer_.reset();
            if (!ec && drain) return self->drain_then_close();
            if (ec || !self->keep_alive_) return self->close();
            self->request_ = {};
            self->read_header();
        });
    }

    void begin_stream(Response head) {
        if (closed_) return;
        add_headers(head);
        keep_alive_ = false;   // a stream ends its connection
        stream_head_ = std::make_unique<bhttp::response<bhttp::empty_body>>(bhttp::status(head.status), 11);
        for (auto& [k, v] : head.headers) stream_head_->set(k, v);
        stream_head_->chunked(true);
        stream_head_->keep_alive(false);
        stream_serializer_ = std::make_unique<bhttp::response_serializer<bhttp::empty_body>>(*stream_head_);
        streaming_ = true;
        writing_ = true;
        stream_.expires_after(server_.limits.write_time);
        bhttp::async_write_header(stream_, *stream_serializer_, [self = shared_from_this()](beast::error_code ec, size_t) {
            self->stream_.expires_never();
            self->writing_ = false;
            if (ec) return self->close();
            self->watch_for_hang_up();
            self->pump();
        });
    }

    // While a stream is open nothing more is expected from the client: a read that ends tells
    // that it has gone (a closed tab), so its memory is given back at once, not at the next write.
    void watch_for_hang_up() {
        stream_.socket().async_read_some(net::buffer(probe_), [self = shared_from_this()](beast::error_code ec, size_t) {
            if (ec) return self->close();
            self->watch_for_hang_up();   // a client sending more on a stream: ignored
        });
    }

    void pump() {
        if (writing_ || queue_.empty() || closed_) return;
        writing_ = true;
        stream_.expires_after(server_.limits.write_time);
        auto done = [self = shared_from_this()](beast::error_code ec, size_t) {
            self->stream_.expires_never();
            self->writing_ = false;
            const bool last = self->queue_.front().last;
            self->queue_.pop_front();
            if (ec || last) return self->close();
            self->pump();
        };
        if (queue_.front().last) net::async_write(stream_, bhttp::make_chunk_last(), std::move(done));
        else net::async_write(stream_, bhttp::make_chunk(net::buffer(queue_.front().bytes)), std::move(done));
    }

    void close() {
        if (closed_) return;
        closed_ = true;
        beast::error_code ec;
        stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
        stream_.close();
        if (timer_) timer_->cancel();
        auto callbacks = std::move(close_callbacks_);
        for (auto& f : callbacks) f();
        server_.forget(shared_from_this());
    }
};

void Server::Impl::accept() {
    acceptor.async_accept(net::make_strand(io), [this](beast::error_code ec, tcp::socket socket) {
        if (!acceptor.is_open()) return;
        if (!ec) {
            auto c = std::make_shared<Connection>(*this, std::move(socket));
            {
                std::lock_guard lock(mu);
                open.insert(c);
            }
            c->start();
        } else if (ec == net::error::no_descriptors) {
            // Out of file descriptors: wait a moment rather than spin.
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        accept();
    });
}

void Server::Impl::forget(const std::shared_ptr<Connection>& c) {
    std::lock_guard lock(mu);
    open.erase(c);
    if (stopping && open.empty()) net::post(io, [this] {
        if (give_up) give_up->cancel();
    });
}

Server::Server(Limits limits, int network_threads, int workers) : impl_(std::make_unique<Impl>(limits, network_threads, workers)) {}

Server::~Server() {
    stop();
    impl_->workers.join();
}

void Server::route(std::string method, std::string path, Handler handler, Run run, size_t body_limit) {
    const bool prefix = !path.empty() && path.back() == '*';
    if (prefix) path.pop_back();
    impl_->largest_body = std::max(impl_->largest_body, body_limit);
    impl_->routes.push_back({std::move(method), std::move(path), prefix, std::move(handler), run, body_limit});
}

void Server::finish_with(std::function<void(const Request&, Response&)> f) { impl_->finish = std::move(f); }

void Server::post(std::function<void()> job) { impl_->workers.post(std::move(job)); }

int Server::listen(const std::string& host, int port) {
    beast::error_code ec;
    const auto address = net::ip::make_address(host, ec);
    if (ec) return -1;
    const tcp::endpoint at(address, static_cast<unsigned short>(port));
    auto& a = impl_->acceptor;
    a.open(at.protocol(), ec);
    if (!ec) a.set_option(net::socket_base::reuse_address(true), ec);
    if (!ec) a.bind(at, ec);
    if (!ec) a.listen(4096, ec);
    if (ec) {
        a.close(ec);
        return -1;
    }
    return a.local_endpoint().port();
}

void Server::run() {
    impl_->keep_running.emplace(impl_->io.get_executor());
    impl_->accept();
    std::vector<std::thread> threads;
    for (int i = 1; i < impl_->network_threads; ++i) threads.emplace_back([this] { impl_->io.run(); });
    impl_->io.run();
    for (auto& t : threads) t.join();
}

void Server::stop() {
    Impl& s = *impl_;
    if (s.stopping.exchange(true)) return;
    net::post(s.io, [&s] {
        beast::error_code ec;
        s.acceptor.close(ec);
        std::vector<std::shared_ptr<Connection>> all;
        {
            std::lock_guard lock(s.mu);
            all.assign(s.open.begin(), s.open.end());
        }
        for (auto& c : all) c->shut();
        s.keep_running.reset();   // run() returns once the last connection has finished …
        // … or after 5 s, whatever is still busy then (a client that reads nothing).
        s.give_up.emplace(s.io, std::chrono::seconds(5));
        s.give_up->async_wait([&s](beast::error_code ec) {
            if (!ec) s.io.stop();
        });
        if (all.empty()) s.give_up->cancel();
    });
}

void Server::join_workers() { impl_->workers.join(); }

size_t Server::connections() const {
    std::lock_guard lock(impl_->mu);
    return impl_->open.size();
}

long raise_open_files_limit() {
    rlimit r{};
    if (getrlimit(RLIMIT_NOFILE, &r) != 0) return -1;
    if (r.rlim_cur < r.rlim_max) {
        r.rlim_cur = r.rlim_max;
        setrlimit(RLIMIT_NOFILE, &r);
        getrlimit(RLIMIT_NOFILE, &r);
    }
    return long(r.rlim_cur);
}

}  // namespace sb::server::http
