#include "ui/downloads.hpp"

namespace sb::ui {
namespace {
DownloadHandler& handler() {
    static DownloadHandler h;
    return h;
}
FileChooser& chooser() {
    static FileChooser c;
    return c;
}
}  // namespace

void set_file_chooser(FileChooser c) { chooser() = std::move(c); }

bool choose_file(const std::string& accept, size_t max_bytes, FileDone done) {
    if (!chooser()) return false;
    chooser()(accept, max_bytes, std::move(done));
    return true;
}

void set_download_handler(DownloadHandler h) { handler() = std::move(h); }

bool offer_download(const std::string& filename, const std::string& mime, const std::string& data) {
    if (!handler()) return false;
    handler()(filename, mime, data);
    return true;
}

}  // namespace sb::ui
