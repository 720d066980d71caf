#include "security_headers.hpp"

#include <strings.h>

#include <algorithm>
#include <ctime>

namespace sb::server {

void add_security_headers(const http::Request& req, http::Response& res) {
    res.set_header("X-Content-Type-Options", "nosniff");
    if (req.path.rfind("/api/", 0) == 0) {
        // JSON is never rendered as a page, so the page policies below would be 400 bytes of
        // nothing on every answer (a phone on the change feed pays for each one). Never cached,
        // unless the route said otherwise (the calendar feed: "private, max-age=300").
        const bool route_says = std::any_of(res.headers.begin(), res.headers.end(),
                                            [](const auto& h) { return strcasecmp(h.first.c_str(), "Cache-Control") == 0; });
        if (!route_says) res.set_header("Cache-Control", "no-store");
    } else {
        res.set_header("Content-Security-Policy",
                       "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
                       "img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; object-src 'none'; "
                       "base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
        res.set_header("Referrer-Policy", "no-referrer");
        res.set_header("X-Frame-Options", "DENY");
    }
    // The server's clock, on every answer: browsers stamp their commands by it (one clock).
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char date[40];
    std::strftime(date, sizeof date, "%a, %d %b %Y %H:%M:%S GMT", &tm);
    res.set_header("Date", date);
}

}  // namespace sb::server
