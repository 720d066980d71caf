// The trust's own records, changed by its administrators: the staff list imported from CSV
// (docs/onboarding.md) and a person's documents renewed. The command carries the file itself, so the server reads it again against
// its own state and every check is the core's, wherever the command was made.
#include "core/commands/command_context.hpp"
#include <algorithm>

#include "core/csv.hpp"
#include "core/enum_names.hpp"
#include "core/staff_csv.hpp"

namespace sb::commands {
namespace {

// The whole list in one command: one undo takes every person it added or changed back out.
bool import_staff(Ctx& c) {
    if (!c.is_admin()) return c.forbid("Only the trust's administrators can import the staff list");
    const auto csv = c.args.optional_text("csv", kMaxStaffImportBytes);
    if (!c.args.ok()) return false;
    if (!csv) return c.args.fail("payload.csv is required: the staff list's text"), false;
    const StaffImport im = read_staff_csv(c.state, *csv);
    if (!im.ok()) {
        // The first problems in words, then how many: the preview shows them all before this is sent.
        std::string why = "The staff list was not imported: " + std::to_string(im.problems.size()) +
                          (im.problems.size() == 1 ? " problem" : " problems");
        const std::string report = describe(im);
        size_t shown = 0, start = 0;
        for (size_t i = 0; i < report.size() && shown < 3 && shown < im.problems.size(); ++i)
            if (report[i] == '\n') why += (shown ? "; " : ". ") + report.substr(start, i - start), start = i + 1, ++shown;
        return c.reject(why);
    }
    if (im.staff.empty()) return c.reject("The staff list changes nobody: every row is already as the trust has it");
    for (const Staff& s : im.staff) {
        if (Staff* x = c.w.edit<Staff>(s.id)) *x = s;
        else c.w.add(s);
    }
    return true;
}

// A document's new expiry date (a DBS check renewed, a visa extended), or the document recorded
// for the first time. The bank office's work: trust administrators.
bool set_document(Ctx& c) {
    const std::string staff = c.args.id("staff"), kind = c.args.id("kind");
    const auto expires = c.args.date("expires");
    if (!c.args.ok()) return false;
    if (!c.is_admin()) return c.forbid("Only the trust's administrators (the bank office) can change a person's documents");
    Staff* s = c.find<Staff>(staff, "member of staff");
    if (!s) return false;
    const auto& kinds = document_kinds();
    if (std::find(kinds.begin(), kinds.end(), kind) == kinds.end()) {
        std::string list;
        for (auto k : kinds) list += (list.empty() ? "" : ", ") + std::string(k);
        return c.args.fail("payload.kind must be one of " + list), false;
    }
    for (ComplianceDocument& d : s->documents)
        if (d.kind == kind) {
            if (d.expires == *expires) return c.reject(std::string(document_name(kind)) + " already expires on that day");
            d.expires = *expires;
            return true;
        }
    s->documents.push_back({kind, *expires});
    return true;
}

}  // namespace

const std::vector<HandlerEntry>& trust_handlers() {
    static const std::vector<HandlerEntry> h = {
        {"import_staff", import_staff, {"csv"}},
        {"set_document", set_document, {"staff", "kind", "expires"}},
    };
    return h;
}

}  // namespace sb::commands
