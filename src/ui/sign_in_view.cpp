// The sign-in screen (a server with accounts) and the read-only copy's banner (a static host).
#include <algorithm>
#include <cctype>

#include "core/enum_names.hpp"
#include "imgui_internal.h"
#include "ui/app.hpp"
#include "ui/downloads.hpp"
#include "ui/icons.hpp"
#include "ui/widgets.hpp"

namespace sb::ui {
using namespace colour;

namespace {
bool contains_folded(const std::string& hay, const char* needle) {
    if (!*needle) return true;
    auto fold = [](std::string s) {
        for (char& c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
        return s;
    };
    return fold(hay).find(fold(needle)) != std::string::npos;
}
}  // namespace

void App::draw_sign_in(const ViewContext& ctx) {
    const ImGuiIO& io = ImGui::GetIO();
    const float top = ctx.phone ? 64.0f : 56.0f;
    ImGui::SetNextWindowPos(ImVec2(0, top));
    ImGui::SetNextWindowSize(ImVec2(io.DisplaySize.x, io.DisplaySize.y - top));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ctx.phone ? ImVec2(16, 16) : ImVec2(24, 32));
    ImGui::Begin("##signin", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
    const float width = std::min(440.0f, ImGui::GetContentRegionAvail().x);
    ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), (io.DisplaySize.x - width) * 0.5f));
    ImGui::BeginChild("signin-column", ImVec2(width, 0), ImGuiChildFlags_AutoResizeY);
    begin_card("signin-card");
    ImGui::PushFont(fonts_.heading);
    ImGui::TextUnformatted("Sign in to Shiftbank");
    ImGui::PopFont();
    mirror_.heading(1, "Sign in to Shiftbank");
    ImGui::TextDisabled("%s", state().trust.name.empty() ? "Your trust's staff bank" : state().trust.name.c_str());
    ImGui::Spacing();
    if (!sign_in_.message.empty()) {
        begin_callout();
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width - 64);
        text_coloured(kRefusalText, (ICON_ERROR "  " + sign_in_.message).c_str());
        mirror_.status(sign_in_.message);
        ImGui::PopTextWrapPos();
        end_callout(kPaleRed, width - 32);
    }
    const float field_w = ImGui::GetContentRegionAvail().x;
    ImGui::TextUnformatted("Username");
    ImGui::SetNextItemWidth(field_w);
    mirror_.next(a11y::Role::TextBox, "Username");
    mirror_.next_buffer(sign_in_.username, sizeof sign_in_.username);
    text_field("##username", "e.g. sophie.chen", sign_in_.username, sizeof sign_in_.username);
    if (sign_in_.focus_username) {
        // The focus starts in Username (a screen reader is there too; a phone's keyboard waits for a tap).
        ImGui::FocusWindow(ImGui::GetCurrentWindow());
        ImGui::SetFocusID(ImGui::GetItemID(), ImGui::GetCurrentWindow());
        ImGui::GetCurrentContext()->NavDisableHighlight = false;
        if (!ctx.phone) ImGui::ActivateItemByID(ImGui::GetItemID());
        sign_in_.focus_username = false;
    }
    ImGui::TextUnformatted("Password");
    ImGui::SetNextItemWidth(field_w);
    mirror_.next(a11y::Role::Password, "Password");
    mirror_.next_buffer(sign_in_.password, sizeof sign_in_.password);
    const bool enter = text_field("##password", "", sign_in_.password, sizeof sign_in_.password,
                                  ImGuiInputTextFlags_Password | ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::Spacing();
    ImGui::BeginDisabled(sign_in_.busy || !sign_in_.username[0] || !sign_in_.password[0]);
    if ((button("Sign in", ButtonKind::Primary, ImVec2(field_w, ctx.phone ? 48 : 38)) || enter) && sign_in_handler_ &&
        sign_in_.username[0] && sign_in_.password[0]) {
        sign_in_.busy = true;
        sign_in_.message.clear();
        sign_in_handler_(sign_in_.username, sign_in_.password);
    }
    ImGui::EndDisabled();
    if (sign_in_.busy) ImGui::TextDisabled("Signing in\xE2\x80\xA6");
    end_card();

    // The demo's accounts (the server lists them only when it runs on demo data).
    if (!sign_in_.accounts.empty()) {
        ImGui::Spacing();
        begin_card("demo-accounts");
        card_title(fonts_, ICON_USERS, "Demo accounts", int(sign_in_.accounts.size()));
        mirror_.heading(2, "Demo accounts");
        ImGui::TextWrapped("This server runs on made-up demo data. Pick anyone to sign in as them:");
        ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x);
        mirror_.next(a11y::Role::TextBox, "Search the demo accounts by name, role or grade");
        mirror_.next_buffer(sign_in_.search, sizeof sign_in_.search);
        text_field("##who", ICON_SEARCH "  Name, role or grade", sign_in_.search, sizeof sign_in_.search);
        int shown = 0;
        for (const char* role : {"admin", "manager", "clinician"}) {
            int in_role = 0;
            for (const client::DemoAccount& a : sign_in_.accounts) {
                if (a.role != role || shown >= 24) continue;
                const std::string label = a.name + (a.grade.empty() ? "" : " \xC2\xB7 " + a.grade + " " + a.group);
                if (!contains_folded(label + " " + a.role + " " + a.username, sign_in_.search)) continue;
                if (in_role++ == 0) {
                    text_coloured(kSecondaryText, std::string(display_name(*parse_enum<Role>(role))).c_str());
                    mirror_.heading(3, std::string(display_name(*parse_enum<Role>(role))));
                }
                if (in_role > (sign_in_.search[0] ? 24 : 5)) continue;
                ++shown;
                if (button((ICON_USER "  " + label + "##" + a.username).c_str(), ButtonKind::Secondary,
                           ImVec2(ImGui::GetContentRegionAvail().x, ctx.phone ? 44 : 32)) &&
                    sign_in_handler_) {
                    sign_in_.busy = true;
                    sign_in_handler_(a.username, a.password);
                }
            }
        }
        end_card();
    }
    ImGui::EndChild();
    ImGui::End();
    ImGui::PopStyleVar();
}

void App::draw_read_only_banner(const ViewContext& ctx) {
    begin_callout();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x - 24);
    ImGui::TextWrapped("%s Read-only copy of the rota (revision %lld). Changes you make are drafts, kept in this browser; "
                       "export them to send to the bank office.",
                       ICON_WARNING, static_cast<long long>(store_.revision()));
    ImGui::PopTextWrapPos();
    // The drafts are the store's unanswered commands: a read-only copy never sends them.
    const nlohmann::json drafts = store_.pending_json()["commands"];
    if (!drafts.empty()) {
        if (button((ICON_LIST "  Export " + std::to_string(drafts.size()) + " drafts (JSON)").c_str(), ButtonKind::Secondary,
                   ImVec2(0, ctx.phone ? 44 : 30))) {
            nlohmann::json list = nlohmann::json::array();
            for (const auto& c : drafts) list.push_back({{"id", c["id"]}, {"type", c["type"]}, {"payload", c["payload"]}});
            offer_download("shiftbank-drafts.json", "application/json", nlohmann::json{{"commands", list}}.dump(2));
        }
    }
    end_callout(kPaleYellow, ImGui::GetContentRegionAvail().x);
}

}  // namespace sb::ui
