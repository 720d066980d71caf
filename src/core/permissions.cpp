#include "core/permissions.hpp"

#include <algorithm>

namespace sb {

bool manages_ward(const User& user, std::string_view ward) {
    if (user.role == Role::Admin) return true;
    return user.role == Role::Manager && std::find(user.wards.begin(), user.wards.end(), ward) != user.wards.end();
}

bool manages_staff(const State& state, const User& user, std::string_view staff) {
    if (user.role == Role::Admin) return true;
    const Staff* p = state.find_staff(staff);
    if (!p || user.role != Role::Manager) return false;
    return std::any_of(p->wards.begin(), p->wards.end(), [&](const std::string& w) { return manages_ward(user, w); });
}

bool runs_rotas(const User& user) { return user.role == Role::Admin || user.role == Role::Manager; }

bool may_send(State& state, const CommandLog& log, const User& user, std::string_view type, const nlohmann::json& payload) {
    const Command c{"may-send", user.id, "", std::string(type), payload};
    const CommandResult r = preview(state, log, c);
    return r.status != CommandStatus::Forbidden && r.status != CommandStatus::Malformed;
}

}  // namespace sb
