// The sync client's decisions with a fake network: every request it makes is kept, and the test
// answers them as the server would, in any order it likes.
#include <doctest/doctest.h>

#include "client/sync_client.hpp"
#include "core/data_format.hpp"
#include "core/format/entity_json.hpp"
#include "core/visibility.hpp"
#include "../unit/commands_fixture.hpp"

using namespace sb;
using json = nlohmann::json;

namespace {
struct FakeNet {
    client::CommandStore store;
    std::vector<std::pair<int, client::HttpRequest>> sent;
    std::map<std::string, std::string> saved;
    int sign_in_shown = 0;
    std::unique_ptr<client::SyncClient> sync;
    FakeNet() {
        sync = std::make_unique<client::SyncClient>(store, client::SyncClient::Hooks{
            [this](int tag, const client::HttpRequest& r) { sent.push_back({tag, r}); },
            [this](const std::string& k, const std::string& v) { saved[k] = v; },
            [this](std::vector<client::DemoAccount>, std::string) { ++sign_in_shown; },
            [](std::string, bool) {}, [](std::string) {}, [](bool, bool) {}});
    }
    // The newest request to a path starting with `path`.
    int tag_of(const std::string& path) {
        for (auto it = sent.rbegin(); it != sent.rend(); ++it)
            if (it->second.path.rfind(path, 0) == 0) return it->first;
        FAIL("no request to " << path);
        return -1;
    }
    void answer(const std::string& path, int status, const std::string& body) { sync->on_response(tag_of(path), {status, body, 0}); }
};
}  // namespace

TEST_CASE("an answer asked for under an earlier sign-in is dropped: the next person never sees the last one's data") {
    test::Ward1 w;
    FakeNet net;
    net.sync->start({}, {});
    net.answer("api/health", 200, R"({"auth": true})");
    net.answer("api/demo-users", 200, "[]");
    CHECK(net.sign_in_shown == 1);
    net.sync->sign_in("manager", "x");
    net.answer("api/login", 200, R"({"token": "t1", "user": {"id": "manager", "role": "manager"}})");
    net.answer("api/snapshot", 200, save_state(w.state));
    REQUIRE(net.store.user() == "manager");
    const int managers_feed = net.tag_of("api/changes");
    // The manager signs out; Zoë signs in on the same page.
    net.sync->sign_out();
    net.sync->sign_in("zoe", "y");
    net.answer("api/login", 200, R"({"token": "t2", "user": {"id": "zoe", "role": "clinician"}})");
    CHECK(net.sent.back().second.token == "t2");   // the snapshot is asked for as Zoë
    net.answer("api/snapshot", 200, save_state(visible_to(w.state, *w.state.find_user("zoe"))));
    REQUIRE(net.store.user() == "zoe");
    // The manager's feed answers late, with a colleague's leave request: it must not reach Zoë.
    const Leave leave{"lv9", "p2", LeaveKind::Annual, make_date(2026, 3, 20), make_date(2026, 3, 21), RequestStatus::Pending};
    const json change = {{"revision", 1},
                         {"changes", {{{"revision", 1}, {"changes", {{{"collection", "leave"}, {"key", "lv9"}, {"after", format::write(leave)}}}}}}}};
    net.sync->on_response(managers_feed, {200, change.dump(), 0});
    net.sync->on_part(managers_feed, "data: " + change.dump());
    CHECK(net.store.state().leave.empty());
    CHECK(net.store.revision() == 0);
    // Zoë's own feed is asked for with her token.
    for (const auto& [tag, r] : net.sent)
        if (tag > managers_feed && r.path.rfind("api/changes", 0) == 0) CHECK(r.token == "t2");
}

TEST_CASE("behind a proxy that holds streamed answers back, the page falls back to long-polling") {
    test::Ward1 w;
    const Shift vacancy = w.open_shift(1);
    auto signed_in = [&](FakeNet& net) {
        client::SyncClient::Options o;
        o.streaming = true;
        net.sync->start({}, o);
        net.answer("api/health", 200, R"({"auth": true})");
        net.answer("api/demo-users", 200, "[]");
        net.sync->sign_in("manager", "x");
        net.answer("api/login", 200, R"({"token": "t1", "user": {"id": "manager", "role": "manager"}})");
        net.answer("api/snapshot", 200, save_state(w.state));
        REQUIRE(net.sent.back().second.path == "api/changes?since=0&stream=1");
    };
    const std::string first = "data: " + json{{"revision", 0}, {"changes", json::array()}}.dump();
    // The stream's first event arrives after `ms`, and the stream ends: what is asked for next.
    auto next_feed = [&](FakeNet& net, int64_t ms) {
        signed_in(net);
        net.sync->tick(ms);
        net.sync->on_part(net.tag_of("api/changes"), first);
        net.sync->on_response(net.tag_of("api/changes"), {200, "", 0});
        return net.sent.back().second.path;
    };
    // At once, as the server sends it: a stream again.
    FakeNet direct;
    CHECK(next_feed(direct, 100) == "api/changes?since=0&stream=1");
    // Half a minute late, when the proxy let the answer go: long-polls from then on.
    FakeNet proxied;
    REQUIRE(next_feed(proxied, 31000) == "api/changes?since=0&wait=25");
    CHECK_FALSE(proxied.sent.back().second.stream);
    // A long-poll's answer is read from its body.
    const Shift* open = &vacancy;
    Shift raised = vacancy;
    raised.rate_pence_per_hour += 100;
    const json change = {{"revision", 1},
                         {"changes", {{{"revision", 1}, {"id", "c1"}, {"author", "admin"}, {"type", "raise_rate"},
                                       {"changes", {{{"collection", "shifts"}, {"key", open->id}, {"after", format::write(raised)}}}}}}}};
    proxied.answer("api/changes", 200, change.dump());
    CHECK(proxied.store.revision() == 1);
    CHECK(proxied.store.state().find_shift(open->id)->rate_pence_per_hour == raised.rate_pence_per_hour);
    CHECK(proxied.sent.back().second.path == "api/changes?since=1&wait=25");
}
