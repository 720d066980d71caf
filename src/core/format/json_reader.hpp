// Reading one JSON value into the model's types without throwing: every problem is remembered with
// its JSON Pointer path and a reason a person can act on, so one bad field does not hide the next.
// Shared by the data format (a whole file), commands (one shift in a payload) and change sets
// (an entity's before- and after-image). Not part of the public API: use data_format.hpp.
#pragma once
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/data_format.hpp"
#include "core/enum_names.hpp"

namespace sb::format {

using json = nlohmann::json;

inline constexpr size_t kMaxIdLength = 64;
inline constexpr size_t kMaxTextLength = 200;

// 1–64 letters, digits, '-', '_', '.' or ':' (the same rule for ids in files and in commands).
bool valid_id(std::string_view s);
std::string type_name(const json& j);   // "a string", "an array", … for messages

// Runs every check (a braced list evaluates all its elements, in order) so that one bad field does
// not hide the next one's error; true if all passed.
inline bool all(std::initializer_list<bool> results) {
    for (bool ok : results)
        if (!ok) return false;
    return true;
}

class Reader {
public:
    std::vector<LoadError> errors;

    void fail(const std::string& path, std::string message) { errors.push_back({path, std::move(message)}); }

    // `j` must be an object whose keys are all known: a misspelt field ("asignee") is reported
    // instead of silently dropping data.
    bool object(const json& j, const std::string& path, std::initializer_list<std::string_view> known);
    const json* field(const json& obj, const std::string& path, const char* key, bool required);

    bool text(const json& obj, const std::string& path, const char* key, std::string& out, bool required = true,
              bool is_id = false);
    bool id(const json& obj, const std::string& path, const char* key, std::string& out, bool required = true) {
        return text(obj, path, key, out, required, true);
    }
    bool integer(const json& obj, const std::string& path, const char* key, int64_t& out, int64_t lo, int64_t hi,
                 bool required = true);
    bool boolean(const json& obj, const std::string& path, const char* key, bool& out);
    bool date(const json& obj, const std::string& path, const char* key, Date& out);
    bool clock(const json& obj, const std::string& path, const char* key, int& out);
    bool local_time(const json& obj, const std::string& path, const char* key, LocalDateTime& out);
    bool id_list(const json& obj, const std::string& path, const char* key, std::vector<std::string>& out);
    // An id that must be one of a fixed list (a contract, a rule set): unknown values are errors
    // naming what is allowed, never a silent default.
    bool one_of(const json& obj, const std::string& path, const char* key, std::string& out,
                const std::vector<std::string_view>& allowed, bool required = true);

    template <class E>
    bool enumeration(const json& obj, const std::string& path, const char* key, E& out, bool required = true) {
        const json* v = field(obj, path, key, required);
        if (!v) return !required;
        const std::string p = path + "/" + key;
        if (!v->is_string()) return fail(p, "must be a string, not " + type_name(*v)), false;
        auto e = parse_enum<E>(v->get_ref<const std::string&>());
        if (!e)
            return fail(p, "\"" + v->get_ref<const std::string&>().substr(0, 40) + "\" is not one of " + allowed_values<E>()),
                   false;
        out = *e;
        return true;
    }
};

}  // namespace sb::format
