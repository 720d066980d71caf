#include "app.hpp"

#include <nlohmann/json.hpp>

#include "core/enum_names.hpp"
#include "core/permissions.hpp"
#include "imgui_internal.h"
#include "ui/downloads.hpp"
#include "ui/layout.hpp"
#include "ui/widgets.hpp"

namespace sb::ui {

App::App(std::string font_dir) : font_dir_(std::move(font_dir)) { use_theme(ImGui::GetStyle(), Theme::Light); }

bool App::update_fonts(float ratio) {
    if (ratio == font_ratio_ && session_.text_scale == font_scale_) return false;
    font_ratio_ = ratio;
    font_scale_ = session_.text_scale;
    fonts_ok_ = load_fonts(fonts_, font_dir_, ratio, font_scale_);
    return true;
}

void App::set_state(State state, std::string source) {
    store_.load(std::move(state), "");
    source_ = std::move(source);
    status_ = DataStatus::Ready;
    forget_screens();
    forget_derived();
    if (store_.state().period_start > session_.today || session_.today >= store_.state().period_start + store_.state().period_days)
        session_.today = store_.state().period_start;
    choose_default_user(session_.role);
}

void App::set_load_failure(std::string message) {
    failure_ = std::move(message);
    status_ = DataStatus::Failed;
}

void App::data_loaded(bool first, bool read_only) {
    if (sign_in_.needed) {
        // Signed in: the form forgets what was typed, so on a shared ward PC the next person finds
        // it empty (and the Sign out that follows cannot sign the last person back in with a click).
        sign_in_.username[0] = sign_in_.password[0] = sign_in_.search[0] = '\0';
        sign_in_.focus_username = true;
    }
    sign_in_.needed = false;
    sign_in_.busy = false;
    status_ = DataStatus::Ready;
    source_ = read_only ? "Read-only copy" : "Live data";
    forget_derived();
    if (!first) return;   // same person, newer data: keep what they are looking at
    forget_screens();
    const State& s = store_.state();
    if (s.period_start > session_.today || session_.today >= s.period_start + s.period_days) session_.today = s.period_start;
    if (const User* u = s.find_user(store_.user())) {
        session_.user = u->id;
        session_.role = u->role;
        session_.view = u->role == Role::Clinician ? View::Home : View::Rota;
    } else {
        choose_default_user(session_.role);   // a read-only copy: the demo's role switch picks
    }
}

void App::forget_screens() {
    rota_ = RotaScreen{};
    open_shifts_ = OpenShiftsScreen{};
    my_rota_ = MyRotaScreen{};
    home_ = HomeScreen{};
    payroll_ = PayrollScreen{};
}

void App::forget_derived() {
    // The drag survives: a colleague's change arriving mid-drag must not drop the shift in hand (the
    // grid lets go of it if the shift itself is gone).
    rota_.rota_index = RotaIndex{};
    rules_ = RulesCache{};
    previews_.clear();
    seen_version_ = store_.version();
}

void App::choose_default_user(Role role) {
    session_.role = role;
    const State& s = store_.state();
    for (const User& u : s.users) {
        // The demo signs in as the first ward manager, or the first Band 5 staff nurse: the
        // commonest bank worker, so the open-shift list has something for them.
        const Staff* p = s.find_staff(u.staff);
        if (u.role == role && (role != Role::Clinician || (p && p->group == StaffGroup::Nurse && p->grade == "Band 5" &&
                                                           p->employment == Employment::Substantive))) {
            session_.user = u.id;
            break;
        }
    }
    store_.set_local_user(session_.user);
    session_.view = role == Role::Clinician ? View::Home : View::Rota;
}

void App::frame() {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    a11y::set_current(&mirror_);
    // Describing every item costs time in every frame (docs/performance.md), so the mirror follows
    // the person's setting; the sign-in form is small and is mirrored for everyone, so that
    // password managers fill it and a screen reader hears it before anyone has chosen anything.
    mirror_.set_enabled(session_.screen_reader || sign_in_.needed);
    mirror_.set_support(session_.screen_reader);
    g.TestEngineHookItems = mirror_.enabled();   // the item hooks feed the mirror only while it is on
    mirror_.begin_frame();
    if (const Theme theme = session_.high_contrast ? Theme::HighContrast : Theme::Light; theme != current_theme())
        use_theme(ImGui::GetStyle(), theme);   // chosen in the person's menu: shown from this frame on
    // On a phone every frame (a field, a button, a list, a checkbox) is a 44 px touch target.
    ImGui::GetStyle().FramePadding.y =
        ImGui::GetIO().DisplaySize.x < kPhoneWidth ? std::max(6.0f, (44.0f - ImGui::GetFontSize()) * 0.5f) : 6.0f;
    begin_widget_frame();
    draw_frame();
    end_widget_frame();   // the rectangles of a complete frame, for the keyboard bridge and tests
    mirror_.set_focused(g.NavId);
    mirror_changed_ = mirror_.end_frame();
}

void App::mirror_activate(uint32_t id) {
    mirror_.page_focus(id);
    ImGui::ActivateItemByID(id);   // pressed when the item is next drawn, as by the keyboard
}

void App::mirror_value(uint32_t id, const std::string& text) {
    // The page's field is the one being typed in: ImGui lets go of its copy, so the two agree.
    if (ImGui::GetActiveID() == id) ImGui::ClearActiveID();
    mirror_.page_value(id, text);
}

bool App::mirror_key(const std::string& key, bool ctrl, bool shift) {
    ImGuiIO& io = ImGui::GetIO();
    if (key == "?") {
        io.AddInputCharacter('?');
        return true;
    }
    static const std::pair<const char*, ImGuiKey> keys[] = {
        {"ArrowLeft", ImGuiKey_LeftArrow}, {"ArrowRight", ImGuiKey_RightArrow}, {"ArrowUp", ImGuiKey_UpArrow},
        {"ArrowDown", ImGuiKey_DownArrow}, {"Escape", ImGuiKey_Escape},      {"Delete", ImGuiKey_Delete},
        {"F10", ImGuiKey_F10},             {"ContextMenu", ImGuiKey_Menu},   {"Home", ImGuiKey_Home},
        {"End", ImGuiKey_End},             {"PageUp", ImGuiKey_PageUp},      {"PageDown", ImGuiKey_PageDown},
        {"z", ImGuiKey_Z},                 {"Z", ImGuiKey_Z},                {"y", ImGuiKey_Y},
        {"Y", ImGuiKey_Y},
    };
    ImGuiKey k = ImGuiKey_None;
    for (const auto& [name, value] : keys)
        if (key == name) k = value;
    if (k == ImGuiKey_None || ((k == ImGuiKey_Z || k == ImGuiKey_Y) && !ctrl)) return false;
    // Down and up in one go: ImGui trickles them over frames, the modifiers around them.
    if (ctrl) io.AddKeyEvent(ImGuiMod_Ctrl, true);
    if (shift) io.AddKeyEvent(ImGuiMod_Shift, true);
    io.AddKeyEvent(k, true);
    io.AddKeyEvent(k, false);
    if (shift) io.AddKeyEvent(ImGuiMod_Shift, false);
    if (ctrl) io.AddKeyEvent(ImGuiMod_Ctrl, false);
    return true;
}

void App::draw_frame() {
    const ImGuiIO& io = ImGui::GetIO();
    if (store_.version() != seen_version_) forget_derived();   // the data changed: rebuild what was derived from it
    const State& state = store_.state();
    rules_.refresh(state);
    ViewContext ctx{state, fonts_, session_, rules_, *this};
    ctx.phone = io.DisplaySize.x < kPhoneWidth;
    set_touch_targets(ctx.phone);
    ctx.user = state.find_user(session_.user);
    ctx.me = ctx.user ? state.find_staff(ctx.user->staff) : nullptr;

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
    draw_help(ctx);
    draw_toast(ctx);
}


void App::show_sign_in(std::vector<client::DemoAccount> accounts, std::string message) {
    sign_in_.needed = true;
    calendar_ = CalendarLink{};   // the last person's link is not the next person's business
    calendar_asked_ = false;
    sign_in_.busy = false;
    sign_in_.accounts = std::move(accounts);
    sign_in_.message = std::move(message);
    sync_.connected = true;
}

void App::tell(std::string message, bool error, bool undoable) {
    toast_ = std::move(message);
    toast_is_error_ = error;
    toast_undoable_ = undoable && !error;
    toast_time_ = ImGui::GetCurrentContext() ? ImGui::GetTime() : 0;
}

void App::switch_demo_account(Role role) {
    // With a server, the role switch signs in as that role's demo account; otherwise it is local.
    if (!sign_in_handler_ || sync_.read_only) return choose_default_user(role);
    for (const client::DemoAccount& a : sign_in_.accounts)
        if (a.role == to_string(role) && (role != Role::Clinician || (a.group == "nurse" && a.grade == "Band 5" && a.employment == "substantive"))) {
            sign_in_.busy = true;
            sign_in_handler_(a.username, a.password);
            return;
        }
    tell("No demo account for that role: sign out and sign in as someone else", true);
}

void App::follow_session_user() {
    // Without a server the demo's role switch (and a test) decides who is signed in; with one, the
    // sign-in does, and the session follows the store.
    if (!sync_.connected || sync_.read_only) store_.set_local_user(session_.user);
}

void App::accepted() {
    if (changed_) changed_();
}

CommandResult App::submit(const std::string& type, nlohmann::json payload, std::string description) {
    follow_session_user();
    CommandResult r = store_.submit(type, std::move(payload), description);
    if (r.accepted()) {
        std::string text = description;
        if (!r.warnings.empty()) text += " \xE2\x80\x94 warning: " + r.warnings.front().message;
        tell(std::move(text), false, true);
        accepted();
    } else {
        tell(r.reason, true);
    }
    return r;
}

CommandResult App::preview(const std::string& type, const nlohmann::json& payload) {
    // The same question is asked every frame a card is drawn: answer it once per state version.
    if (store_.version() != seen_version_) forget_derived();
    follow_session_user();
    const std::string key = store_.user() + "\n" + type + "\n" + payload.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    if (auto it = previews_.find(key); it != previews_.end()) return it->second;
    if (previews_.size() > 4000) previews_.clear();
    return previews_.emplace(key, store_.preview(type, payload)).first->second;
}

bool App::undo() {
    follow_session_user();
    const std::string what = store_.undo_description();
    const CommandResult r = store_.undo();
    if (!r.accepted()) {
        tell(what.empty() ? r.reason : "Could not undo: " + r.reason, true);
        return false;
    }
    tell("Undone: " + what, false);
    accepted();
    return true;
}

bool App::redo() {
    follow_session_user();
    const std::string what = store_.redo_description();
    const CommandResult r = store_.redo();
    if (!r.accepted()) {
        tell(what.empty() ? r.reason : "Could not redo: " + r.reason, true);
        return false;
    }
    tell("Redone: " + what, false);
    accepted();
    return true;
}

namespace {
std::string audit_query(const AuditFilter& f, const char* format) {
    // A page of the newest 200 on screen; an export takes (almost) all of them.
    std::string q = std::string("api/audit?limit=") + (std::string(format) == "csv" ? "5000" : "200") + "&format=" + format;
    if (!f.ward.empty()) q += "&ward=" + f.ward;
    if (!f.staff.empty()) q += "&staff=" + f.staff;
    if (!f.rule.empty()) q += "&rule=" + std::string(f.rule == "*" ? "%2A" : f.rule);
    if (f.events == AuditFilter::Events::Access) q += "&events=access";
    if (f.from) q += "&from=" + format_date(*f.from);
    if (f.to) q += "&to=" + format_date(*f.to);
    return q;   // ids and dates only: nothing here needs escaping but the asterisk
}
}  // namespace

const App::AuditListing& App::audit(const AuditFilter& filter) {
    const bool server = fetch_ && sync_.connected && !sync_.read_only && sync_.online;
    const std::string key = audit_query(filter, "json") + "#" + std::to_string(store_.version()) + (server ? "s" : "l");
    if (key == audit_key_) return audit_;
    audit_key_ = key;
    if (!server) {
        // Offline, a static copy or a demo: the changes this browser has seen, as the rules say
        // this person may read them.
        audit_ = AuditListing{};
        const User* me = state().find_user(session_.user);
        const auto& local = store_.local_audit();
        for (auto it = local.rbegin(); it != local.rend(); ++it)
            if (me && may_read(state(), *me, *it) && matches(as_read_by(*me, *it), filter)) audit_.entries.push_back(as_read_by(*me, *it));
        return audit_;
    }
    audit_.loading = true;
    const uint64_t generation = ++audit_generation_;
    fetch_("GET", audit_query(filter, "json"), "", [this, generation](int status, const std::string& body) {
        if (generation != audit_generation_) return;   // the question has changed since
        audit_.loading = false;
        const nlohmann::json j = nlohmann::json::parse(body, nullptr, false);
        if (status != 200 || !j.is_object() || !j.contains("entries")) {
            audit_.error = status == 0 ? "The history could not be fetched: the server cannot be reached." : "The history could not be fetched.";
            return;
        }
        audit_.entries.clear();
        audit_.error.clear();
        audit_.from_server = true;
        audit_.more = j.value("more", false);
        for (const auto& x : j["entries"])
            if (auto e = audit_entry_from_json(x)) audit_.entries.push_back(std::move(*e));
    });
    return audit_;
}

void App::export_audit(const AuditFilter& filter) {
    if (fetch_ && sync_.connected && !sync_.read_only && sync_.online) {
        fetch_("GET", audit_query(filter, "csv"), "", [this](int status, const std::string& body) {
            if (status == 200) offer_download("shiftbank-audit.csv", "text/csv", body);
            else tell("The history could not be exported (HTTP " + std::to_string(status) + ")", true);
        });
        return;
    }
    offer_download("shiftbank-audit.csv", "text/csv", audit_csv(state(), audit(filter).entries));
}

const CommandSink::CalendarLink& App::calendar_link() {
    calendar_.available = fetch_ && sync_.connected && !sync_.read_only && sync_.online;
    if (!calendar_.available || calendar_asked_) return calendar_;
    calendar_asked_ = true;
    calendar_.loading = true;
    fetch_("GET", "api/calendar-link", "", [this](int status, const std::string& body) {
        calendar_.loading = false;
        const nlohmann::json j = nlohmann::json::parse(body, nullptr, false);
        if (status != 200 || !j.is_object()) {
            calendar_.error = status == 0 ? "The server cannot be reached: try again when you are online." : "Your calendar link could not be checked.";
            calendar_asked_ = false;   // asked again next time the card is drawn
            return;
        }
        calendar_.error.clear();
        calendar_.exists = j.value("exists", false);
        calendar_.created = j.value("created", "");
    });
    return calendar_;
}

void App::make_calendar_link() {
    if (!fetch_) return;
    calendar_.loading = true;
    fetch_("POST", "api/calendar-link", "{}", [this](int status, const std::string& body) {
        calendar_.loading = false;
        const nlohmann::json j = nlohmann::json::parse(body, nullptr, false);
        if (status != 200 || !j.is_object() || !j.contains("webcal")) {
            calendar_.error = status == 0                             ? "The server cannot be reached: try again when you are online."
                              : j.is_object() && j.contains("error") ? j.value("error", "")
                                                                      : "No calendar link could be made (HTTP " + std::to_string(status) + ")";
            return;
        }
        const bool reset = calendar_.exists;
        calendar_.error.clear();
        calendar_.exists = true;
        calendar_.https = j.value("https", "");
        calendar_.webcal = j.value("webcal", "");
        calendar_.created = j.value("created", "");
        tell(reset ? "New calendar link made: the old one no longer works" : "Calendar link made: add it to your calendar app", false);
    });
}

void App::turn_off_calendar_link() {
    if (!fetch_) return;
    calendar_.loading = true;
    fetch_("DELETE", "api/calendar-link", "", [this](int status, const std::string&) {
        calendar_.loading = false;
        if (status != 204 && status != 200) {
            calendar_.error = status == 0 ? "The server cannot be reached: try again when you are online."
                                          : "The calendar link could not be turned off (HTTP " + std::to_string(status) + ")";
            return;
        }
        calendar_ = CalendarLink{};
        calendar_asked_ = true;
        tell("Calendar link turned off: calendars following it stop updating", false);
    });
}

void App::handle_shortcuts() {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput) return;   // Ctrl+Z in a text field belongs to the field
    for (const ImWchar c : io.InputQueueCharacters)
        if (c == '?') help_open_ = true;   // the keyboard shortcuts, wherever the focus is
    if (ImGui::IsKeyChordPressed(ImGuiMod_Ctrl | ImGuiMod_Shift | ImGuiKey_Z) || ImGui::IsKeyChordPressed(ImGuiMod_Ctrl | ImGuiKey_Y))
        redo();
    else if (ImGui::IsKeyChordPressed(ImGuiMod_Ctrl | ImGuiKey_Z))
        undo();
}

}  // namespace sb::ui
