#!/usr/bin/env bash
# Starts a private PostgreSQL 15 cluster for the tests (Debian's postgresql package), on port ${PGPORT:-54329}.
# Prints the connection URL on its last line.
set -euo pipefail
PORT="${PGPORT:-54329}"
NAME="${PGCLUSTER:-chokepoint}"
DIR="${PGDIR:-/tmp/chokepoint-pg-$PORT}"
if ! command -v pg_createcluster >/dev/null; then
  echo "pg_createcluster not found: install Debian's postgresql package" >&2
  exit 1
fi
VER=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | awk '{print $2}' | grep -qx "$NAME"; then
  pg_createcluster "$VER" "$NAME" -p "$PORT" -d "$DIR" -- -A trust >/dev/null
fi
pg_ctlcluster "$VER" "$NAME" start 2>/dev/null || true
for _ in $(seq 1 30); do
  pg_isready -h 127.0.0.1 -p "$PORT" -q && break
  sleep 0.5
done
pg_isready -h 127.0.0.1 -p "$PORT" -q
echo "postgres://postgres@127.0.0.1:$PORT/postgres"
