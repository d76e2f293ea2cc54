#!/usr/bin/env bash
# Web pages under load: the published Release server on 127.0.0.1, logging at Warning, over a generated store,
# driven by wrk (2 threads, 32 connections) page by page, each page next to a static file of exactly its size
# served by the same Kestrel. Prints a Markdown table for docs/benchmarks.md, then search p95, the server's peak
# RSS, the time from start to the first 200, and the importer's articles per second.
#
# Usage: bash bench/run.sh [--provider sqlite|postgres] [--scale F] [--seed N] [--duration 10s] [--port P]
#   --scale 1 is the full synthetic store of `attribution generate` (about 1M statements); --scale 0 skips
#   generation and measures the small store that first-start seeding makes.
#
# A benchmark, not a test: nothing here passes or fails on timings. wrk and the server share the machine's cores,
# so compare the ratio to the static file within one run rather than absolute numbers across machines.
# Generated stores are kept in bench/.data/ (git-ignored), one per provider, scale and seed.
set -euo pipefail

provider=sqlite scale=1 seed=1 duration=10s port=5399 articles_copies=20
while [[ $# -gt 0 ]]; do
  case "$1" in
    --provider) provider="$2"; shift 2 ;;
    --scale) scale="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    --import-copies) articles_copies="$2"; shift 2 ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "bench/run.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
case "$provider" in sqlite|postgres) ;; *) echo "bench/run.sh: --provider is sqlite or postgres" >&2; exit 2 ;; esac
for tool in wrk curl dotnet; do
  command -v "$tool" >/dev/null || { echo "bench/run.sh: $tool is not installed (apt-get install -y wrk curl)" >&2; exit 2; }
done

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bench="$root/bench"
work="$bench/.data"
mkdir -p "$work"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
base="http://127.0.0.1:$port"
pg_base="${ATTRIBUTION_BENCH_POSTGRES:-Host=127.0.0.1;Port=5432;Username=attribution;Password=attribution}"
key="$provider-scale$scale-seed$seed"

echo "# bench/run.sh --provider $provider --scale $scale --seed $seed --duration $duration"
echo "machine: $(nproc) processors, $(grep -m1 '^model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), .NET SDK $(dotnet --version)"
echo "code: $(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet || echo ' (with uncommitted changes)')"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

# --- 1. Publish once (Release) ------------------------------------------------------------------------------------
echo "publishing Release builds..." >&2
# ReadyToRun, as docs/deployment in README.md recommends: precompiled code starts without waiting for the JIT.
publish=(-c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true --nologo -v quiet)
dotnet publish "$root/src/AttributionTracker.Web" "${publish[@]}" -o "$work/publish/web" >&2
dotnet publish "$root/src/AttributionTracker.Cli" "${publish[@]}" -o "$work/publish/cli" >&2
cli() { "$work/publish/cli/attribution" "$@"; }

# --- 2. The store: generated once per provider/scale/seed, then reused ---------------------------------------------
store_env=()
if [[ "$provider" == sqlite ]]; then
  folder="$work/stores/$key"
  store_env=("Database__Provider=Sqlite" "Database__DataFolder=$folder")
  sql() { sqlite3 -batch -noheader "$folder/attribution.db" "$1"; }
  if [[ ! -f "$folder/.complete" ]]; then
    rm -rf "$folder"; mkdir -p "$folder"
    echo "generating the store ($key)..." >&2
    start=$(date +%s.%N)
    [[ "$scale" == 0 ]] || env "${store_env[@]}" "$work/publish/cli/attribution" generate --scale "$scale" --seed "$seed" >&2 </dev/null
    echo "generated in $(echo "$(date +%s.%N) - $start" | bc) s" >&2
    touch "$folder/.complete"
  fi
else
  database="attribution_bench_$(echo "$key" | tr -c 'a-z0-9\n' '_')"
  connection="$pg_base;Database=$database"
  store_env=("Database__Provider=Postgres" "Database__ConnectionString=$connection")
  psql_url() { PGPASSWORD=attribution psql -h 127.0.0.1 -U attribution -d "$1" -At -v ON_ERROR_STOP=1 -c "$2"; }
  sql() { psql_url "$database" "$(echo "$1" | sed -E 's/\b(Actors|Incidents|Sources|Statements|Slug|Id|AccusedActorId|IncidentId|SourceId|Name|Kind|AccusedStateCode)\b/"\1"/g')"; }
  marker="$work/stores/$key.complete"
  if [[ ! -f "$marker" ]] || ! psql_url postgres "SELECT 1 FROM pg_database WHERE datname = '$database'" | grep -q 1; then
    psql_url postgres "DROP DATABASE IF EXISTS $database" >/dev/null
    mkdir -p "$work/stores"
    echo "generating the store ($key)..." >&2
    start=$(date +%s.%N)
    [[ "$scale" == 0 ]] || env "${store_env[@]}" "$work/publish/cli/attribution" generate --scale "$scale" --seed "$seed" >&2 </dev/null
    echo "generated in $(echo "$(date +%s.%N) - $start" | bc) s" >&2
    touch "$marker"
  fi
fi

# A store made by older code is upgraded first (a new index over a million rows takes a while): the start below is
# an ordinary restart, as after a deploy that ran its migrations.
env "${store_env[@]}" "$work/publish/cli/attribution" init >&2 </dev/null

# --- 3. Start the published server and time the first 200 ----------------------------------------------------------
static="$work/static-$key"
rm -rf "$static"; mkdir -p "$static"
logs="$work/logs-$key"; mkdir -p "$logs"
cd "$work/publish/web"
start=$(date +%s.%N)
env "${store_env[@]}" \
  Urls="$base" ASPNETCORE_ENVIRONMENT=Production \
  Logging__Folder="$logs" \
  Serilog__MinimumLevel__Default=Warning \
  "Serilog__MinimumLevel__Override__Microsoft.Hosting.Lifetime=Warning" \
  "Serilog__MinimumLevel__Override__Microsoft.AspNetCore=Warning" \
  Bench__StaticFolder="$static" \
  ./AttributionTracker.Web >"$logs/server.out" 2>&1 &
server=$!
cd "$root"
trap 'kill $server 2>/dev/null || true' EXIT
first=""
for _ in $(seq 1 1200); do
  if [[ "$(curl -s -o /dev/null -w '%{http_code}' "$base/" || true)" == 200 ]]; then
    first=$(echo "$(date +%s.%N) - $start" | bc); break
  fi
  kill -0 $server 2>/dev/null || { echo "bench/run.sh: the server stopped; see $logs/server.out" >&2; tail -20 "$logs/server.out" >&2; exit 1; }
  sleep 0.05
done
[[ -n "$first" ]] || { echo "bench/run.sh: no 200 from $base/ within 60 s" >&2; exit 1; }
# The first answer may come before the home page's matrix is counted (Home:MatrixWait); this is when it is there.
complete=""
for _ in $(seq 1 1200); do
  if ! curl -s "$base/" | grep -q 'matrix-pending'; then complete=$(echo "$(date +%s.%N) - $start" | bc); break; fi
  sleep 0.05
done

echo "statements in the store: $(sql 'SELECT COUNT(*) FROM Statements')"

# --- 4. Real addresses from the store -------------------------------------------------------------------------------
actor=$(sql "SELECT a.Slug FROM Actors a JOIN Statements s ON s.AccusedActorId = a.Id GROUP BY a.Id, a.Slug ORDER BY COUNT(*) DESC LIMIT 1")
actor_name=$(sql "SELECT Name FROM Actors WHERE Slug = '$actor'")
incident=$(sql "SELECT i.Slug FROM Incidents i JOIN Statements s ON s.IncidentId = i.Id GROUP BY i.Id, i.Slug ORDER BY COUNT(*) DESC LIMIT 1")
source_id=$(sql "SELECT SourceId FROM Statements WHERE SourceId IS NOT NULL GROUP BY SourceId ORDER BY COUNT(*) DESC LIMIT 1")
accused=$(sql "SELECT AccusedStateCode FROM Statements WHERE AccusedStateCode IS NOT NULL GROUP BY AccusedStateCode ORDER BY COUNT(*) DESC LIMIT 1")
search_term=$(echo "$actor_name" | tr -c 'A-Za-z0-9\n' ' ' | awk '{print $1}')
accused_lower=$(echo "$accused" | tr 'A-Z' 'a-z')
pages=(
  "home|/"
  "incident list, filtered|/incidents?accused=$accused&conf=6&confmode=atleast"
  "incident page|/incidents/$incident"
  "heavy actor page|/actors/$actor"
  "heavy actor page, page 2|/actors/$actor?p=2"
  "source page|/sources/$source_id"
  "search|/search?q=$search_term"
)

# --- 5. wrk, page by page, each against a static file of its exact size --------------------------------------------
run_wrk() { wrk -t2 -c32 -d"$duration" --latency -s "$bench/wrk-report.lua" "$1" | grep '^BENCH' | sed 's/^BENCH //'; }
field() { echo "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"; }
ms() { awk -v us="$1" 'BEGIN { printf "%.1f", us / 1000 }'; }

echo "first 200 after start: ${first} s; the home page with its matrix after: ${complete:-more than 60} s"
results=()
for entry in "${pages[@]}"; do
  name="${entry%%|*}"; path="${entry#*|}"
  file="$static/$(echo "$name" | tr -c 'a-z0-9\n' '-').html"
  # An unknown query value the page ignores makes an address nothing has cached: its time is the page's own cost.
  cold=$(curl -s -o /dev/null -w '%{time_total}' "$base$path$([[ "$path" == *\?* ]] && echo '&' || echo '?')bench-uncached=1")
  status=$(curl -s -o "$file" -w '%{http_code}' "$base$path")
  if [[ "$status" != 200 ]]; then echo "bench/run.sh: $path answered $status" >&2; exit 1; fi
  bytes=$(stat -c %s "$file")
  # A second of warm-up, not counted, before each measured run: the JIT's later tiers and, on PostgreSQL, the
  # connections the first requests open would otherwise land in the first page's figures only.
  wrk -t2 -c32 -d1s "$base$path" >/dev/null
  page=$(run_wrk "$base$path")
  wrk -t2 -c32 -d1s "$base/bench-static/$(basename "$file")" >/dev/null
  copy=$(run_wrk "$base/bench-static/$(basename "$file")")
  results+=("$name|$path|$bytes|$cold|$page|$copy")
done
rss=$(awk '/VmHWM/ { print $2 }' "/proc/$server/status")
kill $server; wait $server 2>/dev/null || true
trap - EXIT

echo
echo "| page | address | bytes | first render ms | requests/s | p50 ms | p95 ms | p99 ms | static file requests/s | ratio | errors |"
echo "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|"
for r in "${results[@]}"; do
  IFS='|' read -r name path bytes cold page copy <<<"$r"
  rps=$(field "$page" rps); srps=$(field "$copy" rps)
  errors=$(( $(field "$page" non2xx) + $(field "$page" socket_errors) ))
  printf '| %s | `%s` | %s | %.0f | %.0f | %s | %s | %s | %.0f | %.2f | %s |\n' "$name" "$path" "$bytes" \
    "$(awk -v s="$cold" 'BEGIN { print s * 1000 }')" "$rps" \
    "$(ms "$(field "$page" p50)")" "$(ms "$(field "$page" p95)")" "$(ms "$(field "$page" p99)")" "$srps" \
    "$(awk -v a="$rps" -v b="$srps" 'BEGIN { print (b > 0 ? a / b : 0) }')" "$errors"
done
echo
for r in "${results[@]}"; do
  IFS='|' read -r name path bytes cold page copy <<<"$r"
  [[ "$name" == search ]] && echo "search p95: $(ms "$(field "$page" p95)") ms"
done
echo "server peak RSS (VmHWM): $(awk -v kb="$rss" 'BEGIN { printf "%.0f", kb / 1024 }') MB"
echo "first 200 after start: ${first} s; the home page with its matrix after: ${complete:-more than 60} s"

# --- 6. The importer: articles per second into a fresh store --------------------------------------------------------
articles="$work/import-articles"
rm -rf "$articles"; mkdir -p "$articles"
for n in $(seq 1 "$articles_copies"); do
  for f in "$root"/tests/corpus/*.txt; do
    # A distinct last paragraph makes each copy a new article (the importer skips an article it already holds).
    { cat "$f"; printf '\n\nArchive copy %d of this article.\n' "$n"; } >"$articles/$(basename "$f" .txt)_$n.txt"
  done
done
count=$(ls "$articles" | wc -l)
import_store="$work/import-store"
rm -rf "$import_store"; mkdir -p "$import_store"
if [[ "$provider" == sqlite ]]; then
  import_env=("Database__Provider=Sqlite" "Database__DataFolder=$import_store")
else
  psql_url postgres "DROP DATABASE IF EXISTS attribution_bench_import" >/dev/null
  import_env=("Database__Provider=Postgres" "Database__ConnectionString=$pg_base;Database=attribution_bench_import")
fi
env "${import_env[@]}" "$work/publish/cli/attribution" init >/dev/null
start=$(date +%s.%N)
env "${import_env[@]}" "$work/publish/cli/attribution" import "$articles" >/dev/null
took=$(echo "$(date +%s.%N) - $start" | bc)
echo "importer: $count articles in $took s = $(awk -v n="$count" -v t="$took" 'BEGIN { printf "%.1f", n / t }') articles/s (cli import into a fresh store, whole process)"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
