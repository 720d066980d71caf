// GET /api/changes: how changes reach open browsers, without a thread per browser.
//
//   ?stream=1   server push: one long answer in the Server-Sent Events format ("data: {…}\n\n"),
//               an event per batch of changes as soon as it is durable, and one every 25 s when
//               nothing happens (so both ends know the connection is alive). Compressed with gzip
//               when accepted, flushed after every event. It ends when the session does, on
//               "reload", or when the server stops; the client then asks again from where it got to.
//   ?wait=S     the long-poll fallback for proxies that hold streamed answers back: one answer,
//               as soon as something changes or after S seconds (at most 55).
//
// Both wait on RotaService::watch(), woken by the writer thread after its commit; each event is
// what changes_since() gives this person.
#pragma once
#include <chrono>
#include <functional>
#include <memory>

#include "http_server.hpp"
#include "rota_service.hpp"

namespace sb::server {

// `signed_in` is asked before each event: once it says no, the stream ends (the next request gets 401).
void stream_changes(RotaService& service, const User& user, int64_t since, bool gzip, std::function<bool()> signed_in,
                    std::shared_ptr<http::Exchange> x);
void long_poll_changes(RotaService& service, const User& user, int64_t since, std::chrono::seconds wait,
                       std::shared_ptr<http::Exchange> x);

}  // namespace sb::server
