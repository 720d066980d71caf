#include "csv.hpp"

#include <cctype>

namespace sb {
namespace {

// Well-formed UTF-8 (no overlongs, no surrogates, nothing past U+10FFFF): a file saved as Latin-1
// or Windows-1252 is refused with its line rather than read as mojibake.
bool valid_utf8(std::string_view s) {
    size_t i = 0;
    while (i < s.size()) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) { ++i; continue; }
        int n = 0;
        unsigned min = 0, cp = 0;
        if ((c & 0xE0) == 0xC0) n = 1, min = 0x80, cp = c & 0x1F;
        else if ((c & 0xF0) == 0xE0) n = 2, min = 0x800, cp = c & 0x0F;
        else if ((c & 0xF8) == 0xF0) n = 3, min = 0x10000, cp = c & 0x07;
        else return false;
        for (int k = 1; k <= n; ++k) {
            if (i + size_t(k) >= s.size()) return false;
            const unsigned char d = static_cast<unsigned char>(s[i + size_t(k)]);
            if ((d & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (d & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
        i += size_t(n) + 1;
    }
    return true;
}

bool blank(const CsvRow& r) { return r.fields.size() == 1 && r.fields[0].empty(); }

}  // namespace

CsvRead read_csv(std::string_view text) {
    CsvRead out;
    auto fail = [&](int line, std::string message) {
        out.table = CsvTable{};
        out.error = CsvError{line, std::move(message)};
        return out;
    };
    if (text.size() > kMaxCsvBytes)
        return fail(0, "the file is " + std::to_string(text.size() >> 20) + " MiB; at most " + std::to_string(kMaxCsvBytes >> 20) + " MiB is read");
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);   // Excel's "CSV UTF-8"

    int line = 1;
    CsvRow row;
    row.line = 1;
    std::string field;
    bool quoted = false;          // inside a quoted field
    bool after_quote = false;     // a quoted field has closed: only a comma or a line end may follow
    bool field_started = false;   // something (even "") was written for this field
    int quote_line = 0;
    bool first = true;
    auto end_field = [&]() -> bool {
        if (field.size() > kMaxCsvFieldBytes) return false;
        row.fields.push_back(std::move(field));
        field.clear();
        after_quote = field_started = false;
        return true;
    };
    auto end_row = [&]() {
        if (first) out.table.header = std::move(row), first = false;
        else if (!blank(row)) out.table.rows.push_back(std::move(row));
        row = CsvRow{};
        row.line = line;
    };
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') field += '"', ++i;
                else quoted = false, after_quote = true;
            } else {
                if (c == '\n' || (c == '\r' && !(i + 1 < text.size() && text[i + 1] == '\n'))) ++line;
                field += c;
                if (field.size() > kMaxCsvFieldBytes)
                    return fail(row.line, "a field is longer than " + std::to_string(kMaxCsvFieldBytes) + " bytes");
            }
            continue;
        }
        if (c == ',') {
            if (!end_field()) return fail(line, "a field is longer than " + std::to_string(kMaxCsvFieldBytes) + " bytes");
            if (row.fields.size() >= kMaxCsvFields) return fail(line, "a row has more than " + std::to_string(kMaxCsvFields) + " fields");
        } else if (c == '\r' || c == '\n') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
            if (!end_field()) return fail(line, "a field is longer than " + std::to_string(kMaxCsvFieldBytes) + " bytes");
            ++line;
            end_row();
        } else if (after_quote) {
            return fail(line, "a quoted field is followed by more text before the next comma (write \"\" for a quote inside quotes)");
        } else if (c == '"') {
            if (field_started || !field.empty())
                return fail(line, "a quote in the middle of an unquoted field (put the whole field in quotes, and write \"\" for the quote)");
            quoted = true, field_started = true, quote_line = line;
        } else {
            field += c;
            if (field.size() > kMaxCsvFieldBytes)
                return fail(line, "a field is longer than " + std::to_string(kMaxCsvFieldBytes) + " bytes");
        }
    }
    if (quoted) return fail(quote_line, "a quoted field is not closed (it opens on line " + std::to_string(quote_line) + ")");
    if (!field.empty() || field_started || !row.fields.empty()) {
        if (!end_field()) return fail(line, "a field is longer than " + std::to_string(kMaxCsvFieldBytes) + " bytes");
        end_row();
    }
    auto check = [&](const CsvRow& r) -> bool {
        for (const std::string& f : r.fields)
            if (!valid_utf8(f)) {
                fail(r.line, "the text is not UTF-8 (save the file as \"CSV UTF-8\")");
                return false;
            }
        return true;
    };
    if (!check(out.table.header)) return out;
    for (const CsvRow& r : out.table.rows)
        if (!check(r)) return out;
    return out;
}

std::string csv_field(std::string_view value) {
    std::string v(value);
    const bool formula = !v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '@' || v[0] == '\t' || v[0] == '\r' ||
                                        (v[0] == '-' && !(v.size() > 1 && (std::isdigit(static_cast<unsigned char>(v[1])) || v[1] == '.'))));
    if (formula || (!v.empty() && v[0] == '\'')) v.insert(v.begin(), '\'');   // an apostrophe of its own is doubled, so it survives
    if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
    std::string q = "\"";
    for (char c : v) q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
}

std::string unguard_csv_field(std::string_view value) {
    if (!value.empty() && value[0] == '\'') value.remove_prefix(1);
    return std::string(value);
}

std::string csv_line(const std::vector<std::string>& fields) {
    std::string out;
    for (size_t i = 0; i < fields.size(); ++i) out += (i ? "," : "") + csv_field(fields[i]);
    return out + "\r\n";
}

}  // namespace sb
