// The audit trail: one sentence per accepted command, built from what it changed (its change set's
// images, so the sentence still reads right once the shift is long gone), with who, when, which
// rule was overridden and why. The server's GET /api/audit, the browser's history panel and the
// CSV export all come from audit_entry(); who may read which entry is may_read() below, the same
// scoping as the snapshot (managers their wards, admins everything, clinicians their own).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/commands/command.hpp"

namespace sb {

struct AuditEntry {
    int64_t revision = 0;
    std::string time;                   // ISO 8601 UTC, the server's clock
    std::string author;                 // User id
    std::string type;                   // command type
    std::string text;                   // "Adaeze Okafor moved Grace Nowak's Late on Tue 1 Dec to Wed 2 Dec"
    std::string override_reason;        // the manager's words, where a blocking rule was overridden
    std::vector<std::string> overridden;   // short names of the rules overridden ("11 h rest")
    std::vector<std::string> overridden_rules;   // their ids ("min_rest")
    std::vector<std::string> wards;     // wards whose rota or requests it touched
    std::vector<std::string> staff;     // people it concerned (whose shifts, leave, requests …)
};

// `undone`: for an `undo`, the command it undid, so the sentence can say what came back.
AuditEntry audit_entry(const State& names, const Command& command, const CommandResult& result, int64_t revision,
                       const CommandResult* undone = nullptr);

// A sign-in, sign-out or an administrator ending someone's sessions, in the same trail though not a
// change: event "sign_in", "sign_out" or "sessions_ended" (`by` ended `count` of `user`'s sessions),
// or a person's calendar link made, reset or turned off ("calendar_link_made", "…_reset", "…_revoked").
// Read by administrators and by the person it concerns. Placed after the changes of `revision`.
AuditEntry access_entry(const State& names, int64_t revision, const std::string& time, const std::string& event,
                        const std::string& user, const std::string& by, int count);

// The sentence as a person reads it: with ", overriding '11 h rest' because: …" where there is one.
std::string audit_sentence(const AuditEntry& e, bool with_override = true);

// Whether `viewer` may read this entry: admins all; managers what touches their wards or what they
// did; clinicians what they did and what changed their own shifts and requests (without anyone
// else's override reasons, see as_read_by).
bool may_read(const State& state, const User& viewer, const AuditEntry& e);
AuditEntry as_read_by(const User& viewer, AuditEntry e);

struct AuditFilter {
    std::string ward;           // "" any
    std::string staff;          // a person it concerned, or who made it; "" any
    std::string rule;           // an overridden rule id; "" any; "*" any override at all
    std::optional<Date> from, to;   // inclusive, by the entry's date in London
    enum class Events { Changes, Access, All } events = Events::Changes;   // sign-ins only when asked for
};
bool is_access(const AuditEntry& e);   // a sign-in, sign-out, ending of sessions or calendar link's change
bool matches(const AuditEntry& e, const AuditFilter& f);
// "revision,time,author,type,text,override_reason" with a header line; fields quoted as RFC 4180
// says, and a leading = + - @ neutralised so a spreadsheet never runs a cell as a formula.
std::string audit_csv(const State& names, const std::vector<AuditEntry>& entries);
// {revision, time, author, author_name, type, text (the whole sentence), summary (without the
// override clause), override_reason?, overridden? (rule ids), wards, staff}: GET /api/audit.
nlohmann::json to_json(const State& names, const AuditEntry& e);
std::optional<AuditEntry> audit_entry_from_json(const nlohmann::json& j);
// "Tue 1 Dec, 14:05" in London time, from the entry's UTC time.
std::string audit_time(const AuditEntry& e);

// Why an undo cannot happen: who has changed `change`'s entity since, in words ("Adaeze Okafor has
// since booked Early, Thu 5 Mar, Ward 7 · Acute Medicine, so this cannot be undone").
std::string undo_conflict(const State& state, const CommandLog& log, const EntityChange& change);

// The rules a manager can override, as (id, short name: "11 h rest"), for a filter's list.
std::vector<std::pair<std::string, std::string>> overridable_rules();

// "Early, Thu 5 Mar, Ward 7": what an entity is, from its image.
std::string describe_entity(const State& names, Collection c, const nlohmann::json& image);

}  // namespace sb
