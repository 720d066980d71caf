#include "client/command_store.hpp"

#include <algorithm>
#include <chrono>

namespace sb::client {
using json = nlohmann::json;

namespace {
int64_t system_seconds() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

CommandResult refusal(const std::string& type, std::string reason) {
    CommandResult r;
    r.type = type;
    r.status = CommandStatus::Rejected;
    r.reason = std::move(reason);
    return r;
}
}  // namespace

CommandStore::CommandStore(Clock clock) : clock_(clock ? std::move(clock) : Clock(system_seconds)) {
    // Ids must not repeat for one author, even across restarts of a store with no saved queue: the
    // web platform sets a random prefix per page; elsewhere the start time serves.
    prefix_ = "l" + std::to_string(clock_());
}

int64_t CommandStore::now() const { return clock_() + offset_; }

std::string CommandStore::now_iso() const {
    const int64_t t = now();
    const int64_t minutes = t / 60;
    const LocalDateTime utc{Date{int32_t(minutes / 1440)}, int(minutes % 1440)};
    const int s = int(t % 60);
    return format_local_date_time(utc) + ":" + (s < 10 ? "0" : "") + std::to_string(s) + "Z";
}

std::string CommandStore::new_id() { return prefix_ + "-" + std::to_string(next_id_++); }

Command CommandStore::make(const std::string& type, json payload) const {
    return Command{"", user_, now_iso(), type, std::move(payload)};
}

void CommandStore::load(State confirmed, std::string user) {
    if (loaded_ && user != user_) {
        // Someone else signs in on this browser: the last person's unanswered changes wait for them.
        if (unanswered() > 0) set_aside_.push_back(pending_json());
        outstanding_.clear();
        undo_.clear();
        redo_.clear();
        audit_.clear();
        log_ = CommandLog{};
    }
    user_ = std::move(user);
    confirmed_ = std::move(confirmed);
    loaded_ = true;
    arrived_.erase(arrived_.begin(), arrived_.upper_bound(confirmed_.revision));
    outstanding_.erase(std::remove_if(outstanding_.begin(), outstanding_.end(),
                                      [&](const Outstanding& o) { return o.confirmed_at > 0 && o.confirmed_at <= confirmed_.revision; }),
                       outstanding_.end());
    for (size_t i = 0; i < set_aside_.size();) {
        const json saved = set_aside_[i];
        if (saved.value("user", "") == user_) {
            set_aside_.erase(set_aside_.begin() + long(i));
            restore_pending(saved);
        } else {
            ++i;
        }
    }
    drain();
    rebuild_view();
    ++version_;
}

CommandResult CommandStore::run(Command c, std::string description) {
    if (!loaded_) return refusal(c.type, "The rota has not loaded yet");
    c.id = new_id();
    if (!view_) view_ = confirmed_;
    CommandResult r = apply_command(*view_, log_, c);
    if (!r.accepted()) {
        if (outstanding_.empty()) view_.reset();
        return r;
    }
    record_audit(c, r, view_->revision);
    outstanding_.push_back({std::move(c), std::move(description)});
    ++version_;
    return r;
}

CommandResult CommandStore::submit(const std::string& type, json payload, std::string description) {
    CommandResult r = run(make(type, std::move(payload)), description);
    if (r.accepted()) {
        undo_.push_back({r.id, std::move(description)});
        redo_.clear();
    }
    return r;
}

CommandResult CommandStore::preview(const std::string& type, const json& payload) {
    if (!loaded_) return refusal(type, "The rota has not loaded yet");
    Command c = make(type, payload);
    c.id = "preview";
    return sb::preview(view_ ? *view_ : confirmed_, log_, c);
}

const std::string& CommandStore::undo_description() const {
    static const std::string none;
    return undo_.empty() ? none : undo_.back().description;
}

const std::string& CommandStore::redo_description() const {
    static const std::string none;
    return redo_.empty() ? none : redo_.back().description;
}

CommandResult CommandStore::undo() {
    if (undo_.empty()) return refusal("undo", "There is nothing of yours to undo");
    const Done top = undo_.back();
    CommandResult r = run(make("undo", {{"command", top.id}}), "Undone: " + top.description);
    if (r.accepted()) {
        undo_.pop_back();
        redo_.push_back({r.id, top.description});
    }
    return r;
}

CommandResult CommandStore::redo() {
    if (redo_.empty()) return refusal("undo", "There is nothing to redo");
    const Done top = redo_.back();
    CommandResult r = run(make("undo", {{"command", top.id}}), "Redone: " + top.description);
    if (r.accepted()) {
        redo_.pop_back();
        undo_.push_back({r.id, top.description});
    }
    return r;
}

void CommandStore::forget(const std::string& id) {
    for (auto* stack : {&undo_, &redo_})
        stack->erase(std::remove_if(stack->begin(), stack->end(), [&](const Done& d) { return d.id == id; }), stack->end());
}

std::vector<Command> CommandStore::to_send(size_t max) {
    std::vector<Command> out;
    for (Outstanding& o : outstanding_)
        if (!o.sent && o.confirmed_at == 0 && out.size() < max) {
            o.sent = true;
            out.push_back(o.command);
        }
    return out;
}

void CommandStore::resend() {
    for (Outstanding& o : outstanding_)
        if (o.confirmed_at == 0) o.sent = false;
}

size_t CommandStore::unanswered() const {
    return size_t(std::count_if(outstanding_.begin(), outstanding_.end(), [](const Outstanding& o) { return o.confirmed_at == 0; }));
}

bool CommandStore::has_unsent() const {
    return std::any_of(outstanding_.begin(), outstanding_.end(), [](const Outstanding& o) { return !o.sent && o.confirmed_at == 0; });
}

std::string CommandStore::acknowledge(const Answer& a) {
    auto it = std::find_if(outstanding_.begin(), outstanding_.end(), [&](const Outstanding& o) { return o.command.id == a.id; });
    if (it == outstanding_.end() || it->confirmed_at > 0) return {};
    if (a.status == CommandStatus::Accepted) {
        it->confirmed_at = a.revision;
        confirm_in_log(a.id, a.changes, a.revision);
        if (a.revision > confirmed_.revision) {
            arrived_.emplace(a.revision, Arrived{a.changes, a.id, user_, it->command.type});
            drain();
        } else {
            // Already here: the feed brought it first, or this is a retry's answer to a command the
            // server took before the connection dropped.
            outstanding_.erase(it);
            rebuild_view();
            ++version_;
        }
        return {};
    }
    const std::string description = it->description;
    outstanding_.erase(it);
    log_.results.erase(CommandLog::key(user_, a.id));
    forget(a.id);
    rebuild_view();
    ++version_;
    return "The server did not accept \xE2\x80\x9C" + description + "\xE2\x80\x9D: " + a.reason + ". It has been undone here.";
}

bool CommandStore::apply_remote(const Remote& change) {
    if (!loaded_) return false;
    if (change.revision <= confirmed_.revision) return true;   // already here (our own, answered first)
    arrived_.emplace(change.revision, Arrived{change.changes, change.id, change.author, change.type});
    drain();
    return arrived_.size() < 10000;   // a gap that large will not fill: reload instead
}

void CommandStore::drain() {
    bool moved = false;
    for (auto it = arrived_.find(confirmed_.revision + 1); it != arrived_.end(); it = arrived_.find(confirmed_.revision + 1)) {
        apply_changes(confirmed_, it->second.changes, Direction::Forward, false);
        confirmed_.revision = it->first;
        if (it->second.author == user_ && !it->second.id.empty())
            for (Outstanding& o : outstanding_)
                if (o.command.id == it->second.id && o.confirmed_at == 0) {
                    // Our own command, confirmed by the feed before its answer came back.
                    o.confirmed_at = it->first;
                    confirm_in_log(o.command.id, it->second.changes, it->first);
                }
        if (!it->second.id.empty() && !it->second.author.empty()) {
            // Who last changed each entity, for an undo that can no longer happen ("… has since booked …").
            const std::string key = CommandLog::key(it->second.author, it->second.id);
            for (const EntityChange& c : it->second.changes)
                log_.last_change[std::string(collection_name(c.collection)) + "/" + c.key] = key;
            if (!log_.results.count(key)) {
                CommandResult r;
                r.id = it->second.id;
                r.author = it->second.author;
                r.type = it->second.type;
                r.status = CommandStatus::Accepted;
                r.revision = it->first;
                log_.results.emplace(key, std::move(r));
            }
        }
        arrived_.erase(it);
        moved = true;
    }
    if (!moved) return;
    outstanding_.erase(std::remove_if(outstanding_.begin(), outstanding_.end(),
                                      [&](const Outstanding& o) { return o.confirmed_at > 0 && o.confirmed_at <= confirmed_.revision; }),
                       outstanding_.end());
    rebuild_view();
    ++version_;
}

void CommandStore::confirm_in_log(const std::string& id, const ChangeSet& changes, int64_t revision) {
    // What the server did is what counts (its clock, its whole state): a later undo works from it.
    CommandResult& r = log_.results[CommandLog::key(user_, id)];
    r.id = id;
    r.author = user_;
    r.status = CommandStatus::Accepted;
    r.reason.clear();
    r.changes = changes;
    r.revision = revision;
}

void CommandStore::rebuild_view() {
    if (outstanding_.empty()) {
        view_.reset();
        return;
    }
    view_ = confirmed_;
    for (const Outstanding& o : outstanding_) {
        if (o.confirmed_at > 0) {
            // Accepted, waiting for others' earlier changes: show what the server made of it.
            if (auto a = arrived_.find(o.confirmed_at); a != arrived_.end())
                apply_changes(*view_, a->second.changes, Direction::Forward, false);
            continue;
        }
        log_.results.erase(CommandLog::key(user_, o.command.id));
        apply_command(*view_, log_, o.command);   // refused now? the server will say so too
    }
}

void CommandStore::record_audit(const Command& c, const CommandResult& r, int64_t revision) {
    const CommandResult* undone = nullptr;
    if (c.type == "undo") undone = log_.find(c.author, c.payload.value("command", ""));
    audit_.push_back(audit_entry(state(), c, r, revision, undone));
    if (audit_.size() > 500) audit_.erase(audit_.begin());
}

json CommandStore::pending_json() const {
    json list = json::array();
    for (const Outstanding& o : outstanding_)
        if (o.confirmed_at == 0)
            list.push_back({{"id", o.command.id}, {"type", o.command.type}, {"payload", o.command.payload}, {"description", o.description}});
    return {{"user", user_}, {"next", next_id_}, {"commands", std::move(list)}};
}

void CommandStore::restore_pending(const json& saved) {
    if (!saved.is_object() || !saved.contains("commands") || !saved["commands"].is_array()) return;
    const std::string who = saved.value("user", "");
    if (who != user_) {
        set_aside_.push_back(saved);
        return;
    }
    for (const json& j : saved["commands"]) {
        std::string why;
        json bare = {{"id", j.value("id", "")}, {"type", j.value("type", "")}, {"payload", j.value("payload", json::object())}};
        auto c = command_from_json(bare, why);
        if (!c) continue;
        const bool known = std::any_of(outstanding_.begin(), outstanding_.end(), [&](const Outstanding& o) { return o.command.id == c->id; });
        if (known) continue;
        c->author = user_;
        c->time = now_iso();
        outstanding_.push_back({std::move(*c), j.value("description", std::string("A change made earlier"))});
    }
    // Ids go on from where the saved queue left off, so a restored command's id is never reused.
    if (saved.contains("next") && saved["next"].is_number_integer()) next_id_ = std::max(next_id_, saved["next"].get<int64_t>());
    if (loaded_) {
        rebuild_view();
        ++version_;
    }
}

}  // namespace sb::client
