// Serves the built web app (build/web/) read-only: correct MIME types (application/wasm, so browsers
// compile while downloading), gzip when the client accepts it (compressed once per file version and
// kept in memory), and no way out of the folder.
#pragma once
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace sb::server {

struct StaticFile {
    std::string content_type;
    std::shared_ptr<const std::string> body;   // raw or gzip bytes; shared so a reload cannot pull them away mid-send
    bool gzipped = false;
};

class StaticFiles {
public:
    explicit StaticFiles(std::filesystem::path root);
    // url_path is the request path ("/", "/shiftbank.wasm"). nullopt: not found or not allowed.
    std::optional<StaticFile> get(const std::string& url_path, bool accepts_gzip);
    const std::filesystem::path& root() const { return root_; }

private:
    struct Entry {
        std::filesystem::file_time_type mtime;
        std::shared_ptr<const std::string> raw, gz;
    };
    std::filesystem::path root_;
    std::mutex mutex_;
    std::unordered_map<std::string, Entry> cache_;
};

std::string mime_type(const std::string& extension);
// Rejects "..", empty segments with backslashes, NUL bytes and anything not inside root.
std::optional<std::filesystem::path> safe_join(const std::filesystem::path& root, const std::string& url_path);
std::string gzip(const std::string& data, int level = 9);   // "" if it failed

}  // namespace sb::server
