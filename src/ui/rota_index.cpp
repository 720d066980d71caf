// The rota's rows and cells, worked out once per data version, ward and filter: the grid reads these
// every frame instead of scanning every shift of the trust.
#include <algorithm>
#include <cctype>
#include <unordered_map>

#include "core/enum_names.hpp"
#include "ui/rota_parts.hpp"

namespace sb::ui {
namespace {

int group_order(StaffGroup g) {
    switch (g) {
        case StaffGroup::Nurse: return 0;
        case StaffGroup::Hca: return 1;
        case StaffGroup::Doctor: return 2;
        case StaffGroup::Ahp: return 3;
    }
    return 4;
}

const char* group_heading(StaffGroup g) {
    switch (g) {
        case StaffGroup::Nurse: return "Registered nurses";
        case StaffGroup::Hca: return "Healthcare assistants";
        case StaffGroup::Doctor: return "Doctors";
        case StaffGroup::Ahp: return "Allied health professionals";
    }
    return "";
}

// Grades sort senior first: "Band 7" before "Band 5", "ST3" before "FY1".
int grade_rank(const std::string& grade) {
    static const char* order[] = {"ST", "CT", "FY2", "FY1", "Band 8", "Band 7", "Band 6", "Band 5", "Band 4", "Band 3", "Band 2"};
    for (int i = 0; i < int(std::size(order)); ++i)
        if (grade.rfind(order[i], 0) == 0) return i;
    return 99;
}

bool matches_filter(const Staff& p, const RotaScreen& m) {
    if (m.group_filter >= 0 && int(p.group) != m.group_filter) return false;
    if (!m.grade_filter.empty() && p.grade != m.grade_filter) return false;
    if (!m.search[0]) return true;
    auto lower = [](std::string x) {
        for (char& c : x) c = char(std::tolower(static_cast<unsigned char>(c)));
        return x;
    };
    return lower(p.name).find(lower(m.search)) != std::string::npos;
}

std::string filter_key(const RotaScreen& m) {
    std::string key = std::to_string(m.group_filter) + "|" + m.grade_filter + "|" + m.search;
    for (const auto& c : m.collapsed) key += "|" + c;
    return key;
}

// Rows for one ward: its vacant lanes, then its people by staff group and grade. With several
// wards (kAllWards) each gets a header. People appear under their home ward, or, for bank and
// agency cover, under the first ward that booked them; their row shows all their shifts in view.
void add_ward_rows(RotaIndex& ix, const State& state, const Ward& ward, bool with_header,
                   const std::vector<const Shift*>& ward_shifts, std::vector<const Staff*>& people_here,
                   const std::vector<std::string>& collapsed) {
    auto is_collapsed = [&](const std::string& key) { return std::find(collapsed.begin(), collapsed.end(), key) != collapsed.end(); };
    const int days = state.period_days;
    std::vector<std::vector<const Shift*>> vacant(static_cast<size_t>(days));
    for (const Shift* s : ward_shifts)
        if (s->assignee.empty()) vacant[size_t(s->start.date - state.period_start)].push_back(s);
    if (with_header) ix.rows.push_back({RotaIndex::Row::WardHeader, ward.name, nullptr, ward.id});
    if (with_header && is_collapsed(ward.id)) return;
    // Vacant shifts are laid out in lanes (lane k holds each day's k-th vacancy), so every row has
    // the same height and the clipper can skip rows it does not draw.
    size_t lanes = 0;
    for (const auto& v : vacant) lanes = std::max(lanes, v.size());
    const std::string vacant_key = ward.id + "/vacant";
    ix.rows.push_back({RotaIndex::Row::GroupHeader, "Vacant shifts", nullptr, vacant_key});
    for (size_t lane = 0; lane < lanes && !is_collapsed(vacant_key); ++lane) {
        const std::string key = "#vacant:" + ward.id + ":" + std::to_string(lane);
        auto& cells = ix.cells[key];
        cells.resize(size_t(days));
        for (int d = 0; d < days; ++d)
            if (lane < vacant[size_t(d)].size()) cells[size_t(d)].push_back(vacant[size_t(d)][lane]);
        ix.rows.push_back({RotaIndex::Row::Vacant, key, nullptr, {}});
    }
    std::sort(people_here.begin(), people_here.end(), [](const Staff* a, const Staff* b) {
        if (group_order(a->group) != group_order(b->group)) return group_order(a->group) < group_order(b->group);
        if (grade_rank(a->grade) != grade_rank(b->grade)) return grade_rank(a->grade) < grade_rank(b->grade);
        return a->name < b->name;
    });
    for (size_t i = 0; i < people_here.size(); ++i) {
        if (i == 0 || people_here[i]->group != people_here[i - 1]->group) {
            size_t n = 0;
            while (i + n < people_here.size() && people_here[i + n]->group == people_here[i]->group) ++n;
            ix.rows.push_back({RotaIndex::Row::GroupHeader,
                               std::string(group_heading(people_here[i]->group)) + " \xC2\xB7 " + std::to_string(n), nullptr,
                               ward.id + "/" + std::string(display_name(people_here[i]->group))});
        }
        if (!is_collapsed(ward.id + "/" + std::string(display_name(people_here[i]->group))))
            ix.rows.push_back({RotaIndex::Row::Person, people_here[i]->id, people_here[i], {}});
    }
}

void rebuild_index_impl(RotaIndex& ix, const State& state, const std::string& ward_id, const RotaScreen& m) {
    ix = RotaIndex{};
    ix.revision = state.revision;
    ix.ward = ward_id;
    ix.built_for = &state;
    const bool all = ward_id == kAllWards;
    const int days = state.period_days;
    std::unordered_map<std::string_view, size_t> ward_index;
    for (size_t i = 0; i < state.wards.size(); ++i)
        if (all || state.wards[i].id == ward_id) ward_index[state.wards[i].id] = i;
    std::vector<std::vector<const Shift*>> shifts_by_ward(state.wards.size());
    std::vector<std::vector<const Staff*>> people_by_ward(state.wards.size());
    std::unordered_map<std::string_view, bool> placed;
    for (const Staff& p : state.staff) {
        for (const auto& w : p.wards) {
            auto it = ward_index.find(w);
            if (it == ward_index.end()) continue;
            if (matches_filter(p, m)) people_by_ward[it->second].push_back(&p);
            placed[p.id] = true;
            break;
        }
    }
    for (const Shift& s : state.shifts) {
        auto w = ward_index.find(s.ward);
        if (w == ward_index.end() || s.status == ShiftStatus::Cancelled) continue;
        const int d = s.start.date - state.period_start;
        if (d < 0 || d >= days) continue;
        shifts_by_ward[w->second].push_back(&s);
        if (s.assignee.empty()) continue;
        auto& cells = ix.cells[s.assignee];
        if (cells.empty()) cells.resize(size_t(days));
        cells[size_t(d)].push_back(&s);
        if (!placed[s.assignee])   // bank or agency cover: shown on the first ward that booked them
            if (const Staff* p = state.find_staff(s.assignee)) {
                placed[p->id] = true;
                if (matches_filter(*p, m)) people_by_ward[w->second].push_back(p);
            }
    }
    for (const Leave& l : state.leave) {
        if (l.status == RequestStatus::Declined || l.status == RequestStatus::Withdrawn) continue;
        auto& days_of = ix.leave[l.staff];
        if (days_of.empty()) days_of.resize(size_t(days));
        for (int d = std::max(0, l.first - state.period_start); d <= std::min(days - 1, l.last - state.period_start); ++d)
            days_of[size_t(d)] = &l;
    }
    for (const Availability& a : state.availability) {
        const int d = a.date - state.period_start;
        if (d < 0 || d >= days) continue;
        auto& days_of = ix.availability[a.staff];
        if (days_of.empty()) days_of.resize(size_t(days));
        days_of[size_t(d)] = &a;
    }
    for (size_t i = 0; i < state.wards.size(); ++i)
        if (ward_index.count(state.wards[i].id))
            add_ward_rows(ix, state, state.wards[i], all, shifts_by_ward[i], people_by_ward[i], m.collapsed);
}

}  // namespace

void rebuild_rota_index(RotaIndex& ix, const State& state, const std::string& ward_id, const RotaScreen& rota) {
    rebuild_index_impl(ix, state, ward_id, rota);
}

std::string rota_filter_key(const RotaScreen& rota) { return filter_key(rota); }

}  // namespace sb::ui
