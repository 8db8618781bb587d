#!/usr/bin/env bash
# Starts a private PostgreSQL cluster for the tests (Debian's postgresql package), on port ${CHOKEPOINT_PG_PORT:-54329}.
# Prints the connection URL on its last line. A cluster left unusable by an earlier run is dropped and made anew.
set -euo pipefail
PORT="${CHOKEPOINT_PG_PORT:-54329}"
NAME="${CHOKEPOINT_PG_CLUSTER:-chokepoint}"
DIR="${CHOKEPOINT_PG_DIR:-/tmp/chokepoint-pg-$PORT}"
if ! command -v pg_createcluster >/dev/null; then
  echo "pg_createcluster not found: install Debian's postgresql package" >&2
  exit 1
fi
VER=$(ls /usr/lib/postgresql | sort -n | tail -1)

create() {
  pg_createcluster "$VER" "$NAME" -p "$PORT" -d "$DIR" -- -A trust >/dev/null
}
# Ready means a query answers: a server whose data directory was deleted under it still answers pg_isready.
ready() {
  for _ in $(seq 1 30); do
    psql -X -q -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -c 'SELECT 1' >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  return 1
}

pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$VER $NAME" || create
pg_ctlcluster "$VER" "$NAME" start 2>/dev/null || true
if ! ready; then
  echo "cluster $VER/$NAME did not start; making it anew" >&2
  pg_dropcluster --stop "$VER" "$NAME" 2>/dev/null || true
  rm -rf "$DIR"
  create
  pg_ctlcluster "$VER" "$NAME" start
  ready
fi
echo "postgres://postgres@127.0.0.1:$PORT/postgres"
