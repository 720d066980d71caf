// What the Staff screen keeps between frames: the search, and a staff list being checked before
// it is imported (the file's text and the core's verdict on it, read again if the trust changes).
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "core/staff_csv.hpp"

namespace sb::ui {

struct StaffScreen {
    char search[64] = "";
    std::string file_name, file_text, file_error;
    std::optional<StaffImport> preview;
    int64_t preview_revision = -1;   // the trust's revision the preview was read against
    // A person's record opened from the list: their documents, renewed in two clicks.
    std::string open_staff;
    std::string picking_kind;   // a document whose date is being picked ("" none)
    Date picked;
};

}  // namespace sb::ui
