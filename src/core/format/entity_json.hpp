// Each entity's JSON reader and writer, side by side (docs/data-format.md is the spec): what a file
// holds, what a command's payload carries, and what a change set records as before- and after-image
// all go through these, so the three cannot disagree. Readers check every field and never throw;
// references between entities are the whole file's business (data_format.cpp).
#pragma once
#include <string>

#include "core/format/json_reader.hpp"
#include "core/model.hpp"

namespace sb::format {

bool read(Reader& r, const json& j, const std::string& path, Trust& x);
bool read(Reader& r, const json& j, const std::string& path, Site& x);
bool read(Reader& r, const json& j, const std::string& path, Ward& x);
bool read(Reader& r, const json& j, const std::string& path, ShiftType& x);
bool read(Reader& r, const json& j, const std::string& path, Staff& x);
bool read(Reader& r, const json& j, const std::string& path, Shift& x);
bool read(Reader& r, const json& j, const std::string& path, User& x);
bool read(Reader& r, const json& j, const std::string& path, RateCardEntry& x);
bool read(Reader& r, const json& j, const std::string& path, Leave& x);
bool read(Reader& r, const json& j, const std::string& path, Availability& x);
bool read(Reader& r, const json& j, const std::string& path, Application& x);
bool read(Reader& r, const json& j, const std::string& path, Timesheet& x);
bool read(Reader& r, const json& j, const std::string& path, Swap& x);
bool read(Reader& r, const json& j, const std::string& path, Notification& x);
bool read(Reader& r, const json& j, const std::string& path, NotificationPrefs& x);
bool read(Reader& r, const json& j, const std::string& path, Cancellation& x);
bool read(Reader& r, const json& j, const std::string& path, Enhancement& x);

json write(const Trust& x);
json write(const Site& x);
json write(const Ward& x);
json write(const ShiftType& x);
json write(const Staff& x);
json write(const Shift& x);
json write(const User& x);
json write(const RateCardEntry& x);
json write(const Leave& x);
json write(const Availability& x);
json write(const Application& x);
json write(const Timesheet& x);
json write(const Swap& x);
json write(const Notification& x);
json write(const NotificationPrefs& x);
json write(const Cancellation& x);
json write(const Enhancement& x);

}  // namespace sb::format
