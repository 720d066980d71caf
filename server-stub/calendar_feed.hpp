// A person's shifts as a calendar subscription that follows changes (docs/api.md, "Calendar feed"):
//
//   POST   /api/calendar-link   (signed in) a new secret link, replacing (so resetting) the old one:
//                               {"https": "http(s)://HOST/api/calendar/TOKEN.ics", "webcal": "webcal://…", "created"}
//   GET    /api/calendar-link   whether one exists and when it was made, never the token
//   DELETE /api/calendar-link   turns it off (204)
//   GET    /api/calendar/TOKEN.ics   no session (calendar apps have none): the .ics, live from the
//                               durable state, as the person's own snapshot would show it
//
// Only the token's hash is kept (session_store.hpp), one live link per person. A path not shaped
// like a token is a 404 before anything is looked up; a token is looked up by its BLAKE2b hash, so
// how long the lookup takes says nothing about the token itself.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "api.hpp"

namespace sb::server {

void register_calendar_feed(http::Server& server, std::shared_ptr<ApiState> api);

// "host" or "host:port": a DNS name or IPv4 address of [a-z0-9.-], or an IPv6 address in brackets,
// and a port of 1–5 digits; lower-cased. nullopt for anything else (a Host header that could splice
// a path, a user name or a second URL into a link).
std::optional<std::string> clean_host(std::string_view host);
// "https://host[:port]" or "http://…" with at most a trailing '/', as "scheme://host[:port]"; else nullopt.
std::optional<std::string> clean_origin(std::string_view url);

}  // namespace sb::server
