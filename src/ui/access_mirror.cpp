#include "ui/access_mirror.hpp"

#include <cstring>
#include <nlohmann/json.hpp>

#include "imgui.h"

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
    buffers_.clear();
    next_ = {};
    added_.reset();
}

bool Mirror::end_frame() {
    for (Node& n : nodes_) n.focused = focused_ != 0 && n.id == focused_;
    if (nodes_ == last_) return false;
    last_ = nodes_;
    return true;
}

std::string Mirror::json() const {
    nlohmann::json list = nlohmann::json::array();
    for (const Node& n : nodes_) {
        nlohmann::json j = {{"id", n.id}, {"role", role_name(n.role)}, {"name", n.name}, {"parent", n.parent},
                            {"x", int(n.x)}, {"y", int(n.y)}, {"w", int(n.w)}, {"h", int(n.h)}};
        if (!n.value.empty()) j["value"] = n.value;
        if (n.level) j["level"] = n.level;
        if (n.disabled) j["disabled"] = true;
        if (n.role == Role::CheckBox) j["checked"] = n.checked;
        if (n.focused) j["focused"] = true;
        if (n.current) j["current"] = true;
        if (n.row_index) j["row"] = n.row_index;
        if (n.container) j["container"] = true;
        if (n.row_count) j["rows"] = n.row_count, j["columns"] = n.column_count;
        list.push_back(std::move(j));
    }
    return nlohmann::json{{"nodes", list}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Node& Mirror::add(Node n) {
    n.parent = landmarks_.empty() ? -1 : landmarks_.back();
    nodes_.push_back(std::move(n));
    return nodes_.back();
}

void Mirror::next(Role role, std::string name) {
    next_.role = role;
    next_.name = std::move(name);
}

void Mirror::next_current(bool current) { next_.current = current; }

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

void Mirror::status(const std::string& text) {
    if (!enabled_) return;
    Node n;
    n.id = hash_of(Role::Status, "");
    n.role = Role::Status;
    n.name = text;
    add(std::move(n));
}

void Mirror::begin_grid(const std::string& name, int rows, int columns) {
    if (!enabled_) return;
    Node n;
    n.id = hash_of(Role::Grid, name);
    n.role = Role::Grid;
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

void Mirror::cell(Role role, int column, const std::string& text, float x0, float y0, float x1, float y1) {
    if (!enabled_) return;
    Node n;
    const int row = landmarks_.empty() ? 0 : nodes_[size_t(landmarks_.back())].row_index;
    n.id = hash_of(role, std::to_string(row) + ":" + std::to_string(column));
    n.role = role;
    n.name = text;
    n.x = x0, n.y = y0, n.w = x1 - x0, n.h = y1 - y0;
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
}

void Mirror::item_info(uint32_t id, const char* label, bool inputable, bool checkable, bool checked) {
    if (!enabled_ || !added_ || added_->id != id) return;
    Node n = std::move(*added_);
    added_.reset();
    Pending p = std::move(next_);
    next_ = {};
    n.role = p.role ? *p.role : inputable ? Role::TextBox : checkable ? Role::CheckBox : Role::Button;
    n.name = p.role ? p.name : spoken_label(label);
    n.checked = checked;
    n.current = p.current;
    if (p.buf) {
        buffers_.push_back({id, p.buf, p.size});
        if (n.role == Role::TextBox) n.value = p.buf;
    }
    if (n.name.empty()) return;   // nothing to read out: a drag handle, a scroll area
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
