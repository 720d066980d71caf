// Pay, worked by hand: every figure below is written out in the comment above it, from the bands
// of a trust that pays nights (20:00–06:00) and Saturdays the basic rate + 30 %, and Sundays and
// bank holidays + 60 %, at £20.00 an hour (so £26.00 and £32.00 an hour in the bands).
#include <doctest/doctest.h>

#include "commands_fixture.hpp"
#include "core/audit.hpp"
#include "core/csv.hpp"
#include "core/pay.hpp"
#include "core/reports.hpp"

using namespace sb;
using namespace sb::test;

namespace {

std::vector<Enhancement> afc_bands() {
    return {{PayBand::Night, 20 * 60, 6 * 60, 30}, {PayBand::Saturday, 0, 0, 30}, {PayBand::Sunday, 0, 0, 60}, {PayBand::BankHoliday, 0, 0, 60}};
}

LocalDateTime at(const char* iso) { return *parse_local_date_time(iso); }

// The audit trail's sentence for an accepted command.
std::string said(const State& s, const CommandResult& r, const nlohmann::json& payload) {
    return audit_entry(s, Command{r.id, r.author, r.time, r.type, payload}, r, r.revision).text;
}

int64_t minutes_in(const Pay& p, std::optional<PayBand> band) {
    for (const PayPart& x : p.parts)
        if (x.band == band) return x.minutes;
    return 0;
}

}  // namespace

TEST_CASE("a flat rate: hours worked less the break, at the basic rate") {
    // Tue 1 Dec 08:00–20:30 is 12 h 30; less a 30 min break, 12 h × £20.00 = £240.00.
    const Pay p = pay_for({}, 2000, at("2026-12-01T08:00"), at("2026-12-01T20:30"), 30);
    CHECK(p.worked_minutes == 720);
    CHECK(p.basic_pence == 24000);
    CHECK(p.enhancement_pence == 0);
    CHECK(p.total_pence() == 24000);
    // £19.37 for 7 h 20: 440 × 1937 / 60 = 14,204.67p, rounded once to £142.05.
    CHECK(pay_for({}, 1937, at("2026-12-01T08:00"), at("2026-12-01T15:20"), 0).total_pence() == 14205);
}

TEST_CASE("a weekday night: the night band by the clock, the break off the plain time first") {
    // Wed 2 Dec 20:00 – Thu 3 Dec 08:00: 10 h in the night band (20:00–06:00) and 2 h plain; the
    // hour's break comes off the plain time, leaving 1 h plain. 1 × £20 + 10 × £26 = £280.00, of
    // which 11 h × £20 = £220.00 basic and £60.00 enhancement.
    const Pay p = pay_for(afc_bands(), 2000, at("2026-12-02T20:00"), at("2026-12-03T08:00"), 60);
    CHECK(minutes_in(p, std::nullopt) == 60);
    CHECK(minutes_in(p, PayBand::Night) == 600);
    CHECK(p.basic_pence == 22000);
    CHECK(p.enhancement_pence == 6000);
    CHECK(p.total_pence() == 28000);
}

TEST_CASE("Saturday: the whole day in the band, the break off it when there is no plain time") {
    // Sat 5 Dec 07:30–20:00 is 12 h 30, all Saturday; less 30 min, 12 × £26 = £312.00.
    const Pay p = pay_for(afc_bands(), 2000, at("2026-12-05T07:30"), at("2026-12-05T20:00"), 30);
    CHECK(minutes_in(p, PayBand::Saturday) == 720);
    CHECK(p.total_pence() == 31200);
}

TEST_CASE("Saturday night into Sunday: a minute in two bands is paid at the higher, never both") {
    // Sat 5 Dec 20:00–24:00 is night and Saturday (both +30 %: the first listed, night, counts):
    // 4 × £26 = £104. Sun 6 Dec 00:00–08:00 is Sunday (+60 %) beating night: 8 × £32 = £256.
    // Together £360.00.
    const Pay p = pay_for(afc_bands(), 2000, at("2026-12-05T20:00"), at("2026-12-06T08:00"), 0);
    CHECK(minutes_in(p, PayBand::Night) == 240);
    CHECK(minutes_in(p, PayBand::Saturday) == 0);
    CHECK(minutes_in(p, PayBand::Sunday) == 480);
    CHECK(p.total_pence() == 36000);
}

TEST_CASE("bank holidays of England and Wales, substitute days included") {
    CHECK(is_bank_holiday(make_date(2026, 12, 25)));
    CHECK(is_bank_holiday(make_date(2026, 12, 28)));    // Boxing Day falls on a Saturday
    CHECK_FALSE(is_bank_holiday(make_date(2026, 12, 26)));
    CHECK(is_bank_holiday(make_date(2027, 3, 26)));     // Good Friday 2027
    CHECK(is_bank_holiday(make_date(2027, 12, 27)));    // Christmas Day 2027 is a Saturday
    CHECK(is_bank_holiday(make_date(2027, 8, 30)));
    CHECK(bank_holidays().size() == 16);
    // Fri 25 Dec 08:00–16:00: 8 h of bank holiday, 8 × £32 = £256.00.
    CHECK(pay_for(afc_bands(), 2000, at("2026-12-25T08:00"), at("2026-12-25T16:00"), 0).total_pence() == 25600);
    // Without a bank-holiday band Christmas Day is a plain Friday: 8 × £20 = £160.00.
    CHECK(pay_for({afc_bands()[0]}, 2000, at("2026-12-25T08:00"), at("2026-12-25T16:00"), 0).total_pence() == 16000);
}

TEST_CASE("the night the clocks go back is paid for the 13 hours worked") {
    // Sat 24 Oct 20:00 – Sun 25 Oct 08:00 local is 13 real hours (BST ends at 02:00). Saturday
    // 20:00–24:00 is night: 4 × £26 = £104. Sunday 00:00–08:00 local is 9 real hours: 9 × £32 =
    // £288. Together £392.00.
    const Pay p = pay_for(afc_bands(), 2000, at("2026-10-24T20:00"), at("2026-10-25T08:00"), 0);
    CHECK(p.worked_minutes == 780);
    CHECK(minutes_in(p, PayBand::Sunday) == 540);
    CHECK(p.total_pence() == 39200);
}

TEST_CASE("a night band with half-hour edges ends its stretch at the edge") {
    // Bands 21:30–07:30 +50 % only. Tue 1 Dec 19:00–23:00: 2 h 30 plain, 1 h 30 night.
    // 2.5 × £20 + 1.5 × £30 = £50 + £45 = £95.00.
    const Pay p = pay_for({{PayBand::Night, 21 * 60 + 30, 7 * 60 + 30, 50}}, 2000, at("2026-12-01T19:00"), at("2026-12-01T23:00"), 0);
    CHECK(minutes_in(p, std::nullopt) == 150);
    CHECK(minutes_in(p, PayBand::Night) == 90);
    CHECK(p.total_pence() == 9500);
}

namespace {

// Ward 1 with three bank shifts in December, each booked by Zoë, and the trust's bands.
struct PayrollWard : Ward1 {
    std::vector<std::string> ids;
    PayrollWard() {
        state.staff[0].assignment = "20345678";
        state.staff[0].employment = Employment::Bank;
        for (const Enhancement& e : afc_bands()) state.pay_bands.push_back(e);
        // Tue 1 Dec 08:00–20:30 with a 30 min break: 12 h plain and 30 min of night (20:00–20:30);
        // the break comes off the plain time, so 11.5 × £20 + 0.5 × £26 = £230 + £13 = £243.00.
        // Sat 5 Dec 20:00 – Sun 08:00 (£360.00, as above), and Fri 25 Dec 08:00–16:00 (£256.00).
        for (auto [day, from, to] : {std::tuple{"2026-12-01", "08:00", "20:30"}, std::tuple{"2026-12-05", "20:00", "08:00"},
                                     std::tuple{"2026-12-25", "08:00", "16:00"}}) {
            Shift s;
            s.id = "bank" + std::to_string(ids.size() + 1);
            s.ward = "w1";
            s.type = std::string(from) == "20:00" ? "night" : "long_day";
            s.start = at((std::string(day) + "T" + from).c_str());
            s.end = at((std::string(day) + "T" + to).c_str());
            if (!(s.start < s.end)) s.end.date = s.end.date + 1;
            s.requirements.group = StaffGroup::Nurse;
            s.status = ShiftStatus::Booked;
            s.source = ShiftSource::Bank;
            s.assignee = "p1";
            s.rate_pence_per_hour = 2000;
            state.shifts.push_back(s);
            ids.push_back(s.id);
        }
    }
    // Submitted the day after, as worked; signed off by the ward's manager.
    std::string work(const std::string& shift, int break_minutes) {
        const Shift& s = *state.find_shift(shift);
        const std::string after = format_date(s.end.date + 1) + "T09:00:00Z";
        const CommandResult r = run_at(after.c_str(), "zoe", "submit_timesheet",
                                       {{"shift", shift}, {"start", format_local_date_time(s.start)}, {"end", format_local_date_time(s.end)},
                                        {"break_minutes", break_minutes}});
        REQUIRE_MESSAGE(r.accepted(), r.reason);
        return state.timesheets.back().id;
    }
};

// Header first, then the rows.
std::vector<std::vector<std::string>> rows_of(const std::string& csv) {
    const CsvRead read = read_csv(csv);
    REQUIRE_FALSE(read.error);
    std::vector<std::vector<std::string>> out{read.table.header.fields};
    for (const CsvRow& r : read.table.rows) out.push_back(r.fields);
    return out;
}

}  // namespace

TEST_CASE("payroll for December: one line per signed-off bank timesheet, totals equal to the reports' bank spend") {
    PayrollWard w;
    for (const std::string& id : w.ids) {
        const std::string ts = w.work(id, id == "bank1" ? 30 : 0);
        REQUIRE(w.run("manager", "approve_timesheet", {{"timesheet", ts}}).accepted());
    }
    // £243.00 + £360.00 + £256.00 = £859.00: what the reports say the bank cost in December.
    const PayPeriod december = *parse_pay_period("2026-12");
    CHECK(december.name == "December 2026");
    CHECK(describe_payroll(w.state, payable_timesheets(w.state, december)) == "3 timesheets, £859.00");
    CHECK(ward_figures(w.state, december.first, december.days).back().bank_pence == 85900);

    CHECK(w.run("manager", "run_payroll", {{"period", "2026-12"}}).reason == "Only the trust's administrators (the bank office) can run payroll");
    CHECK(w.run("admin", "run_payroll", {{"period", "December"}}).reason == "payload.period must be a month like \"2026-12\"");
    const CommandResult run = w.run("admin", "run_payroll", {{"period", "2026-12"}}, "pay-dec");
    REQUIRE_MESSAGE(run.accepted(), run.reason);
    CHECK(said(w.state, run, {{"period", "2026-12"}}) == "Admin ran payroll for December 2026: 3 timesheets paid");
    CHECK(payroll_runs(w.state) == std::vector<std::string>{"2026-12"});
    CHECK(payroll_total_pence(w.state, "2026-12") == 85900);

    const auto rows = rows_of(payroll_csv(w.state, "2026-12"));
    REQUIRE(rows.size() == 4);
    CHECK(rows[0] == std::vector<std::string>{"Assignment number", "Name", "Date", "Shift", "Ward", "Start", "End", "Break (minutes)", "Hours",
                                              "Rate", "Plain hours", "Night hours", "Saturday hours", "Sunday hours", "Bank holiday hours",
                                              "Enhancements", "Amount", "Timesheet"});
    CHECK(std::vector<std::string>(rows[1].begin(), rows[1].begin() + 17) ==
          std::vector<std::string>{"20345678", "Zoë Adeyemi", "2026-12-01", "Long day", "Ward 1", "2026-12-01T08:00", "2026-12-01T20:30", "30",
                                   "12.00", "20.00", "11.50", "0.50", "0.00", "0.00", "0.00", "3.00", "243.00"});
    CHECK(std::vector<std::string>(rows[2].begin() + 8, rows[2].begin() + 17) ==
          std::vector<std::string>{"12.00", "20.00", "0.00", "4.00", "0.00", "8.00", "0.00", "120.00", "360.00"});
    CHECK(std::vector<std::string>(rows[3].begin() + 8, rows[3].begin() + 17) ==
          std::vector<std::string>{"8.00", "20.00", "0.00", "0.00", "0.00", "0.00", "8.00", "96.00", "256.00"});

    // Never paid twice: nothing is left for another run, and the run cannot be undone.
    CHECK(w.run("admin", "run_payroll", {{"period", "2026-12"}}).reason == "No signed-off bank timesheets are waiting to be paid for December 2026");
    CHECK(w.run("admin", "undo", {{"command", "pay-dec"}}).reason ==
          "A payroll run cannot be undone: its file may be with payroll already, and the same work would be paid twice");
    CHECK(payable_timesheets(w.state, *parse_pay_period("2027-01")).empty());
}

TEST_CASE("a late sign-off is paid in the next run, and an amended timesheet shows both the claim and what was signed off") {
    PayrollWard w;
    const std::string first = w.work("bank1", 30);
    REQUIRE(w.run("manager", "approve_timesheet", {{"timesheet", first}}).accepted());
    REQUIRE(w.run("admin", "run_payroll", {{"period", "2026-12"}}).accepted());

    // Zoë claims the Christmas Day shift 08:00–16:00 with no break; the ward signs off 08:00–15:30
    // with a 30 min break: 7 h × £32 = £224.00 instead of £256.00.
    const std::string late = w.work("bank3", 0);
    CHECK(w.run("manager", "approve_timesheet", {{"timesheet", late}, {"break_minutes", 480}}).reason ==
          "The break (8 h) must be shorter than the time worked (8 h)");
    const nlohmann::json amend = {{"timesheet", late}, {"end", "2026-12-25T15:30"}, {"break_minutes", 30}};
    const CommandResult signed_off = w.run("manager", "approve_timesheet", amend);
    REQUIRE(signed_off.accepted());
    const Timesheet& t = *std::find_if(w.state.timesheets.begin(), w.state.timesheets.end(), [&](const Timesheet& x) { return x.id == late; });
    CHECK(t.amended);
    CHECK(format_local_date_time(t.claimed_end) == "2026-12-25T16:00");
    CHECK(t.claimed_break_minutes == 0);
    CHECK(said(w.state, signed_off, amend) ==
          "Adaeze Okafor signed off Zoë Adeyemi’s timesheet for the Long day on Fri 25 Dec on Ward 1 as 08:00–15:30, 30 min break (claimed 08:00–16:00)");
    // The file keeps both.
    const LoadResult back = load_state(save_state(w.state));
    REQUIRE(back.ok());
    CHECK(back.state.timesheets.back().amended);
    CHECK(format_local_date_time(back.state.timesheets.back().claimed_end) == "2026-12-25T16:00");

    // The second December run pays only it, as signed off.
    REQUIRE(w.run("admin", "run_payroll", {{"period", "2026-12"}}).accepted());
    CHECK(payroll_runs(w.state) == std::vector<std::string>{"2026-12-2", "2026-12"});
    CHECK(payroll_total_pence(w.state, "2026-12-2") == 22400);
    CHECK(rows_of(payroll_csv(w.state, "2026-12-2")).size() == 2);
}

TEST_CASE("pay bands are a setting an administrator changes by command, one band at a time") {
    Ward1 w;
    CHECK(w.run("manager", "set_pay_band", {{"band", "sunday"}, {"percent", 60}}).reason == "Only the trust's administrators can change how bank work is paid");
    CHECK(w.run("admin", "set_pay_band", {{"band", "evening"}, {"percent", 60}}).reason ==
          "payload.band must be one of \"night\", \"saturday\", \"sunday\" or \"bank_holiday\"");
    CHECK(w.run("admin", "set_pay_band", {{"band", "sunday"}, {"percent", 60}, {"from", "20:00"}}).reason ==
          "payload.from and payload.to are only for a night band: a sunday band is the whole day");
    CHECK(w.run("admin", "set_pay_band", {{"band", "night"}, {"percent", 30}}).accepted() == false);
    const nlohmann::json night = {{"band", "night"}, {"from", "20:00"}, {"to", "06:00"}, {"percent", 30}};
    const CommandResult set = w.run("admin", "set_pay_band", night);
    REQUIRE(set.accepted());
    CHECK(said(w.state, set, night) == "Admin set night work (20:00–06:00) to pay the basic rate + 30%");
    CHECK(w.run("admin", "set_pay_band", {{"band", "night"}, {"from", "20:00"}, {"to", "06:00"}, {"percent", 30}}).reason ==
          "Night work is already paid that way");
    const CommandResult removed = w.run("admin", "remove_pay_band", {{"band", "night"}});
    REQUIRE(removed.accepted());
    CHECK(said(w.state, removed, {{"band", "night"}}) == "Admin stopped paying more for night work");
    CHECK(w.state.pay_bands.empty());
}

TEST_CASE("the data format reads pay bands and refuses what it does not know") {
    Ward1 w;
    w.state.pay_bands = afc_bands();
    const LoadResult back = load_state(save_state(w.state));
    REQUIRE(back.ok());
    CHECK(back.state.pay_bands.size() == 4);
    CHECK(back.state.pay_bands[0].from_minute == 20 * 60);

    auto errors_of = [&](nlohmann::json band) {
        nlohmann::json doc = nlohmann::json::parse(save_state(w.state));
        doc["pay_bands"] = nlohmann::json::array({band});
        const LoadResult r = load_document(doc);
        return r.ok() ? std::string() : describe(r.errors.front());
    };
    CHECK(errors_of({{"band", "evening"}, {"percent", 30}}) ==
          "/pay_bands/0/band: \"evening\" is not one of \"night\", \"saturday\", \"sunday\" or \"bank_holiday\"");
    CHECK(errors_of({{"band", "sunday"}, {"percent", 60}, {"from", "00:00"}}) ==
          "/pay_bands/0/from: is only for a night band: a sunday band is the whole day");
    CHECK(errors_of({{"band", "night"}, {"percent", 30}, {"from", "20:00"}, {"to", "20:00"}}) == "/pay_bands/0/to: must differ from the start of the band");
    CHECK(errors_of({{"band", "saturday"}, {"percent", 0}}) == "/pay_bands/0/percent: must be between 1 and 200, not 0");
    CHECK(errors_of({{"band", "saturday"}, {"percent", 30}, {"rate", 5}}).find("/pay_bands/0/rate") == 0);
}
