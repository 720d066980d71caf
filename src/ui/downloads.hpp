// Files the app hands to the person (an .ics calendar, a JSON export) and takes from them (a staff
// list to import). The platform decides how: the browser makes a download and opens its file
// picker, the desktop app writes a file. Set once at start-up.
#pragma once
#include <functional>
#include <string>

namespace sb::ui {

using DownloadHandler = std::function<void(const std::string& filename, const std::string& mime, const std::string& data)>;
void set_download_handler(DownloadHandler handler);
// Returns false if no platform handler is set (headless tests record the last file instead).
bool offer_download(const std::string& filename, const std::string& mime, const std::string& data);

// A file the person picked: its name and bytes, or `error` in words (too large, unreadable). Called
// later (the picker is the person's), at most once, and not at all if they cancel.
struct ChosenFile {
    std::string name, bytes, error;
};
using FileDone = std::function<void(ChosenFile)>;
// `accept` is the picker's filter (".csv,text/csv"); `max_bytes` is checked before the file is read.
using FileChooser = std::function<void(const std::string& accept, size_t max_bytes, FileDone done)>;
void set_file_chooser(FileChooser chooser);
// Returns false if this platform has no picker (the desktop app: use shiftbank-cli import).
bool choose_file(const std::string& accept, size_t max_bytes, FileDone done);

}  // namespace sb::ui
