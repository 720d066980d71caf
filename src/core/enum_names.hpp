// JSON spellings and people's words for the model's enumerations.
#pragma once
#include <optional>
#include <string_view>
#include <vector>

#include "model.hpp"

namespace sb {

std::string_view to_string(StaffGroup v);
std::string_view to_string(Employment v);
std::string_view to_string(ShiftStatus v);
std::string_view to_string(ShiftSource v);
std::string_view to_string(Role v);
std::string_view to_string(LeaveKind v);
std::string_view to_string(RequestStatus v);
std::string_view to_string(AutoApprove v);
std::string_view to_string(NoticeKind v);
std::string_view to_string(NoticeFrequency v);
std::string_view to_string(PayBand v);

// What a ward manager reads: "Healthcare assistant", "Open in the bank".
std::string_view display_name(StaffGroup v);
std::string_view display_name(ShiftStatus v);
std::string_view display_name(Role v);
std::string_view display_name(LeaveKind v);
std::string_view display_name(AutoApprove v);
std::string_view display_name(NoticeKind v);
std::string_view display_name(NoticeFrequency v);
std::string_view display_name(PayBand v);

template <class E> std::optional<E> parse_enum(std::string_view s);
template <> std::optional<StaffGroup> parse_enum(std::string_view s);
template <> std::optional<Employment> parse_enum(std::string_view s);
template <> std::optional<ShiftStatus> parse_enum(std::string_view s);
template <> std::optional<ShiftSource> parse_enum(std::string_view s);
template <> std::optional<Role> parse_enum(std::string_view s);
template <> std::optional<LeaveKind> parse_enum(std::string_view s);
template <> std::optional<RequestStatus> parse_enum(std::string_view s);
template <> std::optional<AutoApprove> parse_enum(std::string_view s);
template <> std::optional<NoticeKind> parse_enum(std::string_view s);
template <> std::optional<NoticeFrequency> parse_enum(std::string_view s);
template <> std::optional<PayBand> parse_enum(std::string_view s);

// "DBS check" for "dbs", "NMC registration" for "nmc"…; an unknown kind as it is.
std::string_view document_name(std::string_view kind);
// The kinds a document may be set to by a command: dbs, right_to_work, mandatory_training, gmc, nmc, hcpc.
const std::vector<std::string_view>& document_kinds();
// How long a renewal made today usually lasts, in years: 3 for a DBS check (the trusts' common
// cycle), 1 for mandatory training; 0 where there is no usual period (a visa or a registration has
// its own date, which is typed).
int renewal_years(std::string_view kind);

// "doctor, nurse, hca or ahp": for error messages that list what is allowed.
template <class E> std::string allowed_values();

}  // namespace sb
