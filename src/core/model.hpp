// The trust's data as plain values: what is on the rota, who works it, and under which contract.
// Everything here is copyable data with no behaviour beyond small lookups; rules, commands and
// the JSON format live in their own files and read these types.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "civil_time.hpp"

namespace sb {

// Enumerations carry their JSON spelling next to them (see enum_names.hpp) so the format and
// the code cannot drift apart.
enum class StaffGroup : uint8_t { Doctor, Nurse, Hca, Ahp };
enum class Employment : uint8_t { Substantive, Bank, Agency };
enum class ShiftStatus : uint8_t { Draft, Published, Open, Booked, Worked, SignedOff, Cancelled };
enum class ShiftSource : uint8_t { Roster, Bank, Agency };
enum class Role : uint8_t { Admin, Manager, Clinician };
enum class LeaveKind : uint8_t { Annual, Study, Sick };
// Requests (leave, applications, swaps, timesheets) move through these.
enum class RequestStatus : uint8_t { Pending, Approved, Declined, Withdrawn, Accepted };

struct Trust {
    std::string id;
    std::string name;
};

struct Site {
    std::string id;
    std::string name;
};

struct Ward {
    std::string id;
    std::string site;           // Site id
    std::string name;           // "Ward 7 · Acute Medicine"
    std::string specialty;      // "Acute Medicine"
    std::string rule_set = "tcs2016-2019";  // which contract rules govern its rota
    bool instant_booking = false;           // eligible bank staff may book without approval
};

struct ComplianceDocument {
    std::string kind;   // "dbs", "right_to_work", "mandatory_training", "gmc", "nmc", "hcpc"
    Date expires;
};

struct Staff {
    std::string id;
    std::string name;
    StaffGroup group = StaffGroup::Nurse;
    std::string grade;                  // "Band 5", "ST3", "FY1"
    std::vector<std::string> skills;    // competencies: "iv_cannulation", "paediatrics"
    int contracted_minutes_per_week = 0;
    Employment employment = Employment::Substantive;
    std::string contract;               // "tcs2016" (doctors in training), "afc" (Agenda for Change)
    std::vector<std::string> wards;     // home wards (Ward ids)
    std::vector<ComplianceDocument> documents;
    std::string email;                  // personal details: only the person and managers see them
    std::string phone;
};

struct ShiftType {
    std::string id;      // "early"
    std::string name;    // "Early"
    int start_minute = 0;   // local time of day
    int end_minute = 0;     // end <= start means the shift ends the next day
    bool night = false;     // counts as a night shift for the rota rules
};

struct Requirements {
    StaffGroup group = StaffGroup::Nurse;
    std::vector<std::string> grades;    // any of these; empty = any grade of the group
    std::vector<std::string> skills;    // all of these
};

// The trust's bank pay rates: what an hour of a grade's work pays, optionally for one shift type
// (nights pay more). New shifts take their rate from here (rate_for below).
struct RateCardEntry {
    StaffGroup group = StaffGroup::Nurse;
    std::string grade;
    std::string type;          // ShiftType id, or "" for any type
    int pence_per_hour = 0;
};

struct Shift {
    std::string id;
    std::string ward;        // Ward id
    std::string type;        // ShiftType id
    LocalDateTime start;
    LocalDateTime end;
    Requirements requirements;
    ShiftStatus status = ShiftStatus::Draft;
    std::string assignee;    // Staff id; empty while vacant
    int rate_pence_per_hour = 0;
    ShiftSource source = ShiftSource::Roster;
};

struct User {
    std::string id;          // also the username
    std::string name;
    Role role = Role::Clinician;
    std::string staff;       // Staff id for clinicians (and managers who also work shifts)
    std::vector<std::string> wards;   // wards a manager manages
};

struct Leave {
    std::string id;
    std::string staff;
    LeaveKind kind = LeaveKind::Annual;
    Date first, last;        // inclusive
    RequestStatus status = RequestStatus::Pending;
};

// "I can work these hours on this day": managers see it on the rota grid.
struct Availability {
    std::string staff;
    Date date;
    int start_minute = 0;
    int end_minute = 24 * 60;
};

// A clinician's application for an open shift, waiting for the ward to approve.
struct Application {
    std::string id;
    std::string shift;
    std::string staff;
    RequestStatus status = RequestStatus::Pending;
};

struct Timesheet {
    std::string id;
    std::string shift;
    std::string staff;
    LocalDateTime start, end;    // actually worked
    RequestStatus status = RequestStatus::Pending;   // Pending = submitted
};

// A like-for-like swap: `from` gives `shift` to `to` and takes `other_shift`; the colleague accepts,
// then the rota coordinator approves.
struct Swap {
    std::string id;
    std::string shift, other_shift;
    std::string from, to;        // Staff ids
    RequestStatus status = RequestStatus::Pending;   // Pending → Accepted → Approved (or Declined)
};

struct State {
    Trust trust;
    std::vector<Site> sites;
    std::vector<Ward> wards;
    std::vector<ShiftType> shift_types;
    std::vector<Staff> staff;
    std::vector<Shift> shifts;
    std::vector<User> users;
    std::vector<RateCardEntry> rate_card;
    std::vector<Leave> leave;
    std::vector<Availability> availability;
    std::vector<Application> applications;
    std::vector<Timesheet> timesheets;
    std::vector<Swap> swaps;
    Date period_start;       // first day of the published rota period
    int period_days = 28;
    int64_t revision = 0;    // number of commands applied since the data was created

    const Ward* find_ward(std::string_view id) const;
    const Staff* find_staff(std::string_view id) const;
    const ShiftType* find_shift_type(std::string_view id) const;
    const Shift* find_shift(std::string_view id) const;
    const User* find_user(std::string_view id) const;
};

// Elapsed minutes of a shift in real time (clock changes included).
int64_t shift_minutes(const Shift& s);
bool is_vacant(const Shift& s);
// The rate card's rate for a shift needing `req` of type `type`: an entry for that type beats one
// for any type; with several grades allowed, the first grade with an entry counts. 0 if none.
int rate_for(const State& state, const Requirements& req, const std::string& type);

}  // namespace sb
