// JSON spellings and people's words for the model's enumerations.
#pragma once
#include <optional>
#include <string_view>

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

// What a ward manager reads: "Healthcare assistant", "Open in the bank".
std::string_view display_name(StaffGroup v);
std::string_view display_name(ShiftStatus v);
std::string_view display_name(Role v);
std::string_view display_name(LeaveKind v);
std::string_view display_name(AutoApprove v);
std::string_view display_name(NoticeKind v);
std::string_view display_name(NoticeFrequency v);

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

// "DBS check" for "dbs", "NMC registration" for "nmc"…; an unknown kind as it is.
std::string_view document_name(std::string_view kind);

// "doctor, nurse, hca or ahp": for error messages that list what is allowed.
template <class E> std::string allowed_values();

}  // namespace sb
