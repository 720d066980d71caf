#include "rota_service.hpp"

#include <stdexcept>

#include "core/data_format.hpp"
#include "core/visibility.hpp"

namespace sb::server {
namespace {
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
    CommandLog replay;   // the stored outcomes come afterwards: replaying must really apply each command
    for (LoggedCommand& c : store_.commands_after(snap->first)) {
        const CommandResult r = apply_command(state_, replay, c.command);
        if (!r.accepted() || r.revision != c.revision)
            throw std::runtime_error("the command log in " + store_.path() + " does not replay at revision " +
                                     std::to_string(c.revision) + ": " + r.reason);
        recent_.push_back(std::move(c));
    }
    while (recent_.size() > kRecentCommands) recent_.pop_front();
    for (const auto& [id, text] : store_.outcomes())
        if (auto r = command_result_from_json(nlohmann::json::parse(text, nullptr, false))) log_.results.emplace(id, std::move(*r));
    durable_revision_ = state_.revision;
    writer_ = std::thread([this] { write_loop(); });
}

RotaService::~RotaService() { stop(); }

void RotaService::stop() {
    {
        std::lock_guard lock(mu_);
        if (stopping_ && !writer_.joinable()) return;
        stopping_ = true;
    }
    work_cv_.notify_all();
    durable_cv_.notify_all();
    if (writer_.joinable()) writer_.join();
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
    }
}

std::vector<CommandResult> RotaService::submit(const User& user, std::vector<Command> commands) {
    std::unique_lock lock(mu_);
    std::vector<CommandResult> results;
    if (!failure_.empty() || stopping_) {
        for (const Command& c : commands) {
            CommandResult r;
            r.id = c.id;
            r.status = CommandStatus::Rejected;
            r.reason = failure_.empty() ? "The server is stopping; try again in a moment" : failure_;
            results.push_back(std::move(r));
        }
        return results;
    }
    const std::string time = now_iso();
    for (Command& c : commands) {
        c.author = user.id;   // the signed-in identity, whatever the request said
        c.time = time;
        const bool seen = log_.results.count(c.id) > 0;
        CommandResult r = apply_command(state_, log_, c);
        if (!seen) {
            if (r.accepted()) {
                unwritten_.accepted.push_back({r.revision, c});
                recent_.push_back({r.revision, c});
                if (recent_.size() > kRecentCommands) recent_.pop_front();
            }
            if (!c.id.empty() && c.id.size() <= 64) unwritten_.outcomes.emplace_back(c.id, to_json(r).dump());
        }
        results.push_back(std::move(r));
    }
    // Wait for the batch holding these (a repeat of an answered id needs nothing new written).
    if (!unwritten_.outcomes.empty()) {
        const uint64_t ticket = ++submitted_;
        work_cv_.notify_one();
        durable_cv_.wait(lock, [&] { return durable_ >= ticket || !failure_.empty(); });
        if (!failure_.empty())
            for (auto& r : results)
                if (r.accepted()) r.status = CommandStatus::Rejected, r.reason = failure_;
    } else {
        durable_cv_.wait(lock, [&] { return durable_revision_ >= state_.revision || !failure_.empty() || stopping_; });
    }
    return results;
}

std::string RotaService::snapshot_for(const User& user) {
    std::unique_lock lock(mu_);
    durable_cv_.wait(lock, [&] { return durable_revision_ >= state_.revision || !failure_.empty() || stopping_; });
    if (user.role != Role::Clinician) {
        if (cached_revision_ != state_.revision) {   // one serialisation per revision, shared by managers
            nlohmann::json doc = to_json(state_);
            cached_full_ = doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
            cached_revision_ = state_.revision;
        }
        return cached_full_;
    }
    return to_json(visible_to(state_, user)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

nlohmann::json RotaService::changes_since(int64_t since, const User& user, std::chrono::milliseconds wait) {
    std::unique_lock lock(mu_);
    durable_cv_.wait_for(lock, wait, [&] { return durable_revision_ > since || stopping_; });
    nlohmann::json out = {{"revision", durable_revision_}, {"changes", nlohmann::json::array()}};
    // Too far behind (or ahead, after a reset): the client must reload the snapshot.
    if (since > durable_revision_ || (!recent_.empty() && since < recent_.front().revision - 1) ||
        (recent_.empty() && since < durable_revision_)) {
        out["reload"] = true;
        return out;
    }
    const bool full = user.role != Role::Clinician;
    for (const LoggedCommand& c : recent_) {
        if (c.revision <= since || c.revision > durable_revision_) continue;
        nlohmann::json j = {{"revision", c.revision}, {"id", c.command.id}, {"type", c.command.type}};
        if (full || c.command.author == user.id) j.update({{"author", c.command.author}, {"time", c.command.time}, {"payload", c.command.payload}});
        out["changes"].push_back(std::move(j));
    }
    return out;
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
