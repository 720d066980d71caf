#include "ui/downloads.hpp"

namespace sb::ui {
namespace {
DownloadHandler& handler() {
    static DownloadHandler h;
    return h;
}
}  // namespace

void set_download_handler(DownloadHandler h) { handler() = std::move(h); }

bool offer_download(const std::string& filename, const std::string& mime, const std::string& data) {
    if (!handler()) return false;
    handler()(filename, mime, data);
    return true;
}

}  // namespace sb::ui
