// How deeply a JSON text nests and how many values it holds, found by one pass over its bytes
// before any parser runs: 70,000 '[' would otherwise overflow the parser's stack (a crash), and a
// megabyte of "[1,1,1,…" costs the parser tens of MiB of nodes. Only brackets and commas outside
// strings count; whether the text is valid JSON is the parser's business afterwards.
#pragma once
#include <cstddef>
#include <string_view>

namespace sb::server {

// True if no array or object in `text` nests deeper than `max_depth` and it has at most about
// `max_values` values (counted as containers plus separating commas).
inline bool json_within(std::string_view text, int max_depth, size_t max_values) {
    int depth = 0;
    size_t values = 0;
    bool in_string = false, escaped = false;
    for (const char c : text) {
        if (in_string) {
            if (escaped) escaped = false;
            else if (c == '\\') escaped = true;
            else if (c == '"') in_string = false;
            continue;
        }
        if (c == '"') in_string = true;
        else if (c == '[' || c == '{') {
            if (++depth > max_depth || ++values > max_values) return false;
        } else if (c == ']' || c == '}') {
            if (depth > 0) --depth;
        } else if (c == ',' && ++values > max_values) {
            return false;
        }
    }
    return true;
}

}  // namespace sb::server
