// Headers on every answer: the page policies on the app's files, nosniff everywhere, no-store and
// the server's clock (Date) on the API. docs/api.md, "Headers on every response".
#pragma once
#include "http_server.hpp"

namespace sb::server {

void add_security_headers(const http::Request& req, http::Response& res);

}  // namespace sb::server
