#include <algorithm>

#include "core/booking.hpp"
#include "core/commands/command_context.hpp"
#include "core/enum_names.hpp"
#include "core/format/entity_json.hpp"
#include "core/permissions.hpp"
#include "core/rules/rules_engine.hpp"
#include "core/visibility.hpp"

namespace sb {
namespace commands {
using json = nlohmann::json;

// --- Args -------------------------------------------------------------------------------------
void Args::fail(const std::string& why) {
    if (!ok_) return;
    ok_ = false;
    result_.status = CommandStatus::Malformed;
    result_.reason = why;
}

std::string Args::id(const char* key) {
    auto it = p_.find(key);
    if (it == p_.end() || !it->is_string() || !format::valid_id(it->get_ref<const std::string&>())) {
        fail(prefix_ + key + (it == p_.end() ? " is missing" : " must be an id (1–64 letters, digits, '-', '_', '.' or ':')"));
        return {};
    }
    return it->get<std::string>();
}

std::optional<std::string> Args::optional_id(const char* key) {
    auto it = p_.find(key);
    if (it == p_.end() || it->is_null()) return std::nullopt;
    if (!it->is_string() || !format::valid_id(it->get_ref<const std::string&>())) {
        fail(prefix_ + key + " must be an id (1–64 letters, digits, '-', '_', '.' or ':') or null");
        return std::nullopt;
    }
    return it->get<std::string>();
}

std::optional<std::string> Args::optional_text(const char* key, size_t max_bytes) {
    auto it = p_.find(key);
    if (it == p_.end() || it->is_null()) return std::nullopt;
    if (!it->is_string()) {
        fail(prefix_ + key + " must be a string");
        return std::nullopt;
    }
    if (it->get_ref<const std::string&>().size() > max_bytes) {
        fail(prefix_ + key + " is longer than " + std::to_string(max_bytes) + " bytes");
        return std::nullopt;
    }
    return it->get<std::string>();
}

std::vector<std::string> Args::id_list(const char* key, size_t max) {
    std::vector<std::string> out;
    auto it = p_.find(key);
    if (it == p_.end() || !it->is_array() || it->empty() || it->size() > max) {
        fail(prefix_ + key + " must be an array of 1 to " + std::to_string(max) + " ids");
        return out;
    }
    for (const auto& x : *it) {
        if (!x.is_string() || !format::valid_id(x.get_ref<const std::string&>())) {
            fail(prefix_ + key + " must contain only ids (1–64 letters, digits, '-', '_', '.' or ':')");
            return {};
        }
        out.push_back(x.get<std::string>());
    }
    return out;
}

std::optional<LocalDateTime> Args::local_time(const char* key, bool required) {
    auto it = p_.find(key);
    if (it == p_.end()) {
        if (required) fail(prefix_ + key + " is missing");
        return std::nullopt;
    }
    auto t = it->is_string() ? parse_local_date_time(it->get_ref<const std::string&>()) : std::nullopt;
    if (!t) fail(prefix_ + key + " must be a local date-time like 2026-03-06T20:00");
    else if (classify_london(*t) == LocalTimeKind::Skipped) {
        fail(prefix_ + key + " does not exist in London: the clocks go forward that night");
        return std::nullopt;
    }
    return t;
}

std::optional<Date> Args::date(const char* key) {
    auto it = p_.find(key);
    auto d = it != p_.end() && it->is_string() ? parse_date(it->get_ref<const std::string&>()) : std::nullopt;
    if (!d) fail(prefix_ + key + " must be a date like 2026-03-06");
    return d;
}

std::optional<int> Args::clock(const char* key) {
    auto it = p_.find(key);
    std::optional<LocalDateTime> t;
    if (it != p_.end() && it->is_string() && it->get_ref<const std::string&>().size() == 5)
        t = parse_local_date_time("2000-01-01T" + it->get<std::string>());
    if (!t) {
        fail(prefix_ + key + " must be a time like 07:30");
        return std::nullopt;
    }
    return t->minute;
}

std::optional<int64_t> Args::integer(const char* key, int64_t lo, int64_t hi) {
    auto it = p_.find(key);
    if (it == p_.end() || !it->is_number_integer() || (it->is_number_unsigned() && it->get<uint64_t>() > uint64_t(hi)) ||
        it->get<int64_t>() < lo || it->get<int64_t>() > hi) {
        fail(prefix_ + key + " must be a whole number from " + std::to_string(lo) + " to " + std::to_string(hi));
        return std::nullopt;
    }
    return it->get<int64_t>();
}

std::optional<bool> Args::boolean(const char* key) {
    auto it = p_.find(key);
    if (it == p_.end()) return std::nullopt;
    if (!it->is_boolean()) {
        fail(prefix_ + key + " must be true or false");
        return std::nullopt;
    }
    return it->get<bool>();
}

const json* Args::array(const char* key, size_t min, size_t max) {
    auto it = p_.find(key);
    if (it == p_.end() || !it->is_array() || it->size() < min || it->size() > max) {
        fail(prefix_ + key + " must be an array of " + std::to_string(min) + " to " + std::to_string(max) + " items");
        return nullptr;
    }
    return &*it;
}

const json* Args::object(const char* key) {
    auto it = p_.find(key);
    if (it == p_.end() || !it->is_object()) {
        fail(prefix_ + key + " must be an object");
        return nullptr;
    }
    return &*it;
}

// --- Ctx --------------------------------------------------------------------------------------
bool Ctx::manages(const std::string& ward) const { return manages_ward(author, ward); }

bool Ctx::manages_staff(const std::string& staff) const { return sb::manages_staff(state, author, staff); }

Shift* Ctx::shift(const std::string& id) {
    Shift* s = w.edit<Shift>(id);
    if (!s) reject("There is no shift \"" + id.substr(0, 64) + "\" (it may have been deleted)");
    return s;
}

bool Ctx::reject(std::string reason) {
    if (result.status == CommandStatus::Malformed) return false;   // a malformed payload's reason is the more useful one
    result.status = CommandStatus::Rejected;
    result.reason = std::move(reason);
    return false;
}

bool Ctx::forbid(std::string reason) {
    if (result.status == CommandStatus::Malformed) return false;
    result.status = CommandStatus::Forbidden;
    result.reason = std::move(reason);
    return false;
}

bool Ctx::rules_allow(const Shift& candidate, const std::string& staff) {
    CandidateVerdict v = check_candidate(state, candidate, staff, true);
    std::vector<Violation> blocks;
    for (auto& x : v.violations) {
        x = as_seen_by(state, author, std::move(x));
        (x.severity == Severity::Block ? blocks : result.warnings).push_back(x);
    }
    if (blocks.empty()) return true;
    auto reason = cmd.payload.find("override_reason");
    const bool overridden = reason != cmd.payload.end() && reason->is_string() && !reason->get_ref<const std::string&>().empty() &&
                            manages(candidate.ward);
    if (overridden) {
        // Kept with the command in the log: the audit trail shows who overrode which rule and why.
        result.warnings.insert(result.warnings.end(), blocks.begin(), blocks.end());
        return true;
    }
    std::string why = "This would break a rule: " + blocks.front().message;
    if (blocks.size() > 1) why += " (and " + std::to_string(blocks.size() - 1) + " more)";
    if (manages(candidate.ward)) why += ". A manager may override it by giving a reason.";
    result.blocks = std::move(blocks);
    return reject(why);
}

bool Ctx::not_started(const Shift& s, const char* so) {
    const auto now = command_time(cmd);
    if (!now || !has_started(s, *now)) return true;
    const bool ended = london_to_utc(s.end) <= *now;
    return reject(std::string("This shift ") + (ended ? "ended at " + format_clock(s.end.minute) + " on " + format_weekday_day_month(s.end.date)
                                                        : "started at " + format_clock(s.start.minute) + " on " + format_weekday_day_month(s.start.date)) +
                  ", so " + so);
}

std::string new_id(const Ctx& c, const char* prefix) {
    // FNV-1a of (author, command id): ids stay short and checked-character, and the browser that
    // made the command makes the same ids as the server. A crafted collision only makes the
    // author's own command fail ("already exists"): adding never overwrites.
    uint64_t h = 1469598103934665603ull;
    for (unsigned char ch : c.cmd.author + "/" + c.cmd.id) h = (h ^ ch) * 1099511628211ull;
    static const char* hex = "0123456789abcdef";
    std::string out = prefix;
    for (int i = 15; i >= 0; --i) out += hex[(h >> (i * 4)) & 15];
    return out;
}

const std::vector<const std::vector<HandlerEntry>*>& all_handlers() {
    static const std::vector<const std::vector<HandlerEntry>*> lists = {&shift_handlers(), &booking_handlers(), &request_handlers(),
                                                                        &policy_handlers(), &trust_handlers(), &pay_handlers(), &undo_handlers()};
    return lists;
}

namespace {
const HandlerEntry* find_handler(std::string_view type) {
    for (const auto* list : all_handlers())
        for (const auto& h : *list)
            if (h.type == type) return &h;
    return nullptr;
}

std::string field_list(const std::vector<std::string_view>& fields) {
    std::string out;
    for (size_t i = 0; i < fields.size(); ++i) out += (i ? ", " : "") + std::string(fields[i]);
    return out.empty() ? "no fields" : out;
}

// "" if every after-image reads as its entity; otherwise the first problem.
std::string invalid_image(const ChangeSet& changes) {
    for (const EntityChange& c : changes) {
        if (c.after.is_null()) continue;
        std::string why = visit_collection(c.collection, [&](auto tag) {
            using T = decltype(tag);
            format::Reader r;
            T x;
            format::read(r, c.after, "/" + std::string(collection_name(c.collection)) + "/" + c.key, x);
            return r.errors.empty() ? std::string() : describe(r.errors.front());
        });
        if (!why.empty()) return why;
    }
    return {};
}

// The one path every command takes; `keep` false is a preview (every change put back).
CommandResult run(State& state, const CommandLog& log, const Command& cmd, bool keep) {
    CommandResult result;
    result.id = cmd.id;
    result.author = cmd.author;
    result.type = cmd.type;
    result.time = cmd.time;
    result.revision = state.revision;
    const HandlerEntry* entry = find_handler(cmd.type);
    const User* author = state.find_user(cmd.author);
    auto malformed = [&](std::string why) {
        result.status = CommandStatus::Malformed;
        result.reason = std::move(why);
        return result;
    };
    if (!valid_command_id(cmd.id)) return malformed("A command needs an id of 1 to 64 letters, digits, '-', '_', '.' or ':'");
    if (!entry) return malformed("Unknown command type \"" + cmd.type.substr(0, 40) + "\"");
    if (!cmd.payload.is_object()) return malformed("The payload must be a JSON object");
    for (auto it = cmd.payload.begin(); it != cmd.payload.end(); ++it)
        if (std::find(entry->fields.begin(), entry->fields.end(), it.key()) == entry->fields.end())
            return malformed("payload." + it.key().substr(0, 40) + " is not a field of " + std::string(entry->type) + " (it takes " +
                             field_list(entry->fields) + ")");
    if (!author) {
        result.status = CommandStatus::Forbidden;
        result.reason = "Unknown author \"" + cmd.author.substr(0, 40) + "\"";
        return result;
    }
    ChangeRecorder recorder(state);
    Ctx ctx{state, cmd, *author, result, recorder, log, Args(cmd.payload, result)};
    bool ok = entry->handler(ctx) && ctx.args.ok() && result.status != CommandStatus::Malformed;
    ChangeSet changes;
    if (ok) {
        changes = recorder.finish();
        // The last line of defence: whatever a handler did must still read as data (a shift marked
        // worked with nobody on it would be refused by the next start-up and lose everything).
        if (std::string why = invalid_image(changes); !why.empty()) {
            apply_changes(state, changes, Direction::Backward, false);
            result.status = CommandStatus::Rejected;
            result.reason = "This change would leave the rota with data that is not valid (" + why + "), so it was not made";
            ok = false;
        }
    }
    if (ok) {
        result.status = CommandStatus::Accepted;
        result.reason.clear();
        result.blocks.clear();
        result.changes = std::move(changes);
        if (keep) result.revision = ++state.revision;
        else {
            apply_changes(state, result.changes, Direction::Backward, false);
            result.revision = state.revision + 1;
        }
    } else {
        recorder.rollback();   // a handler that refused half-way leaves nothing behind (after finish(): nothing to do)
        if (result.reason.empty()) result.reason = "Not allowed";
        if (result.status == CommandStatus::Accepted) result.status = CommandStatus::Rejected;
        result.warnings.clear();
    }
    return result;
}
}  // namespace

}  // namespace commands

std::string CommandLog::key(std::string_view author, std::string_view id) {
    return std::string(author) + "\n" + std::string(id);   // neither may contain a newline
}

const CommandResult* CommandLog::find(std::string_view author, std::string_view id) const {
    auto it = results.find(key(author, id));
    return it == results.end() ? nullptr : &it->second;
}

void CommandLog::revert(const Journal& j) {
    for (auto it = j.last_change.rbegin(); it != j.last_change.rend(); ++it) {
        if (it->second) last_change[it->first] = *it->second;
        else last_change.erase(it->first);
    }
    for (const std::string& key : j.results) results.erase(key);
}

bool valid_command_id(std::string_view id) { return format::valid_id(id); }

const std::vector<std::string_view>& command_types() {
    static const std::vector<std::string_view> types = [] {
        std::vector<std::string_view> t;
        for (const auto* list : commands::all_handlers())
            for (const auto& h : *list) t.push_back(h.type);
        return t;
    }();
    return types;
}

const std::vector<std::string_view>* payload_fields(std::string_view type) {
    const commands::HandlerEntry* h = commands::find_handler(type);
    return h ? &h->fields : nullptr;
}

CommandResult apply_command(State& state, CommandLog& log, const Command& cmd) {
    if (const CommandResult* seen = log.find(cmd.author, cmd.id)) return *seen;   // a retry: same answer
    CommandResult result = commands::run(state, log, cmd, true);
    if (!valid_command_id(cmd.id)) return result;   // not logged: there is no id to remember it by
    const std::string key = CommandLog::key(cmd.author, cmd.id);
    if (log.journal) log.journal->results.push_back(key);
    if (result.accepted())
        for (const EntityChange& c : result.changes) {
            const std::string entity = std::string(collection_name(c.collection)) + "/" + c.key;
            if (log.journal) {
                auto it = log.last_change.find(entity);
                log.journal->last_change.emplace_back(entity, it == log.last_change.end() ? std::nullopt : std::optional(it->second));
            }
            log.last_change[entity] = key;
        }
    log.results.emplace(key, result);
    return result;
}

CommandResult preview(State& state, const CommandLog& log, const Command& cmd) {
    if (const CommandResult* seen = log.find(cmd.author, cmd.id)) return *seen;
    return commands::run(state, log, cmd, false);
}

std::string_view to_string(CommandStatus s) {
    switch (s) {
        case CommandStatus::Accepted: return "accepted";
        case CommandStatus::Rejected: return "rejected";
        case CommandStatus::Forbidden: return "forbidden";
        case CommandStatus::Malformed: return "malformed";
    }
    return "";
}

std::optional<Command> command_from_json(const nlohmann::json& j, std::string& error) {
    if (!j.is_object()) {
        error = "a command must be a JSON object";
        return std::nullopt;
    }
    for (auto it = j.begin(); it != j.end(); ++it)
        if (it.key() != "id" && it.key() != "type" && it.key() != "payload" && it.key() != "author" && it.key() != "time") {
            error = "\"" + it.key().substr(0, 40) + "\" is not a field of a command (id, type, payload)";
            return std::nullopt;
        }
    Command c;
    for (auto [key, out] : {std::pair{"id", &c.id}, std::pair{"type", &c.type}}) {
        auto it = j.find(key);
        if (it == j.end() || !it->is_string()) {
            error = std::string("a command's \"") + key + "\" must be a string";
            return std::nullopt;
        }
        *out = it->get<std::string>();
    }
    if (!valid_command_id(c.id)) {
        error = "a command's id must be 1 to 64 letters, digits, '-', '_', '.' or ':'";
        return std::nullopt;
    }
    for (auto [key, out] : {std::pair{"author", &c.author}, std::pair{"time", &c.time}})
        if (auto it = j.find(key); it != j.end()) {
            if (!it->is_string() || it->get_ref<const std::string&>().size() > 64) {
                error = std::string("a command's \"") + key + "\" must be a short string";
                return std::nullopt;
            }
            *out = it->get<std::string>();
        }
    if (auto it = j.find("payload"); it != j.end()) c.payload = *it;
    return c;
}

nlohmann::json to_json(const Command& c) {
    return {{"id", c.id}, {"author", c.author}, {"time", c.time}, {"type", c.type}, {"payload", c.payload}};
}

namespace {
nlohmann::json violations_json(const std::vector<Violation>& list) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& v : list)
        out.push_back({{"rule", v.rule}, {"severity", v.severity == Severity::Block ? "block" : "warn"}, {"staff", v.staff},
                       {"message", v.message}, {"shifts", v.shifts}});
    return out;
}

bool read_violations(const nlohmann::json& j, std::vector<Violation>& out) {
    if (!j.is_array()) return false;
    for (const auto& x : j) {
        if (!x.is_object()) return false;
        Violation v;
        auto text = [&](const char* k, std::string& s) {
            auto it = x.find(k);
            if (it != x.end() && it->is_string()) s = it->get<std::string>();
        };
        text("rule", v.rule);
        text("staff", v.staff);
        text("message", v.message);
        std::string severity;
        text("severity", severity);
        v.severity = severity == "warn" ? Severity::Warn : Severity::Block;
        if (auto it = x.find("shifts"); it != x.end() && it->is_array())
            for (const auto& s : *it)
                if (s.is_string()) v.shifts.push_back(s.get<std::string>());
        out.push_back(std::move(v));
    }
    return true;
}
}  // namespace

std::optional<CommandResult> command_result_from_json(const nlohmann::json& j) {
    if (!j.is_object() || !j.contains("id") || !j["id"].is_string() || !j.contains("status") || !j["status"].is_string())
        return std::nullopt;
    CommandResult r;
    r.id = j["id"].get<std::string>();
    const std::string status = j["status"].get<std::string>();
    bool known = false;
    for (CommandStatus s : {CommandStatus::Accepted, CommandStatus::Rejected, CommandStatus::Forbidden, CommandStatus::Malformed})
        if (to_string(s) == status) r.status = s, known = true;
    if (!known) return std::nullopt;
    for (auto [key, out] : {std::pair{"author", &r.author}, std::pair{"type", &r.type}, std::pair{"reason", &r.reason},
                            std::pair{"time", &r.time}})
        if (auto it = j.find(key); it != j.end() && it->is_string()) *out = it->get<std::string>();
    if (auto it = j.find("revision"); it != j.end() && it->is_number_integer()) r.revision = it->get<int64_t>();
    if (auto it = j.find("warnings"); it != j.end() && !read_violations(*it, r.warnings)) return std::nullopt;
    if (auto it = j.find("blocks"); it != j.end() && !read_violations(*it, r.blocks)) return std::nullopt;
    if (auto it = j.find("changes"); it != j.end()) {
        std::string error;
        auto changes = change_set_from_json(*it, error);
        if (!changes) return std::nullopt;
        r.changes = std::move(*changes);
    }
    return r;
}

nlohmann::json to_json(const CommandResult& r) {
    nlohmann::json j = {{"id", r.id}, {"status", to_string(r.status)}, {"revision", r.revision}};
    if (!r.author.empty()) j["author"] = r.author;
    if (!r.type.empty()) j["type"] = r.type;
    if (!r.time.empty()) j["time"] = r.time;
    if (!r.reason.empty()) j["reason"] = r.reason;
    if (!r.warnings.empty()) j["warnings"] = violations_json(r.warnings);
    if (!r.blocks.empty()) j["blocks"] = violations_json(r.blocks);
    if (!r.changes.empty()) j["changes"] = to_json(r.changes);
    return j;
}

}  // namespace sb
