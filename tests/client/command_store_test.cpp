// The browser's command store without a browser: a "server" here is the core applying the same
// commands to its own state (as shiftbank-server does), so the tests check what a person would see:
// their change at once, the server's answer confirming it in place, colleagues' changes arriving
// in place, a refusal rolled back with its reason, the queue surviving a sign-out, and one clock.
#include <doctest/doctest.h>

#include "client/command_store.hpp"
#include "core/data_format.hpp"
#include "core/visibility.hpp"
#include "../unit/commands_fixture.hpp"

using namespace sb;
using client::CommandStore;
using json = nlohmann::json;

namespace {
// The server's side: the full state, its log, and what each person may see of a change.
struct Server {
    State state;
    CommandLog log;
    std::string time = "2026-03-01T09:00:00Z";
    CommandResult apply(Command c) {
        c.time = time;
        return apply_command(state, log, c);
    }
    State view(const std::string& user) const { return visible_to(state, *state.find_user(user)); }
    CommandStore::Answer answer(const CommandResult& r, const std::string& user) const {
        return {r.id, r.status, r.reason, r.revision, visible_changes(r.changes, *state.find_user(user))};
    }
    CommandStore::Remote remote(const CommandResult& r, const std::string& user) const {
        return {r.revision, visible_changes(r.changes, *state.find_user(user)), "", "", ""};
    }
};

// Sends everything the store has to send and hands back the server's answers.
void sync(CommandStore& store, Server& server) {
    for (const Command& c : store.to_send(100)) store.acknowledge(server.answer(server.apply(c), store.user()));
}

int64_t at(const char* iso) {
    const LocalDateTime t = *parse_local_date_time(iso);
    return (int64_t(t.date.days) * 1440 + t.minute) * 60;
}
}  // namespace

TEST_CASE("the person's change shows at once, and the server's answer confirms it in place") {
    test::Ward1 w;
    w.state.wards[0].instant_booking = true;
    const std::string id = w.open_shift(10).id;
    Server server{w.state, {}};
    CommandStore store([] { return at("2026-03-01T09:00"); });
    store.load(server.view("zoe"), "zoe");
    const CommandResult r = store.submit("book", {{"shift", id}}, "Booked");
    REQUIRE(r.accepted());
    CHECK(store.state().find_shift(id)->assignee == "p1");   // optimistic: before the server knows
    CHECK(store.unanswered() == 1);
    sync(store, server);
    CHECK(store.unanswered() == 0);
    CHECK(store.revision() == 1);
    // Confirmed from the server's own change set: what Zoë sees is exactly a fresh snapshot of hers.
    CHECK(state_hash(store.state()) == state_hash(server.view("zoe")));
}

TEST_CASE("colleagues' changes arrive in place, as the person may see them, and match a fresh snapshot") {
    test::Ward1 w;
    w.state.wards[0].instant_booking = true;
    std::vector<std::string> open;
    for (int d = 9; d < 20; ++d) open.push_back(w.open_shift(d).id);
    Server server{w.state, {}};
    CommandStore zoe([] { return at("2026-03-01T09:00"); });
    zoe.load(server.view("zoe"), "zoe");
    // Łukasz books ten shifts and asks for leave (which Zoë may not see): each reaches Zoë's copy.
    for (int i = 0; i < 10; ++i) {
        const CommandResult r = server.apply({"l" + std::to_string(i), "lukasz", "", "book", {{"shift", open[size_t(i)]}}});
        REQUIRE(r.accepted());
        REQUIRE(zoe.apply_remote(server.remote(r, "zoe")));
    }
    const CommandResult leave = server.apply({"lv", "lukasz", "", "request_leave", {{"kind", "annual"}, {"first", "2026-03-20"}, {"last", "2026-03-21"}}});
    REQUIRE(leave.accepted());
    CHECK(server.remote(leave, "zoe").changes.empty());   // nothing of it is hers to see
    REQUIRE(zoe.apply_remote(server.remote(leave, "zoe")));
    CHECK(zoe.revision() == 11);
    CHECK(zoe.state().leave.empty());
    CHECK(state_hash(zoe.state()) == state_hash(server.view("zoe")));
    // Out of order: a change waits for the ones before it.
    const CommandResult a = server.apply({"x1", "manager", "", "raise_rate", {{"shift", open[10]}, {"rate_pence_per_hour", 9000}}});
    const CommandResult b = server.apply({"x2", "manager", "", "raise_rate", {{"shift", open[10]}, {"rate_pence_per_hour", 9100}}});
    zoe.apply_remote(server.remote(b, "zoe"));
    CHECK(zoe.revision() == 11);
    zoe.apply_remote(server.remote(a, "zoe"));
    CHECK(zoe.revision() == 13);
    CHECK(zoe.state().find_shift(open[10])->rate_pence_per_hour == 9100);
}

TEST_CASE("a change the server refuses is rolled back here, with its reason") {
    test::Ward1 w;
    w.state.wards[0].instant_booking = true;
    const std::string id = w.open_shift(10).id;
    Server server{w.state, {}};
    CommandStore zoe([] { return at("2026-03-01T09:00"); });
    zoe.load(server.view("zoe"), "zoe");
    REQUIRE(zoe.submit("book", {{"shift", id}}, "Booked Early, Tue 10 Mar").accepted());
    // Łukasz got there first: his booking reaches the server before Zoë's command does.
    const CommandResult first = server.apply({"l1", "lukasz", "", "book", {{"shift", id}}});
    zoe.apply_remote(server.remote(first, "zoe"));
    std::string said;
    for (const Command& c : zoe.to_send(10)) said = zoe.acknowledge(server.answer(server.apply(c), "zoe"));
    CHECK(said == "The server did not accept \xE2\x80\x9C" "Booked Early, Tue 10 Mar\xE2\x80\x9D: Someone else has already booked this shift. "
                  "It has been undone here.");
    CHECK(zoe.state().find_shift(id)->assignee == "p2");
    CHECK_FALSE(zoe.can_undo());
    CHECK(state_hash(zoe.state()) == state_hash(server.view("zoe")));
}

TEST_CASE("undo and redo are commands like any other, sent and confirmed; an undo that cannot happen says why") {
    test::Ward1 w;
    w.state.wards[0].instant_booking = true;
    const std::string id = w.open_shift(10).id;
    Server server{w.state, {}};
    CommandStore zoe([] { return at("2026-03-01T09:00"); });
    zoe.load(server.view("zoe"), "zoe");
    REQUIRE(zoe.submit("book", {{"shift", id}}, "Booked").accepted());
    sync(zoe, server);
    REQUIRE(zoe.undo().accepted());
    CHECK(zoe.state().find_shift(id)->status == ShiftStatus::Open);
    sync(zoe, server);
    CHECK(server.state.find_shift(id)->status == ShiftStatus::Open);
    REQUIRE(zoe.redo().accepted());
    sync(zoe, server);
    CHECK(server.state.find_shift(id)->assignee == "p1");
    // The manager takes her off it; her undo now says who did what.
    const CommandResult off = server.apply({"m1", "manager", "", "unassign", {{"shift", id}}});
    zoe.apply_remote({off.revision, visible_changes(off.changes, *server.state.find_user("zoe")), off.id, "manager", "unassign"});
    const CommandResult no = zoe.undo();
    CHECK(no.reason == "Adaeze Okafor has since taken someone off Early, Tue 10 Mar, Ward 1, so this cannot be undone");
}

TEST_CASE("unanswered changes survive signing out and in again; another person's are kept for them") {
    test::Ward1 w;
    const std::string id = w.open_shift(10).id;
    Server server{w.state, {}};
    CommandStore browser([] { return at("2026-03-01T09:00"); });
    browser.load(server.view("zoe"), "zoe");
    REQUIRE(browser.submit("apply", {{"shift", id}}, "Applied").accepted());
    const json saved = browser.pending_json();   // what the page keeps in IndexedDB
    // Łukasz signs in on the same browser: Zoë's application is not his to send.
    browser.load(server.view("lukasz"), "lukasz");
    CHECK(browser.unanswered() == 0);
    CHECK(browser.state().applications.empty());
    // Zoë again, even after a reload (a new store from the saved bytes): her application is back.
    CommandStore reloaded([] { return at("2026-03-01T09:00"); });
    reloaded.restore_pending(saved);
    reloaded.load(server.view("zoe"), "zoe");
    CHECK(reloaded.unanswered() == 1);
    CHECK(reloaded.state().applications.size() == 1);
    sync(reloaded, server);
    CHECK(server.state.applications.size() == 1);
    CHECK(server.state.applications[0].staff == "p1");
}

TEST_CASE("one clock: a browser whose clock is wrong stamps by the server's, and gives the server's verdict") {
    test::Ward1 w;
    Shift& s = w.add(2, "07:00", "15:00");   // Zoë's booking on Mon 2 Mar at 07:00 (London = UTC in March)
    s.status = ShiftStatus::Booked;
    s.source = ShiftSource::Bank;
    const std::string id = s.id;
    Server server{w.state, {}};
    server.time = "2026-03-01T09:00:00Z";   // 22 h before: a late cancellation
    // The phone's clock is three days slow: by it, the shift is 94 h away and not late at all.
    CommandStore zoe([] { return at("2026-02-26T09:00"); });
    zoe.load(server.view("zoe"), "zoe");
    zoe.set_server_offset(at("2026-03-01T09:00") - at("2026-02-26T09:00"));   // learnt from the server's Date header
    const CommandResult here = zoe.submit("cancel_booking", {{"shift", id}}, "Cancelled");
    const CommandResult there = server.apply({"c1", "zoe", "", "cancel_booking", {{"shift", id}}});
    CHECK(here.reason == there.reason);
    CHECK(here.reason.rfind("It starts in 22 h, within the trust's 48 h notice", 0) == 0);
}

TEST_CASE("the feed can confirm the person's own command before its answer: it is kept once and can still be undone") {
    test::Ward1 w;
    w.state.wards[0].instant_booking = true;
    const std::string id = w.open_shift(10).id;
    Server server{w.state, {}};
    CommandStore zoe([] { return at("2026-03-01T09:00"); });
    zoe.load(server.view("zoe"), "zoe");
    REQUIRE(zoe.submit("book", {{"shift", id}}, "Booked").accepted());
    const std::vector<Command> sent = zoe.to_send(10);
    REQUIRE(sent.size() == 1);
    const CommandResult r = server.apply(sent[0]);
    // The feed brings it first (with its before-images: it is hers), the answer afterwards.
    zoe.apply_remote({r.revision, visible_changes(r.changes, *server.state.find_user("zoe")), r.id, "zoe", "book"});
    CHECK(zoe.unanswered() == 0);
    CHECK(zoe.acknowledge(server.answer(r, "zoe")).empty());
    CHECK(zoe.revision() == 1);
    CHECK(state_hash(zoe.state()) == state_hash(server.view("zoe")));
    const CommandResult u = zoe.undo();
    REQUIRE_MESSAGE(u.accepted(), u.reason);
    CHECK(zoe.state().find_shift(id)->status == ShiftStatus::Open);
}

TEST_CASE("a clinician reading the audit trail sees only themselves among the people a change concerned") {
    test::Ward1 w;
    const std::string id = w.open_shift(5).id;
    REQUIRE(w.run("zoe", "apply", {{"shift", id}}).accepted());
    REQUIRE(w.run("lukasz", "apply", {{"shift", id}}).accepted());
    const CommandResult ok = w.run("manager", "approve_application", {{"application", w.state.applications[0].id}}, "ap");
    REQUIRE(ok.accepted());
    const AuditEntry e = audit_entry(w.state, Command{"ap", "manager", "2026-03-01T09:00:00Z", "approve_application",
                                                      {{"application", w.state.applications[0].id}}}, ok, ok.revision);
    const User& lukasz = *w.state.find_user("lukasz");
    REQUIRE(may_read(w.state, lukasz, e));   // his application was declined by it
    CHECK(as_read_by(lukasz, e).staff == std::vector<std::string>{"p2"});
    CHECK(e.text == "Adaeze Okafor approved Zoë Adeyemi’s application for the Early on Thu 5 Mar on Ward 1");
}
