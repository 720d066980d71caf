// Undo, for every command type by one mechanism: `undo` puts back the before-images its target
// recorded, through apply_command like any other change (so it is logged, sent, audited and can
// itself be undone: that is redo). Only the target's author may undo it, and only while nobody has
// changed those entities since; otherwise the refusal says who did what.
#include "core/audit.hpp"
#include "core/commands/command_context.hpp"
#include "core/rules/rules_engine.hpp"
#include "core/visibility.hpp"

#include <algorithm>

namespace sb::commands {
namespace {

bool undo(Ctx& c) {
    const std::string target_id = c.args.id("command");
    if (!c.args.ok()) return false;
    // Looked up under the author's own ids: nobody can undo, or even name, someone else's change.
    const CommandResult* target = c.log.find(c.author.id, target_id);
    if (!target || !target->accepted()) return c.reject("There is no change of yours with the id \"" + target_id + "\" to undo");
    bool all_back = true;
    for (const EntityChange& e : target->changes) {
        const nlohmann::json now = current_image(c.state, e.collection, e.key);
        if (now == e.after) {   // still as the command left it
            all_back = false;
            continue;
        }
        if (now == e.before) continue;   // already back as it was
        if (!same_image(e.collection, now, e.after)) return c.reject(undo_conflict(c.state, c.log, e));
        all_back = false;                // as it was left, but for a notification read since
    }
    if (all_back && !target->changes.empty()) return c.reject("That change has already been undone");
    // Paid is final: the payroll file may be with payroll already, and a timesheet made payable
    // again would be paid twice. (A mistake is put right in the next run, or by payroll.)
    for (const EntityChange& e : target->changes)
        if (e.collection == Collection::Timesheets && e.after.is_object() && e.after.contains("payroll") &&
            !(e.before.is_object() && e.before.contains("payroll")))
            return c.reject("A payroll run cannot be undone: its file may be with payroll already, and the same work would be paid twice");
    c.w.note_all(target->changes);
    const ApplyChangesResult r = c.w.apply(target->changes, Direction::Backward);
    if (!r.ok) return c.reject("This change cannot be undone: " + r.error);
    // Putting things back is a change like any other: a shift that gets its person back must still
    // be one they may work (no double booking since), must not have started, and nothing made
    // since may be left pointing at a shift the undo takes away.
    const auto now = command_time(c.cmd);
    const auto then = utc_time(target->time);   // when the undone change was made
    for (const EntityChange& e : target->changes) {
        if (e.collection != Collection::Shifts) continue;
        const Shift* restored = c.state.find_shift(e.key);
        if (!restored) {
            for (const Application& a : c.state.applications)
                if (a.shift == e.key) return c.reject(describe_entity(c.state, e.collection, e.after) + " has been applied for since, so this cannot be undone");
            for (const Swap& w : c.state.swaps)
                if (w.shift == e.key || w.other_shift == e.key)
                    return c.reject(describe_entity(c.state, e.collection, e.after) + " is part of a swap asked for since, so this cannot be undone");
            for (const Timesheet& t : c.state.timesheets)
                if (t.shift == e.key) return c.reject(describe_entity(c.state, e.collection, e.after) + " has a timesheet since, so this cannot be undone");
            continue;
        }
        const nlohmann::json left = e.after;   // as the undone command left it (and as it was until now)
        const bool moved_person = !left.is_object() || left.value("assignee", "") != restored->assignee ||
                                  left.value("start", "") != format_local_date_time(restored->start) ||
                                  left.value("end", "") != format_local_date_time(restored->end);
        if (!moved_person || restored->assignee.empty()) continue;
        // Started since the undone change: putting a person back onto it now is a change to the
        // past. One that had already started then is only put back as it was.
        const UtcMinutes start = london_to_utc(restored->start);
        if (now && start <= *now && !(then && start <= *then))
            return c.reject(describe_entity(c.state, e.collection, e.after) + " has started since, so this cannot be undone");
        // A rule broken only by shifts as they were before the undone command was broken then too:
        // putting that back is allowed. One that involves a shift changed since (a booking made in
        // the meantime) is new, and stops the undo like any change.
        auto changed_since = [&](const std::string& shift) {
            for (const EntityChange& x : target->changes)
                if (x.collection == Collection::Shifts && x.key == shift) return false;
            auto last = c.log.last_change.find("shifts/" + shift);
            if (last == c.log.last_change.end()) return false;
            auto by = c.log.results.find(last->second);
            return by != c.log.results.end() && by->second.revision > target->revision;
        };
        for (const Violation& v : check_candidate(c.state, *restored, restored->assignee, true).violations) {
            if (v.severity != Severity::Block || std::none_of(v.shifts.begin(), v.shifts.end(), changed_since)) continue;
            return c.reject("Undoing this would break a rule: " + as_seen_by(c.state, c.author, v).message);
        }
    }
    return true;
}

}  // namespace

const std::vector<HandlerEntry>& undo_handlers() {
    static const std::vector<HandlerEntry> h = {
        {"undo", undo, {"command"}},
    };
    return h;
}

}  // namespace sb::commands
