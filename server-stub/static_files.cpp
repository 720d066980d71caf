#include "static_files.hpp"

#include <zlib.h>

#include <fstream>
#include <sstream>

namespace sb::server {
namespace fs = std::filesystem;

std::string mime_type(const std::string& ext) {
    static const std::unordered_map<std::string, std::string> types = {
        {".html", "text/html; charset=utf-8"}, {".js", "text/javascript; charset=utf-8"},
        {".css", "text/css; charset=utf-8"},   {".wasm", "application/wasm"},
        {".json", "application/json"},         {".svg", "image/svg+xml"},
        {".png", "image/png"},                 {".ico", "image/x-icon"},
        {".data", "application/octet-stream"}, {".txt", "text/plain; charset=utf-8"},
        {".webmanifest", "application/manifest+json"}};
    auto it = types.find(ext);
    return it == types.end() ? "application/octet-stream" : it->second;
}

namespace {
bool compressible(const std::string& ext) { return ext != ".png" && ext != ".ico"; }
}  // namespace

std::optional<fs::path> safe_join(const fs::path& root, const std::string& url_path) {
    if (url_path.empty() || url_path[0] != '/' || url_path.find('\0') != std::string::npos ||
        url_path.find('\\') != std::string::npos)
        return std::nullopt;
    std::string rel = url_path.substr(1);
    if (rel.empty() || rel.back() == '/') rel += "index.html";
    fs::path candidate;
    for (const auto& part : fs::path(rel)) {
        const std::string s = part.string();
        if (s == ".." || s == "." || s.empty() || s[0] == '.') return std::nullopt;   // no dotfiles either
        candidate /= part;
    }
    std::error_code ec;
    const fs::path full = fs::weakly_canonical(root / candidate, ec);
    if (ec) return std::nullopt;
    // Symlinks inside the folder must not point outside it.
    const auto [r, f] = std::mismatch(root.begin(), root.end(), full.begin(), full.end());
    if (r != root.end()) return std::nullopt;
    if (!fs::is_regular_file(full, ec)) return std::nullopt;
    return full;
}

std::string gzip(const std::string& data, int level) {
    z_stream zs{};
    if (deflateInit2(&zs, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) return {};
    std::string out(deflateBound(&zs, uLong(data.size())), '\0');
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    zs.avail_in = uInt(data.size());
    zs.next_out = reinterpret_cast<Bytef*>(out.data());
    zs.avail_out = uInt(out.size());
    const int rc = deflate(&zs, Z_FINISH);
    out.resize(zs.total_out);
    deflateEnd(&zs);
    return rc == Z_STREAM_END ? out : std::string{};
}

StaticFiles::StaticFiles(fs::path root) : root_(fs::weakly_canonical(root)) {}

std::optional<StaticFile> StaticFiles::get(const std::string& url_path, bool accepts_gzip) {
    auto full = safe_join(root_, url_path);
    if (!full) return std::nullopt;
    std::error_code ec;
    const auto mtime = fs::last_write_time(*full, ec);
    if (ec) return std::nullopt;
    const std::string key = full->string(), ext = full->extension().string();
    std::lock_guard lock(mutex_);
    Entry& e = cache_[key];
    if (!e.raw || e.mtime != mtime) {
        std::ifstream in(*full, std::ios::binary);
        std::ostringstream buf;
        buf << in.rdbuf();
        if (!in) return std::nullopt;
        auto raw = std::make_shared<const std::string>(buf.str());
        e.gz = compressible(ext) && raw->size() > 256 ? std::make_shared<const std::string>(gzip(*raw)) : nullptr;
        e.raw = std::move(raw);
        e.mtime = mtime;
    }
    StaticFile out{mime_type(ext), e.raw, false};
    if (accepts_gzip && e.gz && !e.gz->empty() && e.gz->size() < e.raw->size()) {
        out.body = e.gz;
        out.gzipped = true;
    }
    return out;
}

}  // namespace sb::server
