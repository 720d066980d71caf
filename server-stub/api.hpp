// The JSON API. At this stage: health and the trust snapshot (docs/api.md).
#pragma once
#include <memory>
#include <string>

#include "core/model.hpp"

namespace httplib { class Server; }

namespace sb::server {

struct ApiState {
    State state;
    std::string snapshot_json;   // serialised once: the snapshot is read far more than it changes
    std::string data_source;     // "demo" or the file it was loaded from
};

void register_api(httplib::Server& server, std::shared_ptr<const ApiState> api);

}  // namespace sb::server
