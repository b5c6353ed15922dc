#!/usr/bin/env bash
# Fault drills against a Release build on the benchmark's corpus, under writes and reads at 32 connections
# (bench/drills/load.mjs). See bench/README.md. Three drills, one after the other:
#   1. kill -9 of the embedded PostgreSQL's postmaster (the API on its embedded default, which restarts it);
#   2. an external cluster stopped for 10 s (the API on a connection string; the script stops and starts the
#      cluster with pg_ctl, through the bench tool's `cluster stop|start`);
#   3. SIGTERM of the API under load (requests in flight must finish).
# Per drill it prints: acknowledged writes, lost writes (acknowledged but missing afterwards, checked in the
# database), seconds to recover, 5xx by status, and reads served while the database was away (cached pages).
#
#   bench/drills.sh [--articles 100000] [--connections 32] [--writers 8] [--before 10] [--data-dir bench/.data-drills]
#                   [--drills kill9,external,sigterm]   (a subset, in that order)
#   DRILL_ARTICLES=2000 bench/drills.sh          # a quick run on a small corpus
#
# Nothing is left running when it ends or is interrupted.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ARTICLES="${DRILL_ARTICLES:-100000}" CONNECTIONS=32 WRITERS=8 BEFORE=10 DATA_DIR="$ROOT/bench/.data-drills" DRILLS="kill9,external,sigterm"
while [ $# -gt 0 ]; do
    case "$1" in
        --articles) ARTICLES="$2"; shift 2 ;;
        --connections) CONNECTIONS="$2"; shift 2 ;;
        --writers) WRITERS="$2"; shift 2 ;;
        --before) BEFORE="$2"; shift 2 ;;
        --drills) DRILLS="$2"; shift 2 ;;
        --data-dir) DATA_DIR="$(realpath -m "$2")"; shift 2 ;;
        -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
        *) echo "Unknown option: $1 (see --help)" >&2; exit 64 ;;
    esac
done

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# The API's embedded default keeps its cluster in <data folder>/postgres: the drills' cluster lives there, so that
# the embedded API of drill 1 and the bench tool's cluster commands of drill 2 work on the same seeded database.
CLUSTER_DIR="$DATA_DIR/postgres"
RAW="$ROOT/bench/results-raw/drills-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$RAW"
BENCH_DLL="$ROOT/bench/Newsroom.Bench/bin/Release/net10.0/Newsroom.Bench.dll"
API_DLL="$ROOT/src/Newsroom.Api/bin/Release/net10.0/Newsroom.Api.dll"
bench() { dotnet "$BENCH_DLL" "$@"; }
log() { printf '== %s\n' "$*" >&2; }

API_PID=""
cleanup() {
    local status=$?
    trap - EXIT INT TERM
    set +e
    stop_api
    bench cluster stop --data-dir "$CLUSTER_DIR" >/dev/null 2>&1
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

for tool in node jq curl; do command -v "$tool" >/dev/null || { echo "$tool is needed" >&2; exit 1; }; done

log "Building the API and the bench tool (Release)"
dotnet build -c Release "$ROOT/src/Newsroom.Api/Newsroom.Api.csproj" -nologo -v q -clp:ErrorsOnly >/dev/null
dotnet build -c Release "$ROOT/bench/Newsroom.Bench/Newsroom.Bench.csproj" -nologo -v q -clp:ErrorsOnly >/dev/null

# The embedded default's database is "newsroom" (the bench tool's own is newsroom_bench): seed that one.
CONNECTION="$(bench cluster start --data-dir "$CLUSTER_DIR" | sed 's/Database=newsroom_bench/Database=newsroom/')"
log "Seeding $ARTICLES articles if needed"
bench seed --articles "$ARTICLES" --connection "$CONNECTION" --data-dir "$DATA_DIR" >"$RAW/seed.log"
eval "$(bench libpq-env --connection "$CONNECTION")"
export PGHOST PGPORT PGDATABASE PGSSLMODE PGUSER
[ -n "$PGUSER" ] || unset PGUSER
PSQL="$(command -v psql || ls /usr/lib/postgresql/*/bin/psql | sort -V | tail -1)"
# Drills measure a server in its steady state: without a checkpoint, crash recovery in drill 1 would first replay the
# seed's bulk load (700 MB of WAL at 100k articles, 6 s of redo) rather than the few minutes of writes a server
# carries between its own checkpoints.
"$PSQL" -XqAc 'CHECKPOINT'
shuf -n 200 --random-source=<(yes) "$DATA_DIR/slugs.txt" | sed 's|^|/api/v1/articles/|' >"$RAW/hot.txt"
# The API's bootstrap creates this admin on the first run against the database; its password is kept beside the data.
ADMIN_EMAIL="drills-admin@newsroom.test" ADMIN_PASSWORD_FILE="$DATA_DIR/drills-admin-password"
[ -s "$ADMIN_PASSWORD_FILE" ] || echo "Drills-$(head -c 12 /dev/urandom | base64 -w0 | tr -d '/+=')-9" >"$ADMIN_PASSWORD_FILE"
ADMIN_PASSWORD="$(cat "$ADMIN_PASSWORD_FILE")"
PORT=$((20000 + RANDOM % 40000)) BASE=""

# Starts the API in Production; with "embedded", on its embedded default (no connection string).
start_api() {
    local database="$CONNECTION"
    [ "$1" = embedded ] && database=""
    BASE="http://127.0.0.1:$PORT"
    ConnectionStrings__Newsroom="$database" ASPNETCORE_ENVIRONMENT=Production Newsroom__DataDirectory="$DATA_DIR" \
        Newsroom__Jwt__SigningKey="$(head -c 48 /dev/urandom | base64 -w0)" Newsroom__SeedDemoContent=false \
        Newsroom__Bootstrap__AdminEmail="$ADMIN_EMAIL" Newsroom__Bootstrap__AdminPassword="$ADMIN_PASSWORD" \
        Newsroom__RateLimits__WritesPerMinute=100000000 Newsroom__RateLimits__TokenRequestsPerMinute=1000 \
        AllowedHosts=127.0.0.1 \
        bash -c 'cd "$(dirname "$1")" && exec dotnet "$1" --urls "$2"' api "$API_DLL" "$BASE" >>"$RAW/api-$1.log" 2>&1 &
    API_PID=$!
    for _ in $(seq 1 600); do
        kill -0 "$API_PID" 2>/dev/null || { tail -20 "$RAW/api-$1.log" >&2; exit 1; }
        [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/health/ready" || true)" = 200 ] && return
        sleep 0.1
    done
    echo "The API was not ready after 60 s" >&2; exit 1
}

stop_api() {
    [ -n "$API_PID" ] && kill -0 "$API_PID" 2>/dev/null || { API_PID=""; return 0; }
    kill -TERM "$API_PID"
    wait "$API_PID" 2>/dev/null || true
    API_PID=""
}

# Runs one drill: load.mjs with the fault, then counts the acknowledged drafts missing from the database.
drill() {
    local name="$1"; shift
    local token author section
    token="$(curl -s -X POST -H 'Content-Type: application/json' "$BASE/api/v1/auth/token" \
        -d "{\"email\":\"$ADMIN_EMAIL\",\"password\":\"$ADMIN_PASSWORD\"}" | jq -r .accessToken)"
    author="$(curl -s -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
        "$BASE/api/v1/admin/authors" -d "{\"name\":\"Exercice $name $RANDOM\"}" | jq -r .id)"
    section="$(curl -s "$BASE/api/v1/site" | jq -r '.sections[0].id')"
    for path in $(cat "$RAW/hot.txt"); do curl -s -o /dev/null "$BASE$path"; done  # cached before the fault
    log "Drill: $name"
    node "$ROOT/bench/drills/load.mjs" --base "$BASE" --token "$token" --author "$author" --section "$section" \
        --reads "$RAW/hot.txt" --ids "$RAW/$name.ids" --connections "$CONNECTIONS" --writers "$WRITERS" \
        --before "$BEFORE" "$@" >"$RAW/$name.json"
}

# Once the database is back: the acknowledged drafts it does not have.
lost_writes() {
    local ids
    ids="$(grep -v '^$' "$RAW/$1.ids" | sed "s/.*/'&'/" | paste -sd, -)"
    [ -n "$ids" ] || { echo 0; return; }
    "$PSQL" -XtAc "SELECT count(*) FROM unnest(ARRAY[$ids]::uuid[]) AS acknowledged(id)
                   WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = acknowledged.id)"
}

report() {
    local name="$1" label="$2" lost
    lost="$(lost_writes "$name")"
    jq -r --arg title "$label" --arg lost "$lost" '
        "",
        "\($title)",
        "  acknowledged writes:        \(.acknowledged)",
        "  lost writes:                \($lost)",
        "  seconds to recover:         \(.secondsToRecover // "n/a")",
        "  5xx by status:              \([.statuses | to_entries[] | select(.key | test(" 5[0-9][0-9]$")) | "\(.key): \(.value)"] | if length == 0 then "none" else join(", ") end)",
        "  reads served while away:    \(.cachedReadsServed) (\(.outageReadsFailed) failed)",
        "  requests in flight failed:  \(.inFlightFailed)   connections refused: \(.refused)",
        "  all statuses:               \(.statuses | tostring)"' "$RAW/$name.json"
}

OUT="$RAW/drills.txt"
{
    echo "Fault drills, $(date -u +%Y-%m-%dT%H:%MZ), $("$PSQL" -XtAc 'SELECT count(*) FROM articles') articles, $CONNECTIONS connections ($WRITERS writing), $(nproc) cores"
    echo
} | tee "$OUT"

wanted() { [[ ",$DRILLS," == *",$1,"* ]]; }

if wanted kill9; then
    start_api embedded
    drill kill9 --fault "kill -9 \$(head -1 '$CLUSTER_DIR/pg/postmaster.pid')" --after 10
    report kill9 "1. kill -9 of the embedded postmaster (recovery: from the kill to the first acknowledged write)" | tee -a "$OUT"
    stop_api
    bench cluster start --data-dir "$CLUSTER_DIR" >/dev/null 2>&1
fi

if wanted external; then
    start_api external
    drill external --fault "dotnet '$BENCH_DLL' cluster stop --data-dir '$CLUSTER_DIR' 2>/dev/null" \
        --restore "dotnet '$BENCH_DLL' cluster start --data-dir '$CLUSTER_DIR' >/dev/null 2>&1" --restore-after 10 --after 10
    report external "2. external cluster stopped for 10 s (recovery: from its return to the first acknowledged write)" | tee -a "$OUT"
fi

if wanted sigterm; then
    [ -n "$API_PID" ] || start_api external
    drill sigterm --mode terminate --fault "kill -TERM $API_PID" --after 5
    wait "$API_PID" && exit_code=0 || exit_code=$?
    API_PID=""
    report sigterm "3. SIGTERM under load (API exit code $exit_code; recovery: none, the API is gone)" | tee -a "$OUT"
fi
log "Raw output in ${RAW#"$ROOT"/}"
