#!/usr/bin/env bash
# Property-based test of /api/v1/ against its own OpenAPI document (docs/api.md).
# Builds a throwaway demo site, serves it on 127.0.0.1:$PORT, runs schemathesis, stops the server.
# Exits non-zero when schemathesis finds any failure. Called from .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."

port_free() { ! "${BIN:-.venv/bin}/python" -c "import socket,sys; s=socket.socket(); sys.exit(s.connect_ex(('127.0.0.1', int(sys.argv[1]))) != 0)" "$1"; }
PORT="${SCHEMATHESIS_PORT:-8765}"
# Another server on the port would answer instead of ours: take the next free one.
while ! port_free "$PORT"; do echo "port $PORT is busy, trying $((PORT + 1))"; PORT=$((PORT + 1)); done
MAX_EXAMPLES="${SCHEMATHESIS_MAX_EXAMPLES:-40}"
BIN="${BIN:-.venv/bin}"
HOME_DIR="$(mktemp -d)"
LOG="$HOME_DIR/serve.log"
export SILKWIRE_ENV=local SILKWIRE_HOME="$HOME_DIR" SILKWIRE_BASE_URL="http://127.0.0.1:$PORT"
unset SILKWIRE_DATABASE_URL SILKWIRE_CACHE_URL || true

SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$SERVER_PID" 2>/dev/null || true
  fi
  rm -rf "$HOME_DIR"
}
trap cleanup EXIT

echo "== schemathesis: demo site in $HOME_DIR"
"$BIN/silkwire" migrate --noinput >/dev/null
"$BIN/silkwire" collectstatic --noinput >/dev/null
"$BIN/silkwire" demo >/dev/null

"$BIN/silkwire" serve --port "$PORT" --host 127.0.0.1 --skip-setup --no-scheduler >"$LOG" 2>&1 &
SERVER_PID=$!
for _ in $(seq 100); do
  if "$BIN/python" - "$PORT" <<'PY' 2>/dev/null; then break; fi
import sys, urllib.request
urllib.request.urlopen(f"http://127.0.0.1:{sys.argv[1]}/api/v1/openapi.json", timeout=2)
PY
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then echo "server died:"; cat "$LOG"; exit 1; fi
  sleep 0.3
done

status=0
"$BIN/schemathesis" --config-file .ci/schemathesis.toml run "http://127.0.0.1:$PORT/api/v1/openapi.json" \
  --url "http://127.0.0.1:$PORT" \
  --max-examples "$MAX_EXAMPLES" \
  --seed 20260301 \
  --workers 2 \
  --request-timeout 20 || status=$?
if [ "$status" -ne 0 ]; then
  echo "== schemathesis failed (exit $status); server log:"
  tail -n 50 "$LOG"
fi
exit "$status"
