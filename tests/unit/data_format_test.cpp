#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "core/data_format.hpp"
#include "core/demo_trust.hpp"

using namespace sb;
using json = nlohmann::json;

namespace {
json small_trust() {
    DemoOptions o;
    o.staff = 30;
    o.weeks = 1;
    return to_json(make_demo_trust(o));
}

// Every error of a load, as "path: message", so a failing check shows what was reported.
std::string errors_of(const json& doc) {
    std::string out;
    for (const auto& e : load_document(doc).errors) out += describe(e) + "\n";
    return out;
}

bool has_error(const json& doc, const std::string& path, const std::string& words) {
    for (const auto& e : load_document(doc).errors)
        if (e.path == path && e.message.find(words) != std::string::npos) return true;
    return false;
}
}  // namespace

TEST_CASE("a saved state loads back identically") {
    const json doc = small_trust();
    const LoadResult r = load_state(doc.dump());
    REQUIRE_MESSAGE(r.ok(), errors_of(doc));
    CHECK(to_json(r.state) == doc);
    CHECK(r.state.staff.size() == 30 + 1);   // plus one agency worker
}

TEST_CASE("not JSON at all: one error that says where") {
    for (const char* text : {"", "{", "{\"format\": }", "[1,2", "nul", "{\"a\":1}}"}) {
        const LoadResult r = load_state(std::string_view(text));
        REQUIRE(r.errors.size() == 1);
        CHECK(r.errors[0].message.find("not valid JSON") != std::string::npos);
    }
}

TEST_CASE("the wrong format version is refused before anything else") {
    json doc = small_trust();
    doc["format"] = "shiftbank/2";
    CHECK(has_error(doc, "/format", "this version of Shiftbank reads \"shiftbank/1\""));
    CHECK(load_document(doc).errors.size() == 1);
    CHECK(has_error(json::array(), "", "must be an object"));
    CHECK(has_error(json::object(), "/format", "is missing"));
}

TEST_CASE("every problem is reported with its path, and nothing is half-loaded") {
    json doc = small_trust();
    doc["shifts"][0]["end"] = "2026-13-01T08:00";
    doc["shifts"][1].erase("ward");
    doc["staff"][2]["group"] = "surgeon";
    doc["staff"][3]["contracted_hours_per_week"] = "full time";
    doc["wards"][0]["instant_booking"] = "yes";
    doc["shifts"][2]["rate_pence_per_hour"] = -5;
    doc["shifts"][3]["asignee"] = "s0001";
    const LoadResult r = load_document(doc);
    CHECK(r.errors.size() == 7);
    CHECK(has_error(doc, "/shifts/0/end", "is not a local date-time"));
    CHECK(has_error(doc, "/shifts/1/ward", "is missing"));
    CHECK(has_error(doc, "/staff/2/group", "\"surgeon\" is not one of \"doctor\", \"nurse\", \"hca\" or \"ahp\""));
    CHECK(has_error(doc, "/staff/3/contracted_hours_per_week", "number of hours"));
    CHECK(has_error(doc, "/wards/0/instant_booking", "true or false"));
    CHECK(has_error(doc, "/shifts/2/rate_pence_per_hour", "between 0 and 100000"));
    CHECK(has_error(doc, "/shifts/3/asignee", "not a field"));
    CHECK(r.state.staff.empty());
    CHECK(r.state.shifts.empty());
}

TEST_CASE("types are checked, never coerced") {
    json doc = small_trust();
    doc["shifts"][0]["id"] = 12;
    doc["staff"][0]["skills"] = "iv";
    doc["users"][0]["wards"] = json::array({"w01", 3});
    doc["period"]["days"] = 2.5;
    doc["revision"] = -1;
    doc["sites"] = json::object();
    CHECK(has_error(doc, "/shifts/0/id", "must be a string, not a number"));
    CHECK(has_error(doc, "/staff/0/skills", "must be an array of ids"));
    CHECK(has_error(doc, "/users/0/wards/1", "must be an id"));
    CHECK(has_error(doc, "/period/days", "whole number"));
    CHECK(has_error(doc, "/revision", "between 0 and"));
    CHECK(has_error(doc, "/sites", "must be an array"));
}

TEST_CASE("references must point at things that exist, and ids must be unique") {
    json doc = small_trust();
    doc["shifts"][0]["ward"] = "w99";
    doc["shifts"][1]["type"] = "brunch";
    doc["staff"][1]["id"] = doc["staff"][0]["id"];
    CHECK(has_error(doc, "/shifts/0/ward", "refers to ward \"w99\", which does not exist"));
    CHECK(has_error(doc, "/shifts/1/type", "shift type \"brunch\""));
    CHECK(has_error(doc, "/staff/1/id", "is used twice"));
}

TEST_CASE("contracts and rule sets outside their lists are errors naming the allowed values, never weaker rules") {
    json doc = small_trust();
    size_t doctor = 0;
    while (doc["staff"][doctor]["group"] != "doctor") ++doctor;
    doc["staff"][doctor]["contract"] = "tcs2061";   // a typo that used to drop the junior doctors' rules
    doc["wards"][0]["rule_set"] = "tcs2019";
    CHECK(has_error(doc, "/staff/" + std::to_string(doctor) + "/contract",
                    "\"tcs2061\" is not one of \"tcs2016\", \"afc\" or \"consultant2003\""));
    CHECK(has_error(doc, "/wards/0/rule_set", "\"tcs2019\" is not one of \"tcs2016-2019\" or \"tcs2016-original\""));
    // wtr1998 is how the rules govern everyone on other contracts: not a rota variant a ward picks.
    doc = small_trust();
    doc["wards"][0]["rule_set"] = "wtr1998";
    CHECK(has_error(doc, "/wards/0/rule_set", "is not one of"));
    // A contract must fit the staff group: a nurse is not on the doctors' contract.
    doc = small_trust();
    size_t nurse = 0;
    while (doc["staff"][nurse]["group"] != "nurse") ++nurse;
    doc["staff"][nurse]["contract"] = "tcs2016";
    CHECK(has_error(doc, "/staff/" + std::to_string(nurse) + "/contract", "is a contract for doctors in training"));
    // Lists without ids are unique by their key too.
    doc = small_trust();
    doc["rate_card"].push_back(doc["rate_card"][0]);
    CHECK(has_error(doc, "/rate_card/" + std::to_string(doc["rate_card"].size() - 1), "one rate per staff group, grade and shift type"));
}

TEST_CASE("shift times: end after start, at most 24 h, never in the skipped hour") {
    json doc = small_trust();
    doc["shifts"][0]["start"] = "2026-03-06T20:00";
    doc["shifts"][0]["end"] = "2026-03-06T19:00";
    CHECK(has_error(doc, "/shifts/0/end", "must be after the start (2026-03-06T20:00)"));
    doc["shifts"][0]["end"] = "2026-03-08T08:00";
    CHECK(has_error(doc, "/shifts/0/end", "36 h long"));
    doc["shifts"][0]["start"] = "2026-03-29T01:30";
    doc["shifts"][0]["end"] = "2026-03-29T09:00";
    CHECK(has_error(doc, "/shifts/0/start", "does not exist in London"));
    doc["shifts"][0]["start"] = "2026-10-24T20:00";   // across the autumn change: fine
    doc["shifts"][0]["end"] = "2026-10-25T08:30";
    CHECK_MESSAGE(!has_error(doc, "/shifts/0/start", ""), errors_of(doc));
}

TEST_CASE("status and assignee agree") {
    json doc = small_trust();
    for (auto& s : doc["shifts"]) {
        if (s["status"] == "open") {
            s["assignee"] = "s0001";
            break;
        }
    }
    CHECK(errors_of(doc).find("an open shift is a vacancy") != std::string::npos);
    doc = small_trust();
    doc["shifts"][0]["status"] = "booked";
    doc["shifts"][0].erase("assignee");
    CHECK(has_error(doc, "/shifts/0/assignee", "a booked shift has someone assigned"));
}

TEST_CASE("strings: empty, too long, and not valid UTF-8") {
    json doc = small_trust();
    doc["staff"][0]["name"] = "";
    doc["staff"][1]["name"] = std::string(500, 'x');
    doc["staff"][2]["email"] = "";
    CHECK(has_error(doc, "/staff/0/name", "must not be empty"));
    CHECK(has_error(doc, "/staff/1/name", "longer than 200"));
    CHECK(has_error(doc, "/staff/2/email", "leave the field out"));
    std::string text = small_trust().dump();
    text.replace(text.find("Northbridge"), 1, "\xC3");   // a lone UTF-8 lead byte
    CHECK(load_state(text).errors.size() == 1);
}

TEST_CASE("deeply nested or huge input does not crash") {
    std::string deep(100000, '[');
    CHECK_FALSE(load_state(deep).ok());
    json doc = small_trust();
    doc["staff"][0]["skills"] = json::array();
    for (int i = 0; i < 10000; ++i) doc["staff"][0]["skills"].push_back("skill" + std::to_string(i));
    CHECK(load_document(doc).ok());
}
