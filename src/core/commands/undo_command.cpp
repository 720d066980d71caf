// Undo, for every command type by one mechanism: `undo` puts back the before-images its target
// recorded, through apply_command like any other change (so it is logged, sent, audited and can
// itself be undone: that is redo). Only the target's author may undo it, and only while nobody has
// changed those entities since; otherwise the refusal says who did what.
#include "core/audit.hpp"
#include "core/commands/command_context.hpp"

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
    c.w.note_all(target->changes);
    const ApplyChangesResult r = c.w.apply(target->changes, Direction::Backward);
    if (!r.ok) return c.reject("This change cannot be undone: " + r.error);
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
