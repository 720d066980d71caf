#include "ui/access_mirror.hpp"

#include <algorithm>
#include <cstring>
#include <unordered_set>
#include <nlohmann/json.hpp>

#include "imgui.h"
#include "imgui_internal.h"

namespace sb::ui::a11y {
namespace {
Mirror* g_current = nullptr;

// FNV-1a: a view's own nodes (headings, landmarks) keep their id from frame to frame.
uint32_t hash_of(Role role, const std::string& text) {
    uint32_t h = 2166136261u ^ uint32_t(role);
    for (unsigned char c : text) h = (h ^ c) * 16777619u;
    return h | 0x80000000u;   // apart from most ImGui ids' values; ids only need to be stable
}
}  // namespace

Mirror* current() { return g_current; }
void set_current(Mirror* m) { g_current = m; }

const char* role_name(Role r) {
    switch (r) {
        case Role::Button: return "button";
        case Role::Link: return "link";
        case Role::TextBox: return "textbox";
        case Role::Password: return "password";
        case Role::CheckBox: return "checkbox";
        case Role::ComboBox: return "combobox";
        case Role::Heading: return "heading";
        case Role::Navigation: return "navigation";
        case Role::Main: return "main";
        case Role::Status: return "status";
        case Role::Text: return "text";
        case Role::Grid: return "grid";
        case Role::Row: return "row";
        case Role::ColumnHeader: return "columnheader";
        case Role::RowHeader: return "rowheader";
        case Role::Cell: return "gridcell";
        case Role::Article: return "article";
        case Role::Dialog: return "dialog";
        case Role::Menu: return "menu";
        case Role::MenuItem: return "menuitem";
        case Role::ListBox: return "listbox";
        case Role::Option: return "option";
        case Role::Table: return "table";
        case Role::TableCell: return "cell";
        case Role::List: return "list";
        case Role::ListItem: return "listitem";
    }
    return "text";
}

std::string spoken_label(const char* label) {
    if (!label) return {};
    std::string s(label, std::strstr(label, "##") ? size_t(std::strstr(label, "##") - label) : std::strlen(label));
    std::string out;
    for (size_t i = 0; i < s.size();) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        // U+E000–U+F8FF (the icon font's private-use code points) are three bytes: EE..EF 80..BF.
        if ((c == 0xEE || (c == 0xEF && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) < 0xA4)) && i + 2 < s.size()) {
            i += 3;
            continue;
        }
        out += s[i++];
    }
    const auto first = out.find_first_not_of(' ');
    if (first == std::string::npos) return {};
    out = out.substr(first, out.find_last_not_of(' ') - first + 1);
    // Runs of spaces left where an icon was become one.
    std::string tidy;
    for (char c : out)
        if (!(c == ' ' && !tidy.empty() && tidy.back() == ' ')) tidy += c;
    return tidy;
}

void Mirror::begin_frame() {
    nodes_.clear();
    landmarks_.clear();
    popups_.clear();
    ids_.clear();
    buffers_.clear();
    next_ = {};
    added_next_ = {};
    added_.reset();
}

bool Mirror::end_frame() {
    for (Node& n : nodes_) n.focused = focused_ != 0 && n.id == focused_;
    if (nodes_ == last_ && support_ == last_support_) return false;
    last_ = nodes_;
    last_support_ = support_;
    return true;
}

std::string Mirror::json() const {
    nlohmann::json list = nlohmann::json::array();
    for (const Node& n : nodes_) {
        nlohmann::json j = {{"id", n.id}, {"role", role_name(n.role)}, {"name", n.name}, {"parent", n.parent},
                            {"x", int(n.x)}, {"y", int(n.y)}, {"w", int(n.w)}, {"h", int(n.h)}};
        if (!n.value.empty()) j["value"] = n.value;
        if (n.cut) j["cut"] = true;
        if (n.level) j["level"] = n.level;
        if (n.disabled) j["disabled"] = true;
        if (n.role == Role::CheckBox) j["checked"] = n.checked;
        if (n.role == Role::ComboBox) j["expanded"] = n.expanded;
        if (n.focused) j["focused"] = true;
        if (n.current) j["current"] = true;
        if (n.row_index) j["row"] = n.row_index;
        if (n.container) j["container"] = true;
        if (n.row_count) j["rows"] = n.row_count, j["columns"] = n.column_count;
        list.push_back(std::move(j));
    }
    return nlohmann::json{{"support", support_}, {"nodes", list}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

int Mirror::popup_parent() {
    ImGuiContext* g = ImGui::GetCurrentContext();
    if (!g || !g->CurrentWindow) return -1;
    ImGuiWindow* root = g->CurrentWindow->RootWindow;
    if (!root || !(root->Flags & ImGuiWindowFlags_Popup) || (root->Flags & ImGuiWindowFlags_Tooltip)) return -1;
    for (const Popup& p : popups_)
        if (p.window == root->ID) return p.index;
    ids_.insert(root->ID);
    Node n;
    n.id = root->ID;
    n.container = true;
    const bool modal = root->Flags & ImGuiWindowFlags_Modal;
    n.role = modal ? Role::Dialog : std::strncmp(root->Name, "##Combo_", 8) == 0 ? Role::ListBox : Role::Menu;
    if (modal) n.name = spoken_label(root->Name);   // its title: "Override a safety rule?"
    n.x = root->Pos.x, n.y = root->Pos.y, n.w = root->Size.x, n.h = root->Size.y;
    n.parent = -1;   // a popup is read on its own, not inside the row or landmark it was opened from
    nodes_.push_back(std::move(n));
    popups_.push_back({root->ID, int(nodes_.size()) - 1, landmarks_.size()});
    return popups_.back().index;
}

Mirror::Clip Mirror::current_clip() {
    Clip c;
    if (!GImGui || !GImGui->CurrentWindow) return c;
    const ImGuiWindow* w = GImGui->CurrentWindow;
    c.x0 = w->ClipRect.Min.x, c.y0 = w->ClipRect.Min.y, c.x1 = w->ClipRect.Max.x, c.y1 = w->ClipRect.Max.y;
    // Sideways scrolling only where a scrollbar lets a person do it, and not in a table's frozen
    // columns (the rota's names), which stay put while the rest scrolls.
    c.scrolls_x = w->ScrollbarX;
    if (const ImGuiTable* t = GImGui->CurrentTable; t && t->InnerWindow == w) c.scrolls_x = t->InnerWindow->ScrollbarX && t->CurrentColumn >= t->FreezeColumnsRequest;   // (Count is 0 until scrolled)
    return c;
}

void Mirror::mark_cut(Node& n, const Clip& c) {
    // Sideways, what counts is the words: a row-wide button whose label fits its first column is whole.
    // ImGui draws a row-wide selectable's words clipped at the column it is in, as measured here.
    const float words_w = n.label_w > 0 ? std::min(n.w, n.label_w) : n.w;
    // (A row-wide selectable starts a pixel or two left of its column's clip, in the cell's border.)
    const bool out_x = n.x + 4 < c.x0 || n.x + words_w > c.x1 + 0.5f;
    const bool out_y = n.y + 0.5f < c.y0 || n.y + n.h > c.y1 + 0.5f;
    n.cut = out_y || (out_x && c.scrolls_x);
    // Only words known to be drawn inside it are judged: a drawn avatar may reach into its window's padding.
    n.cut_off = out_x && !c.scrolls_x && n.label_w > 0;
}

Node& Mirror::add(Node n) {
    // Ids key the page's elements: two cards with the same words, or a view's two equal texts, get
    // their own (in the same order each frame, so they stay stable).
    while (!ids_.insert(n.id).second) n.id = (n.id * 16777619u + 1u) | 0x80000000u;
    n.parent = landmarks_.empty() ? -1 : landmarks_.back();
    if (n.w > 0) mark_cut(n, current_clip());
    if (const int popup = popup_parent(); popup >= 0) {
        // Inside a popup: its own landmarks (a card in a dialog) if any were opened in it, else the popup.
        const Popup& p = *std::find_if(popups_.begin(), popups_.end(), [&](const Popup& x) { return x.index == popup; });
        if (landmarks_.size() <= p.depth) n.parent = popup;
        const Role in = nodes_[size_t(n.parent)].role;
        if (n.role == Role::Button && in == Role::Menu) n.role = Role::MenuItem;
        if (n.role == Role::Button && in == Role::ListBox) n.role = Role::Option;
    }
    nodes_.push_back(std::move(n));
    return nodes_.back();
}

void Mirror::next(Role role, std::string name) {
    next_.role = role;
    next_.name = std::move(name);
}

void Mirror::next_current(bool current) { next_.current = current; }
void Mirror::next_value(std::string value) { next_.value = std::move(value); }

void Mirror::next_buffer(char* buf, size_t size) {
    next_.buf = buf;
    next_.size = size;
}

void Mirror::heading(int level, const std::string& text, bool over_last_item) {
    if (!enabled_ || text.empty()) return;
    Node n;
    if (over_last_item && ImGui::GetCurrentContext()) {
        const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
        n.x = a.x, n.y = a.y, n.w = b.x - a.x, n.h = b.y - a.y;
    }
    n.id = hash_of(Role::Heading, text);
    n.role = Role::Heading;
    n.name = text;
    n.level = level;
    add(std::move(n));
}

void Mirror::begin_landmark(Role role, const std::string& name) {
    if (!enabled_) return;
    Node n;
    n.id = hash_of(role, name);
    n.role = role;
    n.name = name;
    n.container = true;
    add(std::move(n));
    landmarks_.push_back(int(nodes_.size()) - 1);
}

void Mirror::end_landmark() {
    if (!landmarks_.empty()) landmarks_.pop_back();
}

void Mirror::status(const std::string& text, const std::string& region) {
    if (!enabled_) return;
    Node n;
    n.id = hash_of(Role::Status, region);
    n.role = Role::Status;
    n.name = text;
    add(std::move(n));
}

void Mirror::text(const std::string& text, Role role, bool over_last_item) {
    if (!enabled_ || text.empty()) return;
    Node n;
    if (over_last_item && ImGui::GetCurrentContext()) {
        const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
        n.x = a.x, n.y = a.y, n.w = b.x - a.x, n.h = b.y - a.y;
        n.label_w = n.w;
    }
    n.id = hash_of(role, text);
    n.role = role;
    n.name = text;
    add(std::move(n));
}

void Mirror::begin_grid(const std::string& name, int rows, int columns, Role role) {
    if (!enabled_) return;
    Node n;
    n.id = hash_of(role, name);
    n.role = role;
    n.name = name;
    n.row_count = rows;
    n.column_count = columns;
    n.container = true;
    add(std::move(n));
    landmarks_.push_back(int(nodes_.size()) - 1);
}

void Mirror::begin_row(int index) {
    if (!enabled_) return;
    Node n;
    // Rows and cells are keyed by their place in the grid, so the page keeps their elements while
    // the grid scrolls; their words change in place.
    n.id = hash_of(Role::Row, std::to_string(index));
    n.role = Role::Row;
    n.row_index = index;
    n.container = true;
    add(std::move(n));
    landmarks_.push_back(int(nodes_.size()) - 1);
}

void Mirror::cell(Role role, int column, const std::string& text, float x0, float y0, float x1, float y1, float words_w) {
    if (!enabled_) return;
    Node n;
    const int row = landmarks_.empty() ? 0 : nodes_[size_t(landmarks_.back())].row_index;
    n.id = hash_of(role, std::to_string(row) + ":" + std::to_string(column));
    n.role = role;
    n.name = text;
    n.x = x0, n.y = y0, n.w = x1 - x0, n.h = y1 - y0;
    n.label_w = words_w;
    add(std::move(n));
}

void Mirror::begin_cell(Role role, int column, float x0, float y0, float x1, float y1) {
    if (!enabled_) return;
    cell(role, column, "", x0, y0, x1, y1);
    nodes_.back().container = true;
    landmarks_.push_back(int(nodes_.size()) - 1);
}

void Mirror::item_added(uint32_t id, float x0, float y0, float x1, float y1, bool disabled) {
    if (!enabled_ || id == 0) return;
    Node n;
    n.id = id;
    n.x = x0, n.y = y0, n.w = x1 - x0, n.h = y1 - y0;
    n.disabled = disabled;
    added_ = std::move(n);
    // What the view said about the next item belongs to this one: if it is clipped (scrolled out
    // of view, so no item info follows), its name must not pass to the next item drawn.
    added_next_ = std::move(next_);
    next_ = {};
    // ImGui's combo box reports no item info (1.90): one named by the view is complete already.
    if (added_next_.role == Role::ComboBox) item_info(id, "", false, false, false, true, added_next_.expanded);
}

void Mirror::item_info(uint32_t id, const char* label, bool inputable, bool checkable, bool checked, bool openable, bool opened) {
    if (!enabled_ || !added_ || added_->id != id) return;
    Node n = std::move(*added_);
    added_.reset();
    Pending p = std::move(added_next_);
    added_next_ = {};
    n.role = p.role ? *p.role : inputable ? Role::TextBox : checkable ? Role::CheckBox : Role::Button;
    n.name = p.role ? p.name : spoken_label(label);
    if (p.words_w > 0) n.label_w = p.words_w;
    else if (label && *label) n.label_w = ImGui::CalcTextSize(label, nullptr, true).x;
    n.checked = checked;
    n.current = p.current;
    if (openable && n.role == Role::Button) n.role = Role::ComboBox;   // a combo box (tree nodes are not used)
    n.expanded = opened;
    if (!p.value.empty()) n.value = std::move(p.value);
    if (p.buf) {
        buffers_.push_back({id, p.buf, p.size});
        if (n.role == Role::TextBox) n.value = p.buf;
    }
    if (n.name.empty()) return;   // nothing to read out: a drag handle, a scroll area
    // Measured against where it is drawn now: a row-wide selectable's words are cut at its column.
    add(std::move(n));
}

uint32_t Mirror::take_focus_request() {
    const uint32_t id = want_focus_;
    want_focus_ = 0;
    return id;
}

bool Mirror::page_value(uint32_t id, const std::string& text) {
    for (const Buffer& b : buffers_)
        if (b.id == id && b.size > 0) {
            const size_t n = std::min(text.size(), b.size - 1);
            // Cut on a character boundary, never inside a UTF-8 sequence.
            size_t cut = n;
            while (cut > 0 && cut < text.size() && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
            std::memcpy(b.buf, text.data(), cut);
            b.buf[cut] = '\0';
            return true;
        }
    return false;
}

}  // namespace sb::ui::a11y
