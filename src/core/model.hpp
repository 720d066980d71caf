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
// How a ward treats applications: each waits for a manager, or those whose grade is one the shift
// asks for and that break no rule (not even a warning) are approved at once.
enum class AutoApprove : uint8_t { Off, GradeMatchNoWarnings };
// What a notification is about. The first group concerns the person's own bookings and requests and
// is always sent; offers (a new shift, a raised rate) follow the person's preferences.
enum class NoticeKind : uint8_t {
    Approved, Declined, Cancelled, Changed, SwapAsked, SwapAccepted, SwapApproved, SwapDeclined,
    NewShifts, RateRaised,
};
enum class NoticeFrequency : uint8_t { Instant, Daily, Off };
// The time bands a trust may pay more for (see pay.hpp): nights by the clock, Saturdays, Sundays and
// the bank holidays of England and Wales, each a whole local day.
enum class PayBand : uint8_t { Night, Saturday, Sunday, BankHoliday };

// "Time spent in this band is paid at the basic rate plus `percent`". A night band runs from
// `from_minute` to `to_minute` local time each day (20:00 to 06:00 wraps past midnight); the day bands
// ignore them. Bands do not add up: a minute in two is paid at the higher.
struct Enhancement {
    PayBand band = PayBand::Night;
    int from_minute = 0, to_minute = 0;
    int percent = 0;
};

struct Trust {
    std::string id;
    std::string name;
    // The notice policy: a booking cancelled by either side less than this many hours before the
    // shift starts is a late cancellation, recorded (and a clinician must say why).
    int cancel_notice_hours = 48;
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
    std::vector<std::string> instant_bookers;   // staff the ward trusts to book without approval
    AutoApprove auto_approve = AutoApprove::Off;
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
    // The ESR assignment number ("12345678", or "12345678-2" for a second post): how the trust's
    // HR and payroll know this post. Never part of an id; seen like the personal details above.
    std::string assignment;
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

// What a person worked on a shift, as they submitted it and the ward signed it off. When the ward
// signs off other times than were claimed, the claim is kept beside them, so both can be seen.
struct Timesheet {
    std::string id;
    std::string shift;
    std::string staff;
    LocalDateTime start, end;    // actually worked (as signed off, once it is)
    int break_minutes = 0;       // unpaid break taken
    RequestStatus status = RequestStatus::Pending;   // Pending = submitted, Approved = signed off
    bool amended = false;        // signed off with other times than the claim below
    LocalDateTime claimed_start, claimed_end;
    int claimed_break_minutes = 0;
    std::string payroll;         // the payroll run that paid it ("2026-12"); "" until paid
};

// A like-for-like swap: `from` gives `shift` to `to` and takes `other_shift`; the colleague accepts,
// then the rota coordinator approves.
struct Swap {
    std::string id;
    std::string shift, other_shift;
    std::string from, to;        // Staff ids
    RequestStatus status = RequestStatus::Pending;   // Pending → Accepted → Approved (or Declined)
};

// One message to one person, made by the command that caused it.
struct Notification {
    std::string id;
    std::string staff;          // who it is for
    NoticeKind kind = NoticeKind::Changed;
    std::string shift;          // the shift it is about (the first, for several)
    std::string text;           // "Approved: Night, Sat 5 Dec, Ward 7"
    std::string time;           // the command's time, ISO 8601
    bool digest = false;        // held for the person's daily digest rather than shown at once
    bool read = false;
};

// Which offers a person wants to hear about. Empty lists mean "any"; days is a bit per weekday
// (bit 0 = Monday).
struct NotificationPrefs {
    std::string staff;
    std::vector<std::string> wards;
    std::vector<std::string> types;
    uint8_t days = 0x7F;
    NoticeFrequency frequency = NoticeFrequency::Instant;
};

// A booking given up: by the clinician or by the ward, and whether it broke the notice policy.
struct Cancellation {
    std::string id;
    std::string shift;
    std::string staff;          // who was booked
    std::string by;             // User id of who cancelled
    bool by_ward = false;       // the ward (a manager) cancelled, rather than the clinician
    std::string time;           // ISO 8601
    int hours_notice = 0;       // whole hours between cancelling and the shift's start
    bool late = false;          // less notice than the trust's policy asks
    std::string reason;
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
    std::vector<Notification> notifications;
    std::vector<NotificationPrefs> notification_prefs;
    std::vector<Cancellation> cancellations;
    // How bank work is paid on top of the rate card's basic rate, one entry per band; none: a flat rate.
    std::vector<Enhancement> pay_bands;
    Date period_start;       // first day of the published rota period
    int period_days = 28;
    int64_t revision = 0;    // number of commands applied since the data was created

    const Ward* find_ward(std::string_view id) const;
    const Staff* find_staff(std::string_view id) const;
    const ShiftType* find_shift_type(std::string_view id) const;
    const Shift* find_shift(std::string_view id) const;
    const User* find_user(std::string_view id) const;
    const User* user_for_staff(std::string_view staff) const;
    // The person's preferences, or the defaults (every ward, type and day, sent at once).
    NotificationPrefs prefs_for(std::string_view staff) const;
};

// Elapsed minutes of a shift in real time (clock changes included).
int64_t shift_minutes(const Shift& s);
bool is_vacant(const Shift& s);
// The rate card's rate for a shift needing `req` of type `type`: an entry for that type beats one
// for any type; with several grades allowed, the first grade with an entry counts. 0 if none.
int rate_for(const State& state, const Requirements& req, const std::string& type);
// Is the shift for someone like this person: their staff group, one of its grades, its skills?
bool matches_requirements(const Staff& person, const Shift& s);
// The first of the person's documents (DBS, right to work…) out of date on `day`, or nullptr.
const ComplianceDocument* expired_document(const Staff& person, Date day);
// Could this person work this shift at all: its requirements, and documents in date on the day?
// The rules about their other shifts are the rules engine's question.
bool eligible_for(const Staff& person, const Shift& s);
// May this person book the shift without an application: the ward allows everyone, or trusts them.
bool may_book_instantly(const Ward& ward, std::string_view staff);
// An ESR assignment number: 1 to 12 digits, then optionally "-" and 1 or 2 digits (a second post).
bool valid_assignment_number(std::string_view s);

}  // namespace sb
