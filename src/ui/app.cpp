#include "app.hpp"

#include <chrono>

#include <nlohmann/json.hpp>

#include "core/enum_names.hpp"
#include "imgui_internal.h"
#include "ui/icons.hpp"
#include "ui/widgets.hpp"

namespace sb::ui {
using namespace colour;

namespace {
constexpr float kTopBarHeight = 56, kPhoneTopBarHeight = 64, kSideNavWidth = 196, kBottomTabsHeight = 64;
constexpr float kPhoneWidth = 700;   // CSS px: below this the layout becomes one column with tabs

std::string initials(const std::string& name) {
    std::string out;
    bool start = true;
    for (size_t i = 0; i < name.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(name[i]);
        if (c == ' ') start = true;
        else if (start && out.size() < 2 && c < 128) out += char(c), start = false;
        else start = false;
    }
    return out;
}

int count_open(const State& s) {
    int n = 0;
    for (const auto& x : s.shifts) n += x.status == ShiftStatus::Open;
    return n;
}

const ImGuiWindowFlags kPanelFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
}  // namespace

const char* view_title(View v) {
    switch (v) {
        case View::Home: return "Home";
        case View::Rota: return "Rota";
        case View::OpenShifts: return "Open shifts";
        case View::MyRota: return "My rota";
        case View::Reports: return "Reports";
    }
    return "";
}

App::App(std::string font_dir) : font_dir_(std::move(font_dir)) { apply_light_theme(ImGui::GetStyle()); }

bool App::update_fonts(float ratio) {
    if (ratio == font_ratio_ && session_.text_scale == font_scale_) return false;
    font_ratio_ = ratio;
    font_scale_ = session_.text_scale;
    fonts_ok_ = load_fonts(fonts_, font_dir_, ratio, font_scale_);
    return true;
}

void App::set_state(State state, std::string source) {
    state_ = std::move(state);
    source_ = std::move(source);
    status_ = DataStatus::Ready;
    memory_ = ViewMemory{};
    rules_ = RulesCache{};
    log_ = CommandLog{};
    audit_.clear();
    undo_stack_.clear();
    redo_stack_.clear();
    if (state_.period_start > session_.today || session_.today >= state_.period_start + state_.period_days)
        session_.today = state_.period_start;
    choose_default_user(session_.role);
}

void App::set_load_failure(std::string message) {
    failure_ = std::move(message);
    status_ = DataStatus::Failed;
}

void App::choose_default_user(Role role) {
    session_.role = role;
    for (const User& u : state_.users) {
        // The demo signs in as the first ward manager, or the first Band 5 staff nurse: the
        // commonest bank worker, so the open-shift list has something for them.
        const Staff* p = state_.find_staff(u.staff);
        if (u.role == role &&
            (role != Role::Clinician || (p && p->group == StaffGroup::Nurse && p->grade == "Band 5" &&
                                         p->employment == Employment::Substantive))) {
            session_.user = u.id;
            break;
        }
    }
    session_.view = role == Role::Clinician ? View::Home : View::Rota;
}

bool App::text_field_at(float x, float y) const {
    for (const WidgetRect& r : widget_rects())
        if (r.text_field && x >= r.min.x && x < r.max.x && y >= r.min.y && y < r.max.y) return true;
    return false;
}

std::string App::widget_json(const std::string& prefix, bool text_fields) const {
    auto rect = [](const WidgetRect& r) {
        return nlohmann::json{{"label", r.label}, {"x", r.min.x}, {"y", r.min.y}, {"w", r.max.x - r.min.x}, {"h", r.max.y - r.min.y}};
    };
    nlohmann::json out = text_fields ? nlohmann::json::array() : nlohmann::json(nullptr);
    for (const WidgetRect& r : widget_rects()) {
        if (text_fields && r.text_field) out.push_back(rect(r));
        if (!text_fields && !r.text_field && r.label.compare(0, prefix.size(), prefix) == 0) return rect(r).dump();
    }
    return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

nlohmann::json App::summary() const {
    nlohmann::json j = {{"loaded", status_ == DataStatus::Ready},
                        {"failed", status_ == DataStatus::Failed},
                        {"staff", state_.staff.size()},
                        {"shifts", state_.shifts.size()},
                        {"wards", state_.wards.size()},
                        {"revision", state_.revision},
                        {"source", source_},
                        {"view", view_title(session_.view)},
                        {"user", session_.user},
                        {"role", to_string(session_.role)},
                        {"fonts", fonts_ok_},
                        {"undo", undo_stack_.size()},
                        {"selected", memory_.selected.size()},
                        {"message", toast_},
                        {"message_is_error", toast_is_error_},
                        {"rota_search", memory_.search},
                        {"open_search", memory_.open.search},
                        {"open_listed", memory_.open_listed},
                        {"open_first_refusal", memory_.open_first_refusal},
                        {"text_input", ImGui::GetCurrentContext() && ImGui::GetIO().WantTextInput},
                        {"signing_in", sign_in_.needed},
                        {"online", sync_.online},
                        {"pending", sync_.pending},
                        {"read_only", sync_.read_only},
                        {"drafts", drafts_.size()}};
    // The signed-in person's own figures: what the booking tests check after a tap.
    if (const User* u = state_.find_user(session_.user); u && !u->staff.empty()) {
        int bookings = 0, applications = 0, unread = 0;
        for (const Shift& s : state_.shifts) bookings += s.assignee == u->staff && s.status == ShiftStatus::Booked;
        for (const Application& a : state_.applications) applications += a.staff == u->staff && a.status == RequestStatus::Pending;
        for (const Notification& n : state_.notifications) unread += n.staff == u->staff && !n.read;
        j["my_bookings"] = bookings;
        j["my_applications"] = applications;
        j["unread_notifications"] = unread;
    }
    if (!failure_.empty()) j["error"] = failure_;
    return j;
}

void App::frame() {
    begin_widget_frame();
    draw_frame();
    end_widget_frame();   // the rectangles of a complete frame, for the keyboard bridge and tests
}

void App::draw_frame() {
    const ImGuiIO& io = ImGui::GetIO();
    rules_.refresh(state_);
    ViewContext ctx{state_, fonts_, session_, memory_, rules_, *this};
    ctx.phone = io.DisplaySize.x < kPhoneWidth;
    ctx.user = state_.find_user(session_.user);
    ctx.me = ctx.user ? state_.find_staff(ctx.user->staff) : nullptr;

    draw_top_bar(ctx);
    if (sign_in_.needed) {
        draw_sign_in(ctx);
        return;
    }
    if (status_ != DataStatus::Ready) {
        draw_status_screen(ctx);
        return;
    }
    handle_shortcuts();
    touch_scroll();
    if (ctx.phone) draw_bottom_tabs(ctx);
    else draw_side_nav(ctx);
    draw_content(ctx);
    draw_toast(ctx);
}

namespace {
std::string ctx_user_name(const State& state, const std::string& user) {
    const User* u = state.find_user(user);
    return u ? u->name : user;
}
UtcMinutes now_utc_minutes() {
    return std::chrono::duration_cast<std::chrono::minutes>(std::chrono::system_clock::now().time_since_epoch()).count();
}
}  // namespace

std::string App::new_command_id() {
    // The prefix is random per page load (set by the platform), so ids from different browsers differ.
    return command_prefix_ + "-" + std::to_string(next_command_++);
}

void App::sent(const Command& c) {
    if (sync_.read_only) drafts_.push_back(c);
    if (outbox_) outbox_(c);
}

void App::rebase(State server_state, const std::vector<Command>& pending, const std::string& user, bool read_only) {
    const bool first = status_ != DataStatus::Ready || (!user.empty() && user != session_.user);
    sign_in_.needed = false;
    sign_in_.busy = false;
    sync_.connected = true;
    sync_.read_only = read_only;
    if (first) {
        set_state(std::move(server_state), read_only ? "Read-only copy" : "Live data");
        if (const User* u = state_.find_user(user)) {
            session_.user = u->id;
            session_.role = u->role;
            session_.view = u->role == Role::Clinician ? View::Home : View::Rota;
        }
    } else {
        // Same person, newer data: keep what they are looking at; rebuild what was derived from it.
        state_ = std::move(server_state);
        memory_.rota_index = RotaIndex{};
        memory_.drag = RotaDrag{};
        rules_ = RulesCache{};
    }
    log_ = CommandLog{};
    drafts_.clear();
    for (Command c : pending) {   // what the server has not answered yet, applied again on top
        c.author = session_.user;
        if (apply_command(state_, log_, c).accepted() && read_only) drafts_.push_back(c);
    }
}

bool App::apply_remote(const std::vector<std::pair<int64_t, Command>>& changes) {
    if (status_ != DataStatus::Ready || sync_.pending > 0 || changes.empty() || changes.front().first != state_.revision + 1) return false;
    for (const auto& [revision, command] : changes) {
        if (log_.results.count(command.id)) return false;   // one of ours: its revision here may differ
        const CommandResult r = apply_command(state_, log_, command);
        if (!r.accepted() || r.revision != revision) return false;   // state now differs: the caller reloads
    }
    return true;
}

void App::command_rejected(const std::string& id, const std::string& reason) {
    toast_ = "The server did not accept a change: " + reason + ". It has been undone here.";
    toast_is_error_ = true;
    toast_time_ = ImGui::GetCurrentContext() ? ImGui::GetTime() : 0;
    (void)id;
}

void App::show_sign_in(std::vector<DemoAccount> accounts, std::string message) {
    sign_in_.needed = true;
    sign_in_.busy = false;
    sign_in_.accounts = std::move(accounts);
    sign_in_.message = std::move(message);
    sync_.connected = true;
}

void App::switch_demo_account(Role role) {
    // With a server, the role switch signs in as that role's demo account; otherwise it is local.
    if (!sign_in_handler_ || sync_.read_only) return choose_default_user(role);
    for (const DemoAccount& a : sign_in_.accounts)
        if (a.role == to_string(role) && (role != Role::Clinician || (a.group == "nurse" && a.grade == "Band 5" && a.employment == "substantive"))) {
            sign_in_.busy = true;
            sign_in_handler_(a.username, a.password);
            return;
        }
    toast_ = "No demo account for that role: sign out and sign in as someone else";
    toast_is_error_ = true;
    toast_time_ = ImGui::GetTime();
}

std::string App::command_time() const {
    // The wall-clock time of day on the app's "today" (the real date unless the data is elsewhere in
    // time), so notice periods compare sensibly with the rota being shown.
    const LocalDateTime now{session_.today, utc_to_london(now_utc_minutes()).minute};
    const UtcMinutes utc = london_to_utc(now);
    const LocalDateTime u{Date{int32_t(utc / (24 * 60))}, int(utc % (24 * 60))};
    return format_local_date_time(u) + ":00Z";
}

CommandResult App::submit(const std::string& type, nlohmann::json payload, std::string description) {
    Command c{new_command_id(), session_.user, command_time(), type, std::move(payload)};
    CommandResult r = apply_command(state_, log_, c);
    toast_time_ = ImGui::GetTime();
    if (r.accepted()) {
        AuditEntry entry{format_clock(utc_to_london(now_utc_minutes()).minute), ctx_user_name(state_, session_.user), description, "", {}};
        if (auto reason = c.payload.find("override_reason"); reason != c.payload.end() && reason->is_string()) {
            entry.override_reason = reason->get<std::string>();
            for (const auto& w : r.warnings)
                if (w.severity == Severity::Block) entry.overridden.push_back(w.message);
        }
        audit_.push_back(std::move(entry));
        sent(c);
        if (r.inverse) {
            undo_stack_.push_back({c, *r.inverse, description});
            redo_stack_.clear();
        }
        toast_ = description;
        if (!r.warnings.empty()) toast_ += " \xE2\x80\x94 warning: " + r.warnings.front().message;
        toast_is_error_ = false;
    } else {
        toast_ = r.reason;
        toast_is_error_ = true;
    }
    return r;
}

bool App::undo() {
    if (undo_stack_.empty()) return false;
    Done d = undo_stack_.back();
    Command inverse = d.inverse;
    inverse.id = new_command_id();
    CommandResult r = apply_command(state_, log_, inverse);
    toast_time_ = ImGui::GetTime();
    if (!r.accepted()) {
        toast_ = "Could not undo: " + r.reason;
        toast_is_error_ = true;
        return false;
    }
    sent(inverse);
    undo_stack_.pop_back();
    toast_ = "Undone: " + d.description;
    toast_is_error_ = false;
    redo_stack_.push_back(std::move(d));
    return true;
}

bool App::redo() {
    if (redo_stack_.empty()) return false;
    Done d = redo_stack_.back();
    Command again = d.command;
    again.id = new_command_id();   // the old id is in the log: re-sending it would change nothing
    CommandResult r = apply_command(state_, log_, again);
    toast_time_ = ImGui::GetTime();
    if (!r.accepted() || !r.inverse) {
        toast_ = "Could not redo: " + r.reason;
        toast_is_error_ = true;
        return false;
    }
    sent(again);
    redo_stack_.pop_back();
    d.inverse = *r.inverse;
    toast_ = "Redone: " + d.description;
    toast_is_error_ = false;
    undo_stack_.push_back(std::move(d));
    return true;
}

// A finger dragging across a list or the grid scrolls it, as every phone app does; ImGui on its own
// would treat it as a press on whatever was under the finger. The press is cancelled once the finger
// has moved, so a scroll never books a shift by accident. A shift chip being picked up (after a long
// press, rota_view.cpp) keeps the drag.
void App::touch_scroll() {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    const ImGuiIO& io = g.IO;
    if (!ImGui::IsMouseDown(ImGuiMouseButton_Left)) touch_scrolling_ = false;
    if (io.MouseSource != ImGuiMouseSource_TouchScreen || !ImGui::IsMouseDragging(ImGuiMouseButton_Left, 8) ||
        !memory_.drag.shift.empty())
        return;
    // A finger that rested for 0.4 s before moving is picking something up, not scrolling.
    if (!touch_scrolling_ && io.MouseDownDuration[0] > 0.4f) return;
    touch_scrolling_ = true;
    ImGuiWindow* w = g.HoveredWindow;
    while (w && (w->Flags & ImGuiWindowFlags_ChildWindow) && w->ScrollMax.y <= 0 && w->ScrollMax.x <= 0) w = w->ParentWindow;
    if (!w) return;
    if (g.ActiveId != 0 && g.ActiveIdWindow == w) ImGui::ClearActiveID();
    ImGui::SetScrollY(w, w->Scroll.y - io.MouseDelta.y);
    ImGui::SetScrollX(w, w->Scroll.x - io.MouseDelta.x);
}

void App::handle_shortcuts() {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput) return;   // Ctrl+Z in a text field belongs to the field
    if (ImGui::IsKeyChordPressed(ImGuiMod_Ctrl | ImGuiMod_Shift | ImGuiKey_Z) || ImGui::IsKeyChordPressed(ImGuiMod_Ctrl | ImGuiKey_Y))
        redo();
    else if (ImGui::IsKeyChordPressed(ImGuiMod_Ctrl | ImGuiKey_Z))
        undo();
}

void App::draw_toast(const ViewContext& ctx) {
    if (toast_.empty() || toast_time_ < 0 || ImGui::GetTime() - toast_time_ > 6.0) return;
    const ImGuiIO& io = ImGui::GetIO();
    const float w = std::min(560.0f, io.DisplaySize.x - 32);
    const float bottom = ctx.phone ? 64 + 12 : 44;
    ImGui::SetNextWindowPos(ImVec2((io.DisplaySize.x + (ctx.phone ? 0 : 196) - w) * 0.5f, io.DisplaySize.y - bottom),
                            ImGuiCond_Always, ImVec2(0, 1));
    ImGui::SetNextWindowSize(ImVec2(w, 0));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, toast_is_error_ ? kRed : kText);
    ImGui::PushStyleColor(ImGuiCol_Text, kWhite);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 8);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(16, 12));
    ImGui::Begin("##toast", nullptr, kPanelFlags | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoFocusOnAppearing);
    ImGui::PushTextWrapPos(w - 16);
    ImGui::TextWrapped("%s %s", toast_is_error_ ? ICON_BAN : ICON_CHECK, toast_.c_str());
    ImGui::PopTextWrapPos();
    ImGui::End();
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor(2);
}

void App::draw_top_bar(const ViewContext& ctx) {
    const ImGuiIO& io = ImGui::GetIO();
    const float h = ctx.phone ? kPhoneTopBarHeight : kTopBarHeight;
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(io.DisplaySize.x, h));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, kBlue);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(ctx.phone ? 16 : 20, 0));
    ImGui::Begin("##topbar", nullptr, kPanelFlags);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImGui::PushStyleColor(ImGuiCol_Text, kWhite);

    auto centre_y = [&](ImFont* f) { ImGui::SetCursorPosY((h - f->FontSize * io.FontGlobalScale) * 0.5f); };
    if (ctx.phone) {
        ImGui::PushFont(fonts_.heading);
        centre_y(fonts_.heading);
        ImGui::TextUnformatted(status_ == DataStatus::Ready ? view_title(session_.view) : "Shiftbank");
        ImGui::PopFont();
    } else {
        ImGui::PushFont(fonts_.heading);
        centre_y(fonts_.heading);
        ImGui::TextUnformatted("Shiftbank");
        ImGui::PopFont();
        if (!state_.trust.name.empty()) {
            ImGui::SameLine(0, 16);
            centre_y(fonts_.body);
            ImGui::TextUnformatted(state_.trust.name.c_str());
        }
    }
    if (sync_.connected) {   // what the sync says: online, waiting changes, when last in step
        if (sync_.read_only) source_ = "Read-only copy" + std::string(drafts_.empty() ? "" : " \xC2\xB7 " + std::to_string(drafts_.size()) + " drafts");
        else if (!sync_.online) source_ = "Offline" + std::string(sync_.pending ? " \xC2\xB7 " + std::to_string(sync_.pending) + " waiting to send" : "");
        else if (sync_.pending) source_ = "Saving " + std::to_string(sync_.pending) + "\xE2\x80\xA6";
        else source_ = "Online" + std::string(sync_.last_synced.empty() ? "" : " \xC2\xB7 synced " + sync_.last_synced);
    }
    if (status_ == DataStatus::Ready && !sign_in_.needed) {
        // Right side: role switch (demo only), data source, and the signed-in person.
        const char* role_label = session_.role == Role::Clinician ? "Clinician" : session_.role == Role::Admin ? "Admin" : "Manager";
        const std::string name = ctx.user ? ctx.user->name : "";
        const float avatar = 32;
        const float name_w = ctx.phone ? 0 : ImGui::CalcTextSize(name.c_str()).x + 10;
        const float role_w = ImGui::CalcTextSize(role_label).x + 48;
        const float source_w = ctx.phone ? 0 : ImGui::CalcTextSize(source_.c_str()).x + 40;
        float x = io.DisplaySize.x - (ctx.phone ? 16 : 20) - avatar - name_w - role_w - source_w - 16;
        ImGui::SetCursorPos(ImVec2(x, (h - ImGui::GetFrameHeight()) * 0.5f));
        ImGui::PushStyleColor(ImGuiCol_FrameBg, kDarkBlue);
        ImGui::PushStyleColor(ImGuiCol_FrameBgHovered, kBrightBlue);
        ImGui::PushStyleColor(ImGuiCol_PopupBg, kWhite);
        ImGui::PushStyleColor(ImGuiCol_Border, kDarkBlue);
        ImGui::SetNextItemWidth(role_w);
        const std::string role_text = std::string(role_label) + "  " ICON_CHEVRON_DOWN;
        if (ImGui::BeginCombo("##role", role_text.c_str(), ImGuiComboFlags_NoArrowButton)) {
            ImGui::PushStyleColor(ImGuiCol_Text, kText);
            for (Role r : {Role::Manager, Role::Clinician, Role::Admin})
                if (ImGui::Selectable(std::string(display_name(r)).c_str(), session_.role == r)) switch_demo_account(r);
            ImGui::PopStyleColor();
            ImGui::EndCombo();
        }
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Demo: switch between a ward manager's and a clinician's view");
        ImGui::PopStyleColor(4);
        if (!ctx.phone) {
            ImGui::SameLine(0, 16);
            const ImVec2 p = ImGui::GetCursorScreenPos();
            const float cy = h * 0.5f;
            // Green online, amber saving, grey offline or read-only: the words say it too.
            const ImU32 dot = !sync_.connected || (sync_.online && !sync_.pending && !sync_.read_only) ? rgb(0x7ED69B)
                              : sync_.online && !sync_.read_only ? kYellow : kMidGrey;
            dl->AddCircleFilled(ImVec2(p.x + 5, cy), 4.5f, dot);
            ImGui::SetCursorPos(ImVec2(ImGui::GetCursorPosX() + 16, (h - ImGui::GetTextLineHeight()) * 0.5f));
            ImGui::TextUnformatted(source_.c_str());
        }
        ImGui::SameLine(0, 16);
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const ImVec2 c(p.x + avatar * 0.5f, h * 0.5f);
        dl->AddCircleFilled(c, avatar * 0.5f, kWhite);
        const std::string ini = initials(name);
        ImGui::PushFont(fonts_.bold);
        const ImVec2 ts = ImGui::CalcTextSize(ini.c_str());
        dl->AddText(ImVec2(c.x - ts.x * 0.5f, c.y - ts.y * 0.5f), kBlue, ini.c_str());
        ImGui::PopFont();
        if (!ctx.phone) {
            ImGui::SetCursorScreenPos(ImVec2(p.x + avatar + 10, (h - ImGui::GetTextLineHeight()) * 0.5f));
            ImGui::TextUnformatted(name.c_str());
        }
        // The person's menu: text size (pinch-zoom is off on the canvas, so the app offers its own).
        ImGui::SetCursorScreenPos(ImVec2(p.x, 0));
        if (ImGui::InvisibleButton("##me", ImVec2(avatar + name_w + 10, h))) ImGui::OpenPopup("me_menu");
        if (ImGui::BeginPopup("me_menu")) {
            ImGui::PushStyleColor(ImGuiCol_Text, kText);
            ImGui::TextDisabled("%s", name.c_str());
            ImGui::Separator();
            ImGui::TextUnformatted("Text size");
            const std::pair<const char*, float> sizes[] = {{"Normal", 1.0f}, {"Large", 1.2f}, {"Largest", 1.4f}};
            for (const auto& [label, scale] : sizes)
                if (ImGui::RadioButton(label, session_.text_scale == scale)) session_.text_scale = scale;
            if (sign_out_handler_ && !sync_.read_only) {
                ImGui::Separator();
                if (ImGui::Selectable("Sign out")) sign_out_handler_();
            }
            ImGui::PopStyleColor();
            ImGui::EndPopup();
        }
    }
    ImGui::PopStyleColor();
    ImGui::End();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
}

void App::draw_side_nav(const ViewContext& ctx) {
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(0, kTopBarHeight));
    ImGui::SetNextWindowSize(ImVec2(kSideNavWidth, io.DisplaySize.y - kTopBarHeight));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, kWhite);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 12));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, 2));
    ImGui::Begin("##nav", nullptr, kPanelFlags);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const int open = count_open(state_);
    struct Item { View view; const char* icon; };
    // A clinician's work starts at Home; a manager's at the rota.
    const bool clinician = session_.role == Role::Clinician;
    std::vector<Item> items = {Item{View::Home, ICON_HOME}, Item{View::Rota, ICON_GRID}, Item{View::OpenShifts, ICON_INBOX},
                               Item{View::MyRota, ICON_CALENDAR}, Item{View::Reports, ICON_BAR_CHART}};
    if (clinician) items = {Item{View::Home, ICON_HOME}, Item{View::OpenShifts, ICON_INBOX}, Item{View::MyRota, ICON_CALENDAR}};
    for (Item item : items) {
        const bool selected = session_.view == item.view;
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const ImVec2 size(kSideNavWidth, 40);
        ImGui::PushID(int(item.view));
        if (ImGui::InvisibleButton("nav", size)) session_.view = item.view;
        const bool hovered = ImGui::IsItemHovered();
        ImGui::PopID();
        if (selected) {
            dl->AddRectFilled(p, ImVec2(p.x + size.x, p.y + size.y), kPaleBlue);
            dl->AddRectFilled(p, ImVec2(p.x + 4, p.y + size.y), kBlue);
        } else if (hovered) {
            dl->AddRectFilled(p, ImVec2(p.x + size.x, p.y + size.y), kBackground);
        }
        ImFont* font = selected ? fonts_.bold : fonts_.body;
        const float fs = font->FontSize * io.FontGlobalScale;
        const float ty = p.y + (size.y - fs) * 0.5f;
        const ImU32 col = selected ? kBlue : kText;
        dl->AddText(font, fs, ImVec2(p.x + 20, ty), selected ? kBlue : kSecondaryText, item.icon);
        dl->AddText(font, fs, ImVec2(p.x + 48, ty), col, view_title(item.view));
        if (item.view == View::OpenShifts && open > 0) {
            const std::string n = std::to_string(open);
            const ImVec2 ts = fonts_.small->CalcTextSizeA(fonts_.small->FontSize * io.FontGlobalScale, FLT_MAX, 0, n.c_str());
            const ImVec2 b(p.x + size.x - 20 - ts.x - 14, p.y + 11);
            dl->AddRectFilled(b, ImVec2(b.x + ts.x + 14, b.y + 18), kBlue, 9);
            dl->AddText(fonts_.small, fonts_.small->FontSize * io.FontGlobalScale, ImVec2(b.x + 7, b.y + (18 - ts.y) * 0.5f), kWhite, n.c_str());
        }
    }
    dl->AddLine(ImVec2(kSideNavWidth - 1, kTopBarHeight), ImVec2(kSideNavWidth - 1, io.DisplaySize.y), kBorder);
    ImGui::End();
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor();
}

void App::draw_bottom_tabs(const ViewContext& ctx) {
    const ImGuiIO& io = ImGui::GetIO();
    const float y = io.DisplaySize.y - kBottomTabsHeight;
    ImGui::SetNextWindowPos(ImVec2(0, y));
    ImGui::SetNextWindowSize(ImVec2(io.DisplaySize.x, kBottomTabsHeight));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, kWhite);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, 0));
    ImGui::Begin("##tabs", nullptr, kPanelFlags);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddLine(ImVec2(0, y), ImVec2(io.DisplaySize.x, y), kBorder);
    struct Item { View view; const char* icon; const char* label; };
    // Clinicians get three wide tabs; managers four, with the rota first.
    std::vector<Item> items = {{View::Home, ICON_HOME, "Home"}, {View::OpenShifts, ICON_INBOX, "Open shifts"},
                               {View::MyRota, ICON_CALENDAR, "My rota"}};
    if (session_.role != Role::Clinician)
        items = {{View::Rota, ICON_GRID, "Rota"}, {View::OpenShifts, ICON_INBOX, "Bank"}, {View::Home, ICON_HOME, "Home"},
                 {View::Reports, ICON_BAR_CHART, "Reports"}};
    const int n = int(items.size());
    const float w = io.DisplaySize.x / float(n);
    for (int i = 0; i < n; ++i) {
        const Item& it = items[i];
        const bool selected = session_.view == it.view;
        const ImVec2 p(w * float(i), y);
        ImGui::SetCursorScreenPos(p);
        ImGui::PushID(i);
        if (ImGui::InvisibleButton("tab", ImVec2(w, kBottomTabsHeight))) session_.view = it.view;
        ImGui::PopID();
        const ImU32 col = selected ? kBlue : kSecondaryText;
        ImFont* f = selected ? fonts_.bold : fonts_.body;
        const float fs = f->FontSize * io.FontGlobalScale, ss = fonts_.small->FontSize * io.FontGlobalScale;
        const ImVec2 icon_size = f->CalcTextSizeA(fs * 1.2f, FLT_MAX, 0, it.icon);
        dl->AddText(f, fs * 1.2f, ImVec2(p.x + (w - icon_size.x) * 0.5f, p.y + 10), col, it.icon);
        ImFont* lf = selected ? fonts_.bold : fonts_.small;
        const ImVec2 ls = lf->CalcTextSizeA(ss, FLT_MAX, 0, it.label);
        dl->AddText(lf, ss, ImVec2(p.x + (w - ls.x) * 0.5f, p.y + 38), col, it.label);
    }
    ImGui::End();
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor();
}

void App::draw_content(ViewContext& ctx) {
    const ImGuiIO& io = ImGui::GetIO();
    const float top = ctx.phone ? kPhoneTopBarHeight : kTopBarHeight;
    const float left = ctx.phone ? 0 : kSideNavWidth;
    const float bottom = ctx.phone ? kBottomTabsHeight : 0;
    ImGui::SetNextWindowPos(ImVec2(left, top));
    ImGui::SetNextWindowSize(ImVec2(io.DisplaySize.x - left, io.DisplaySize.y - top - bottom));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ctx.phone ? ImVec2(14, 14) : ImVec2(24, 18));
    ImGui::Begin("##content", nullptr, kPanelFlags & ~ImGuiWindowFlags_NoScrollbar);
    if (sync_.read_only) draw_read_only_banner(ctx);
    switch (session_.view) {
        case View::Home: draw_home_view(ctx); break;
        case View::Rota: draw_rota_view(ctx); break;
        case View::OpenShifts: draw_open_shifts_view(ctx); break;
        case View::MyRota: draw_my_rota_view(ctx); break;
        case View::Reports: draw_reports_view(ctx); break;
    }
    ImGui::End();
    ImGui::PopStyleVar();
}

void App::draw_status_screen(const ViewContext& ctx) {
    const ImGuiIO& io = ImGui::GetIO();
    const float top = ctx.phone ? kPhoneTopBarHeight : kTopBarHeight;
    ImGui::SetNextWindowPos(ImVec2(0, top));
    ImGui::SetNextWindowSize(ImVec2(io.DisplaySize.x, io.DisplaySize.y - top));
    ImGui::Begin("##status", nullptr, kPanelFlags);
    const float w = std::min(520.0f, io.DisplaySize.x - 32);
    ImGui::SetCursorPos(ImVec2((io.DisplaySize.x - w) * 0.5f, 80));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + w);
    if (status_ == DataStatus::Loading) {
        heading(fonts_, "Loading the rota\xE2\x80\xA6");
        ImGui::TextWrapped("Fetching the trust's wards, staff and shifts.");
    } else {
        ImGui::PushStyleColor(ImGuiCol_Text, kRed);
        heading(fonts_, ICON_ERROR "  The rota could not be loaded");
        ImGui::PopStyleColor();
        ImGui::Spacing();
        ImGui::TextWrapped("%s", failure_.c_str());
        ImGui::Spacing();
        ImGui::TextWrapped("Nothing has been changed. Reload the page to try again; if this keeps happening, "
                           "tell your trust's Shiftbank administrator what this message says.");
    }
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    ImGui::End();
}

}  // namespace sb::ui

namespace sb::ui {

std::string App::cell_rect_json(const std::string& staff, const std::string& date) const {
    const auto d = parse_date(date);
    for (const CellRect& c : memory_.cells)
        if (d && c.staff == staff && c.date == *d)
            return nlohmann::json{{"x", c.min.x}, {"y", c.min.y}, {"w", c.max.x - c.min.x}, {"h", c.max.y - c.min.y}}.dump();
    return "null";   // not on screen (scrolled away, or another ward or week)
}

std::string App::sample_cells_json() {
    // A visible shift that may legally move, and a visible empty cell it may legally go to
    // (no block, no warning): what the browser test drags.
    if (!rules_.engine) return "null";
    for (const CellRect& from : memory_.cells) {
        if (!from.has_shift || from.staff.empty()) continue;
        const Shift* s = state_.find_shift(from.shift);
        if (!s || s->start.date != from.date) continue;
        for (const CellRect& to : memory_.cells) {
            if (to.has_shift || to.staff.empty() || to.staff == from.staff) continue;
            Shift cand = *s;
            const int delta = to.date - s->start.date;
            cand.start.date = s->start.date + delta;
            cand.end.date = s->end.date + delta;
            cand.assignee = to.staff;
            const CandidateVerdict v = rules_.engine->check_candidate(cand, to.staff, false);
            if (!v.allowed || v.warnings) continue;
            return nlohmann::json{{"from", {{"staff", from.staff}, {"date", format_date(from.date)}, {"shift", s->id}}},
                                  {"to", {{"staff", to.staff}, {"date", format_date(to.date)}}}}
                .dump();
        }
    }
    return "null";
}

}  // namespace sb::ui
