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
echo "cli tests: 9 passed, 0 failed"
