#!/usr/bin/env bash
# Load-tests the reader API on a seeded corpus and writes bench/RESULTS.md. See bench/README.md.
#
#   bench/run.sh [--articles 100000] [--connection "Host=…;Database=…"] [--duration 10s] [--connections 32]
#                [--threads 2] [--runs 3] [--seed 42] [--warmup 5s] [--data-dir bench/.data] [--output bench/RESULTS.md]
#                [--api-url http://host:port]   (measure an API already running on that database instead of starting one)
#                [--scale-out | --scale-out-only]   (also, or only, the scale-out scenario of bench/scaleout.sh: a streaming
#                                                    standby, two API instances and Varnish; its section of the report)
#
# Nothing is left running when it ends or is interrupted: the API it started is stopped, and so is the local
# PostgreSQL cluster if this script started it (one found running is left as it was).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ARTICLES=100000 CONNECTION="" DURATION=10s CONNECTIONS=32 THREADS=2 RUNS=3 SEED=42 WARMUP=5s
DATA_DIR="$ROOT/bench/.data" OUTPUT="$ROOT/bench/RESULTS.md" API_URL="" SCALE_OUT=0 SINGLE=1
while [ $# -gt 0 ]; do
    case "$1" in
        --articles) ARTICLES="$2"; shift 2 ;;
        --connection) CONNECTION="$2"; shift 2 ;;
        --duration) DURATION="$2"; shift 2 ;;
        --connections) CONNECTIONS="$2"; shift 2 ;;
        --threads) THREADS="$2"; shift 2 ;;
        --runs) RUNS="$2"; shift 2 ;;
        --seed) SEED="$2"; shift 2 ;;
        --warmup) WARMUP="$2"; shift 2 ;;
        --data-dir) DATA_DIR="$(realpath -m "$2")"; shift 2 ;;
        --output) OUTPUT="$(realpath -m "$2")"; shift 2 ;;
        --api-url) API_URL="${2%/}"; shift 2 ;;
        --scale-out) SCALE_OUT=1; shift ;;
        --scale-out-only) SCALE_OUT=1; SINGLE=0; shift ;;
        -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
        *) echo "Unknown option: $1 (see --help)" >&2; exit 64 ;;
    esac
done

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
RAW="$ROOT/bench/results-raw/$STAMP"
mkdir -p "$RAW"
BENCH_DLL="$ROOT/bench/Newsroom.Bench/bin/Release/net10.0/Newsroom.Bench.dll"
API_DLL="$ROOT/src/Newsroom.Api/bin/Release/net10.0/Newsroom.Api.dll"
bench() { dotnet "$BENCH_DLL" "$@"; }
log() { if [ -t 2 ]; then printf '\033[1m== %s\033[0m\n' "$*" >&2; else printf '== %s\n' "$*" >&2; fi; }

# ---------------------------------------------------------------- clean-up, whatever happens
API_PID="" LOAD_PID="" STARTED_CLUSTER=0 SCALE_OUT_PIDS=() STANDBY_STARTED=0 STANDBY_DIR="" VARNISH_DIR=""
exec {ORIGINAL_OUT}>&1 {ORIGINAL_ERR}>&2
cleanup() {
    local status=$?
    trap - EXIT INT TERM
    # Nothing may stop the clean-up half-way: not a failing command, nor a pipe (| tee) whose reader Ctrl-C killed.
    set +e
    trap '' PIPE
    # A signal may arrive inside a redirected block: speak to the terminal, not into a results file.
    exec 1>&"$ORIGINAL_OUT" 2>&"$ORIGINAL_ERR"
    if [ -n "$LOAD_PID" ] && kill -0 "$LOAD_PID" 2>/dev/null; then
        kill -TERM "$LOAD_PID" 2>/dev/null || true
        wait "$LOAD_PID" 2>/dev/null || true
    fi
    if [ -n "$API_PID" ] && kill -0 "$API_PID" 2>/dev/null; then
        log "Stopping the API (pid $API_PID)"
        kill -TERM "$API_PID" 2>/dev/null || true
        for _ in $(seq 1 150); do kill -0 "$API_PID" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$API_PID" 2>/dev/null || true
        wait "$API_PID" 2>/dev/null || true
    fi
    for pid in "${SCALE_OUT_PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    for pid in "${SCALE_OUT_PIDS[@]}"; do
        for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    [ -z "$VARNISH_DIR" ] || rm -rf "$VARNISH_DIR"
    if [ "$STANDBY_STARTED" = 1 ]; then
        log "Stopping the standby"
        as_postgres "$PGBIN/pg_ctl" -D "$STANDBY_DIR" -m fast -w stop >/dev/null 2>&1
    fi
    if [ "$STARTED_CLUSTER" = 1 ]; then
        log "Stopping the PostgreSQL cluster this run started"
        bench cluster stop --data-dir "$DATA_DIR" >/dev/null 2>&1
    fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Runs a command in the background, its output to a file, and waits for it, so that a signal interrupts the wait
# at once (bash runs traps only between commands, and would otherwise wait for wrk to finish first).
run_load() {
    local output="$1"
    shift
    "$@" >"$output" 2>&1 &
    LOAD_PID=$!
    local status=0
    wait "$LOAD_PID" || status=$?
    LOAD_PID=""
    return "$status"
}

# ---------------------------------------------------------------- tools
pg_bindir() {
    local dir
    if command -v pg_config >/dev/null 2>&1 && dir="$(pg_config --bindir 2>/dev/null)" && [ -x "$dir/pgbench" ]; then echo "$dir"; return; fi
    for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do [ -x "$dir/pgbench" ] && { echo "$dir"; return; }; done
    command -v pgbench >/dev/null 2>&1 && dirname "$(command -v pgbench)"
}
missing=()
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
command -v jq >/dev/null 2>&1 || missing+=(jq)
command -v curl >/dev/null 2>&1 || missing+=(curl)
# Debian ships pgbench with the server package, which the embedded cluster needs anyway.
[ -n "$(pg_bindir)" ] || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
    log "Installing ${missing[*]} (Debian packages)"
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" </dev/null >/dev/null
fi
PGBIN="$(pg_bindir)"
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
. "$ROOT/bench/report-lib.sh"

# ---------------------------------------------------------------- build, database, seed
log "Building the API and the bench tool (Release)"
[ -n "$API_URL" ] && [ "$SCALE_OUT" = 0 ] || dotnet build -c Release "$ROOT/src/Newsroom.Api/Newsroom.Api.csproj" -nologo -v q -clp:ErrorsOnly >/dev/null
dotnet build -c Release "$ROOT/bench/Newsroom.Bench/Newsroom.Bench.csproj" -nologo -v q -clp:ErrorsOnly >/dev/null

if [ -z "$CONNECTION" ]; then
    DB_KIND="the bench's own local cluster in ${DATA_DIR#"$ROOT"/}, unix socket"
    if [ "$(bench cluster status --data-dir "$DATA_DIR" || true)" != running ]; then STARTED_CLUSTER=1; fi
    CONNECTION="$(bench cluster start --data-dir "$DATA_DIR")"
    log "Seeding $ARTICLES articles if needed (local cluster in $DATA_DIR)"
    bench seed --articles "$ARTICLES" --seed "$SEED" --data-dir "$DATA_DIR"
else
    DB_KIND="the given connection"
    log "Seeding $ARTICLES articles if needed (given connection)"
    bench seed --articles "$ARTICLES" --seed "$SEED" --data-dir "$DATA_DIR" --connection "$CONNECTION"
fi
eval "$(bench libpq-env --connection "$CONNECTION")"
export PGHOST PGPORT PGDATABASE PGSSLMODE; export PGUSER="${PGUSER:-}" PGPASSWORD="${PGPASSWORD:-}"
[ -n "$PGUSER" ] || unset PGUSER; [ -n "$PGPASSWORD" ] || unset PGPASSWORD
SEEDED="$("$PGBIN/psql" -XtAc 'SELECT articles FROM bench.seed_info')"
DB_KIND="$DB_KIND: shared_buffers=$("$PGBIN/psql" -XtAc 'SHOW shared_buffers')"

# ---------------------------------------------------------------- the API
free_port() {
    local port
    for _ in $(seq 1 100); do
        port=$((20000 + RANDOM % 40000))
        (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
    done
    echo "No free port found" >&2; return 1
}
# An admin for the "while an editor saves drafts" scenario (and the scale-out's publishes), created by the API's
# bootstrap on the first run against this database; its password is generated once and kept beside the data.
EDITOR_EMAIL="bench-admin@newsroom.test"
EDITOR_PASSWORD_FILE="$DATA_DIR/bench-admin-password"
[ -s "$EDITOR_PASSWORD_FILE" ] || { mkdir -p "$DATA_DIR"; head -c 24 /dev/urandom | base64 -w0 >"$EDITOR_PASSWORD_FILE"; }
if [ "$SINGLE" = 0 ]; then
    log "Only the scale-out scenario (--scale-out-only)"
elif [ -n "$API_URL" ]; then
    BASE="$API_URL"
    log "Using the API already running at $BASE (not started nor stopped here)"
else
    PORT="$(free_port)"
    BASE="http://127.0.0.1:$PORT"
    log "Starting the API on $BASE (Production)"
    # wrk comes from one address: the anonymous search limit per address (issue 6) would answer 429 to nearly
    # everything, and the editor's draft saves (5 a second) exceed the per-account write limit (issue 20). Both are
    # raised, not removed, so the limiters' own cost is still measured. In Production the API answers only for its
    # public base URL's host (issue 20): AllowedHosts names the address wrk calls instead. The search vocabulary's
    # periodic refresh (every 5 min, seconds of CPU at 100k) would land in one random scenario: the seeder has just
    # refreshed it, so it is put off for the run. It runs from its own folder, as in the Docker image, so that it
    # reads its appsettings.json (without it, every SQL command was logged at Information level).
    ConnectionStrings__Newsroom="$CONNECTION" ASPNETCORE_ENVIRONMENT=Production \
        Newsroom__Jwt__SigningKey="$(head -c 48 /dev/urandom | base64 -w0)" Newsroom__SeedDemoContent=false \
        Newsroom__Bootstrap__AdminEmail="$EDITOR_EMAIL" Newsroom__Bootstrap__AdminPassword="$(cat "$EDITOR_PASSWORD_FILE")" \
        Newsroom__RateLimits__SearchRequestsPerMinute=100000000 Newsroom__RateLimits__WritesPerMinute=100000000 \
        AllowedHosts=127.0.0.1 \
        Newsroom__Search__VocabularyRefreshSeconds=86400 \
        bash -c 'cd "$(dirname "$1")" && exec dotnet "$1" --urls "$2"' api "$API_DLL" "$BASE" >"$RAW/api.log" 2>&1 &
    API_PID=$!
fi
for i in $(seq 1 600); do
    [ "$SINGLE" = 1 ] || break
    if [ -n "$API_PID" ] && ! kill -0 "$API_PID" 2>/dev/null; then echo "The API exited; its log:" >&2; tail -40 "$RAW/api.log" >&2; exit 1; fi
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/health/ready" || true)" = 200 ] && break
    [ "$i" = 600 ] && { echo "The API was not ready after 60 s" >&2; tail -40 "$RAW/api.log" >&2 || true; exit 1; }
    sleep 0.1
done

if [ "$SINGLE" = 1 ]; then
    . "$ROOT/bench/scenarios.sh"
fi
if [ "$SCALE_OUT" = 1 ]; then
    # The single instance is stopped first: the scale-out's processes get the cores to themselves.
    if [ -n "$API_PID" ]; then
        kill -TERM "$API_PID" 2>/dev/null || true
        wait "$API_PID" 2>/dev/null || true
        API_PID=""
    fi
    . "$ROOT/bench/scaleout.sh"
    # Its section replaces the previous one in the report (or is appended), so --scale-out-only keeps the rest.
    touch "$OUTPUT"
    SECTION="$SCALE_OUT_REPORT" awk '
        /^<!-- scale-out -->$/ { skipping = 1; next }
        /^<!-- \/scale-out -->$/ { skipping = 0; next }
        !skipping { print }
        END { print ""; print "<!-- scale-out -->"; print ENVIRON["SECTION"]; print "<!-- /scale-out -->" }
    ' "$OUTPUT" | cat -s >"$OUTPUT.new" && mv "$OUTPUT.new" "$OUTPUT"
    echo "$SCALE_OUT_REPORT"
    log "Scale-out section written to $OUTPUT"
fi
