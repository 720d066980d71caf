// libFuzzer target: any bytes given to the loader must produce a State or a list of errors, never
// a crash, a hang or a sanitizer report. Loaded states are also saved and re-loaded, which must
// succeed and give the same document (the format round-trips).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/data_format.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const sb::LoadResult r = sb::load_state(text);
    if (!r.ok()) {
        if (r.errors.front().message.empty()) std::abort();   // every error says something
        return 0;
    }
    const std::string saved = sb::save_state(r.state);
    const sb::LoadResult again = sb::load_state(saved);
    if (!again.ok() || sb::save_state(again.state) != saved) std::abort();
    return 0;
}
