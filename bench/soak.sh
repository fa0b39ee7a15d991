#!/usr/bin/env bash
# Soak: a steady load at a fraction of measured capacity for minutes, while the newsroom
# publishes an edit every few seconds and the rates are refreshed every minute.
#
#   bench/soak.sh [--home DIR] [--database-url URL] [--duration 600] [--fraction 80]
#                 [--workers 2] [--port 8100] [--every 5] [--out FILE]
#
# --home: a SILKWIRE_HOME holding a site (default: a new temporary one filled by `silkwire demo`).
# 1. serves the site with `silkwire serve --no-scheduler` (page cache on, as in production);
# 2. measures capacity: wrk, 16 connections, 15 s, over a mix of pages (home, an article, a
#    country, a country x topic, the rates page, the RSS feed, a search);
# 3. runs `hey` at --fraction % of that rate for --duration seconds, spread over the same pages,
#    while bench/soak_publisher.py publishes an edit every --every seconds (measuring the time
#    until the public URL shows it) and stores new rates every 60 s through the real CLI;
# 4. reports errors (non-2xx and connection errors), worker RSS at start and end, and
#    publish-to-visible p50/p99.
# Targets only 127.0.0.1; every load run is bounded by --duration and a hard `timeout`.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(dirname "$HERE")"
PY="${PY:-$ROOT/.venv/bin/python}"
SILKWIRE="${SILKWIRE:-$ROOT/.venv/bin/silkwire}"
HOME_DIR=""
DB_URL=""
DURATION=600
FRACTION=80
WORKERS=2
PORT=8100
EVERY=5
OUT=""

while [ $# -gt 0 ]; do
  case "$1" in
    --home) HOME_DIR="$2"; shift 2 ;;
    --database-url) DB_URL="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --fraction) FRACTION="$2"; shift 2 ;;
    --workers) WORKERS="$2"; shift 2 ;;
    --port) PORT="$2"; shift 2 ;;
    --every) EVERY="$2"; shift 2 ;;
    --out) OUT="$2"; shift 2 ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

for tool in wrk hey curl; do
  command -v "$tool" >/dev/null 2>&1 || { echo "error: $tool is missing: apt-get install -y $tool" >&2; exit 1; }
done
[ -x "$PY" ] || { echo "error: run \`make install\` first ($PY is missing)" >&2; exit 1; }

TMP="$(mktemp -d /tmp/silkwire-soak.XXXXXX)"
if [ -z "$HOME_DIR" ]; then
  HOME_DIR="$TMP/home"
  mkdir -p "$HOME_DIR"
fi
export SILKWIRE_HOME="$HOME_DIR" SILKWIRE_ENV=local DJANGO_SETTINGS_MODULE=silkwire.settings
export SILKWIRE_LOG_LEVEL=WARNING SILKWIRE_BASE_URL="http://127.0.0.1:$PORT"
# The load comes from one address (127.0.0.1): the per-client rate limits on search and the
# converter (docs/security.md) would answer most of it with 429, so they are off for the soak.
export SILKWIRE_RATELIMIT_SEARCH=0 SILKWIRE_RATELIMIT_CONVERTER=0
[ -n "$DB_URL" ] && export SILKWIRE_DATABASE_URL="$DB_URL"
SERVER_PID=""
cleanup() {
  [ -n "$SERVER_PID" ] && kill -- "-$SERVER_PID" 2>/dev/null || true
  sleep 0.5
  [ -n "$SERVER_PID" ] && kill -9 -- "-$SERVER_PID" 2>/dev/null || true
  [ -n "${KEEP_TMP:-}" ] || rm -rf "$TMP"
}
trap cleanup EXIT

"$SILKWIRE" migrate --noinput -v0
"$SILKWIRE" demo >/dev/null

ARTICLE="$("$PY" - <<'PY'
import django; django.setup()
from silkwire.news.models import ArticlePage
print(ArticlePage.objects.live().order_by("first_published_at").first().url)
PY
)"
PATHS=("/" "$ARTICLE" "/kazakhstan/" "/kazakhstan/economy/" "/rates/" "/feeds/all.rss" "/search/?q=water")

setsid "$SILKWIRE" serve --no-scheduler --host 127.0.0.1 --port "$PORT" --workers "$WORKERS" \
  >"$TMP/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 600); do
  curl -fsS -o /dev/null "http://127.0.0.1:$PORT/" 2>/dev/null && break
  sleep 0.2
done
curl -fsS -o /dev/null "http://127.0.0.1:$PORT/" || { cat "$TMP/server.log" >&2; exit 1; }
for p in "${PATHS[@]}"; do curl -fsS -o /dev/null "http://127.0.0.1:$PORT$p"; done

rss_mb() {  # RSS in MB of every process of the server's session, the serve parent included
  ps -o rss= --sid "$SERVER_PID" 2>/dev/null | awk '{printf "%d ", $1/1024}'
}

# Capacity over the mix: wrk cycles through the paths.
{
  echo "local paths = {"
  for p in "${PATHS[@]}"; do echo "  \"$p\","; done
  echo "}"
  echo 'local n = 0'
  echo 'function request() n = n + 1; return wrk.format(nil, paths[(n % #paths) + 1]) end'
} >"$TMP/mix.lua"
timeout 40 wrk -t2 -c16 -d15s -s "$TMP/mix.lua" "http://127.0.0.1:$PORT" >"$TMP/capacity.txt" 2>&1 || true
CAPACITY="$(awk '/Requests\/sec/ {printf "%d", $2}' "$TMP/capacity.txt")"
if grep -q "Non-2xx" "$TMP/capacity.txt"; then
  echo "error: the capacity run got non-2xx answers, so its rate is not a capacity:" >&2
  cat "$TMP/capacity.txt" >&2
  exit 1
fi
[ -n "$CAPACITY" ] && [ "$CAPACITY" -gt 0 ] || { cat "$TMP/capacity.txt" >&2; exit 1; }
TARGET=$((CAPACITY * FRACTION / 100))
PER_PATH_WORKERS=2
# hey's -q is per worker: spread the target over every path's workers.
QPS=$(( (TARGET + ${#PATHS[@]} * PER_PATH_WORKERS - 1) / (${#PATHS[@]} * PER_PATH_WORKERS) ))
RSS_START="$(rss_mb)"
echo "capacity $CAPACITY req/s over the mix; soak at $FRACTION % = $TARGET req/s for ${DURATION}s (rss: $RSS_START)" >&2

HEY_PIDS=()
i=0
for p in "${PATHS[@]}"; do
  timeout $((DURATION + 30)) hey -z "${DURATION}s" -c "$PER_PATH_WORKERS" -q "$QPS" -t 20 \
    "http://127.0.0.1:$PORT$p" >"$TMP/hey.$i.txt" 2>&1 &
  HEY_PIDS+=($!)
  i=$((i + 1))
done
PUBLISH_STATUS=0
timeout $((DURATION + 120)) "$PY" "$HERE/soak_publisher.py" --base "http://127.0.0.1:$PORT" \
  --duration "$DURATION" --every "$EVERY" --out "$TMP/publisher.json" >"$TMP/publisher.log" 2>&1 || PUBLISH_STATUS=$?
for pid in "${HEY_PIDS[@]}"; do wait "$pid" || true; done
RSS_END="$(rss_mb)"

# hey: requests, status codes and errors per path.
REQUESTS=0
BAD=0
ERRORS=0
ROWS=""
i=0
for p in "${PATHS[@]}"; do
  f="$TMP/hey.$i.txt"
  read -r n ok rps p50 p99 err < <(awk '
    /Requests\/sec:/ {rps=$2}
    /^  50% in/ {p50=$3*1000}
    /^  99% in/ {p99=$3*1000}
    /^  \[[0-9]+\]/ {gsub(/[\[\]]/, "", $1); n+=$2; if ($1 ~ /^2/) ok+=$2}
    /Error distribution:/ {inerr=1; next}
    inerr && /^  \[[0-9]+\]/ {err+=substr($1, 2, length($1)-2)}
    END {printf "%d %d %.1f %.1f %.1f %d\n", n, ok, rps, p50, p99, err}
  ' "$f")
  REQUESTS=$((REQUESTS + n)); BAD=$((BAD + n - ok)); ERRORS=$((ERRORS + err))
  ROWS="$ROWS| \`$p\` | $n | $((n - ok)) | $err | $rps | $p50 | $p99 |
"
  i=$((i + 1))
done

RESULT="$TMP/result.md"
{
  echo "| path | requests | non-2xx | errors | req/s | p50 ms | p99 ms |"
  echo "|---|---|---|---|---|---|---|"
  printf '%s' "$ROWS"
  echo
  echo "- capacity over the mix (wrk, 16 connections, 15 s): **$CAPACITY req/s**; soak at $FRACTION % = $TARGET req/s for ${DURATION}s; $WORKERS workers"
  echo "- **requests $REQUESTS, non-2xx $BAD, connection errors $ERRORS**"
  echo "- worker RSS MB (every process of the server; first is \`silkwire serve\`): start [$RSS_START], end [$RSS_END]"
  echo "- publisher (edit every ${EVERY}s, rates every 60 s; exit $PUBLISH_STATUS):"
  echo '```json'
  cat "$TMP/publisher.json" 2>/dev/null || tail -20 "$TMP/publisher.log"
  echo
  echo '```'
  echo "- database: $("$PY" -c 'import django; django.setup(); from django.db import connection; print(connection.vendor)'); machine: $(nproc) cores, $(awk '/model name/ {sub(/.*: /, ""); print; exit}' /proc/cpuinfo); load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
} >"$RESULT"
cat "$RESULT"
[ -n "$OUT" ] && cp "$RESULT" "$OUT"
[ "$BAD" -eq 0 ] && [ "$ERRORS" -eq 0 ] && [ "$PUBLISH_STATUS" -eq 0 ]
