// Rules about a single shift and the person on it: overlap, group/grade/skills, documents, leave,
// shift length.
#include <algorithm>

#include "core/enum_names.hpp"
#include "core/rules/rule_context.hpp"

namespace sb::rules {

namespace {
std::string on_ward(const Context& c, int i) {
    const Ward* w = c.state.find_ward(c.spans[size_t(i)].shift->ward);
    return w ? " on " + w->name : std::string();
}
}  // namespace

void check_overlap(const Context& c, const RuleSpec& r) {
    // Spans are sorted by start: compare each with the latest-ending earlier one.
    int latest = -1;
    for (int i = 0; i < int(c.spans.size()); ++i) {
        if (latest >= 0 && c.spans[size_t(i)].start < c.spans[size_t(latest)].end && (c.involves(i) || c.involves(latest)))
            c.report_lazy(r, std::min(latest, i), std::max(latest, i), [&] {
                // "Late Mon 30 Nov and Late Mon 30 Nov overlap" says nothing: name the wards when the labels match.
                std::string a = c.label(latest), b = c.label(i);
                if (a == b) a += on_ward(c, latest), b += on_ward(c, i);
                const std::string what = a == b ? "Two shifts, both " + a + "," : a + " and " + b;
                return what + " overlap: " + c.person.name + " would be booked twice at once";
            });
        if (latest < 0 || c.spans[size_t(i)].end > c.spans[size_t(latest)].end) latest = i;
    }
}

void check_eligibility(const Context& c, const RuleSpec& r) {
    const Staff& p = c.person;
    for (int i = 0; i < int(c.spans.size()); ++i) {
        if (!c.involves(i)) continue;
        const Requirements& q = c.spans[size_t(i)].shift->requirements;
        if (r.kind == RuleKind::GroupMatch && q.group != p.group) {
            c.report_lazy(r, i, i, [&] {
                return c.label(i) + " needs a " + std::string(display_name(q.group)) + "; " + p.name + " is a " +
                       std::string(display_name(p.group));
            });
        } else if (r.kind == RuleKind::GradeMatch && q.group == p.group && !q.grades.empty() &&
                   std::find(q.grades.begin(), q.grades.end(), p.grade) == q.grades.end()) {
            c.report_lazy(r, i, i, [&] {
                std::string grades;
                for (const auto& g : q.grades) grades += (grades.empty() ? "" : " or ") + g;
                return c.label(i) + " needs " + grades + "; " + p.name + " is " + p.grade;
            });
        } else if (r.kind == RuleKind::SkillMatch) {
            for (const auto& skill : q.skills)
                if (std::find(p.skills.begin(), p.skills.end(), skill) == p.skills.end()) {
                    c.report_lazy(r, i, i, [&] { return c.label(i) + " needs the skill \"" + skill + "\", which " + p.name + " does not have"; });
                    break;
                }
        }
    }
}

void check_documents(const Context& c, const RuleSpec& r) {
    for (int i = 0; i < int(c.spans.size()); ++i) {
        const Shift& s = *c.spans[size_t(i)].shift;
        // Expired documents block bank bookings; the substantive rota is the employer's own HR process.
        if (!c.involves(i) || s.source != ShiftSource::Bank) continue;
        for (const auto& d : c.person.documents) {
            if (d.expires >= s.start.date) continue;
            c.report_lazy(r, i, i, [&] {
                return c.person.name + "'s " + std::string(document_name(d.kind)) + " expired on " + format_day_month(d.expires) + " " +
                       std::to_string(civil(d.expires).year) + ", before " + c.label(i) + "; bank shifts need it in date";
            });
            break;
        }
    }
}

void check_leave(const Context& c, const RuleSpec& r) {
    for (int i = 0; i < int(c.spans.size()); ++i) {
        if (!c.involves(i)) continue;
        const Shift& s = *c.spans[size_t(i)].shift;
        for (const Leave* l : c.leave) {
            if (s.end.date < l->first || s.start.date > l->last) continue;
            if (s.end.date == l->first && s.end.minute == 0 && s.end.date != s.start.date) continue;   // ends at midnight
            c.report_lazy(r, i, i, [&] {
                return c.label(i) + " falls in " + c.person.name + "'s approved " + std::string(to_string(l->kind)) +
                       " leave (" + format_day_month(l->first) + " to " + format_day_month(l->last) + ")";
            });
            break;
        }
    }
}

void check_shift_length(const Context& c, const RuleSpec& r) {
    for (int i = 0; i < int(c.spans.size()); ++i) {
        const int64_t len = c.spans[size_t(i)].end - c.spans[size_t(i)].start;
        if (c.involves(i) && len > r.limit)
            c.report_lazy(r, i, i, [&] {
                return c.label(i) + " lasts " + format_duration(len) + "; the maximum is " + format_duration(r.limit);
            });
    }
}

}  // namespace sb::rules
