#!/bin/sh
# shiftbank-cli: demo output is deterministic and valid; invalid files exit 2 with one JSON line per problem.
set -eu
cli=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$cli" demo --staff 50 --weeks 2 --seed 7 --out "$tmp/a.json"
"$cli" demo --staff 50 --weeks 2 --seed 7 > "$tmp/b.json"
cmp "$tmp/a.json" "$tmp/b.json" || { echo "FAIL: demo is not deterministic"; exit 1; }
"$cli" validate "$tmp/a.json" || { echo "FAIL: demo data does not validate"; exit 1; }
sed 's/"status": "open"/"status": "opened"/' "$tmp/a.json" > "$tmp/bad.json"
set +e
"$cli" validate "$tmp/bad.json" > "$tmp/out.txt"; rc=$?
set -e
[ "$rc" = 2 ] || { echo "FAIL: invalid file exited $rc, expected 2"; exit 1; }
grep -q '"path":"/shifts/[0-9]*/status"' "$tmp/out.txt" || { echo "FAIL: no path in output"; cat "$tmp/out.txt"; exit 1; }
set +e
"$cli" validate "$tmp/missing.json" >/dev/null; rc=$?
"$cli" demo --staff zero >/dev/null 2>&1; rc2=$?
set -e
[ "$rc" = 2 ] && [ "$rc2" = 2 ] || { echo "FAIL: missing file or bad option did not exit 2"; exit 1; }
# The example in docs/data-format.md must stay valid.
docs=$(dirname "$0")/../../docs/data-format.md
awk '/^```json$/{on=1; next} /^```$/{on=0} on' "$docs" > "$tmp/example.json"
"$cli" validate "$tmp/example.json" || { echo "FAIL: the example in docs/data-format.md does not validate"; exit 1; }
# check: the demo's deliberate breaches are found (exit 1, one JSON line each); the docs example is clean.
set +e
"$cli" check "$tmp/a.json" > "$tmp/check.txt"; rc=$?
set -e
[ "$rc" = 1 ] || { echo "FAIL: check on demo data exited $rc, expected 1"; exit 1; }
grep -q '"rule":"min_rest"' "$tmp/check.txt" || { echo "FAIL: check did not report the demo's rest breach"; exit 1; }
"$cli" check "$tmp/example.json" || { echo "FAIL: check found violations in the docs example"; exit 1; }
set +e
"$cli" check "$tmp/bad.json" > /dev/null; rc=$?
set -e
[ "$rc" = 2 ] || { echo "FAIL: check on invalid data exited $rc, expected 2"; exit 1; }
# The staff list as CSV and back: exported, imported into the same trust, nothing changes.
"$cli" export staff --from "$tmp/a.json" --out "$tmp/staff.csv"
head -1 "$tmp/staff.csv" | grep -q '^Assignment number,Name,Staff group,Grade,Ward,' || { echo "FAIL: export header"; head -1 "$tmp/staff.csv"; exit 1; }
cp "$tmp/a.json" "$tmp/before.json"
"$cli" import "$tmp/staff.csv" --into "$tmp/a.json" > "$tmp/import.txt" || { echo "FAIL: import of the export"; cat "$tmp/import.txt"; exit 1; }
grep -q '^50 rows: 0 to add, 0 to update, 50 unchanged, 0 refused$' "$tmp/import.txt" || { echo "FAIL: round trip changed people"; cat "$tmp/import.txt"; exit 1; }
cmp -s "$tmp/a.json" "$tmp/before.json" || { echo "FAIL: a round trip rewrote the trust differently"; exit 1; }
# A planted error: exit 2, the line and column named, the trust untouched.
awk -F, 'NR==3 {$4="Band 12"} 1' OFS=, "$tmp/staff.csv" > "$tmp/bad.csv"
set +e
"$cli" import "$tmp/bad.csv" --into "$tmp/a.json" > "$tmp/bad-import.txt"; rc=$?
set -e
[ "$rc" = 2 ] || { echo "FAIL: a bad staff list exited $rc, expected 2"; exit 1; }
grep -Eq '^line 3, Grade: "Band 12" is not a grade for an? ' "$tmp/bad-import.txt" || { echo "FAIL: the bad grade was not named"; cat "$tmp/bad-import.txt"; exit 1; }
cmp -s "$tmp/a.json" "$tmp/before.json" || { echo "FAIL: a refused import changed the trust"; exit 1; }
# Two new people (a Windows file with a byte-order mark): added, and the trust still validates.
printf '\357\273\277Assignment No,Full Name,Staff Group,Band,Organisation\r\n90000001,"Okafor, Chidi",Nursing and Midwifery Registered,Band 5,w01\r\n90000002,Ann Lee,HCA,3,w01\r\n' > "$tmp/new.csv"
"$cli" import "$tmp/new.csv" --into "$tmp/a.json" --dry-run > "$tmp/dry.txt"
cmp -s "$tmp/a.json" "$tmp/before.json" || { echo "FAIL: --dry-run changed the trust"; exit 1; }
"$cli" import "$tmp/new.csv" --into "$tmp/a.json" > "$tmp/new.txt" || { echo "FAIL: import of new people"; cat "$tmp/new.txt"; exit 1; }
grep -q '^2 rows: 2 to add, 0 to update, 0 unchanged, 0 refused$' "$tmp/new.txt" || { echo "FAIL: new people not added"; cat "$tmp/new.txt"; exit 1; }
"$cli" validate "$tmp/a.json" || { echo "FAIL: the trust does not validate after an import"; exit 1; }
grep -q '"name": "Chidi Okafor"' "$tmp/a.json" || { echo "FAIL: Chidi Okafor not in the trust"; exit 1; }
# Payroll: two bank shifts signed off (one with a 30 min break), paid once at a flat rate, worked out
# here from the file's own times and rates; a second run finds nothing due and exits 2.
python3 - "$tmp/a.json" "$tmp/pay.json" > "$tmp/expected.txt" <<'PY'
import json, sys
from datetime import datetime
t = json.load(open(sys.argv[1]))
bank = [s for s in t["shifts"] if s.get("source") == "bank" and s["status"] in ("booked", "open")][:2]
assert len(bank) == 2, "the demo has too few bank shifts"
total = 0
for i, s in enumerate(bank):
    s["status"] = "signed_off"
    s["assignee"] = s.get("assignee") or t["staff"][0]["id"]
    pause = 30 if i == 0 else 0
    t.setdefault("timesheets", []).append({"id": "ts-cli-%d" % i, "shift": s["id"], "staff": s["assignee"], "start": s["start"], "end": s["end"],
                            "break_minutes": pause, "status": "approved"})
    # The demo's months have no clock change inside a shift, so local minutes are real minutes.
    minutes = (datetime.fromisoformat(s["end"]) - datetime.fromisoformat(s["start"])).seconds // 60 - pause
    total += (minutes * s["rate_pence_per_hour"] + 30) // 60   # each line rounded to the penny
print(bank[0]["start"][:7], "%d.%02d" % (total // 100, total % 100))
json.dump(t, open(sys.argv[2], "w"), ensure_ascii=False, indent=1)
PY
read period expected < "$tmp/expected.txt"
"$cli" payroll --from "$tmp/pay.json" --period "$period" --out "$tmp/payroll.csv" 2> "$tmp/payroll.txt" || { echo "FAIL: payroll run"; cat "$tmp/payroll.txt"; exit 1; }
[ "$(wc -l < "$tmp/payroll.csv")" = 3 ] || { echo "FAIL: payroll file is not a header and 2 lines"; cat "$tmp/payroll.csv"; exit 1; }
sum=$(awk -F, 'NR>1 {s+=$17} END {printf "%.2f", s}' "$tmp/payroll.csv")
[ "$sum" = "$expected" ] || { echo "FAIL: payroll total $sum, worked out $expected"; cat "$tmp/payroll.csv"; exit 1; }
grep -q "\"payroll\": \"$period\"" "$tmp/pay.json" || { echo "FAIL: paid timesheets not marked in the trust"; exit 1; }
set +e
"$cli" payroll --from "$tmp/pay.json" --period "$period" --out "$tmp/again.csv" 2> "$tmp/again.txt"; rc=$?
set -e
[ "$rc" = 2 ] && grep -q "No signed-off bank timesheets are waiting to be paid" "$tmp/again.txt" || { echo "FAIL: a second run exited $rc"; cat "$tmp/again.txt"; exit 1; }
echo "cli tests: 16 passed, 0 failed"
