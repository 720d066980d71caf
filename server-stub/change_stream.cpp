#include "change_stream.hpp"

#include <zlib.h>

#include <memory>

namespace sb::server {
namespace {
constexpr auto kHeartbeat = std::chrono::seconds(25);
constexpr auto kLifetime = std::chrono::seconds(55);

// One gzip member for the whole response; Z_SYNC_FLUSH after each line ends it on a byte the
// browser can decompress at once, and later lines compress against the earlier ones (a shift's
// after-image costs tens of bytes once the first has been sent).
class LineCompressor {
public:
    explicit LineCompressor(bool on) : on_(on) {
        if (on_ && deflateInit2(&z_, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) on_ = false;
    }
    ~LineCompressor() {
        if (on_) deflateEnd(&z_);
    }
    LineCompressor(const LineCompressor&) = delete;
    LineCompressor& operator=(const LineCompressor&) = delete;
    std::string add(const std::string& text, bool last) {
        if (!on_) return text;
        std::string out;
        z_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
        z_.avail_in = uInt(text.size());
        char buf[16384];
        do {
            z_.next_out = reinterpret_cast<Bytef*>(buf);
            z_.avail_out = sizeof buf;
            deflate(&z_, last ? Z_FINISH : Z_SYNC_FLUSH);
            out.append(buf, sizeof buf - z_.avail_out);
        } while (z_.avail_out == 0);
        return out;
    }

private:
    bool on_;
    z_stream z_{};
};

struct Stream {
    Stream(bool gzip) : compressor(gzip) {}
    LineCompressor compressor;
    int64_t since = 0;
    bool first = true;
    std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
};
}  // namespace

void stream_changes(RotaService& service, const User& user, int64_t since, bool gzip, std::function<bool()> signed_in,
                    httplib::Response& res) {
    auto stream = std::make_shared<Stream>(gzip);
    stream->since = since;
    if (gzip) res.set_header("Content-Encoding", "gzip");
    // Not a type cpp-httplib compresses itself: the lines are compressed (and flushed) here.
    res.set_chunked_content_provider("application/x-ndjson", [&service, user, stream, signed_in = std::move(signed_in)](size_t, httplib::DataSink& sink) {
        if (!stream->first && !signed_in()) {
            const std::string bytes = stream->compressor.add("", true);
            sink.write(bytes.data(), bytes.size());
            sink.done();
            return true;
        }
        const auto elapsed = std::chrono::steady_clock::now() - stream->started;
        const bool ending = elapsed >= kLifetime;
        const auto wait = stream->first ? std::chrono::milliseconds(0)
                                        : std::chrono::duration_cast<std::chrono::milliseconds>(std::min<std::chrono::steady_clock::duration>(
                                              kHeartbeat, kLifetime - elapsed));
        nlohmann::json answer = ending ? nlohmann::json{{"revision", stream->since}, {"changes", nlohmann::json::array()}}
                                       : service.changes_since(stream->since, user, wait);
        stream->first = false;
        const bool reload = answer.value("reload", false);
        if (!reload) stream->since = answer["revision"].get<int64_t>();
        const std::string line = answer.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
        const bool last = ending || reload || service.stopping();
        const std::string bytes = stream->compressor.add(line, last);
        if (!sink.write(bytes.data(), bytes.size())) return false;
        if (last) sink.done();
        return true;
    });
}

}  // namespace sb::server
