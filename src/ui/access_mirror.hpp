// The accessibility mirror: what the canvas shows, as a list of nodes a screen reader can read
// (role, name, state, rectangle), kept in step from the UI's own items. The web platform renders it
// as a hidden DOM over the canvas (shell/mirror.js); focus and activation come back through here.
//
// Where the nodes come from:
// - every interactive ImGui item (buttons, text fields, checkboxes, selectables, menus) reports
//   itself through Dear ImGui's item hooks (IMGUI_ENABLE_TEST_ENGINE; access_hooks.cpp), with its
//   label, rectangle and flags: nothing a view draws is left out by forgetting to describe it;
// - a view adds what ImGui does not know: headings, landmarks (navigation, main), the live region,
//   a field's visible label or a password field (`next`), by calling the functions below.
//
// - a popup window is a container by construction: a modal one a dialog named by its title, a
//   combo box's list a listbox of options, any other a menu of menu items; whatever is drawn in it
//   is read inside it, wherever in the frame it was drawn.
//
// The mirror is rebuilt each frame; `end_frame()` says whether it differs from the last one, so the
// page's DOM is touched only when something changed.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

namespace sb::ui::a11y {

enum class Role {
    Button, Link, TextBox, Password, CheckBox, ComboBox, Heading, Navigation, Main, Status, Text, Grid, Row, ColumnHeader,
    RowHeader, Cell, Article, Dialog, Menu, MenuItem, ListBox, Option,
    Table, TableCell,   // a table of figures (not a grid: its cells are read, not moved through)
    List, ListItem      // entries read one after another (the history)
};
const char* role_name(Role r);   // "button", "link", "textbox", … as the page's renderer expects

struct Node {
    uint32_t id = 0;        // ImGui's id for items; a stable hash of the text for a view's own nodes
    Role role = Role::Text;
    std::string name;       // what is read out
    std::string value;      // a text field's content (never a password's)
    int level = 0;          // headings
    int row_index = 0;      // a grid's row, 1-based among all its rows (most are not drawn)
    int row_count = 0, column_count = 0;   // a grid's size
    int parent = -1;        // index of the landmark it sits in
    float x = 0, y = 0, w = 0, h = 0;   // on the canvas, in CSS pixels
    float label_w = 0;      // the label's width in the font it is drawn in: wider than the item is cut off
    // Partly outside the area it is drawn in: `cut` where that area scrolls (it comes into view),
    // `cut_off` past an edge that does not scroll (a column's, a window's side): words lost.
    bool cut = false, cut_off = false;
    bool disabled = false, checked = false, focused = false, current = false;
    bool expanded = false;    // a combo box whose list is open
    bool container = false;   // holds other nodes (a landmark, the grid, a row, a cell with items)
    bool operator==(const Node&) const = default;
};

class Mirror {
public:
    void set_enabled(bool on) { enabled_ = on; }
    bool enabled() const { return enabled_; }
    // The person's "Screen reader support" setting. The mirror can be on without it (the sign-in
    // form always is, for password managers); while it is off the page offers a hidden first Tab
    // stop, "Turn on screen reader support" (shell/mirror.js).
    void set_support(bool on) { support_ = on; }
    bool support() const { return support_; }

    void begin_frame();
    bool end_frame();   // true when the nodes differ from the last frame's
    const std::vector<Node>& nodes() const { return nodes_; }
    std::string json() const;   // {"support": bool, "nodes": [{id, role, name, …}]} for the page

    // --- from a view ---
    // The next interactive item's role and name (a field whose label is drawn as text above it).
    void next(Role role, std::string name);
    void next_current(bool current);    // the next item is the page shown now (navigation)
    void next_value(std::string value);  // the next item's value (what a combo box shows)
    bool has_next() const { return next_.role.has_value(); }
    void next_expanded(bool open) { next_.expanded = open; }
    // How wide the next item's words are drawn, when they are not its label (a shift chip's type and times).
    void next_words_width(float w) { next_.words_w = w; }
    // A heading; `over_last_item`: it is the text item just drawn, so it takes that item's place.
    void heading(int level, const std::string& text, bool over_last_item = true);
    void begin_landmark(Role role, const std::string& name);
    void end_landmark();
    // A live region, read out when its text changes: "" the app's messages (toasts), others by name
    // (the verdict while a shift is moved with the keyboard).
    void status(const std::string& text, const std::string& region = "");
    // Words a dialog or card shows that are not items (a rule's message); a list's entry as ListItem.
    // `over_last_item`: they are the text item just drawn, so the node has its rectangle (the
    // layout tests then check it overlaps nothing).
    void text(const std::string& text, Role role = Role::Text, bool over_last_item = false);
    // A grid (the rota): `rows` counts all its rows, so a screen reader announces the drawn ones
    // as part of the whole; rows hold header and data cells, each with its words and rectangle.
    // A table of figures is the same with Role::Table, its cells Role::TableCell (ui/table.hpp).
    void begin_grid(const std::string& name, int rows, int columns, Role role = Role::Grid);
    void begin_row(int index);
    // `words_w`: how wide its words are drawn on one line (0: wrapped, or not drawn as they read).
    void cell(Role role, int column, const std::string& text, float x0, float y0, float x1, float y1, float words_w = 0);
    // A cell holding items (a group's header with its collapse button): they are read as its words.
    void begin_cell(Role role, int column, float x0, float y0, float x1, float y1);
    void end_cell() { end_landmark(); }
    void end_row() { end_landmark(); }
    void end_grid() { end_landmark(); }
    // The text buffer behind the next text field, so the page can fill it (a password manager).
    void next_buffer(char* buf, size_t size);

    // --- from the item hooks ---
    void item_added(uint32_t id, float x0, float y0, float x1, float y1, bool disabled);
    void item_info(uint32_t id, const char* label, bool inputable, bool checkable, bool checked, bool openable, bool opened);
    void set_focused(uint32_t id) { focused_ = id; }

    // --- from the page ---
    // A node was given focus or activated on the page; the App passes them to ImGui.
    void page_focus(uint32_t id) { want_focus_ = id; }
    uint32_t take_focus_request();
    uint32_t focus_request() const { return want_focus_; }
    // The page's field holds new text (typed, or filled in by a password manager).
    bool page_value(uint32_t id, const std::string& text);

private:
    bool enabled_ = false;
    bool support_ = false, last_support_ = false;
    std::vector<Node> nodes_, last_;
    std::vector<int> landmarks_;   // open landmarks, innermost last
    struct Popup {
        uint32_t window;
        int index;
        size_t depth;   // landmarks_ open when it began: those are the page's, not the popup's
    };
    std::vector<Popup> popups_;
    std::unordered_set<uint32_t> ids_;   // given out this frame   // popup windows met this frame, and their container nodes
    int popup_parent();           // the container for what is drawn now, when it is in a popup; else -1
    struct Pending {
        std::optional<Role> role;
        std::string name, value;
        bool current = false;
        bool expanded = false;   // a combo box's list is open
        float words_w = 0;
        char* buf = nullptr;
        size_t size = 0;
    } next_, added_next_;   // for the next item; taken by the item just added
    struct Buffer {
        uint32_t id;
        char* buf;
        size_t size;
    };
    std::vector<Buffer> buffers_;
    uint32_t focused_ = 0, want_focus_ = 0;
    std::optional<Node> added_;   // the item just added, waiting for its info
    struct Clip {
        float x0 = -1e9f, y0 = -1e9f, x1 = 1e9f, y1 = 1e9f;
        bool scrolls_x = false;   // its window scrolls sideways: what is past its side comes into view
    };
    static Clip current_clip();   // where what is drawn now can be seen
    static void mark_cut(Node& n, const Clip& c);
    Node& add(Node n);
};

// The mirror the item hooks feed (the App's), or null.
Mirror* current();
void set_current(Mirror* m);

// An item's label as read out: "##id" suffixes and icon-font glyphs left out, spaces trimmed.
std::string spoken_label(const char* label);

}  // namespace sb::ui::a11y
