// Files the app hands to the person (an .ics calendar, a JSON export). The platform decides how:
// the browser makes a download, the desktop app writes a file. Set once at start-up.
#pragma once
#include <functional>
#include <string>

namespace sb::ui {

using DownloadHandler = std::function<void(const std::string& filename, const std::string& mime, const std::string& data)>;
void set_download_handler(DownloadHandler handler);
// Returns false if no platform handler is set (headless tests record the last file instead).
bool offer_download(const std::string& filename, const std::string& mime, const std::string& data);

}  // namespace sb::ui
