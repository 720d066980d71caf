#include "api.hpp"

#include <httplib.h>

#include <nlohmann/json.hpp>

namespace sb::server {

void register_api(httplib::Server& server, std::shared_ptr<const ApiState> api) {
    server.Get("/api/health", [api](const httplib::Request&, httplib::Response& res) {
        nlohmann::json j = {{"status", "ok"},
                            {"version", "0.1.0"},
                            {"revision", api->state.revision},
                            {"data", api->data_source},
                            {"staff", api->state.staff.size()},
                            {"shifts", api->state.shifts.size()}};
        res.set_content(j.dump(), "application/json");
    });
    server.Get("/api/snapshot", [api](const httplib::Request&, httplib::Response& res) {
        res.set_content(api->snapshot_json, "application/json");
    });
    // Anything else under /api/ is a JSON 404, never the app's index page.
    server.Get(R"(/api/.*)", [](const httplib::Request& req, httplib::Response& res) {
        res.status = 404;
        res.set_content(nlohmann::json{{"error", "There is no API endpoint " + req.path}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                        "application/json");
    });
}

}  // namespace sb::server
