// Headers every response carries. The Content-Security-Policy allows the page's own scripts and
// the WebAssembly compile ('wasm-unsafe-eval'), and nothing else: no inline script, no other origin.
#pragma once
namespace httplib { class Server; }
namespace sb::server {
void add_security_headers(httplib::Server& server);
}
