// The "shiftbank/1" JSON format (docs/data-format.md): writing a State and loading one back.
//
// Loading is all-or-nothing: it checks every field, collects every problem with its JSON path
// and a reason a person can act on, and returns a State only when there are none. It never
// throws, so bad input cannot take down the browser build (exceptions are off in wasm).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "model.hpp"

namespace sb {

inline constexpr std::string_view kFormat = "shiftbank/1";

struct LoadError {
    std::string path;     // JSON Pointer to the offending value, e.g. "/shifts/3/end"
    std::string message;  // "must be after the start (2026-03-06T20:00)"
};

struct LoadResult {
    State state;                    // meaningful only when errors is empty
    std::vector<LoadError> errors;
    bool ok() const { return errors.empty(); }
};

LoadResult load_state(std::string_view json_text);
LoadResult load_document(const nlohmann::json& document);   // an already parsed document

nlohmann::json to_json(const State& state);

// One shift on its own (commands carry these): same checks as in a file, except references.
nlohmann::json shift_to_json(const Shift& shift);
std::optional<Shift> shift_from_json(const nlohmann::json& j, const std::string& path, std::vector<LoadError>& errors);
std::string save_state(const State& state, int indent = -1);

// 16 hex digits over the state's content: the data format without its revision, each list in key
// order. Equal hashes, equal data. (Undo restores the lists' order too: save_state compares that.)
std::string state_hash(const State& state);

// "/shifts/3/end: must be after the start" — one line per error, for CLIs and logs.
std::string describe(const LoadError& e);

}  // namespace sb
