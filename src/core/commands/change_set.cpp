#include "core/commands/change_set.hpp"

#include <algorithm>
#include <climits>

namespace sb {
using json = nlohmann::json;

json to_json(const ChangeSet& changes, bool with_before) {
    json out = json::array();
    for (const EntityChange& c : changes) {
        json j = {{"collection", collection_name(c.collection)}, {"key", c.key}};
        if (with_before && !c.before.is_null()) j["before"] = c.before;
        if (!c.after.is_null()) j["after"] = c.after;
        if (with_before && c.before_index >= 0) j["before_index"] = c.before_index;
        if (c.after_index >= 0) j["after_index"] = c.after_index;
        out.push_back(std::move(j));
    }
    return out;
}

std::optional<ChangeSet> change_set_from_json(const json& j, std::string& error) {
    if (!j.is_array()) return error = "a change set must be an array", std::nullopt;
    ChangeSet out;
    for (size_t i = 0; i < j.size(); ++i) {
        const json& x = j[i];
        const std::string at = "change " + std::to_string(i + 1) + ": ";
        if (!x.is_object()) return error = at + "must be an object", std::nullopt;
        for (auto it = x.begin(); it != x.end(); ++it)
            if (it.key() != "collection" && it.key() != "key" && it.key() != "before" && it.key() != "after" &&
                it.key() != "before_index" && it.key() != "after_index")
                return error = at + "\"" + it.key().substr(0, 40) + "\" is not a field of a change", std::nullopt;
        EntityChange c;
        auto name = x.find("collection");
        auto col = name != x.end() && name->is_string() ? parse_collection(name->get_ref<const std::string&>()) : std::nullopt;
        if (!col) return error = at + "\"collection\" must name one of the data format's lists", std::nullopt;
        c.collection = *col;
        auto key = x.find("key");
        if (key == x.end() || !key->is_string() || key->get_ref<const std::string&>().empty() || key->get_ref<const std::string&>().size() > 300)
            return error = at + "\"key\" must be a non-empty string", std::nullopt;
        c.key = key->get<std::string>();
        for (auto [field, image] : {std::pair{"before", &c.before}, std::pair{"after", &c.after}}) {
            auto it = x.find(field);
            if (it == x.end() || it->is_null()) continue;
            if (!it->is_object()) return error = at + "\"" + field + "\" must be an object", std::nullopt;
            *image = *it;
        }
        for (auto [field, index] : {std::pair{"before_index", &c.before_index}, std::pair{"after_index", &c.after_index}}) {
            auto it = x.find(field);
            if (it == x.end()) continue;
            if (!it->is_number_integer() || it->get<int64_t>() < 0 || it->get<int64_t>() > INT_MAX)
                return error = at + "\"" + field + "\" must be a whole number from 0", std::nullopt;
            *index = int(it->get<int64_t>());
        }
        out.push_back(std::move(c));
    }
    return out;
}

json current_image(const State& state, Collection c, const std::string& key) {
    return visit_collection(c, [&](auto tag) -> json {
        using T = decltype(tag);
        const auto& items = Entities<T>::of(state);
        const int i = index_of(items, key);
        return i < 0 ? json(nullptr) : format::write(items[size_t(i)]);
    });
}

bool same_image(Collection c, const json& a, const json& b) {
    if (c != Collection::Notifications || !a.is_object() || !b.is_object()) return a == b;
    json x = a, y = b;   // a notification read since is still the notification the command made
    x.erase("read");
    y.erase("read");
    return x == y;
}

namespace {
template <class T>
bool read_image(const json& image, T& out) {
    format::Reader r;
    return format::read(r, image, "", out) && r.errors.empty();
}
}  // namespace

ApplyChangesResult apply_changes(State& state, const ChangeSet& changes, Direction direction, bool check) {
    ApplyChangesResult out;
    const bool forward = direction == Direction::Forward;
    auto target = [&](const EntityChange& c) -> const json& { return forward ? c.after : c.before; };
    auto target_index = [&](const EntityChange& c) { return forward ? c.after_index : c.before_index; };
    for (size_t i = 0; check && i < changes.size(); ++i) {
        const EntityChange& c = changes[i];
        if (!same_image(c.collection, forward ? c.before : c.after, current_image(state, c.collection, c.key))) {
            out.ok = false;
            out.conflict = int(i);
            return out;
        }
    }
    // Every target must read as its entity before anything moves: all or nothing.
    for (const EntityChange& c : changes) {
        if (target(c).is_null()) continue;
        const bool ok = visit_collection(c.collection, [&](auto tag) {
            using T = decltype(tag);
            T x;
            return read_image(target(c), x) && key_of(x) == c.key;
        });
        if (!ok) {
            out.ok = false;
            out.error = "the recorded " + std::string(collection_name(c.collection)) + " entry \"" + c.key.substr(0, 64) +
                        "\" does not read as one";
            return out;
        }
    }
    for (int k = 0; k < kCollectionCount; ++k) {
        const Collection col = Collection(k);
        std::vector<const EntityChange*> mine;
        for (const EntityChange& c : changes)
            if (c.collection == col) mine.push_back(&c);
        if (mine.empty()) continue;
        visit_collection(col, [&](auto tag) {
            using T = decltype(tag);
            auto& items = Entities<T>::of(state);
            std::unordered_set<std::string> keys;
            for (const EntityChange* c : mine) keys.insert(c->key);
            items.erase(std::remove_if(items.begin(), items.end(), [&](const T& x) { return keys.count(std::string(key_of(x))) > 0; }),
                        items.end());
            // Untouched entities keep their order, so putting each back at its recorded place in
            // ascending order rebuilds the list exactly; without a place it goes at the end.
            std::vector<std::pair<int, const EntityChange*>> inserts;
            for (const EntityChange* c : mine)
                if (!target(*c).is_null()) inserts.emplace_back(target_index(*c) < 0 ? INT_MAX : target_index(*c), c);
            std::stable_sort(inserts.begin(), inserts.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
            for (const auto& [index, c] : inserts) {
                T x;
                read_image(target(*c), x);
                items.insert(items.begin() + std::min<size_t>(size_t(index), items.size()), std::move(x));
            }
            return 0;
        });
    }
    return out;
}

std::string ChangeRecorder::seen_key(Collection c, std::string_view key) {
    return std::to_string(int(c)) + "/" + std::string(key);
}

void ChangeRecorder::mark_removed(Collection c, std::string_view key) {
    for (Before& b : befores_)
        if (b.collection == c && b.key == key && !b.image.is_null()) b.removed = true;
}

int ChangeRecorder::original_index(Collection c, int current) const {
    // Entities this command removed were before or after this one in the original list; each one
    // at or before its position in the original moves it one place on.
    std::vector<int> removed;
    for (const Before& b : befores_)
        if (b.collection == c && b.removed) removed.push_back(b.index);
    std::sort(removed.begin(), removed.end());
    int original = current;
    for (int r : removed)
        if (r <= original) ++original;
    return original;
}

void ChangeRecorder::note_all(const ChangeSet& changes) {
    for (const EntityChange& c : changes)
        visit_collection(c.collection, [&](auto tag) {
            using T = decltype(tag);
            const auto& items = Entities<T>::of(state_);
            const int i = index_of(items, c.key);
            if (i >= 0) note(c.collection, items, i);
            else if (seen_.insert(seen_key(c.collection, c.key)).second) befores_.push_back({c.collection, c.key, nullptr, -1});
            return 0;
        });
}

ChangeSet ChangeRecorder::finish() {
    ChangeSet out;
    for (Before& b : befores_) {
        EntityChange c{b.collection, b.key, std::move(b.image), nullptr, b.index, -1};
        visit_collection(b.collection, [&](auto tag) {
            using T = decltype(tag);
            const auto& items = Entities<T>::of(state_);
            const int i = index_of(items, c.key);
            if (i >= 0) c.after = format::write(items[size_t(i)]), c.after_index = i;
            return 0;
        });
        if (c.before == c.after && (c.before.is_null() || c.before_index == c.after_index)) continue;
        out.push_back(std::move(c));
    }
    befores_.clear();
    seen_.clear();
    return out;
}

void ChangeRecorder::rollback() {
    const ChangeSet changes = finish();
    apply_changes(state_, changes, Direction::Backward, false);
}

}  // namespace sb
