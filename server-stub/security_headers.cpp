#include "security_headers.hpp"

#include <httplib.h>

namespace sb::server {

void add_security_headers(httplib::Server& server) {
    server.set_post_routing_handler([](const httplib::Request& req, httplib::Response& res) {
        res.set_header("Content-Security-Policy",
                       "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
                       "img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; object-src 'none'; "
                       "base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
        res.set_header("X-Content-Type-Options", "nosniff");
        res.set_header("Referrer-Policy", "no-referrer");
        res.set_header("X-Frame-Options", "DENY");
        if (req.path.rfind("/api/", 0) == 0) res.set_header("Cache-Control", "no-store");
    });
}

}  // namespace sb::server
