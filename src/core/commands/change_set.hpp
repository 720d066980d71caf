// What a command changed: each entity it touched, as it was before and as it is after, in the data
// format's JSON. apply_command records one for every accepted command (the handlers write only
// through a ChangeRecorder, so nothing escapes it), and the rest follows from that one record:
//   - undo is the `undo` command, which puts the before-images back (and redo undoes the undo);
//   - a handler that refuses half-way is rolled back from the same record, so a command is
//     all-or-nothing without each handler undoing its own work;
//   - the server's change feed sends the after-images (as each person may see them, visibility.hpp),
//     and browsers apply them in place instead of reloading the whole rota;
//   - the audit trail describes a command from its images, even once the shift is long deleted.
#pragma once
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/collections.hpp"
#include "core/format/entity_json.hpp"

namespace sb {

struct EntityChange {
    Collection collection = Collection::Shifts;
    std::string key;
    nlohmann::json before;   // the entity as it was; null if it did not exist
    nlohmann::json after;    // as the command left it; null if it was removed
    int before_index = -1;   // its place in its list, so undo puts it back exactly where it was
    int after_index = -1;    // (-1: not known, append; the order of a list is not part of its content)
};
using ChangeSet = std::vector<EntityChange>;

// with_before false: after-images only, all a copy that follows the server needs (the change feed).
nlohmann::json to_json(const ChangeSet& changes, bool with_before = true);
std::optional<ChangeSet> change_set_from_json(const nlohmann::json& j, std::string& error);

enum class Direction { Forward, Backward };

struct ApplyChangesResult {
    bool ok = true;
    int conflict = -1;       // index into the change set of an entity that is not as expected
    std::string error;       // an image that does not read as its entity (a corrupt record)
};

// Makes every entity of `changes` what it was after (Forward) or before (Backward) the command.
// With `check`, each must first be as the other image says (nobody has changed it since; a
// notification's read mark does not count); otherwise, or if an image does not read, nothing
// changes. Without `check` only the target images matter (a feed that sends after-images only).
ApplyChangesResult apply_changes(State& state, const ChangeSet& changes, Direction direction, bool check);

// The entity's image as it is now (null if there is none), and whether two images are the same
// entity state (a notification's read mark aside: reading a message does not change what it says).
nlohmann::json current_image(const State& state, Collection c, const std::string& key);
bool same_image(Collection c, const nlohmann::json& a, const nlohmann::json& b);

// The only way a command handler changes the state: every entity it may change is noted here first,
// with its image and place, and finish() compares them with what they became.
class ChangeRecorder {
public:
    explicit ChangeRecorder(State& state) : state_(state) {}

    // The entity with this key, to change in place; nullptr if there is none.
    template <class T>
    T* edit(std::string_view key) {
        auto& items = Entities<T>::of(state_);
        const int i = index_of(items, key);
        if (i < 0) return nullptr;
        note(Entities<T>::collection, items, i);
        return &items[size_t(i)];
    }
    // Adds it at the end of its list; false (and nothing added) if its key is taken.
    template <class T>
    bool add(T x) {
        auto& items = Entities<T>::of(state_);
        const std::string key = std::string(key_of(x));
        if (index_of(items, key) >= 0) return false;
        if (seen_.insert(seen_key(Entities<T>::collection, key)).second)
            befores_.push_back({Entities<T>::collection, key, nullptr, -1});
        items.push_back(std::move(x));
        return true;
    }
    template <class T>
    bool remove(std::string_view key) {
        auto& items = Entities<T>::of(state_);
        const int i = index_of(items, key);
        if (i < 0) return false;
        note(Entities<T>::collection, items, i);
        mark_removed(Entities<T>::collection, key);
        items.erase(items.begin() + i);
        return true;
    }
    // Notes every entity of a change set, then moves them all to one side of it (the undo command).
    void note_all(const ChangeSet& changes);
    ApplyChangesResult apply(const ChangeSet& changes, Direction direction) {
        return apply_changes(state_, changes, direction, false);
    }

    ChangeSet finish();   // what changed (entities that ended as they began are left out); forgets
    void rollback();      // puts everything noted back as it was; forgets

private:
    struct Before {
        Collection collection;
        std::string key;
        nlohmann::json image;   // null: added by this command
        int index;              // in the list as it was before the command
        bool removed = false;
    };
    State& state_;
    std::vector<Before> befores_;
    std::unordered_set<std::string> seen_;
    static std::string seen_key(Collection c, std::string_view key);
    void mark_removed(Collection c, std::string_view key);
    template <class T>
    void note(Collection c, const std::vector<T>& items, int current_index);
    int original_index(Collection c, int current_index) const;
};

template <class T>
void ChangeRecorder::note(Collection c, const std::vector<T>& items, int current_index) {
    std::string key(key_of(items[size_t(current_index)]));
    if (!seen_.insert(seen_key(c, key)).second) return;
    befores_.push_back({c, std::move(key), format::write(items[size_t(current_index)]), original_index(c, current_index)});
}

}  // namespace sb
