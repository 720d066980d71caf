// A thousand open browsers at once, on the code path of bench/connections (which runs 10,000):
// every change feed is held open without a thread each, the server keeps answering, and every
// change reaches every feed. The old thread-per-request server stopped answering at about 128.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "api_client.hpp"
#include "core/commands/command.hpp"
#include "core/data_format.hpp"
#include "crowd.hpp"
#include "server_process.hpp"

using nlohmann::json;
using sb::test::ApiClient;
using sb::test::ServerProcess;

TEST_CASE("a thousand open change feeds: health and commands answered at once, every change reaches every feed") {
    ServerProcess server({"--demo-staff", "60"});
    const auto users = json::parse(sb::bench::http_call(server.port(), "GET", "/api/demo-users").body);
    sb::bench::CrowdOptions o;
    o.port = server.port();
    o.connections = 1000;
    o.commands = 5;
    o.health_checks = 50;
    for (const auto& u : users) {
        const std::string token = sb::bench::sign_in(server.port(), u["username"], u["password"]);
        REQUIRE_FALSE(token.empty());
        if (u["role"] == "admin") o.command_token = token;
        if (o.tokens.size() < 12) o.tokens.push_back(token);   // clinicians, managers and the admin alike
    }
    const json snapshot = json::parse(sb::bench::http_call(server.port(), "GET", "/api/snapshot", o.command_token).body);
    for (const auto& s : snapshot["shifts"])
        if (s["status"] == "open") o.shift = s["id"];
    REQUIRE_FALSE(o.shift.empty());

    const auto f = sb::bench::run_crowd(o);
    MESSAGE("1,000 feeds open in ", f.open_s, " s; health p99 ", sb::bench::percentile(f.health_ms, 99), " ms; ack p99 ",
            sb::bench::percentile(f.ack_ms, 99), " ms; fan-out max ", sb::bench::percentile(f.fan_out_ms, 100), " ms");
    CHECK(f.opened == 1000);
    CHECK(f.still_open == 1000);
    CHECK(f.wrong_status == 0);
    CHECK(f.missed == 0);
    REQUIRE(f.fan_out_ms.size() == 5);
    // Bounds a person would notice, loose enough for a busy 2-core CI machine: the old server took
    // 11-19 s to answer a health check with this many connections open.
    CHECK(sb::bench::percentile(f.health_ms, 100) < 2000);
    CHECK(sb::bench::percentile(f.ack_ms, 100) < 2000);
    CHECK(sb::bench::percentile(f.fan_out_ms, 100) < 3000);
    // And the server is still itself afterwards.
    ApiClient admin(server, "admin");
    CHECK(admin.get("/api/snapshot")->status == 200);
}

// The crowd's feeds share one answer per role for the people a change does not concern; the person
// a change names still gets their own view of it (here: the pay of the shift they were booked on).
TEST_CASE("a shared change-feed answer never hides from the person a change names what is theirs") {
    ServerProcess server({"--demo-staff", "120"});
    ApiClient admin(server, "admin");
    const auto all = sb::load_document(admin.snapshot());
    REQUIRE(all.ok());
    std::string who_staff, shift, other, who;
    for (const sb::User& u : all.state.users) {
        if (u.role != sb::Role::Clinician || u.staff.empty()) continue;
        if (who.empty()) {
            for (const sb::Shift& x : all.state.shifts) {
                if (x.status != sb::ShiftStatus::Open) continue;
                sb::State probe = all.state;
                if (sb::preview(probe, {}, {"p", "admin", "2020-01-01T00:00:00Z", "book", {{"shift", x.id}, {"staff", u.staff}}}).accepted()) {
                    who = u.id, who_staff = u.staff, shift = x.id;
                    break;
                }
            }
        } else if (other.empty()) {
            other = u.id;
        }
    }
    REQUIRE_FALSE(who.empty());
    REQUIRE_FALSE(other.empty());
    const int64_t rate = all.state.find_shift(shift)->rate_pence_per_hour;
    REQUIRE(rate > 0);
    const auto [status, result] = admin.command("share-1", "book", {{"shift", shift}, {"staff", who_staff}});
    REQUIRE(status == 200);
    REQUIRE(result["status"] == "accepted");
    const int64_t since = result["revision"].get<int64_t>() - 1;
    auto changes_for = [&](const std::string& user) {
        ApiClient c(server, user);
        auto r = c.get("/api/changes?since=" + std::to_string(since) + "&wait=0");
        REQUIRE(r);
        REQUIRE(r->status == 200);
        return json::parse(r->body);
    };
    auto shift_after = [&](const json& answer) {
        REQUIRE(answer["changes"].size() == 1);
        for (const auto& c : answer["changes"][0]["changes"])
            if (c["collection"] == "shifts") return c["after"];
        FAIL("no shift in the change");
        return json();
    };
    // A colleague first (the answer shared by everyone it does not concern), then the person named.
    const json colleague = changes_for(other);
    CHECK_FALSE(colleague["changes"][0].contains("author"));
    CHECK(shift_after(colleague)["assignee"] == who_staff);
    CHECK(shift_after(colleague)["rate_pence_per_hour"] == 0);
    const json named = changes_for(who);
    CHECK(shift_after(named)["rate_pence_per_hour"] == rate);
    // And a manager's view has who did it.
    const json manager = changes_for("admin");
    CHECK(manager["changes"][0]["author"] == "admin");
    CHECK(shift_after(manager)["rate_pence_per_hour"] == rate);
}
