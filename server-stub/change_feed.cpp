#include "change_feed.hpp"

#include <zlib.h>

#include <atomic>
#include <deque>
#include <map>
#include <mutex>
#include <vector>

namespace sb::server {
namespace {
constexpr auto kHeartbeat = std::chrono::seconds(25);

// An event compressed once for every feed that sends it: a raw deflate segment ending on a sync
// flush, so that the same bytes continue any feed's gzip stream and the browser decompresses each
// event as soon as it arrives. Consecutive events are much alike, so a segment is compressed with
// the event sent before it as its dictionary, which is exactly what the browser's decompressor
// holds as history for a feed whose last event was that one; feeds that sent something else get a
// segment made for them (once for all who share it). A feed writes the gzip header first and, at
// its end, the last block and the CRC and length of all it sent, combined from the segments' own.
// No feed keeps a compressor (ten thousand would cost 10 KiB and a deflate each per change).
struct Packed {
    std::string text;       // "data: {…}\n\n"
    std::string deflated;   // the same, as a deflate segment following `after`'s text
    uLong crc = 0;
};

std::string deflate_segment(const std::string& text, const Packed* after) {
    z_stream z{};
    if (deflateInit2(&z, 6, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK) return {};
    if (after) deflateSetDictionary(&z, reinterpret_cast<const Bytef*>(after->text.data()), uInt(after->text.size()));
    std::string out(deflateBound(&z, uLong(text.size())) + 16, '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
    z.avail_in = uInt(text.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = uInt(out.size());
    deflate(&z, Z_SYNC_FLUSH);
    out.resize(out.size() - z.avail_out);
    deflateEnd(&z);
    return out;
}

// The answers RotaService shares among feeds, packed once per event sent before them: by the
// addresses of both, with weak references to tell live ones from new ones at a reused address.
class PackedAnswers {
public:
    std::shared_ptr<const Packed> of(const std::shared_ptr<const std::string>& json, const std::shared_ptr<const Packed>& after) {
        const Key key{json.get(), after.get()};
        {
            std::lock_guard lock(mu_);
            auto it = packed_.find(key);
            if (it != packed_.end() && !it->second.json.expired() && (!after || !it->second.after.expired())) return it->second.packed;
        }
        auto p = std::make_shared<Packed>();
        p->text = "data: " + *json + "\n\n";
        p->deflated = deflate_segment(p->text, after.get());
        p->crc = crc32(0, reinterpret_cast<const Bytef*>(p->text.data()), uInt(p->text.size()));
        std::lock_guard lock(mu_);
        if (packed_.size() >= 1024)
            for (auto it = packed_.begin(); it != packed_.end();)
                it = it->second.json.expired() || (it->first.second && it->second.after.expired()) ? packed_.erase(it) : std::next(it);
        packed_[key] = {json, after, p};
        return p;
    }

private:
    using Key = std::pair<const std::string*, const Packed*>;
    struct Entry {
        std::weak_ptr<const std::string> json;
        std::weak_ptr<const Packed> after;
        std::shared_ptr<const Packed> packed;
    };
    std::mutex mu_;
    std::map<Key, Entry> packed_;
};

PackedAnswers& packed_answers() {
    static PackedAnswers a;
    return a;
}

// One feed's side of the gzip stream: the header, then shared segments, then the trailer.
class GzipStream {
public:
    explicit GzipStream(bool on) : on_(on) {}
    bool on() const { return on_; }
    std::string add(const Packed& p) {
        if (!on_) return p.text;
        std::string out;
        if (!started_) {
            // ID1 ID2, deflate, no flags, no time, no extra flags, OS unknown.
            out.assign("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff", 10);
            started_ = true;
        }
        crc_ = crc32_combine(crc_, p.crc, z_off_t(p.text.size()));
        size_ += uint32_t(p.text.size());
        return out + p.deflated;
    }
    std::string finish(const Packed* last) {
        if (!on_) return last ? last->text : std::string();
        std::string out = last ? add(*last) : add(Packed{});
        out.append("\x03\x00", 2);   // an empty final block
        for (uint32_t v : {uint32_t(crc_), size_})
            for (int i = 0; i < 4; ++i) out += char((v >> (8 * i)) & 0xff);
        return out;
    }

private:
    bool on_, started_ = false;
    uLong crc_ = crc32(0, nullptr, 0);
    uint32_t size_ = 0;
};

struct Feed;

// Wakes the feeds a commit has made due, a slice at a time. Ten thousand sends queued at once would
// put a health check or a command's answer behind all of them; between slices the network threads
// take whatever else has arrived.
class FanOut {
public:
    void add(const std::shared_ptr<Feed>& feed);

private:
    static constexpr size_t kSlice = 64;
    void next();
    std::mutex mu_;
    std::deque<std::weak_ptr<Feed>> due_;
    bool running_ = false;
};

FanOut& fan_out() {
    static FanOut f;   // holds only weak references: shared by every feed of the process
    return f;
}

// One open stream. Everything but the writer's wake-up runs on the connection's network thread.
struct Feed : std::enable_shared_from_this<Feed> {
    Feed(RotaService& s, User u, int64_t since, bool gzip, std::function<bool()> signed_in, std::shared_ptr<http::Exchange> x)
        : service(s), user(std::move(u)), since(since), gzip(gzip), signed_in(std::move(signed_in)), x(std::move(x)) {}
    RotaService& service;
    const User user;
    int64_t since;
    GzipStream gzip;
    std::function<bool()> signed_in;
    std::shared_ptr<http::Exchange> x;
    uint64_t watching = 0;
    bool ended = false;
    std::chrono::steady_clock::time_point last_sent = std::chrono::steady_clock::now();
    std::shared_ptr<const Packed> last;   // the event sent last: the history the next one continues

    void start() {
        http::Response head;
        head.set_header("Content-Type", "text/event-stream");
        head.set_header("X-Accel-Buffering", "no");   // nginx: pass each event on at once
        if (gzip.on()) head.set_header("Content-Encoding", "gzip");
        x->start_stream(std::move(head));
        auto self = shared_from_this();
        x->on_close([self] {
            self->ended = true;
            self->service.unwatch(self->watching);
        });
        x->post([self] {
            self->send(true);
            self->beat();
        });
    }

    // The heartbeat: an event when 25 s have passed since the last one. The timer is set once per
    // beat, not after every change (ten thousand feeds would re-arm ten thousand timers per change).
    void beat() {
        if (ended) return;
        const auto quiet = std::chrono::steady_clock::now() - last_sent;
        if (quiet >= kHeartbeat - std::chrono::milliseconds(50)) send(true);
        const auto next = quiet >= kHeartbeat - std::chrono::milliseconds(50) ? kHeartbeat : kHeartbeat - quiet;
        auto self = shared_from_this();
        x->after(std::chrono::duration_cast<std::chrono::milliseconds>(next), [self] { self->beat(); });
    }

    // What has changed since the last event (or, `always`, an event even if nothing has).
    void send(bool always) {
        if (ended) return;
        if (service.stopping() || !signed_in()) return end(nullptr);
        const RotaService::Changes answer = service.changes_since(since, user);
        if (answer.reload) return end(packed_answers().of(answer.json, last).get());
        if (answer.revision == since && !always) return wait();
        since = answer.revision;
        last = packed_answers().of(answer.json, last);
        x->write(gzip.add(*last));
        last_sent = std::chrono::steady_clock::now();
        wait();
    }

    void wait() {
        auto self = shared_from_this();
        service.unwatch(watching);
        watching = service.watch(since, [self] { fan_out().add(self); });
    }

    void end(const Packed* last) {
        ended = true;
        service.unwatch(watching);
        x->write(gzip.finish(last));
        x->finish();
    }
};

void FanOut::add(const std::shared_ptr<Feed>& feed) {
    {
        std::lock_guard lock(mu_);
        due_.push_back(feed);
        if (running_) return;
        running_ = true;
    }
    next();
}

void FanOut::next() {
    std::vector<std::shared_ptr<Feed>> slice;
    {
        std::lock_guard lock(mu_);
        while (slice.size() < kSlice && !due_.empty()) {
            if (auto f = due_.front().lock()) slice.push_back(std::move(f));
            due_.pop_front();
        }
        if (slice.empty()) {
            running_ = false;
            return;
        }
    }
    for (const auto& f : slice) f->x->post([f] { f->send(false); });
    // Queued behind this slice's sends, and behind whatever the network has brought in meanwhile.
    slice.front()->x->defer([this] { next(); });
}

struct Poll {
    std::atomic<bool> answered{false};
    std::atomic<uint64_t> watching{0};
};
}  // namespace

void stream_changes(RotaService& service, const User& user, int64_t since, bool gzip, std::function<bool()> signed_in,
                    std::shared_ptr<http::Exchange> x) {
    std::make_shared<Feed>(service, user, since, gzip, std::move(signed_in), std::move(x))->start();
}

void long_poll_changes(RotaService& service, const User& user, int64_t since, std::chrono::seconds wait,
                       std::shared_ptr<http::Exchange> x) {
    auto poll = std::make_shared<Poll>();
    // Answered once: by the writer's wake-up, the timer or the client going away, whichever is first.
    auto answer = [&service, user, since, poll, x] {
        if (poll->answered.exchange(true)) return;
        service.unwatch(poll->watching);
        http::Response res;
        res.set_content(*service.changes_since(since, user).json, "application/json");
        x->respond(std::move(res));
    };
    x->on_close([&service, poll] {
        poll->answered = true;
        service.unwatch(poll->watching);
    });
    x->after(wait, [answer] { answer(); });
    const uint64_t id = service.watch(since, [x, answer] { x->post(answer); });
    // watch() may have woken at once (something had changed already): then `id` is 0.
    poll->watching = id;
    if (poll->answered) service.unwatch(id);
}

}  // namespace sb::server
