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
echo "cli tests: 13 passed, 0 failed"
