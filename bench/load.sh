#!/usr/bin/env bash
# Load bench: Silkwire (uncached and cached) against nginx serving the same article as a file.
#
#   bench/load.sh --home DIR [--database-url URL] [--duration 10] [--server granian|granian-asgi|gunicorn|uvicorn]
#                 [--workers 2] [--port 8100] [--out FILE] [--pages "home article …"]
#                 [--deadline SECONDS] [--prime-timeout SECONDS] [--no-uncached] [--keep-cache]
#
# The corpus must exist (bench/make_corpus.py). Targets only 127.0.0.1. Every wrk run is
# bounded by --duration (plus a hard `timeout`), and the whole script by --deadline.
# Prints a Markdown table (req/s, p50, p99 at 1 and 32 connections) and writes it to --out.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(dirname "$HERE")"
PY="${PY:-$ROOT/.venv/bin/python}"
SILKWIRE="${SILKWIRE:-$ROOT/.venv/bin/silkwire}"
HOME_DIR=""
DB_URL=""
DURATION=10
SERVER=granian
WORKERS=2
PORT=8100
NGINX_PORT=8180
OUT=""
DEADLINE=1800
PRIME_TIMEOUT=400
NO_UNCACHED=""
KEEP_CACHE=""
CONNS="1 32"
UNCACHEABLE="search"  # silkwire/search/views.py calls do_not_store(): never in the cache
PAGES="home article country country_topic feed search"

while [ $# -gt 0 ]; do
  case "$1" in
    --home) HOME_DIR="$2"; shift 2 ;;
    --database-url) DB_URL="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --server) SERVER="$2"; shift 2 ;;
    --workers) WORKERS="$2"; shift 2 ;;
    --port) PORT="$2"; shift 2 ;;
    --out) OUT="$2"; shift 2 ;;
    --deadline) DEADLINE="$2"; shift 2 ;;
    --pages) PAGES="$2"; shift 2 ;;
    --no-uncached) NO_UNCACHED=1; shift ;;
    --keep-cache) KEEP_CACHE=1; shift ;;
    --prime-timeout) PRIME_TIMEOUT="$2"; shift 2 ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

need() {
  if ! command -v "$1" >/dev/null 2>&1 && [ ! -x "$1" ]; then
    echo "error: '$1' is missing. $2" >&2
    exit 1
  fi
}
need wrk "Install Debian's wrk: sudo apt-get install -y wrk"
need nginx "Install Debian's nginx: sudo apt-get install -y nginx (it only serves a file on 127.0.0.1 here)"
need curl "Install curl: sudo apt-get install -y curl"
need "$PY" "Create the virtualenv first: python3 -m venv .venv && .venv/bin/pip install -e ."
[ -n "$HOME_DIR" ] || { echo "error: --home DIR (the SILKWIRE_HOME of the corpus) is required" >&2; exit 2; }

export SILKWIRE_HOME="$HOME_DIR" SILKWIRE_ENV=local DJANGO_SETTINGS_MODULE=silkwire.settings
export SILKWIRE_LOG_LEVEL=WARNING
[ -n "$DB_URL" ] && export SILKWIRE_DATABASE_URL="$DB_URL"
TMP="$(mktemp -d /tmp/silkwire-bench.XXXXXX)"
SERVER_PID=""
NGINX_PID=""
cleanup() {
  [ -n "$SERVER_PID" ] && kill -- "-$SERVER_PID" 2>/dev/null || true
  [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null || true
  sleep 0.5
  rm -rf "$TMP"
}
trap cleanup EXIT
( sleep "$DEADLINE"; echo "bench deadline of ${DEADLINE}s reached" >&2; kill -TERM $$ ) &
WATCHDOG=$!
trap 'cleanup; kill $WATCHDOG 2>/dev/null || true' EXIT

"$SILKWIRE" collectstatic --noinput -v0

# The URLs: the newest article, and listings that exist in any corpus.
ARTICLE="$("$PY" - <<'PY'
import django; django.setup()
from silkwire.news.models import ArticlePage
page = ArticlePage.objects.live().filter(url_path__startswith="/home/kazakhstan/").order_by("-first_published_at").first()
print(page.url)
PY
)"
N_ARTICLES="$("$PY" -c 'import django; django.setup(); from silkwire.news.models import ArticlePage; print(ArticlePage.objects.count())')"
declare -A URL=(
  [home]="/"
  [article]="$ARTICLE"
  [country]="/kazakhstan/"
  [country_topic]="/kazakhstan/economy/"
  [feed]="/feeds/all.rss"
  [search]="/search/?q=water+dam"
)

start_server() {  # $1 = 1 (page cache on) or 0
  local cache="$1"
  case "$SERVER" in
    granian)
      setsid env SILKWIRE_PAGECACHE="$cache" "$SILKWIRE" serve --skip-setup --no-scheduler \
        --host 127.0.0.1 --port "$PORT" --workers "$WORKERS" >"$TMP/server.log" 2>&1 &
      ;;
    granian-asgi)
      setsid env SILKWIRE_PAGECACHE="$cache" "$ROOT/.venv/bin/granian" --interface asgi --no-ws \
        --host 127.0.0.1 --port "$PORT" --workers "$WORKERS" silkwire.asgi:application >"$TMP/server.log" 2>&1 &
      ;;
    gunicorn)
      setsid env SILKWIRE_PAGECACHE="$cache" "$ROOT/.venv/bin/gunicorn" -w "$WORKERS" -k sync \
        -b "127.0.0.1:$PORT" --access-logfile /dev/null silkwire.wsgi:application >"$TMP/server.log" 2>&1 &
      ;;
    uvicorn)
      need "$ROOT/.venv/bin/uvicorn" "pip install 'uvicorn[standard]' into the venv to compare it"
      setsid env SILKWIRE_PAGECACHE="$cache" "$ROOT/.venv/bin/uvicorn" --workers "$WORKERS" \
        --loop uvloop --http httptools --no-access-log --host 127.0.0.1 --port "$PORT" \
        silkwire.asgi:application >"$TMP/server.log" 2>&1 &
      ;;
    *) echo "unknown server $SERVER" >&2; exit 2 ;;
  esac
  SERVER_PID=$!
  for _ in $(seq 1 100); do
    curl -fsS -o /dev/null "http://127.0.0.1:$PORT/" 2>/dev/null && return 0
    sleep 0.2
  done
  echo "error: the server did not answer on 127.0.0.1:$PORT; its log:" >&2
  cat "$TMP/server.log" >&2
  exit 1
}

stop_server() {  # TERM, then KILL: a worker busy with a minutes-long render must not hold us
  kill -- "-$SERVER_PID" 2>/dev/null || true
  for _ in $(seq 1 25); do
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.2
  done
  kill -9 -- "-$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=""
  sleep 1
}

app_rss_mb() {  # RSS of every process of the server's group except the serve parent
  ps -o pid=,rss=,args= --sid "$SERVER_PID" 2>/dev/null | awk '{s=s sprintf("%d ", $2/1024)} END {print s}'
}

# wrk → "req/s p50 p99"
# A wrk script that makes every request a distinct URL (?bench-miss=<thread>-<n>): each one
# misses the page cache and is rendered, compressed and stored, as after an invalidation.
cat >"$TMP/miss.lua" <<'LUA'
local threads = 0
function setup(thread) threads = threads + 1; thread:set("tid", threads) end
local n = 0
function request()
  n = n + 1
  local sep = string.find(wrk.path, "?", 1, true) and "&" or "?"
  return wrk.format(nil, wrk.path .. sep .. "bench-miss=" .. tostring(tid) .. "-" .. n)
end
LUA

measure() {  # $1 url, $2 connections, $3 optional wrk script
  local threads=2
  [ "$2" -lt 2 ] && threads=1
  timeout $((DURATION + 15)) wrk -t"$threads" -c"$2" -d"${DURATION}s" --latency ${3:+-s "$3"} "$1" >"$TMP/wrk.txt" 2>&1 || true
  awk '
    function ms(v) { if (v ~ /us$/) return v/1000; if (v ~ /ms$/) return v+0; if (v ~ /s$/) return v*1000; return v }
    /Requests\/sec/ {rps=$2}
    /^ +50%/ {p50=ms($2)}
    /^ +99%/ {p99=ms($2)}
    /Non-2xx/ {bad=$NF}
    END {printf "%.0f %.2f %.2f%s\n", rps, p50, p99, (bad ? " non2xx=" bad : "")}
  ' "$TMP/wrk.txt"
}

RESULTS="${OUT:-$TMP/results.md}"
{
  echo "| run | page | conns | req/s | p50 ms | p99 ms |"
  echo "|---|---|---|---|---|---|"
} >"$RESULTS"

row() { echo "| $1 | $2 | $3 | $4 | $5 | $6 |" >>"$RESULTS"; }

bench_pages() {  # $1 label, $2 optional wrk script
  for page in $PAGES; do
    for c in $CONNS; do
      read -r rps p50 p99 extra < <(measure "http://127.0.0.1:$PORT${URL[$page]}" "$c" "${2:-}")
      row "$1" "$page${extra:+ ($extra)}" "$c" "$rps" "$p50" "$p99"
      echo "$1 $page c=$c: $rps req/s p50 ${p50}ms p99 ${p99}ms $extra" >&2
    done
  done
}

echo "corpus: $N_ARTICLES articles; server: $SERVER, $WORKERS workers; wrk ${DURATION}s per run" >&2

# 1. Uncached: every request is rendered by Django (SILKWIRE_PAGECACHE=0). The server is
# restarted for each page: a page slower than the run would otherwise keep the workers
# busy with queued requests long after wrk has stopped, and spoil the next measurement.
RSS_UNCACHED=""
for page in $([ -z "$NO_UNCACHED" ] && echo "$PAGES"); do
  start_server 0
  PAGES_SAVED="$PAGES"; PAGES="$page"
  bench_pages "uncached"
  PAGES="$PAGES_SAVED"
  RSS_UNCACHED="$RSS_UNCACHED$page: $(app_rss_mb)"
  stop_server
done

# 2. Misses: the page cache is on, every request has a new URL, so every response is rendered
# by Django, compressed and stored; the fragments (docs/performance.md) are what is reused.
RSS_MISS=""
if [ -z "$NO_UNCACHED" ]; then
  "$SILKWIRE" pagecache clear --json >/dev/null
  for page in $PAGES; do
    [[ " $UNCACHEABLE " == *" $page "* ]] && continue
    start_server 1
    PAGES_SAVED="$PAGES"; PAGES="$page"
    curl -fsS --max-time "$PRIME_TIMEOUT" -o /dev/null "http://127.0.0.1:$PORT${URL[$page]}" || true
    bench_pages "miss (new URL each request)" "$TMP/miss.lua"
    PAGES="$PAGES_SAVED"
    RSS_MISS="$RSS_MISS$page: $(app_rss_mb)"
    stop_server
  done
fi

# 3. Cached: the cache is cleared, each page is requested once, then measured warm.
[ -z "$KEEP_CACHE" ] && "$SILKWIRE" pagecache clear --json >/dev/null
start_server 1
CACHED_PAGES=""
COLD_LABEL="cold (first request, cache cleared)"
[ -n "$KEEP_CACHE" ] && COLD_LABEL="first request (cache kept from an earlier run)"
for page in $PAGES; do
  if [[ " $UNCACHEABLE " == *" $page "* ]]; then
    row "cached" "$page: opts out of the page cache, see the uncached rows" "-" "-" "-" "-"
    continue
  fi
  t0=$(date +%s.%N)
  curl -fsS --max-time "$PRIME_TIMEOUT" -o /dev/null "http://127.0.0.1:$PORT${URL[$page]}" ||
    echo "warning: priming $page took over ${PRIME_TIMEOUT}s" >&2
  t1=$(date +%s.%N)
  row "$COLD_LABEL" "$page" 1 "-" "$(echo "($t1 - $t0) * 1000" | bc -l | xargs printf '%.1f')" "-"
  state="$(curl -sS --max-time 30 -o /dev/null -D - "http://127.0.0.1:$PORT${URL[$page]}" | tr -d '\r' | awk -F': ' 'tolower($1) == "x-silkwire-cache" {print $2}' || true)"
  if [ "$state" = "HIT" ]; then
    CACHED_PAGES="$CACHED_PAGES $page"
  else
    row "cached" "$page: not stored by the cache (${state:-no X-Silkwire-Cache header})" "-" "-" "-" "-"
  fi
done
curl -fsS --max-time 30 "http://127.0.0.1:$PORT${URL[article]}" -o "$TMP/article.html"
# Fresh workers for the measurement: nothing slow left in flight from the priming.
stop_server
start_server 1
PAGES_SAVED="$PAGES"; PAGES="$CACHED_PAGES"
bench_pages "cached"
PAGES="$PAGES_SAVED"
RSS_CACHED="$(app_rss_mb)"
stop_server

# 4. nginx serving the saved HTML of the same article: the physical limit on this machine.
mkdir -p "$TMP/nginx/html" "$TMP/nginx/logs"
cp "$TMP/article.html" "$TMP/nginx/html/article.html"
cat >"$TMP/nginx/nginx.conf" <<NGINX
worker_processes $WORKERS;
pid $TMP/nginx/nginx.pid;
error_log $TMP/nginx/logs/error.log;
daemon off;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  default_type text/html;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $TMP/nginx/html;
  }
}
NGINX
nginx -c "$TMP/nginx/nginx.conf" -p "$TMP/nginx" &
NGINX_PID=$!
sleep 1
for c in $CONNS; do
  read -r rps p50 p99 extra < <(measure "http://127.0.0.1:$NGINX_PORT/article.html" "$c")
  row "nginx static file" "article" "$c" "$rps" "$p50" "$p99"
  echo "nginx article c=$c: $rps req/s p50 ${p50}ms p99 ${p99}ms" >&2
  [ "$c" = 32 ] && NGINX_32="$rps"
done
kill "$NGINX_PID" 2>/dev/null || true
NGINX_PID=""

CACHED_32="$(awk -F'|' '$2 ~ /^ cached / && $3 ~ / article / && $4 ~ / 32 / {gsub(/ /, "", $5); print $5}' "$RESULTS")"
HOME_32="$(awk -F'|' '$2 ~ /^ cached / && $3 ~ / home / && $4 ~ / 32 / {gsub(/ /, "", $5); print $5}' "$RESULTS")"
{
  echo
  echo "- corpus: $N_ARTICLES articles ($(
    "$PY" -c 'import django; django.setup(); from django.db import connection; print(connection.vendor)'
  )); server: $SERVER, $WORKERS workers; wrk ${DURATION}s per run, 2 threads (1 at 1 connection)"
  echo "- article bytes: $(wc -c <"$TMP/article.html") (${URL[article]})"
  if [ -n "${NGINX_32:-}" ] && [ -n "$CACHED_32" ]; then
    echo "- **cached article ÷ nginx at 32 connections: $(echo "100 * $CACHED_32 / $NGINX_32" | bc -l | xargs printf '%.0f') %** ($CACHED_32 / $NGINX_32 req/s); home ÷ nginx: $(echo "100 * $HOME_32 / $NGINX_32" | bc -l | xargs printf '%.0f') %"
  fi
  echo "- app process RSS after the runs (MB, every process of the server group): uncached [$RSS_UNCACHED], miss [$RSS_MISS], cached [$RSS_CACHED]"
  echo "- machine: $(nproc) cores, $(awk '/model name/ {sub(/.*: /, ""); print; exit}' /proc/cpuinfo); $(uname -sr); $("$PY" --version); wrk $(wrk -v 2>&1 | head -1 | awk '{print $2}'); $(nginx -v 2>&1 | sed 's/.*: //')"
} >>"$RESULTS"
cat "$RESULTS"
exit 0
