// A person's calendar feed over HTTP against the real server: a private link made (and reset, and
// turned off) when signed in, the .ics fetched with no session as a calendar app would and read by a
// real calendar parser (Debian's python3-icalendar), changes reaching the next fetch, nobody else's
// shifts in it, paths not shaped like a token refused, links kept across a restart and in the
// access audit, and a hostile Host header never in a link.
#include <doctest/doctest.h>

#include <sys/wait.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <set>

#include "api_client.hpp"
#include "core/data_format.hpp"
#include "demo_roles.hpp"

using json = nlohmann::json;
using sb::test::ApiClient;
using sb::test::Demo;
using sb::test::DemoServer;
using sb::test::ServerProcess;

namespace {
std::string temp_file(const std::string& name) { return sb::test::fresh_temp_path("calendar-" + name); }

// What python3-icalendar reads in a calendar file. Debian's package is installed for Debian's own
// Python (scripts/setup), which another python3 earlier on the PATH would not see: hence the path.
json parse_with_icalendar(const std::string& ics) {
    const std::string path = temp_file("feed.ics");
    std::ofstream(path, std::ios::binary) << ics;
    const std::string script =
        "import icalendar, json, sys\n"
        "cal = icalendar.Calendar.from_ical(open(sys.argv[1], encoding=\"utf-8\").read())\n"
        "def utc(v):\n"
        "    assert v.utcoffset().total_seconds() == 0, v\n"
        "    return v.strftime(\"%Y%m%dT%H%M%SZ\")\n"
        "events = [{\"uid\": str(e[\"UID\"]), \"summary\": str(e[\"SUMMARY\"]), \"start\": utc(e.decoded(\"DTSTART\")),\n"
        "           \"end\": utc(e.decoded(\"DTEND\"))} for e in cal.walk(\"VEVENT\")]\n"
        "refresh = cal[\"REFRESH-INTERVAL\"]\n"
        "print(json.dumps({\"version\": str(cal[\"VERSION\"]), \"refresh\": refresh.to_ical().decode(),\n"
        "                  \"refresh_value\": refresh.params.get(\"VALUE\"), \"ttl\": str(cal[\"X-PUBLISHED-TTL\"]), \"events\": events}))\n";
    FILE* p = popen(("/usr/bin/python3 -c '" + script + "' " + path + " 2>&1").c_str(), "r");
    REQUIRE(p);
    std::string out;
    char buf[4096];
    for (size_t n; (n = std::fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
    const int status = pclose(p);
    std::filesystem::remove(path);
    REQUIRE_MESSAGE(status == 0, "python3-icalendar could not read the feed (is it installed? scripts/setup installs it): " << out);
    return json::parse(out);
}

// RFC 5545 §3.1 on the wire: every line ends in CRLF, none is longer than 75 octets.
void check_lines(const std::string& ics) {
    REQUIRE(ics.size() > 2);
    CHECK(ics.substr(ics.size() - 2) == "\r\n");
    size_t start = 0, bare_lf = 0, long_lines = 0;
    for (size_t at; (at = ics.find('\n', start)) != std::string::npos; start = at + 1) {
        bare_lf += at == 0 || ics[at - 1] != '\r';
        long_lines += at - start - 1 > 75;
    }
    CHECK(bare_lf == 0);
    CHECK(long_lines == 0);
}

// "20261130T073000Z" for a UTC instant in minutes, worked out by the C library, not by the core.
std::string utc_text(sb::UtcMinutes t) {
    const std::time_t seconds = std::time_t(t) * 60;
    std::tm tm{};
    gmtime_r(&seconds, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y%m%dT%H%M%SZ", &tm);
    return buf;
}

// What a calendar app does: a GET of the path, with no session and no cookie.
httplib::Result fetch(const ServerProcess& s, const std::string& path) {
    httplib::Client c("127.0.0.1", s.port());
    c.set_read_timeout(30);
    return c.Get(path);
}

std::string path_of(const std::string& url) { return url.substr(url.find("/api/")); }

// POST /api/calendar-link as `c`; the answer's JSON, after checking it is 200.
json make_link(ApiClient& c, const std::string& body = "") {
    auto r = c.post("/api/calendar-link", body);
    REQUIRE(r);
    REQUIRE_MESSAGE(r->status == 200, r->body);
    return json::parse(r->body);
}

// The person's shifts as their own snapshot shows them (what the feed must hold).
std::vector<sb::Shift> own_shifts(const sb::State& state, const std::string& staff) {
    std::vector<sb::Shift> out;
    for (const sb::Shift& s : state.shifts)
        if (s.assignee == staff && s.status != sb::ShiftStatus::Cancelled) out.push_back(s);
    return out;
}

std::string uid_of(const sb::State& state, const std::string& shift) { return shift + "@" + state.trust.id + ".shiftbank"; }
}  // namespace

TEST_CASE("a person's calendar feed: a private link, fetched with no session, read by a calendar parser, following changes") {
    DemoServer t({"--demo-staff", "120"});
    const Demo& d = t.demo;
    ApiClient me(t.server, d.clinician);
    const json link = make_link(me);
    const std::string origin = "127.0.0.1:" + std::to_string(t.server.port());
    const std::string https = link["https"], webcal = link["webcal"];
    REQUIRE(https.rfind("http://" + origin + "/api/calendar/", 0) == 0);
    const std::string token = https.substr(("http://" + origin + "/api/calendar/").size(), 64);
    CHECK(token.find_first_not_of("0123456789abcdef") == std::string::npos);
    CHECK(https == "http://" + origin + "/api/calendar/" + token + ".ics");
    CHECK(webcal == "webcal://" + origin + "/api/calendar/" + token + ".ics");
    // Whether there is one, and since when; never the token (only its hash is kept).
    auto status = me.get("/api/calendar-link");
    REQUIRE(status);
    CHECK(status->status == 200);
    CHECK(json::parse(status->body) == json{{"exists", true}, {"created", link["created"]}});

    auto feed = fetch(t.server, path_of(https));
    REQUIRE(feed);
    REQUIRE_MESSAGE(feed->status == 200, feed->body);
    CHECK(feed->get_header_value("Content-Type") == "text/calendar; charset=utf-8");
    CHECK(feed->get_header_value("Cache-Control") == "private, max-age=300");
    check_lines(feed->body);
    const json cal = parse_with_icalendar(feed->body);
    CHECK(cal["version"] == "2.0");
    CHECK(cal["refresh"] == "PT1H");
    CHECK(cal["refresh_value"] == "DURATION");
    CHECK(cal["ttl"] == "PT1H");

    // Exactly the person's shifts as their own snapshot shows them, with their times and names.
    auto loaded = sb::load_document(me.snapshot());
    REQUIRE(loaded.ok());
    const sb::State& mine = loaded.state;
    const std::string staff = mine.find_user(d.clinician)->staff;
    const std::vector<sb::Shift> shifts = own_shifts(mine, staff);
    REQUIRE_FALSE(shifts.empty());
    CHECK(cal["events"].size() == shifts.size());
    const sb::Shift& first = shifts.front();
    const auto event = std::find_if(cal["events"].begin(), cal["events"].end(), [&](const json& e) { return e["uid"] == uid_of(mine, first.id); });
    REQUIRE(event != cal["events"].end());
    CHECK((*event)["summary"] == mine.find_shift_type(first.type)->name + " shift, " + mine.find_ward(first.ward)->name);
    CHECK((*event)["start"] == utc_text(sb::london_to_utc(first.start)));
    CHECK((*event)["end"] == utc_text(sb::london_to_utc(first.end)));

    // A booking is in the next fetch, at the same address.
    const auto [code, booked] = me.command("cal-book-1", "book", {{"shift", d.open}});
    REQUIRE_MESSAGE(code == 200, booked.dump());
    REQUIRE_MESSAGE(booked["status"] == "accepted", booked.dump());
    auto after = fetch(t.server, path_of(https));
    REQUIRE(after);
    REQUIRE(after->status == 200);
    const json cal2 = parse_with_icalendar(after->body);
    CHECK(cal2["events"].size() == shifts.size() + 1);
    CHECK(std::any_of(cal2["events"].begin(), cal2["events"].end(), [&](const json& e) { return e["uid"] == uid_of(mine, d.open); }));
    CHECK_FALSE(std::any_of(cal["events"].begin(), cal["events"].end(), [&](const json& e) { return e["uid"] == uid_of(mine, d.open); }));
    // HEAD, as some calendar apps ask first: the same headers, no body.
    httplib::Client c("127.0.0.1", t.server.port());
    auto head = c.Head(path_of(https).c_str());
    REQUIRE(head);
    CHECK(head->status == 200);
    CHECK(head->body.empty());
}

TEST_CASE("resetting a calendar link ends the old one, turning it off ends it; both kept across a restart and in the access audit") {
    const std::string db = temp_file("reset.sqlite");
    std::string old_path, new_path, user;
    {
        DemoServer t({"--demo-staff", "120", "--db", db});
        const Demo& d = t.demo;
        user = d.clinician;
        ApiClient me(t.server, user);
        old_path = path_of(make_link(me, "{}")["https"]);
        new_path = path_of(make_link(me)["https"]);
        CHECK(old_path != new_path);
        auto old_feed = fetch(t.server, old_path), new_feed = fetch(t.server, new_path);
        REQUIRE(old_feed);
        REQUIRE(new_feed);
        CHECK(old_feed->status == 404);
        CHECK(json::parse(old_feed->body)["error"] == "There is no calendar at this address: its link may have been reset or turned off");
        CHECK(new_feed->status == 200);
    }
    ServerProcess server({"--db", db});
    ApiClient me(server, user);
    // Kept in the database (as a hash): the reset link still works after a restart, the old one not.
    CHECK(fetch(server, new_path)->status == 200);
    CHECK(fetch(server, old_path)->status == 404);
    auto off = me.del("/api/calendar-link");
    REQUIRE(off);
    CHECK(off->status == 204);
    CHECK(off->body.empty());
    CHECK_FALSE(off->has_header("Content-Length"));
    CHECK(fetch(server, new_path)->status == 404);
    CHECK(me.del("/api/calendar-link")->status == 204);   // already off: nothing to do, and no second entry
    CHECK(json::parse(me.get("/api/calendar-link")->body) == json{{"exists", false}});

    // In the access audit, as the person and administrators read it; not among the changes.
    auto audit = me.get("/api/audit?events=access");
    REQUIRE(audit);
    REQUIRE(audit->status == 200);
    std::vector<std::string> types, texts;
    const json entries = json::parse(audit->body)["entries"];
    for (const json& e : entries) {
        const auto type = e["type"].get<std::string>();
        if (type.starts_with("calendar_link_")) types.push_back(type), texts.push_back(e["text"].get<std::string>());
    }
    CHECK(types == std::vector<std::string>{"calendar_link_revoked", "calendar_link_reset", "calendar_link_made"});
    REQUIRE(texts.size() == 3);
    CHECK(texts[0].ends_with(" turned off their calendar link"));
    CHECK(texts[1].ends_with(" reset their calendar link (the old one no longer works)"));
    CHECK(texts[2].ends_with(" made a calendar link"));
    CHECK(json::parse(me.get("/api/audit")->body)["entries"].dump().find("calendar_link") == std::string::npos);
    server.stop();
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db + suffix);
}

TEST_CASE("a calendar path not shaped like a token is a 404, and so is an unknown token of the right shape") {
    DemoServer t({"--demo-staff", "60"});
    const Demo& d = t.demo;
    ApiClient me(t.server, d.clinician);
    const std::string good = path_of(make_link(me)["https"]);
    const std::string token = good.substr(std::string("/api/calendar/").size(), 64);
    std::string upper = token, other = token;
    std::transform(upper.begin(), upper.end(), upper.begin(), [](char c) { return char(std::toupper(static_cast<unsigned char>(c))); });
    other[0] = other[0] == '0' ? '1' : '0';
    const std::vector<std::string> bad = {
        "/api/calendar/../../x.ics",
        "/api/calendar/%2e%2e%2f%2e%2e%2fx.ics",
        "/api/calendar/" + token + "0.ics",           // too long
        "/api/calendar/" + token.substr(1) + ".ics",  // too short
        "/api/calendar/" + std::string(200, 'a') + ".ics",
        "/api/calendar/" + upper + ".ics",
        "/api/calendar/" + token.substr(0, 63) + "g.ics",
        "/api/calendar/" + token.substr(0, 60) + "%00ab.ics",
        "/api/calendar/" + token,
        "/api/calendar/" + token + ".ICS",
        "/api/calendar/" + token + ".ics/x",
        "/api/calendar/",
        "/api/calendar/" + other + ".ics",            // the right shape, nobody's
    };
    for (const std::string& path : bad) {
        auto r = fetch(t.server, path);
        REQUIRE(r);
        CHECK_MESSAGE(r->status == 404, path);
        CHECK_MESSAGE(r->get_header_value("Content-Type") == "application/json", path);
        CHECK_MESSAGE(r->body.find("BEGIN:VCALENDAR") == std::string::npos, path);
    }
    CHECK(fetch(t.server, good)->status == 200);
    // A query string changes nothing (calendar apps add their own).
    CHECK(fetch(t.server, good + "?refresh=1")->status == 200);
}

TEST_CASE("a manager's own feed holds only their own shifts; an account without a staff record gets none; requests are checked") {
    DemoServer t({"--demo-staff", "120"});
    const Demo& d = t.demo;
    ApiClient m(t.server, d.manager);
    auto r = fetch(t.server, path_of(make_link(m)["https"]));
    REQUIRE(r);
    REQUIRE(r->status == 200);
    const json cal = parse_with_icalendar(r->body);
    const std::string staff = d.state.find_user(d.manager)->staff;
    REQUIRE_FALSE(staff.empty());
    std::set<std::string> theirs, others_on_ward;
    for (const sb::Shift& s : own_shifts(d.state, staff)) theirs.insert(uid_of(d.state, s.id));
    for (const sb::Shift& s : d.state.shifts)
        if (s.ward == d.ward && !s.assignee.empty() && s.assignee != staff) others_on_ward.insert(uid_of(d.state, s.id));
    REQUIRE_FALSE(others_on_ward.empty());   // a manager sees these on the rota, but they are not theirs
    std::set<std::string> got;
    for (const json& e : cal["events"]) got.insert(e["uid"]);
    CHECK(got == theirs);

    // The administrator works no shifts: no feed, said in a sentence.
    auto none = t.admin.post("/api/calendar-link", "");
    REQUIRE(none);
    CHECK(none->status == 409);
    CHECK(json::parse(none->body)["error"] ==
          "Your account has no shifts of its own (it has no staff record), so it has no calendar to subscribe to");
    CHECK(json::parse(t.admin.get("/api/calendar-link")->body) == json{{"exists", false}});

    // Signed in, and no fields, as elsewhere.
    ApiClient nobody(t.server);
    CHECK(nobody.post("/api/calendar-link", "")->status == 401);
    CHECK(nobody.get("/api/calendar-link")->status == 401);
    CHECK(nobody.del("/api/calendar-link")->status == 401);
    auto extra = m.post("/api/calendar-link", R"({"token": "mine"})");
    REQUIRE(extra);
    CHECK(extra->status == 400);
    CHECK(json::parse(extra->body)["error"] == "\"token\" is not a field of a calendar link: send {} or nothing");
    CHECK(m.post("/api/calendar-link", "[]")->status == 400);
    CHECK(m.post("/api/calendar-link", "{")->status == 400);
    CHECK(m.post("/api/calendar-link", std::string(5000, ' '))->status == 413);
}

TEST_CASE("a hostile Host header never reaches a link: refused, or replaced by --public-url") {
    auto post_with_host = [](const ServerProcess& s, ApiClient& c, const std::string& host) {
        httplib::Client raw("127.0.0.1", s.port());
        httplib::Headers h = c.headers();
        h.emplace("Host", host);
        auto r = raw.Post("/api/calendar-link", h, "", "application/json");
        REQUIRE(r);
        return std::make_pair(r->status, r->body);
    };
    {
        DemoServer t({"--demo-staff", "60"});
        const Demo& d = t.demo;
        ApiClient me(t.server, d.clinician);
        for (const std::string host : {"evil.example/steal?x=", "me@evil.example", "evil.example:99999", "evil.example:80:81",
                                       "evil.example\"><a href=x>", "evil.example\\x", "[::1", "[evil.example]", ".evil.example",
                                       "evil..example", "evil.example:"}) {
            const auto [status, body] = post_with_host(t.server, me, host);
            CHECK_MESSAGE(status == 400, host);
            CHECK_MESSAGE(body.find("evil") == std::string::npos, host);
        }
        // A well-formed Host is the link's, lower-cased, over plain HTTP (this server speaks no TLS).
        const auto [status, body] = post_with_host(t.server, me, "Rota.Example.org:8443");
        REQUIRE(status == 200);
        const json link = json::parse(body);
        CHECK(link["https"].get<std::string>().rfind("http://rota.example.org:8443/api/calendar/", 0) == 0);
        CHECK(link["webcal"].get<std::string>().rfind("webcal://rota.example.org:8443/api/calendar/", 0) == 0);
        const auto [v6, v6_body] = post_with_host(t.server, me, "[::1]:8080");
        CHECK(v6 == 200);
        CHECK(json::parse(v6_body)["webcal"].get<std::string>().rfind("webcal://[::1]:8080/api/calendar/", 0) == 0);
    }
    {
        // Behind a TLS proxy the configured origin is used, whatever Host says.
        DemoServer t({"--demo-staff", "60", "--public-url", "https://Rota.Example.nhs.uk/"});
        const Demo& d = t.demo;
        ApiClient me(t.server, d.clinician);
        const auto [status, body] = post_with_host(t.server, me, "evil.example");
        REQUIRE(status == 200);
        const json link = json::parse(body);
        CHECK(body.find("evil") == std::string::npos);
        const std::string https = link["https"], webcal = link["webcal"];
        CHECK(https.rfind("https://rota.example.nhs.uk/api/calendar/", 0) == 0);
        CHECK(webcal == "webcal://rota.example.nhs.uk" + path_of(https));
        CHECK(fetch(t.server, path_of(https))->status == 200);
    }
    // A --public-url that is not an origin stops the server at once, saying so.
    for (const char* bad : {"https://rota.example.nhs.uk/shiftbank", "ftp://rota.example.nhs.uk", "rota.example.nhs.uk", "https://a b"}) {
        const std::string cmd = std::string(SHIFTBANK_SERVER) + " --port 0 --public-url '" + bad + "' > /dev/null 2>&1";
        const int rc = std::system(cmd.c_str());
        CHECK_MESSAGE((WIFEXITED(rc) && WEXITSTATUS(rc) == 2), bad);
    }
}
