// GET /api/changes?since=R&stream=1: the change feed as one long response, a line of JSON per batch
// of changes (the long-poll's answer, unchanged), so an open browser pays for one request a minute
// instead of one per change. Compressed with gzip, flushed after every line so each arrives at once;
// a heartbeat line every 25 s tells both ends the connection is alive; it ends after about a minute
// (the client asks again from where it got to) or on "reload".
#pragma once
#include <httplib.h>

#include <functional>

#include "rota_service.hpp"

namespace sb::server {

// `signed_in` is asked before each line: once it says no, the stream ends (the next request gets 401).
void stream_changes(RotaService& service, const User& user, int64_t since, bool gzip, std::function<bool()> signed_in,
                    httplib::Response& res);

}  // namespace sb::server
