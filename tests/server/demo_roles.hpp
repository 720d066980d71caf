// The people and shifts of the demo trust that server tests act with: a ward that books instantly,
// its manager and another ward's, open shifts two days ahead or more on each, and two clinicians who
// could book the first (the core's own question: a preview of the booking).
#pragma once
#include <doctest/doctest.h>

#include <ctime>
#include <string>

#include "api_client.hpp"
#include "core/data_format.hpp"

namespace sb::test {

// A shift two days ahead or more: not started, so it may be booked, changed and undone whatever the
// time of day the tests run (the core refuses those on shifts that have started).
inline bool well_ahead(const sb::Shift& s) { return s.start.date >= sb::Date{int32_t(std::time(nullptr) / 86400) + 2}; }

struct Demo {
    sb::State state;
    std::string clinician, colleague, manager, other_manager, ward, other_ward, open, open_elsewhere;
    explicit Demo(ApiClient& admin) {
        auto loaded = sb::load_document(admin.snapshot());
        REQUIRE(loaded.ok());
        state = std::move(loaded.state);
        // A ward that books instantly, a clinician of it, its manager, and another ward's manager.
        for (const sb::Ward& w : state.wards)
            if (w.instant_booking && ward.empty()) ward = w.id;
        for (const sb::Ward& w : state.wards)
            if (w.id != ward && other_ward.empty()) other_ward = w.id;
        for (const sb::User& u : state.users) {
            if (u.role == sb::Role::Manager && u.wards == std::vector<std::string>{ward}) manager = u.id;
            if (u.role == sb::Role::Manager && u.wards == std::vector<std::string>{other_ward}) other_manager = u.id;
        }
        // Open shifts well ahead: not started, so any change to them may be undone.
        for (const sb::Shift& s : state.shifts)
            if (s.status == sb::ShiftStatus::Open && s.ward == ward && well_ahead(s) && open.empty()) open = s.id;
        for (const sb::Shift& s : state.shifts)
            if (s.status == sb::ShiftStatus::Open && s.ward == other_ward && well_ahead(s) && open_elsewhere.empty()) open_elsewhere = s.id;
        const sb::Shift* x = state.find_shift(open);
        REQUIRE(x);
        // Two clinicians who could book it (the core's own question: a preview of the booking).
        for (const sb::User& u : state.users) {
            if (u.role != sb::Role::Clinician) continue;
            const sb::CommandResult r = sb::preview(state, {}, sb::Command{"probe", u.id, "2020-01-01T00:00:00Z", "book", {{"shift", open}}});
            if (!r.accepted()) continue;
            if (clinician.empty()) clinician = u.id;
            else if (colleague.empty()) colleague = u.id;
        }
        REQUIRE_FALSE(clinician.empty());
        REQUIRE_FALSE(manager.empty());
        REQUIRE_FALSE(other_manager.empty());
    }
};

// A server on demo data (`args`, e.g. --demo-staff 120), its administrator signed in, and the Demo
// found through them.
struct DemoServer {
    ServerProcess server;
    ApiClient admin;
    Demo demo;
    explicit DemoServer(std::vector<std::string> args) : server(std::move(args)), admin(server, "admin"), demo(admin) {}
};

}  // namespace sb::test
