// One mechanism end to end, over HTTP against the real server: requests all or nothing, command
// ids per author and checked, unknown fields refused, undo through the server's own log (also after
// a restart), the server's clock on every command, and the audit trail with its scoping and export.
#include <doctest/doctest.h>

#include <ctime>
#include <filesystem>
#include <fstream>

#include "api_client.hpp"
#include "core/data_format.hpp"
#include "demo_roles.hpp"

using json = nlohmann::json;
using sb::test::ApiClient;
using sb::test::Demo;
using sb::test::ServerProcess;

namespace {
std::string temp_db(const char* name) { return sb::test::fresh_temp_path(std::string("log-") + name); }

json post(ApiClient& c, std::vector<json> commands, int* status = nullptr) {
    auto r = c.post("/api/commands", json{{"commands", json(std::move(commands))}}.dump());
    REQUIRE(r);
    if (status) *status = r->status;
    return json::parse(r->body, nullptr, false);
}

json cmd(const std::string& id, const std::string& type, json payload) { return {{"id", id}, {"type", type}, {"payload", std::move(payload)}}; }

json audit(ApiClient& c, const std::string& query = "") {
    auto r = c.get("/api/audit" + query);
    REQUIRE(r);
    REQUIRE_MESSAGE(r->status == 200, r->body);
    return json::parse(r->body);
}
}  // namespace

TEST_CASE("a request with a malformed command applies nothing and says which and why") {
    ServerProcess server({"--demo-staff", "120"});
    ApiClient admin(server, "admin");
    Demo d(admin);
    ApiClient m(server, d.manager);
    int status = 0;
    const json r = post(m, {cmd("ok-1", "post_to_bank", {{"shifts", {d.open}}}), cmd("bad-1", "raise_rate", {{"shift", d.open}, {"rate", 1}})},
                        &status);
    CHECK(status == 400);
    CHECK(r["command"] == "bad-1");
    CHECK(r["error"] == "Command 2 of 2 (bad-1): payload.rate is not a field of raise_rate (it takes shift, rate_pence_per_hour); "
                        "nothing was applied");
    CHECK(json::parse(m.get("/api/health")->body)["revision"] == 0);
    // The valid one was not remembered either: sent again alone, it is applied now.
    const json again = post(m, {cmd("ok-1", "raise_rate", {{"shift", d.open}, {"rate_pence_per_hour", 9000}})}, &status);
    CHECK(status == 200);
    CHECK(again["results"][0]["status"] == "accepted");
}

TEST_CASE("command ids belong to their author: someone else's id is never answered with their result") {
    ServerProcess server({"--demo-staff", "120"});
    ApiClient admin(server, "admin");
    Demo d(admin);
    ApiClient zoe(server, d.clinician), m(server, d.manager);
    // The clinician uses "c-1" first; the manager's own "c-1" is a different command and is applied.
    const json first = post(zoe, {cmd("c-1", "book", {{"shift", d.open}})});
    REQUIRE(first["results"][0]["status"] == "accepted");
    const json theirs = post(m, {cmd("c-1", "raise_rate", {{"shift", d.open_elsewhere}, {"rate_pence_per_hour", 8888}})});
    int status = 0;
    const json seen = post(m, {cmd("c-1", "raise_rate", {{"shift", d.open_elsewhere}, {"rate_pence_per_hour", 8888}})}, &status);
    // Another ward's shift: forbidden for this manager, and a retry gets that same answer back.
    CHECK(theirs["results"][0]["status"] == "forbidden");
    CHECK(seen["results"][0]["reason"] == theirs["results"][0]["reason"]);
    ApiClient a(server, "admin");
    const json by_admin = post(a, {cmd("c-1", "raise_rate", {{"shift", d.open_elsewhere}, {"rate_pence_per_hour", 8888}})});
    CHECK(by_admin["results"][0]["status"] == "accepted");
    // The clinician sending "c-1" again gets their own booking's result, not anyone else's.
    const json mine = post(zoe, {cmd("c-1", "book", {{"shift", d.open}})});
    CHECK(mine["results"][0]["status"] == "accepted");
    CHECK(mine["results"][0]["revision"] == first["results"][0]["revision"]);
}

TEST_CASE("ids and fields are checked: a bad id or a megabyte of junk is refused and nothing is stored") {
    const std::string db = temp_db("junk");
    {
        ServerProcess server({"--demo-staff", "120", "--db", db});
        ApiClient admin(server, "admin");
        Demo d(admin);
        int status = 0;
        const json spaced = post(admin, {cmd("has space", "raise_rate", {{"shift", d.open}, {"rate_pence_per_hour", 9000}})}, &status);
        CHECK(status == 400);
        CHECK(spaced["error"] == "Command 1 of 1: a command's id must be 1 to 64 letters, digits, '-', '_', '.' or ':'; nothing was applied");
        const json junk = post(admin, {cmd("j-1", "raise_rate", {{"shift", d.open}, {"rate_pence_per_hour", 9000}, {"note", std::string(900000, 'x')}})},
                               &status);
        CHECK(status == 400);
        CHECK(junk["error"].get<std::string>().find("payload.note is not a field of raise_rate") != std::string::npos);
        auto feed = admin.get("/api/changes?since=0&wait=0");
        CHECK(json::parse(feed->body)["changes"].empty());
        // A command with an id from odd-but-valid characters creates objects whose ids are checked too.
        REQUIRE(post(admin, {cmd("a.b:c_d-1", "request_leave", {{"kind", "annual"}, {"first", "2030-01-01"}, {"last", "2030-01-02"},
                                                               {"staff", d.state.find_user(d.clinician)->staff}})})["results"][0]["status"] ==
                "accepted");
    }
    // Restarts, snapshot and all: nothing the clients sent could make the data unreadable.
    ServerProcess again({"--db", db});
    ApiClient admin(again, "admin");
    CHECK(sb::load_document(admin.snapshot()).ok());
}

TEST_CASE("undo through the server: the author's own change, exactly, and still after a restart") {
    const std::string db = temp_db("undo");
    std::string before, clinician;
    {
        ServerProcess server({"--demo-staff", "120", "--db", db});
        ApiClient admin(server, "admin");
        Demo d(admin);
        before = sb::state_hash(d.state);
        clinician = d.clinician;
        ApiClient zoe(server, d.clinician);
        REQUIRE(post(zoe, {cmd("b-1", "book", {{"shift", d.open}})})["results"][0]["status"] == "accepted");
        // Another clinician cannot undo it (they cannot even name it).
        ApiClient other(server, d.colleague);
        const json no = post(other, {cmd("u-x", "undo", {{"command", "b-1"}})});
        CHECK(no["results"][0]["reason"] == "There is no change of yours with the id \"b-1\" to undo");
        const json u = post(zoe, {cmd("u-1", "undo", {{"command", "b-1"}})});
        CHECK(u["results"][0]["status"] == "accepted");
        CHECK(sb::state_hash(sb::load_document(admin.snapshot()).state) == before);
        REQUIRE(post(zoe, {cmd("r-1", "undo", {{"command", "u-1"}})})["results"][0]["status"] == "accepted");   // redo
    }
    ServerProcess again({"--db", db});
    ApiClient admin(again, "admin");
    ApiClient zoe(again, clinician);
    // The log survived the restart: the redo can be undone, and the state is as at the start.
    const json u = post(zoe, {cmd("u-2", "undo", {{"command", "r-1"}})});
    REQUIRE_MESSAGE(u["results"][0]["status"] == "accepted", u.dump());
    CHECK(sb::state_hash(sb::load_document(admin.snapshot()).state) == before);
}

TEST_CASE("the server's clock stamps every command, whatever the client says") {
    ServerProcess server({"--demo-staff", "120"});
    ApiClient admin(server, "admin");
    Demo d(admin);
    auto r = admin.post("/api/commands", json{{"commands", {{{"id", "t-1"}, {"type", "raise_rate"}, {"time", "1999-01-01T00:00:00Z"},
                                                              {"payload", {{"shift", d.open}, {"rate_pence_per_hour", 9100}}}}}}}.dump());
    REQUIRE(r->status == 200);
    REQUIRE(r->has_header("Date"));
    const json trail = audit(admin);
    REQUIRE(trail["entries"].size() == 1);
    const std::string time = trail["entries"][0]["time"];
    CHECK(time.rfind("1999", 0) == std::string::npos);
    CHECK(time.size() == 20);
}

TEST_CASE("the audit trail: sentences from one core function, scoped like the snapshot, filtered, exported, kept over a restart") {
    const std::string db = temp_db("audit");
    std::string moved_shift;
    {
        ServerProcess server({"--demo-staff", "120", "--db", db});
        ApiClient admin(server, "admin");
        Demo d(admin);
        ApiClient m(server, d.manager), other(server, d.other_manager), zoe(server, d.clinician);
        REQUIRE(post(zoe, {cmd("z-1", "book", {{"shift", d.open}})})["results"][0]["status"] == "accepted");
        REQUIRE(post(other, {cmd("o-1", "raise_rate", {{"shift", d.open_elsewhere}, {"rate_pence_per_hour", 7777}})})["results"][0]["status"] ==
                "accepted");
        // A move onto someone who already works that day breaks a rule: the manager overrides it.
        const sb::Shift* x = nullptr;
        for (const sb::Shift& s : d.state.shifts)
            if (s.ward == d.ward && !s.assignee.empty() && s.status == sb::ShiftStatus::Published && !x) x = &s;
        REQUIRE(x);
        const sb::Shift* busy = nullptr;
        for (const sb::Shift& s : d.state.shifts)
            if (s.assignee != x->assignee && !s.assignee.empty() && s.start.date == x->start.date && !busy) busy = &s;
        REQUIRE(busy);
        moved_shift = x->id;
        const json moved = post(m, {cmd("m-1", "move_shift", {{"shift", x->id}, {"start", sb::format_local_date_time(busy->start)},
                                                             {"end", sb::format_local_date_time(busy->end)}, {"assignee", busy->assignee},
                                                             {"override_reason", "agreed with staff"}})});
        REQUIRE_MESSAGE(moved["results"][0]["status"] == "accepted", moved.dump());

        const json all = audit(admin);
        REQUIRE(all["entries"].size() == 3);
        const json& newest = all["entries"][0];
        CHECK(newest["revision"] == 3);
        CHECK(newest["author"] == d.manager);
        CHECK(newest["type"] == "move_shift");
        CHECK(newest["override_reason"] == "agreed with staff");
        const std::string text = newest["text"];
        CHECK(text.rfind(d.state.find_user(d.manager)->name + " moved ", 0) == 0);
        CHECK(text.find(", overriding \xE2\x80\x98") != std::string::npos);
        CHECK(text.find("because: agreed with staff") != std::string::npos);
        // Managers see their wards; a clinician sees what they did and what changed their shifts.
        const json mine = audit(m);
        for (const json& e : mine["entries"]) CHECK(e["revision"] != 2);   // the other ward's rate
        CHECK(audit(other)["entries"].size() == 1);
        const json z = audit(zoe);
        REQUIRE(z["entries"].size() >= 1);
        CHECK(z["entries"].back()["author"] == d.clinician);
        for (const json& e : z["entries"]) CHECK_FALSE(e.contains("override_reason"));
        // Filters: by ward, by person, by overridden rule, by dates.
        CHECK(audit(admin, "?ward=" + d.other_ward)["entries"].size() == 1);
        CHECK(audit(admin, "?rule=*")["entries"].size() == 1);
        CHECK(audit(admin, "?staff=" + d.state.find_user(d.clinician)->staff)["entries"].size() == 1);
        CHECK(audit(admin, "?from=2000-01-01&to=2000-01-02")["entries"].empty());
        CHECK(admin.get("/api/audit?color=red")->status == 400);
        CHECK(admin.get("/api/audit?from=yesterday")->status == 400);
        // CSV: a header, one line per entry, fields quoted where they need it.
        auto csv = admin.get("/api/audit?format=csv");
        REQUIRE(csv->status == 200);
        CHECK(csv->get_header_value("Content-Type").rfind("text/csv", 0) == 0);
        CHECK(csv->body.rfind("revision,time,author,type,text,override_reason\r\n", 0) == 0);
        CHECK(std::count(csv->body.begin(), csv->body.end(), '\n') == 4);
        CHECK(csv->body.find(",agreed with staff\r\n") != std::string::npos);
    }
    ServerProcess again({"--db", db});
    ApiClient admin(again, "admin");
    const json after = audit(admin);
    CHECK(after["entries"].size() == 3);
    CHECK(after["entries"][0]["override_reason"] == "agreed with staff");
}
