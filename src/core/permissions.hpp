// Who may do what, asked by the commands that enforce it and by the screens that offer it (a view
// never decides this for itself). The command handlers are the last word: `may_send` asks them.
#pragma once
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/commands/command.hpp"
#include "core/model.hpp"

namespace sb {

// An administrator, or a manager of that ward: may change its rota and decide its requests.
bool manages_ward(const User& user, std::string_view ward);
// An administrator, or a manager of one of the person's home wards: may act for them.
bool manages_staff(const State& state, const User& user, std::string_view staff);
// Runs some rota (a manager or an administrator): sees the manager's screens.
bool runs_rotas(const User& user);

// Would the handlers let `user` send this command, whatever the rules would then say about it?
// (A preview of it is not refused as forbidden.) The state is left as it was.
bool may_send(State& state, const CommandLog& log, const User& user, std::string_view type, const nlohmann::json& payload);

}  // namespace sb
