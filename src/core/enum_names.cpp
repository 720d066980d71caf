#include "enum_names.hpp"

#include <array>
#include <string>
#include <utility>

namespace sb {
namespace {

template <class E, size_t N>
struct Names {
    std::array<std::string_view, N> json;
    std::array<std::string_view, N> display;
};

constexpr Names<StaffGroup, 4> kGroup{{"doctor", "nurse", "hca", "ahp"},
                                      {"Doctor", "Nurse", "Healthcare assistant", "Allied health professional"}};
constexpr Names<Employment, 3> kEmployment{{"substantive", "bank", "agency"}, {"Substantive", "Bank", "Agency"}};
constexpr Names<ShiftStatus, 7> kStatus{
    {"draft", "published", "open", "booked", "worked", "signed_off", "cancelled"},
    {"Draft", "Published", "Open in the bank", "Booked", "Worked", "Signed off", "Cancelled"}};
constexpr Names<ShiftSource, 3> kSource{{"roster", "bank", "agency"}, {"Roster", "Bank", "Agency"}};
constexpr Names<Role, 3> kRole{{"admin", "manager", "clinician"}, {"Administrator", "Ward manager", "Clinician"}};
constexpr Names<LeaveKind, 3> kLeave{{"annual", "study", "sick"}, {"Annual leave", "Study leave", "Sick leave"}};
constexpr Names<RequestStatus, 5> kRequest{{"pending", "approved", "declined", "withdrawn", "accepted"},
                                           {"Pending", "Approved", "Declined", "Withdrawn", "Accepted"}};
constexpr Names<AutoApprove, 2> kAutoApprove{{"off", "grade_match_no_warnings"},
                                             {"Every application waits for a manager",
                                              "Approve at once when the grade matches and no rule warns"}};
constexpr Names<NoticeKind, 10> kNotice{
    {"approved", "declined", "cancelled", "changed", "swap_asked", "swap_accepted", "swap_approved", "swap_declined",
     "new_shifts", "rate_raised"},
    {"Approved", "Declined", "Cancelled", "Shift changed", "Swap asked", "Swap accepted", "Swap approved",
     "Swap declined", "New shifts", "Rate raised"}};
constexpr Names<NoticeFrequency, 3> kFrequency{{"instant", "daily", "off"},
                                               {"As they happen", "Once a day", "Never"}};
constexpr Names<PayBand, 4> kBand{{"night", "saturday", "sunday", "bank_holiday"},
                                  {"Night", "Saturday", "Sunday", "Bank holiday"}};

template <class E, size_t N>
std::optional<E> find(const Names<E, N>& names, std::string_view s) {
    for (size_t i = 0; i < N; ++i)
        if (names.json[i] == s) return E(i);
    return std::nullopt;
}

template <class E, size_t N>
std::string list(const Names<E, N>& names) {
    std::string out;
    for (size_t i = 0; i < N; ++i) {
        if (i) out += i + 1 == N ? " or " : ", ";
        out += "\"" + std::string(names.json[i]) + "\"";
    }
    return out;
}

}  // namespace

std::string_view document_name(std::string_view kind) {
    static constexpr std::pair<std::string_view, std::string_view> names[] = {
        {"dbs", "DBS check"}, {"right_to_work", "right to work"}, {"mandatory_training", "mandatory training"},
        {"gmc", "GMC registration"}, {"nmc", "NMC registration"}, {"hcpc", "HCPC registration"}};
    for (const auto& [k, v] : names)
        if (kind == k) return v;
    return kind;
}

const std::vector<std::string_view>& document_kinds() {
    static const std::vector<std::string_view> kinds = {"dbs", "right_to_work", "mandatory_training", "gmc", "nmc", "hcpc"};
    return kinds;
}

int renewal_years(std::string_view kind) { return kind == "dbs" ? 3 : kind == "mandatory_training" ? 1 : 0; }

std::string_view to_string(StaffGroup v) { return kGroup.json[size_t(v)]; }
std::string_view to_string(Employment v) { return kEmployment.json[size_t(v)]; }
std::string_view to_string(ShiftStatus v) { return kStatus.json[size_t(v)]; }
std::string_view to_string(ShiftSource v) { return kSource.json[size_t(v)]; }
std::string_view to_string(Role v) { return kRole.json[size_t(v)]; }
std::string_view to_string(LeaveKind v) { return kLeave.json[size_t(v)]; }
std::string_view to_string(RequestStatus v) { return kRequest.json[size_t(v)]; }
std::string_view to_string(AutoApprove v) { return kAutoApprove.json[size_t(v)]; }
std::string_view to_string(NoticeKind v) { return kNotice.json[size_t(v)]; }
std::string_view to_string(NoticeFrequency v) { return kFrequency.json[size_t(v)]; }
std::string_view to_string(PayBand v) { return kBand.json[size_t(v)]; }
std::string_view display_name(PayBand v) { return kBand.display[size_t(v)]; }
std::string_view display_name(AutoApprove v) { return kAutoApprove.display[size_t(v)]; }
std::string_view display_name(NoticeKind v) { return kNotice.display[size_t(v)]; }
std::string_view display_name(NoticeFrequency v) { return kFrequency.display[size_t(v)]; }
std::string_view display_name(LeaveKind v) { return kLeave.display[size_t(v)]; }

std::string_view display_name(StaffGroup v) { return kGroup.display[size_t(v)]; }
std::string_view display_name(ShiftStatus v) { return kStatus.display[size_t(v)]; }
std::string_view display_name(Role v) { return kRole.display[size_t(v)]; }

template <> std::optional<StaffGroup> parse_enum(std::string_view s) { return find(kGroup, s); }
template <> std::optional<Employment> parse_enum(std::string_view s) { return find(kEmployment, s); }
template <> std::optional<ShiftStatus> parse_enum(std::string_view s) { return find(kStatus, s); }
template <> std::optional<ShiftSource> parse_enum(std::string_view s) { return find(kSource, s); }
template <> std::optional<Role> parse_enum(std::string_view s) { return find(kRole, s); }
template <> std::optional<LeaveKind> parse_enum(std::string_view s) { return find(kLeave, s); }
template <> std::optional<RequestStatus> parse_enum(std::string_view s) { return find(kRequest, s); }
template <> std::optional<AutoApprove> parse_enum(std::string_view s) { return find(kAutoApprove, s); }
template <> std::optional<NoticeKind> parse_enum(std::string_view s) { return find(kNotice, s); }
template <> std::optional<NoticeFrequency> parse_enum(std::string_view s) { return find(kFrequency, s); }
template <> std::optional<PayBand> parse_enum(std::string_view s) { return find(kBand, s); }

template <> std::string allowed_values<StaffGroup>() { return list(kGroup); }
template <> std::string allowed_values<Employment>() { return list(kEmployment); }
template <> std::string allowed_values<ShiftStatus>() { return list(kStatus); }
template <> std::string allowed_values<ShiftSource>() { return list(kSource); }
template <> std::string allowed_values<Role>() { return list(kRole); }
template <> std::string allowed_values<LeaveKind>() { return list(kLeave); }
template <> std::string allowed_values<RequestStatus>() { return list(kRequest); }
template <> std::string allowed_values<AutoApprove>() { return list(kAutoApprove); }
template <> std::string allowed_values<NoticeKind>() { return list(kNotice); }
template <> std::string allowed_values<NoticeFrequency>() { return list(kFrequency); }
template <> std::string allowed_values<PayBand>() { return list(kBand); }

}  // namespace sb
