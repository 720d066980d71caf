// The app's frame around the screens: the top bar (trust, sync status, the person's menu), the
// sidebar on a desktop and the tab bar on a phone, the toast, and the loading and error screens.
#include <algorithm>

#include "core/enum_names.hpp"
#include "imgui_internal.h"
#include "ui/app.hpp"
#include "ui/icons.hpp"
#include "ui/layout.hpp"
#include "ui/table.hpp"
#include "ui/widgets.hpp"

namespace sb::ui {
using namespace colour;

namespace {
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
}  // namespace

const char* view_title(View v) {
    switch (v) {
        case View::Home: return "Home";
        case View::Rota: return "Rota";
        case View::OpenShifts: return "Open shifts";
        case View::MyRota: return "My rota";
        case View::Reports: return "Reports";
        case View::Staff: return "Staff";
    }
    return "";
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
    // Above the screens, whichever was clicked last: its Undo must be the one a tap reaches.
    ImGui::BringWindowToDisplayFront(ImGui::GetCurrentWindow());
    // A change just made here can be taken back from the toast itself: on a phone there is no Ctrl+Z.
    const bool offer_undo = toast_undoable_ && store_.can_undo();
    const float undo_w = offer_undo ? ImGui::CalcTextSize(ICON_UNDO "  Undo").x + ImGui::GetStyle().FramePadding.x * 2 + 4 : 0;
    const float right = w - 16;   // the content's right edge (window padding 16)
    ImGui::PushTextWrapPos(offer_undo ? right - undo_w - 12 : right);
    ImGui::TextWrapped("%s %s", toast_is_error_ ? ICON_BAN : ICON_CHECK, toast_.c_str());
    mirror_.status(toast_);
    ImGui::PopTextWrapPos();
    if (offer_undo) {
        // Touch-sized on a phone (44 px), and no smaller than 24 px anywhere (WCAG 2.5.8).
        ImGui::SameLine(right - undo_w);
        if (button(ICON_UNDO "  Undo##toast", ButtonKind::Secondary, ImVec2(undo_w, ctx.phone ? 44 : 28))) undo();
    }
    ImGui::End();
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor(2);
}

void App::draw_help(const ViewContext& ctx) {
    if (!help_open_) return;
    const char* title = "Help: keys and symbols";
    if (!ImGui::IsPopupOpen(title)) ImGui::OpenPopup(title);
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowSize(ImVec2(std::min(620.0f, display.x - 32), 0));
    ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(display.x - 32, display.y - 48));   // scrolls on a phone
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(20, 18));
    if (ImGui::BeginPopupModal(title, nullptr, ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings)) {
        // Every drag has another way (WCAG 2.5.7): the rota's moves are here as keys too.
        static const std::pair<const char*, const char*> keys[] = {
            {"Tab, Shift+Tab", "Go to the next or the previous control"},
            {"Arrow keys", "Move between the rota's cells and a list's items"},
            {"Enter or Space", "Press the focused button. On a shift in the rota: pick it up"},
            {"Arrow keys, then Enter", "With a shift picked up: choose a cell, see the rules' verdict, put it there"},
            {"Escape", "Close a dialog or menu; put a picked-up shift back"},
            {"Menu key or Shift+F10", "The focused shift's menu: edit, move to\xE2\x80\xA6, post to the bank, delete"},
            {"Ctrl+Z", "Undo your last change"},
            {"Ctrl+Shift+Z or Ctrl+Y", "Redo"},
            {"Ctrl+click, Shift+click", "Add a shift to the selection; Delete removes the selected shifts"},
            {"?", "Show these shortcuts"},
        };
        // Both tables are the same shape: a bold first column (what you press or see) and its meaning.
        auto two_columns = [&](const char* id, const char* name, const char* first, const char* second, const auto& rows) {
            if (Table t(id, name, 2, int(std::size(rows)), ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH); t) {
                t.column(first, ImGuiTableColumnFlags_WidthFixed, ctx.phone ? 130.0f : 200.0f);
                t.column(second, ImGuiTableColumnFlags_WidthStretch);
                t.headers();
                for (const auto& [left, right] : rows) {
                    t.row();
                    t.cell(left, fonts_.bold, true);
                    t.cell(right, nullptr, true);
                }
            }
            ImGui::Spacing();
        };
        two_columns("keys", "Keyboard shortcuts", "Keys", "What they do", keys);
        // The legend: what the rota's letters, outlines and bands mean (colour is never the only sign).
        static const std::pair<const char*, const char*> marks[] = {
            {"B", "Open in the staff bank: anyone eligible may book it"},
            {"b", "Booked from the bank: a bank worker covers it"},
            {"A", "Covered by agency staff"},
            {"Dashed outline", "Vacant, or a draft not yet published"},
            {"Grey hatched band", "Leave; with a question mark, asked for and not yet decided"},
            {ICON_WARNING " band over a shift", "The person is on approved leave that day: a conflict to resolve"},
            {"Green line at a cell's foot", "The person has said they can work then"},
            {ICON_CHECK " " ICON_WARNING " " ICON_BAN " while moving", "Allowed, allowed with a warning, blocked by a rule"},
            {"Red or amber outline", "A shift behind the breach or warning count you clicked"},
            {"Blue outline", "A selected shift (Ctrl+click or Shift+click)"},
            {"Shaded column", "Today"},
        };
        two_columns("marks", "What the rota's marks mean", "Mark", "What it means", marks);
        if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
        if (button("Close", ButtonKind::Primary) || ImGui::IsKeyPressed(ImGuiKey_Escape)) {
            help_open_ = false;
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
    ImGui::PopStyleVar();
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
    if (sync_.connected) {   // what the sync says: online, waiting changes, when last in step
        if (sync_.read_only) source_ = "Read-only copy" + std::string(sync_.pending == 0 ? "" : " \xC2\xB7 " + std::to_string(sync_.pending) + " drafts");
        else if (!sync_.online) source_ = "Offline" + std::string(sync_.pending ? " \xC2\xB7 " + std::to_string(sync_.pending) + " waiting to send" : "");
        else if (sync_.pending) source_ = "Saving " + std::to_string(sync_.pending) + "\xE2\x80\xA6";
        else source_ = "Online" + std::string(sync_.last_synced.empty() ? "" : " \xC2\xB7 synced " + sync_.last_synced);
    }
    // What the right side holds (help, the role switch, the sync words, the person), measured first:
    // on a narrow page in large text the person's name goes first, then the sync words (the dot
    // stays), and the trust's name is drawn only where it fits whole, so nothing is drawn over.
    const bool signed_in = status_ == DataStatus::Ready && !sign_in_.needed;
    const char* role_label = session_.role == Role::Clinician ? "Clinician" : session_.role == Role::Admin ? "Admin" : "Manager";
    const std::string name = ctx.user ? ctx.user->name : "";
    const float avatar = 32;
    const float help_w = ctx.phone ? 44 : 32;   // a touch target on a phone
    float name_w = ctx.phone ? 0 : ImGui::CalcTextSize(name.c_str()).x + 10;
    const float role_w = ImGui::CalcTextSize(role_label).x + 48;
    float source_w = ctx.phone ? 0 : ImGui::CalcTextSize(source_.c_str()).x + 40;
    auto right_w = [&] { return (ctx.phone ? 16 : 20) + avatar + name_w + role_w + source_w + 16 + help_w + 12; };
    ImGui::PushFont(fonts_.heading);
    const float brand_w = 20 + ImGui::CalcTextSize("Shiftbank").x + 16;
    ImGui::PopFont();
    if (!ctx.phone && signed_in && brand_w + right_w() > io.DisplaySize.x) name_w = 0;
    if (!ctx.phone && signed_in && brand_w + right_w() > io.DisplaySize.x) source_w = 24;   // the dot alone
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
        const float room = io.DisplaySize.x - (signed_in ? right_w() : 20) - brand_w;
        if (!state().trust.name.empty() && ImGui::CalcTextSize(state().trust.name.c_str()).x <= room) {
            ImGui::SameLine(0, 16);
            centre_y(fonts_.body);
            ImGui::TextUnformatted(state().trust.name.c_str());
            mirror_.text(state().trust.name, a11y::Role::Text, true);
        }
    }
    if (signed_in) {
        // Right side: role switch (demo only), data source, and the signed-in person.
        float x = io.DisplaySize.x - right_w();
        // Help: the keyboard shortcuts (also "?" anywhere), 32 px square, above the 24 px minimum.
        ImGui::SetCursorPos(ImVec2(x, (h - help_w) * 0.5f));
        mirror_.next(a11y::Role::Button, "Help: keys and symbols");
        if (ImGui::InvisibleButton("##help", ImVec2(help_w, help_w))) help_open_ = true;
        {
            const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
            if (ImGui::IsItemHovered()) dl->AddRectFilled(a, b, kDarkBlue, 6);
            ImGui::PushFont(fonts_.bold);
            const ImVec2 ts = ImGui::CalcTextSize(ICON_QUESTION);
            dl->AddText(ImVec2((a.x + b.x - ts.x) * 0.5f, (a.y + b.y - ts.y) * 0.5f), kWhite, ICON_QUESTION);
            ImGui::PopFont();
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("Help: keyboard shortcuts and what the rota's marks mean (?)");
        }
        x += help_w + 12;
        ImGui::SetCursorPos(ImVec2(x, (h - ImGui::GetFrameHeight()) * 0.5f));
        ImGui::PushStyleColor(ImGuiCol_FrameBg, kDarkBlue);
        ImGui::PushStyleColor(ImGuiCol_FrameBgHovered, kBrightBlue);
        ImGui::PushStyleColor(ImGuiCol_PopupBg, kWhite);
        ImGui::PushStyleColor(ImGuiCol_Border, kDarkBlue);
        ImGui::SetNextItemWidth(role_w);
        const std::string role_text = std::string(role_label) + "  " ICON_CHEVRON_DOWN;
        if (begin_combo("##role", "Demo role", role_text.c_str(), ImGuiComboFlags_NoArrowButton)) {
            ImGui::PushStyleColor(ImGuiCol_Text, kText);
            for (Role r : {Role::Manager, Role::Clinician, Role::Admin})
                if (choice(std::string(display_name(r)).c_str(), session_.role == r)) switch_demo_account(r);
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
            if (source_w > 24) ImGui::TextUnformatted(source_.c_str()), mirror_.text(source_, a11y::Role::Text, true);
            else ImGui::Dummy(ImVec2(1, ImGui::GetTextLineHeight()));   // the dot alone; the words in the person's menu
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
        if (name_w > 0) {
            ImGui::SetCursorScreenPos(ImVec2(p.x + avatar + 10, (h - ImGui::GetTextLineHeight()) * 0.5f));
            ImGui::TextUnformatted(name.c_str());
        }
        // The person's menu: text size (pinch-zoom is off on the canvas, so the app offers its own).
        ImGui::SetCursorScreenPos(ImVec2(p.x, 0));
        mirror_.next(a11y::Role::Button, "Your menu, " + name);
        if (ImGui::InvisibleButton("##me", ImVec2(std::max(44.0f, avatar + name_w + 10), h))) ImGui::OpenPopup("me_menu");
        // The top bar has no padding above and below; its menu needs some, or its last line is cut.
        ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(12, 10));
        const bool menu_open = ImGui::BeginPopup("me_menu");
        ImGui::PopStyleVar();
        if (menu_open) {
            ImGui::PushStyleColor(ImGuiCol_Text, kText);
            ImGui::TextDisabled("%s", name.c_str());
            if (!ctx.phone && source_w <= 24 && !source_.empty()) ImGui::TextDisabled("%s", source_.c_str()), mirror_.text(source_);   // not in the bar
            ImGui::Separator();
            ImGui::TextUnformatted("Text size");
            mirror_.text("Text size");   // read before the sizes it names
            const std::pair<const char*, float> sizes[] = {{"Normal", 1.0f}, {"Large", 1.2f}, {"Largest", 1.4f}};
            for (const auto& [label, scale] : sizes)
                if (ImGui::RadioButton(label, session_.text_scale == scale)) session_.text_scale = scale;
            ImGui::Separator();
            ImGui::TextUnformatted("Accessibility");
            mirror_.text("Accessibility");
            ImGui::Checkbox("High contrast", &session_.high_contrast);
            ImGui::Checkbox("Screen reader support", &session_.screen_reader);
            ImGui::Separator();
            if (choice(ICON_KEYBOARD "  Help: keys and symbols")) help_open_ = true;
            if (sign_out_handler_ && !sync_.read_only) {
                ImGui::Separator();
                if (choice("Sign out")) sign_out_handler_();
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
    const int open = count_open(state());
    struct Item { View view; const char* icon; };
    // A clinician's work starts at Home; a manager's at the rota.
    const bool clinician = session_.role == Role::Clinician;
    std::vector<Item> items = {Item{View::Home, ICON_HOME}, Item{View::Rota, ICON_GRID}, Item{View::OpenShifts, ICON_INBOX},
                               Item{View::MyRota, ICON_CALENDAR}, Item{View::Reports, ICON_BAR_CHART}};
    if (clinician) items = {Item{View::Home, ICON_HOME}, Item{View::OpenShifts, ICON_INBOX}, Item{View::MyRota, ICON_CALENDAR}};
    if (session_.role == Role::Admin) items.push_back(Item{View::Staff, ICON_USERS});   // the trust's records
    mirror_.begin_landmark(a11y::Role::Navigation, "Main");
    for (Item item : items) {
        const bool selected = session_.view == item.view;
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const ImVec2 size(kSideNavWidth, 40);
        ImGui::PushID(int(item.view));
        std::string spoken = view_title(item.view);
        if (item.view == View::OpenShifts && open > 0) spoken += ", " + std::to_string(open) + " open";
        mirror_.next(a11y::Role::Link, spoken);
        mirror_.next_current(selected);
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
    mirror_.end_landmark();
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
    if (session_.role == Role::Admin) items.push_back({View::Staff, ICON_USERS, "Staff"});
    const int n = int(items.size());
    const float w = io.DisplaySize.x / float(n);
    mirror_.begin_landmark(a11y::Role::Navigation, "Main");
    for (int i = 0; i < n; ++i) {
        const Item& it = items[i];
        const bool selected = session_.view == it.view;
        const ImVec2 p(w * float(i), y);
        ImGui::SetCursorScreenPos(p);
        ImGui::PushID(i);
        mirror_.next(a11y::Role::Link, it.label);
        mirror_.next_current(selected);
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
    mirror_.end_landmark();
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
    mirror_.begin_landmark(a11y::Role::Main, view_title(session_.view));
    mirror_.heading(1, view_title(session_.view), false);
    if (sync_.read_only) draw_read_only_banner(ctx);
    switch (session_.view) {
        case View::Home: draw_home_view(ctx, home_); break;
        case View::Rota: draw_rota_view(ctx, rota_); break;
        case View::OpenShifts: draw_open_shifts_view(ctx, open_shifts_); break;
        case View::MyRota: draw_my_rota_view(ctx, my_rota_); break;
        case View::Reports: draw_reports_view(ctx, payroll_); break;
        case View::Staff: draw_staff_view(ctx, staff_); break;
    }
    mirror_.end_landmark();
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
