#include "core/format/json_reader.hpp"

#include <cctype>

namespace sb::format {

bool valid_id(std::string_view s) {
    if (s.empty() || s.size() > kMaxIdLength) return false;
    for (unsigned char c : s)
        if (!(std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == ':')) return false;
    return true;
}

std::string type_name(const json& j) {
    switch (j.type()) {
        case json::value_t::null: return "null";
        case json::value_t::object: return "an object";
        case json::value_t::array: return "an array";
        case json::value_t::string: return "a string";
        case json::value_t::boolean: return "true/false";
        case json::value_t::number_float: return "a decimal number";
        case json::value_t::discarded: return "invalid";
        default: return "a number";
    }
}

bool Reader::object(const json& j, const std::string& path, std::initializer_list<std::string_view> known) {
    if (!j.is_object()) {
        fail(path, "must be an object, not " + type_name(j));
        return false;
    }
    for (auto it = j.begin(); it != j.end(); ++it) {
        bool ok = false;
        for (auto k : known) ok = ok || k == it.key();
        if (!ok)
            fail(path + "/" + it.key().substr(0, 64),
                 "is not a field of this object (unknown fields are not allowed in " + std::string(kFormat) + ")");
    }
    return true;
}

const json* Reader::field(const json& obj, const std::string& path, const char* key, bool required) {
    auto it = obj.find(key);
    if (it == obj.end()) {
        if (required) fail(path + "/" + key, "is missing");
        return nullptr;
    }
    return &*it;
}

bool Reader::text(const json& obj, const std::string& path, const char* key, std::string& out, bool required, bool is_id) {
    const json* v = field(obj, path, key, required);
    if (!v) return !required;
    const std::string p = path + "/" + key;
    if (!v->is_string()) return fail(p, "must be a string, not " + type_name(*v)), false;
    const auto& s = v->get_ref<const std::string&>();
    if (s.empty()) return fail(p, required ? "must not be empty" : "must not be empty (leave the field out instead)"), false;
    if (is_id && !valid_id(s))
        return fail(p, "\"" + s.substr(0, 80) + "\" is not a valid id (1–64 letters, digits, '-', '_', '.' or ':')"), false;
    if (!is_id && s.size() > kMaxTextLength) return fail(p, "is longer than " + std::to_string(kMaxTextLength) + " bytes"), false;
    out = s;
    return true;
}

bool Reader::integer(const json& obj, const std::string& path, const char* key, int64_t& out, int64_t lo, int64_t hi,
                     bool required) {
    const json* v = field(obj, path, key, required);
    if (!v) return !required;
    const std::string p = path + "/" + key;
    if (!v->is_number_integer()) return fail(p, "must be a whole number, not " + type_name(*v)), false;
    if (v->is_number_unsigned() && v->get<uint64_t>() > uint64_t(hi)) return fail(p, "must be at most " + std::to_string(hi)), false;
    const int64_t x = v->is_number_unsigned() ? int64_t(v->get<uint64_t>()) : v->get<int64_t>();
    if (x < lo || x > hi)
        return fail(p, "must be between " + std::to_string(lo) + " and " + std::to_string(hi) + ", not " + std::to_string(x)), false;
    out = x;
    return true;
}

bool Reader::boolean(const json& obj, const std::string& path, const char* key, bool& out) {
    const json* v = field(obj, path, key, false);
    if (!v) return true;
    if (!v->is_boolean()) return fail(path + "/" + key, "must be true or false, not " + type_name(*v)), false;
    out = v->get<bool>();
    return true;
}

bool Reader::date(const json& obj, const std::string& path, const char* key, Date& out) {
    std::string s;
    if (!text(obj, path, key, s)) return false;
    auto d = parse_date(s);
    if (!d) return fail(path + "/" + key, "\"" + s + "\" is not a date like 2026-03-06"), false;
    out = *d;
    return true;
}

bool Reader::clock(const json& obj, const std::string& path, const char* key, int& out) {
    std::string s;
    if (!text(obj, path, key, s)) return false;
    auto t = parse_local_date_time("2000-01-01T" + s);
    if (s.size() != 5 || !t) return fail(path + "/" + key, "\"" + s + "\" is not a time of day like 07:30"), false;
    out = t->minute;
    return true;
}

bool Reader::local_time(const json& obj, const std::string& path, const char* key, LocalDateTime& out) {
    std::string s;
    if (!text(obj, path, key, s)) return false;
    auto t = parse_local_date_time(s);
    if (!t) return fail(path + "/" + key, "\"" + s + "\" is not a local date-time like 2026-03-06T20:00"), false;
    if (classify_london(*t) == LocalTimeKind::Skipped)
        return fail(path + "/" + key, s + " does not exist in London: the clocks go forward from 01:00 to 02:00 that night"), false;
    out = *t;
    return true;
}

bool Reader::id_list(const json& obj, const std::string& path, const char* key, std::vector<std::string>& out) {
    const json* v = field(obj, path, key, false);
    if (!v) return true;
    const std::string p = path + "/" + key;
    if (!v->is_array()) return fail(p, "must be an array of ids, not " + type_name(*v)), false;
    bool ok = true;
    for (size_t i = 0; i < v->size(); ++i) {
        const json& item = (*v)[i];
        if (!item.is_string() || !valid_id(item.get_ref<const std::string&>())) {
            fail(p + "/" + std::to_string(i), "must be an id (1–64 letters, digits, '-', '_', '.' or ':')");
            ok = false;
        } else {
            out.push_back(item.get<std::string>());
        }
    }
    return ok;
}

bool Reader::one_of(const json& obj, const std::string& path, const char* key, std::string& out,
                    const std::vector<std::string_view>& allowed, bool required) {
    std::string value;
    if (!id(obj, path, key, value, required)) return false;
    if (value.empty()) return true;   // optional and absent
    for (auto a : allowed)
        if (a == value) return out = value, true;
    std::string list;
    for (size_t i = 0; i < allowed.size(); ++i)
        list += std::string(i == 0 ? "" : i + 1 == allowed.size() ? " or " : ", ") + "\"" + std::string(allowed[i]) + "\"";
    fail(path + "/" + key, "\"" + value + "\" is not one of " + list);
    return false;
}

}  // namespace sb::format
