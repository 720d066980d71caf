#include "rota_service.hpp"

#include <algorithm>
#include <future>
#include <stdexcept>

#include "core/data_format.hpp"
#include "core/icalendar.hpp"
#include "core/visibility.hpp"

namespace sb::server {
namespace {
using json = nlohmann::json;
constexpr size_t kRecentCommands = 20000;   // older than this, a client reloads the snapshot
constexpr int64_t kSnapshotEvery = 20000;   // revisions between snapshots (bounds replay at start)

std::string now_iso() {
    const auto t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}
}  // namespace

void RotaService::seed(Store& store, const State& initial) {
    WriteBatch b;
    b.snapshot = {initial.revision, save_state(initial)};
    store.write(b);
}

RotaService::RotaService(Store& store) : store_(store) {
    auto snap = store_.latest_snapshot();
    if (!snap) throw std::runtime_error("the database " + store_.path() + " has no data");
    LoadResult loaded = load_state(snap->second);
    if (!loaded.ok()) throw std::runtime_error("the snapshot in " + store_.path() + " is not valid: " + describe(loaded.errors.front()));
    state_ = std::move(loaded.state);
    state_.revision = snap->first;
    snapshot_revision_ = snap->first;
    // Every command's first result, with what it changed: retries, undo and the audit trail use them.
    std::vector<const CommandResult*> accepted;
    for (const Outcome& o : store_.outcomes()) {
        auto r = command_result_from_json(json::parse(o.result, nullptr, false));
        if (!r) throw std::runtime_error("the database " + store_.path() + " holds a result it cannot read (command " + o.id + ")");
        r->author = o.author;
        log_.results[CommandLog::key(o.author, o.id)] = std::move(*r);
    }
    // Replay from the snapshot through apply_command; an undo may name a command from before it.
    CommandLog replay;
    for (const auto& [key, r] : log_.results)
        if (r.accepted() && r.revision <= snap->first) replay.results.emplace(key, r);
    const std::vector<LoggedCommand> all = store_.commands_after(0);
    for (const LoggedCommand& c : all) {
        if (c.revision <= snap->first) continue;
        const CommandResult r = apply_command(state_, replay, c.command);
        if (!r.accepted() || r.revision != c.revision)
            throw std::runtime_error("the command log in " + store_.path() + " does not replay at revision " + std::to_string(c.revision) +
                                     ": " + r.reason);
    }
    for (const LoggedCommand& c : all) {
        auto it = log_.results.find(CommandLog::key(c.command.author, c.command.id));
        if (it == log_.results.end()) continue;
        for (const EntityChange& e : it->second.changes)
            log_.last_change[std::string(collection_name(e.collection)) + "/" + e.key] = it->first;
        remember(c.command, it->second);
    }
    durable_revision_ = state_.revision;
    writer_ = std::thread([this] { write_loop(); });
}

RotaService::~RotaService() { stop(); }

bool RotaService::stopping() {
    std::lock_guard lock(mu_);
    return stopping_ || closing_feeds_;
}

void RotaService::stop() {
    std::vector<std::function<void()>> wake;
    {
        std::lock_guard lock(mu_);
        if (stopping_ && !writer_.joinable()) return;
        stopping_ = true;
    }
    work_cv_.notify_all();
    durable_cv_.notify_all();
    if (writer_.joinable()) writer_.join();
    {
        std::lock_guard lock(mu_);
        wake = due_callbacks(true);
    }
    for (auto& f : wake) f();
}

std::vector<std::function<void()>> RotaService::due_callbacks(bool everyone) {
    std::vector<std::function<void()>> out;
    for (auto it = acks_.begin(); it != acks_.end() && (everyone || !failure_.empty() || it->first <= durable_);) {
        out.push_back(std::move(it->second));
        it = acks_.erase(it);
    }
    const bool all_feeds = everyone || stopping_ || closing_feeds_ || !failure_.empty();
    for (auto it = watchers_.begin(); it != watchers_.end();) {
        if (all_feeds || durable_revision_ > it->second.since) {
            out.push_back(std::move(it->second.wake));
            it = watchers_.erase(it);
        } else {
            ++it;
        }
    }
    return out;
}

uint64_t RotaService::watch(int64_t since, std::function<void()> wake) {
    std::unique_lock lock(mu_);
    if (durable_revision_ > since || stopping_ || closing_feeds_ || !failure_.empty()) {
        lock.unlock();
        wake();
        return 0;
    }
    const uint64_t id = next_watch_++;
    watchers_[id] = {since, std::move(wake)};
    return id;
}

void RotaService::unwatch(uint64_t id) {
    std::lock_guard lock(mu_);
    watchers_.erase(id);
}

void RotaService::write_loop() {
    std::unique_lock lock(mu_);
    for (;;) {
        work_cv_.wait(lock, [&] { return stopping_ || !unwritten_.outcomes.empty(); });
        if (unwritten_.outcomes.empty()) return;   // stopping with nothing left to write
        WriteBatch batch = std::move(unwritten_);
        unwritten_ = {};
        const uint64_t ticket = submitted_;
        const int64_t revision = state_.revision;
        if (revision - snapshot_revision_ >= kSnapshotEvery) batch.snapshot = {revision, save_state(state_)};
        lock.unlock();
        std::string error;
        try {
            store_.write(batch);
        } catch (const std::exception& e) {
            error = e.what();
        }
        lock.lock();
        if (!error.empty()) {
            // Memory is now ahead of the disk: answer nothing as done, and refuse further work.
            failure_ = "The server could not save changes (" + error + "); it must be restarted";
        } else {
            durable_ = ticket;
            durable_revision_ = revision;
            if (batch.snapshot) snapshot_revision_ = batch.snapshot->first;
        }
        durable_cv_.notify_all();
        // The requests and feeds this batch completes are told after the lock is let go.
        auto wake = due_callbacks(false);
        lock.unlock();
        for (auto& f : wake) f();
        lock.lock();
    }
}

void RotaService::remember(const Command& c, const CommandResult& r) {
    std::string images;
    for (const EntityChange& e : r.changes) images += e.before.dump() + e.after.dump();
    recent_.push_back(std::make_shared<const Recent>(Recent{r.revision, c, r.changes, std::move(images)}));
    if (recent_.size() > kRecentCommands) recent_.pop_front();
    const CommandResult* undone = c.type == "undo" ? log_.find(c.author, c.payload.value("command", "")) : nullptr;
    audit_.push_back(audit_entry(state_, c, r, r.revision, undone));
}

void RotaService::submit_async(const User& user, std::vector<Command> commands, std::function<void(Submitted)> done) {
    std::unique_lock lock(mu_);
    auto shared = std::make_shared<Submitted>();
    Submitted& out = *shared;
    if (!failure_.empty() || stopping_) {
        for (const Command& c : commands) {
            CommandResult r;
            r.id = c.id;
            r.status = CommandStatus::Rejected;
            r.reason = failure_.empty() ? "The server is stopping; try again in a moment" : failure_;
            out.results.push_back(std::move(r));
        }
        lock.unlock();
        return done(std::move(out));
    }
    const std::string time = now_iso();
    const int64_t revision_before = state_.revision;
    CommandLog::Journal journal;
    log_.journal = &journal;
    std::vector<bool> fresh;
    for (size_t i = 0; i < commands.size(); ++i) {
        Command& c = commands[i];
        c.author = user.id;   // the signed-in identity, whatever the request said
        c.time = time;        // the server's clock: every rule that depends on "now" reads this one
        const bool seen = log_.find(c.author, c.id) != nullptr;
        CommandResult r = apply_command(state_, log_, c);
        if (!seen && r.status == CommandStatus::Malformed) {
            out.malformed = "Command " + std::to_string(i + 1) + " of " + std::to_string(commands.size()) + " (" + c.id + "): " + r.reason;
            out.malformed_id = c.id;
            break;
        }
        fresh.push_back(!seen);
        out.results.push_back(std::move(r));
    }
    log_.journal = nullptr;
    if (!out.malformed.empty()) {
        // Nothing of a request with a malformed command is kept: the ones before it are taken back.
        for (size_t i = out.results.size(); i-- > 0;)
            if (fresh[i] && out.results[i].accepted()) apply_changes(state_, out.results[i].changes, Direction::Backward, false);
        state_.revision = revision_before;
        log_.revert(journal);
        out.results.clear();
        lock.unlock();
        return done(std::move(out));
    }
    bool wrote = false;
    for (size_t i = 0; i < out.results.size(); ++i) {
        if (!fresh[i]) continue;
        const Command& c = commands[i];
        const CommandResult& r = out.results[i];
        if (r.accepted()) {
            unwritten_.accepted.push_back({r.revision, c});
            remember(c, r);
        }
        unwritten_.outcomes.push_back({c.author, c.id, to_json(r).dump(-1, ' ', false, json::error_handler_t::replace)});
        wrote = true;
    }
    // Answered once the batch holding these is durable (a repeat of an answered id needs nothing
    // new written, but is answered only once what it reports is durable too).
    const uint64_t ticket = wrote ? ++submitted_ : submitted_;
    if (wrote) work_cv_.notify_one();
    auto finish = [this, shared, done = std::move(done)] {
        {
            std::lock_guard l(mu_);
            if (!failure_.empty())
                for (auto& r : shared->results)
                    if (r.accepted()) r.status = CommandStatus::Rejected, r.reason = failure_;
        }
        done(std::move(*shared));
    };
    if (durable_ >= ticket || !failure_.empty() || stopping_) {
        lock.unlock();
        return finish();
    }
    acks_.emplace(ticket, std::move(finish));
}

RotaService::Submitted RotaService::submit(const User& user, std::vector<Command> commands) {
    std::promise<Submitted> answer;
    auto result = answer.get_future();
    submit_async(user, std::move(commands), [&answer](Submitted s) { answer.set_value(std::move(s)); });
    return result.get();
}

bool RotaService::wait_until_durable(std::unique_lock<std::mutex>& lock) {
    durable_cv_.wait(lock, [&] { return durable_revision_ >= state_.revision || !failure_.empty() || stopping_; });
    // After a failed write memory holds changes that were refused and will be gone after a restart:
    // nobody is shown them.
    return failure_.empty();
}

std::optional<std::string> RotaService::snapshot_for(const User& user) {
    std::unique_lock lock(mu_);
    if (!wait_until_durable(lock)) return std::nullopt;
    if (user.role != Role::Clinician) {
        if (cached_revision_ != state_.revision) {   // one serialisation per revision, shared by managers
            cached_full_ = to_json(state_).dump(-1, ' ', false, json::error_handler_t::replace);
            cached_revision_ = state_.revision;
        }
        return cached_full_;
    }
    return to_json(visible_to(state_, user)).dump(-1, ' ', false, json::error_handler_t::replace);
}

std::optional<std::string> RotaService::calendar_for(const User& user, UtcMinutes stamp) {
    std::unique_lock lock(mu_);
    if (!wait_until_durable(lock)) return std::nullopt;
    if (user.role != Role::Clinician) return shifts_to_icalendar(state_, user.staff, stamp);
    return shifts_to_icalendar(visible_to(state_, user), user.staff, stamp);
}

namespace {
// A stand-in reader for answers shared by everyone a batch does not concern: an id and a staff id
// no real account has (ids are checked against [A-Za-z0-9._:-]), so nothing is theirs.
User stand_in(Role role) {
    User u;
    u.id = u.staff = "\x01";
    u.role = role;
    return u;
}
}  // namespace

RotaService::Changes RotaService::changes_since(int64_t since, const User& user) {
    std::vector<std::shared_ptr<const Recent>> batch;
    const bool full = user.role != Role::Clinician;
    bool concerned = false;
    std::tuple<int64_t, bool, std::string> key;
    Changes out;
    {
        std::lock_guard lock(mu_);
        out.revision = durable_revision_;
        // Too far behind (or ahead, after a reset): the client must reload the snapshot.
        if (since > durable_revision_ || (!recent_.empty() && since < recent_.front()->revision - 1) ||
            (recent_.empty() && since < durable_revision_)) {
            out.reload = true;
            out.json = std::make_shared<const std::string>(
                json{{"revision", durable_revision_}, {"changes", json::array()}, {"reload", true}}.dump());
            return out;
        }
        for (auto it = std::lower_bound(recent_.begin(), recent_.end(), since + 1,
                                        [](const std::shared_ptr<const Recent>& r, int64_t rev) { return r->revision < rev; });
             it != recent_.end() && (*it)->revision <= durable_revision_; ++it)
            batch.push_back(*it);
        // A clinician without a staff record, or one a change names, or its author, gets their own.
        const std::string named = "\"" + user.staff + "\"";
        concerned = (!full && user.staff.empty()) || std::any_of(batch.begin(), batch.end(), [&](const auto& c) {
                        return c->command.author == user.id || (!full && c->images.find(named) != std::string::npos);
                    });
        if (shared_changes_revision_ != durable_revision_) shared_changes_.clear(), shared_changes_revision_ = durable_revision_;
        key = {since, full, concerned ? user.id : std::string()};
        if (auto hit = shared_changes_.find(key); hit != shared_changes_.end()) {
            out.json = hit->second;
            return out;
        }
    }
    // Worked out outside the lock (commands need not wait for it), for this person if the batch
    // concerns them, else for a stand-in; if two feeds get here at once, the first kept is shared.
    auto text = std::make_shared<const std::string>(changes_json(batch, concerned ? user : stand_in(user.role), out.revision));
    std::lock_guard lock(mu_);
    if (shared_changes_revision_ == out.revision) out.json = shared_changes_.emplace(std::move(key), text).first->second;
    else out.json = std::move(text);
    return out;
}

std::string RotaService::changes_json(const std::vector<std::shared_ptr<const Recent>>& batch, const User& user, int64_t revision) {
    const bool full = user.role != Role::Clinician;
    json out = {{"revision", revision}, {"changes", json::array()}};
    for (const auto& c : batch) {
        json j = {{"revision", c->revision}};
        const bool own = c->command.author == user.id;
        if (full || own) j.update({{"id", c->command.id}, {"author", c->command.author}, {"type", c->command.type}, {"time", c->command.time}});
        // What changed, as this person may see it: a colleague's leave request is an empty entry.
        // Their own commands come with before-images too, so they can undo them from here.
        const ChangeSet visible = visible_changes(c->changes, user);
        if (!visible.empty()) j["changes"] = to_json(visible, own);
        out["changes"].push_back(std::move(j));
    }
    return out.dump(-1, ' ', false, json::error_handler_t::replace);
}

void RotaService::close_feeds() {
    {
        std::lock_guard lock(mu_);
        closing_feeds_ = true;
    }
    durable_cv_.notify_all();
}

AccessEvent RotaService::access_event(const std::string& event, const std::string& user, const std::string& by, int count) {
    std::lock_guard lock(mu_);
    return {now_iso(), event, user, by, count, durable_revision_};
}

void RotaService::record_access(const AccessEvent& a) {
    std::lock_guard lock(mu_);
    const auto at = std::upper_bound(audit_.begin(), audit_.end(), a.revision,
                                     [](int64_t r, const AuditEntry& e) { return r < e.revision; });
    audit_.insert(at, access_entry(state_, a.revision, a.time, a.event, a.user, a.by, a.count));
}

RotaService::AuditPage RotaService::audit(const User& user, const AuditFilter& filter, size_t limit, int64_t before) {
    std::unique_lock lock(mu_);
    AuditPage page;
    for (auto it = audit_.rbegin(); it != audit_.rend(); ++it) {
        if (it->revision > durable_revision_ || (before > 0 && it->revision >= before)) continue;
        if (!may_read(state_, user, *it)) continue;
        AuditEntry e = as_read_by(user, *it);
        if (!matches(e, filter)) continue;
        if (page.entries.size() >= limit && e.revision != page.entries.back().revision) {
            page.more = true;
            break;
        }
        page.entries.push_back(std::move(e));
    }
    // Full, and ending inside a revision: that revision's entries go to the next page, unless the
    // page is nothing else.
    if (page.more) {
        const int64_t last = page.entries.back().revision;
        auto keep = page.entries.end();
        while (keep != page.entries.begin() && std::prev(keep)->revision == last) --keep;
        if (keep != page.entries.begin() && page.entries.size() > limit)
            page.entries.erase(keep, page.entries.end());
    }
    return page;
}

std::string RotaService::audit_csv(const std::vector<AuditEntry>& entries) {
    std::lock_guard lock(mu_);
    return sb::audit_csv(state_, entries);
}

json RotaService::audit_json(const AuditPage& page) {
    std::lock_guard lock(mu_);
    json list = json::array();
    for (const AuditEntry& e : page.entries) list.push_back(to_json(state_, e));
    return {{"entries", std::move(list)}, {"more", page.more}};
}

std::optional<User> RotaService::find_user(const std::string& id) {
    std::lock_guard lock(mu_);
    if (const User* u = state_.find_user(id)) return *u;
    return std::nullopt;
}

int64_t RotaService::revision() {
    std::lock_guard lock(mu_);
    return durable_revision_;
}

std::vector<User> RotaService::users() {
    std::lock_guard lock(mu_);
    return state_.users;
}

}  // namespace sb::server
