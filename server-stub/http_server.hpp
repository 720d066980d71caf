// The HTTP server: Boost.Beast on Boost.Asio, event-driven. A few network threads carry every
// connection; a connection costs memory, not a thread, so ten thousand open browsers waiting on
// the change feed hold no worker. Handlers that may block (a sign-in's Argon2id, a snapshot
// waiting for the disk) run on a small worker pool; the ones that cannot run on the network thread.
//
// Every request is bounded before it is parsed: a total time for its headers and body, a size for
// its headers and their number, a body limit per route enforced for chunked and
// unchunked bodies alike (413), and a cap on bodies being received at once (503).
#pragma once
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sb::server::http {

struct Request {
    std::string method;   // "GET"
    std::string path;     // "/api/changes", percent-decoded
    std::vector<std::pair<std::string, std::string>> params;    // the query, decoded, in order
    std::vector<std::pair<std::string, std::string>> headers;   // names in lower case
    std::string body;
    std::string remote_addr;

    std::string header(std::string_view lower_case_name) const;   // "" if absent
    bool has_param(std::string_view name) const;
    std::string param(std::string_view name) const;               // the first; "" if absent
};

struct Response {
    int status = 200;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
    void set_header(const std::string& name, std::string value);   // replaces one of that name
    void set_content(std::string content, const std::string& content_type);
};

// One request and its answer. A plain answer is respond(), once, from any thread. A stream is
// start_stream() with the status and headers, then write() parts as they come (each sent as a
// chunk at once), and finish(); on_close() tells when the client has gone or the server stops.
class Exchange {
public:
    virtual ~Exchange() = default;
    virtual const Request& request() const = 0;
    virtual void respond(Response response) = 0;
    virtual void start_stream(Response head) = 0;
    virtual void write(std::string part) = 0;
    virtual void finish() = 0;
    virtual void on_close(std::function<void()> f) = 0;   // called once, on a network thread
    virtual bool closed() const = 0;
    // Runs `f` on this connection's network thread (in order with its other work), now or after
    // `delay`. One timer per connection: a new after() replaces the last. Both stop once closed.
    virtual void post(std::function<void()> f) = 0;
    virtual void after(std::chrono::milliseconds delay, std::function<void()> f) = 0;
    // Runs `f` on any network thread, behind the work already queued there, whether or not this
    // connection is still open (for work shared between connections).
    virtual void defer(std::function<void()> f) = 0;
};

using Handler = std::function<void(std::shared_ptr<Exchange>)>;

struct Limits {
    std::chrono::seconds request_time{10};   // from waiting for a request to its last byte
    size_t header_bytes = 16 * 1024;          // the request line and every header together
    size_t header_count = 100;                // a browser sends about 15; proxies add a few
    size_t body_bytes = 1 << 20;              // unless a route says less
    int bodies_at_once = 64;                  // request bodies being received at once; more: 503
    std::chrono::seconds write_time{30};      // a client that takes nothing for this long is dropped
};

class Server {
public:
    Server(Limits limits, int network_threads, int workers);
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    // Where a handler runs: on the network thread (it must not block) or on a worker.
    enum class Run { Network, Worker };
    // `method` "*" is any; `path` is exact, or a prefix when it ends in '*'. The first matching
    // route wins; body_limit 0 means Limits::body_bytes.
    void route(std::string method, std::string path, Handler handler, Run run = Run::Worker, size_t body_limit = 0);
    // Headers every answer gets (security headers, the Date), added just before it is sent.
    void finish_with(std::function<void(const Request&, Response&)> f);
    void post(std::function<void()> job);   // on a worker

    int listen(const std::string& host, int port);   // the port bound (port 0: the OS picks), -1 if none
    void run();    // serves until stop(); returns once every connection has closed
    void stop();   // any thread: stops accepting, ends streams, lets answers in progress go out
    void join_workers();   // after run(): waits for the workers' last jobs
    size_t connections() const;

    struct Impl;

private:
    std::unique_ptr<Impl> impl_;
};

// The open-files limit raised as far as the hard limit allows; returns what it is now.
long raise_open_files_limit();

}  // namespace sb::server::http
