#!/usr/bin/env bash
# Durable commands/s and snapshot reads/s of the real server, measured with wrk (Debian's).
#   bench/wrk/run.sh [seconds]        — after ./scripts/build; prints wrk's figures
# Starts shiftbank-server on 127.0.0.1:8095 with a fresh 300-staff demo database in /tmp.
set -euo pipefail
cd "$(dirname "$0")/../.."
secs=${1:-10}
db=$(mktemp /tmp/shiftbank-wrk-XXXXXX.sqlite)
log=$(mktemp)
build/native/server-stub/shiftbank-server --port 8095 --web build/web --db "$db" --fresh --demo-staff 300 >"$log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -f "$db" "$db-wal" "$db-shm" "$log"' EXIT
for _ in $(seq 50); do grep -q "Open http" "$log" && break; sleep 0.1; done
password=$(grep -o 'admin / [a-z0-9-]*' "$log" | cut -d' ' -f3)
export SHIFTBANK_TOKEN=$(curl -s -X POST http://127.0.0.1:8095/api/login -d "{\"username\":\"admin\",\"password\":\"$password\"}" |
  python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])')
echo "== durable commands (POST /api/commands, one command each, 120 connections)"
wrk -t2 -c120 -d"${secs}s" -s bench/wrk/commands.lua http://127.0.0.1:8095/ | grep -E "Requests/sec|Latency|requests in|errors"
echo "== snapshot reads (GET /api/snapshot, 300 staff, gzip, 16 connections)"
wrk -t2 -c16 -d"${secs}s" -s bench/wrk/snapshot.lua http://127.0.0.1:8095/ | grep -E "Requests/sec|Latency|requests in|errors"
