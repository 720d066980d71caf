// Keeping a browser's CommandStore in step with shiftbank-server (docs/api.md), with no UI and no
// network of its own: it decides what to ask for and when, and what the answers mean; the platform
// only carries requests and bytes (shell/sync.js in a browser, cpp-httplib in the tests).
//
//   sign-in ─▶ GET api/snapshot ─▶ store.load
//   store.submit ─▶ changed() ─▶ POST api/commands ─▶ store.acknowledge (confirmed in place)
//   GET api/changes?since=R (long-poll) ─▶ store.apply_remote, in place; a snapshot only on "reload"
//
// Unanswered commands are saved through the platform after every change ("pending:<user>") and
// handed back to start(), so they survive a reload, going offline and signing out and in again.
// Without a server (a static copy) it opens data/snapshot.json read-only; changes stay drafts.
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "client/command_store.hpp"

namespace sb::client {

struct HttpRequest {
    std::string method;    // "GET", "POST"
    std::string path;      // relative to the page: "api/snapshot"
    std::string body;      // JSON, for POST
    std::string token;     // sent as "Authorization: Bearer <token>" when not empty
    bool stream = false;   // hand each line of the answer to on_part() as it arrives
};

struct HttpResponse {
    int status = 0;            // 0: no answer at all (offline, server down)
    std::string body;
    int64_t server_time = 0;   // the Date header, seconds since 1970; 0 if there was none
};

struct DemoAccount {
    std::string username, password, role, name, group, grade, employment;
};

class SyncClient {
public:
    struct Hooks {
        std::function<void(int tag, const HttpRequest&)> send;   // the answer comes back to on_response(tag, …)
        std::function<void(const std::string& key, const std::string& value)> save;   // "" deletes
        std::function<void(std::vector<DemoAccount>, std::string message)> show_sign_in;
        std::function<void(std::string message, bool error)> tell;
        std::function<void(std::string message)> fail;          // the rota could not be loaded at all
        std::function<void(bool first, bool read_only)> loaded; // a snapshot is in the store
    };
    struct Options {
        std::string data;        // ?data=URL: open that file read-only
        std::string want_user;   // ?user= / ?role=: sign in straight away as that demo account
        std::string want_role;
        bool streaming = false;  // the platform can hand over an answer line by line (a browser's fetch)
    };

    SyncClient(CommandStore& store, Hooks hooks) : store_(store), hooks_(std::move(hooks)) {}

    // `saved`: everything save() stored before (the sign-in, unanswered commands).
    void start(const std::map<std::string, std::string>& saved, Options options);
    void sign_in(const std::string& user, const std::string& password);
    void sign_out();
    // The store has new commands: save them, and send them when the server can be reached.
    void changed();
    void on_response(int tag, const HttpResponse& response);
    void on_part(int tag, const std::string& line);   // one line of a streamed answer
    void tick(int64_t now_ms);   // timers: retries after a failure
    void retry_now();            // the browser says the network is back
    // Any other signed-in request (the audit trail, the calendar link): the answer goes to `done`,
    // status 0 if none came. `method` is GET, POST (with `body`) or DELETE.
    void request(const std::string& method, const std::string& path, const std::string& body,
                 std::function<void(int status, const std::string& body)> done);
    void get(const std::string& path, std::function<void(int status, const std::string& body)> done) {
        request("GET", path, "", std::move(done));
    }

    struct Status {
        bool connected = false;   // a server or a static copy feeds this app
        bool online = true;
        bool read_only = false;
        size_t pending = 0;       // made here, not answered yet
        bool busy = false;        // sending commands or fetching a snapshot (the long-poll aside)
        std::string last_synced;  // "14:05" (London time)
    };
    Status status() const;
    const std::vector<DemoAccount>& demo_accounts() const { return accounts_; }
    std::string export_drafts() const;   // a static copy's changes, as {"commands": [...]}
    int64_t bytes_received() const { return bytes_in_; }
    int64_t bytes_sent() const { return bytes_out_; }

private:
    enum class Kind { Health, DemoUsers, Login, Snapshot, Changes, Commands, StaticData, Other };
    CommandStore& store_;
    Hooks hooks_;
    Options options_;
    bool server_ = false, read_only_ = false, online_ = true;
    std::string token_, user_, role_;
    std::string sign_in_message_;
    std::vector<DemoAccount> accounts_;
    struct InFlight {
        Kind kind;
        uint64_t session;   // answers from an earlier sign-in are dropped: never another person's data
        int64_t sent_ms = 0;
        bool heard = false;   // a streamed answer's first part has come
    };
    std::map<int, InFlight> in_flight_;
    uint64_t session_ = 0;
    void new_session();
    std::map<int, std::function<void(int, const std::string&)>> others_;
    int next_tag_ = 1;
    bool polling_ = false, flushing_ = false, fetching_ = false, refetch_ = false;
    // The server sends a stream's first event at once; if it arrives 20 s late, something on the way
    // (an old proxy) holds streamed answers back, and this page long-polls from then on.
    bool stream_held_back_ = false, streaming_now_ = false;
    int64_t now_ms_ = 0, retry_poll_at_ = 0, retry_flush_at_ = 0, poll_backoff_ = 1000;
    std::string last_synced_;
    int64_t bytes_in_ = 0, bytes_out_ = 0;

    int send(Kind kind, HttpRequest request);
    void fetch_snapshot();
    void poll();
    void flush();
    void save_pending();
    void show_sign_in(std::string message);
    void lost_sign_in();
    void synced(const HttpResponse& r);
    void on_health(const HttpResponse& r);
    void on_demo_users(const HttpResponse& r);
    void on_login(const HttpResponse& r);
    void on_snapshot(const HttpResponse& r, bool read_only);
    void on_changes(const HttpResponse& r);
    bool take_changes(const nlohmann::json& c);
    void on_commands(const HttpResponse& r);
};

}  // namespace sb::client
