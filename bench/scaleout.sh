# Sourced by bench/run.sh with --scale-out (or --scale-out-only): the topology of issue 14 on the bench corpus, on
# this one machine. The bench cluster is the primary; a streaming standby is made from it with pg_basebackup -R (in
# <data-dir>/standby, made afresh each run); two API instances in Release read from the standby
# (ConnectionStrings__NewsroomReadOnly) and purge Varnish (deploy/varnish/newsroom.vcl, backends written beside a copy
# of it); Varnish takes both instances in turn. Measures:
#   - the 200 hot articles through Varnish (req/s, latency, Varnish's hit rate over the run), beside the same
#     articles from one instance's own output cache;
#   - the uncached article page (a random slug of all, unique query string) through Varnish to both instances,
#     which read it from the standby;
#   - publish-to-visible and edit-to-visible latency across instances and through Varnish
#     (bench/scaleout/visibility.mjs: --rounds publishes, p50/p99).
# Writes the "Scale-out" section of the report ($SCALE_OUT_REPORT). Everything it starts is stopped by run.sh's
# clean-up (SCALE_OUT_PIDS, STANDBY_DIR).
# shellcheck shell=bash

command -v varnishd >/dev/null 2>&1 \
    && find /usr/lib/*/varnish/vmods /usr/lib/varnish/vmods -name 'libvmod_xkey.so' 2>/dev/null | grep -q . || {
    log "Installing varnish and varnish-modules (Debian packages)"
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq varnish varnish-modules </dev/null >/dev/null
    # The package starts its own service on port 6081 where systemd runs; the bench starts its own.
    $SUDO service varnish stop >/dev/null 2>&1 || true
    $SUDO service varnishncsa stop >/dev/null 2>&1 || true
}
command -v node >/dev/null 2>&1 || { echo "The scale-out scenario needs node (20)." >&2; exit 1; }

# ---------------------------------------------------------------- the standby
STANDBY_DIR="$DATA_DIR/standby"
STANDBY_PORT="$(free_port)"
log "Making a streaming standby of the primary with pg_basebackup -R (${STANDBY_DIR#"$ROOT"/})"
rm -rf "$STANDBY_DIR"
install -d -m 700 "$STANDBY_DIR"
[ "$(id -u)" -eq 0 ] && chown postgres:postgres "$STANDBY_DIR"
BASEBACKUP_START=$SECONDS
as_postgres "$PGBIN/pg_basebackup" -D "$STANDBY_DIR" -R -X stream -c fast -h "$PGHOST" -p "$PGPORT" -U postgres
BASEBACKUP_SECONDS=$((SECONDS - BASEBACKUP_START))
# A hot standby refuses to start with lower limits than its primary's, which the bench cluster sets on its command
# line (not in the copied postgresql.conf): they are read from the primary, its shared_buffers too.
STANDBY_SETTINGS=""
for setting in max_connections max_worker_processes max_wal_senders max_prepared_transactions max_locks_per_transaction shared_buffers; do
    STANDBY_SETTINGS+=" -c $setting=$("$PGBIN/psql" -XtAc "SHOW $setting")"
done
as_postgres "$PGBIN/pg_ctl" -D "$STANDBY_DIR" -l "$STANDBY_DIR/server.log" -w -t 120 start \
    -o "-c port=$STANDBY_PORT -c listen_addresses='' -c unix_socket_directories='$STANDBY_DIR' -c hot_standby=on -c jit=off$STANDBY_SETTINGS" >/dev/null
STANDBY_STARTED=1
STANDBY_CONNECTION="Host=$STANDBY_DIR;Port=$STANDBY_PORT;Database=$PGDATABASE;Username=postgres"
[ "$(as_postgres "$PGBIN/psql" -XtAc 'SELECT pg_is_in_recovery()' -h "$STANDBY_DIR" -p "$STANDBY_PORT" -d "$PGDATABASE")" = t ] \
    || { echo "The standby is not in recovery" >&2; exit 1; }

# ---------------------------------------------------------------- Varnish
VARNISH_DIR="$(mktemp -d /tmp/newsroom-bench-varnish.XXXXXX)"
chmod 755 "$VARNISH_DIR"
VARNISH_PORT="$(free_port)"
API_PORTS=("$(free_port)" "$(free_port)")
cp "$ROOT/deploy/varnish/newsroom.vcl" "$VARNISH_DIR/newsroom.vcl"
{
    echo 'probe newsroom_ready { .url = "/health/ready"; .interval = 1s; .timeout = 2s; .window = 2; .threshold = 1; .initial = 1; }'
    for i in 0 1; do echo "backend api$i { .host = \"127.0.0.1\"; .port = \"${API_PORTS[$i]}\"; .probe = newsroom_ready; }"; done
    echo 'sub vcl_init { new api = directors.round_robin(); api.add_backend(api0); api.add_backend(api1); }'
    echo 'acl purgers { "127.0.0.1"; "::1"; }'
} >"$VARNISH_DIR/backends.vcl"
VARNISH="http://127.0.0.1:$VARNISH_PORT"

# ---------------------------------------------------------------- two API instances
SCALE_OUT_SIGNING_KEY="$(head -c 48 /dev/urandom | base64 -w0)"
start_instance() { # index
    local port="${API_PORTS[$1]}"
    ConnectionStrings__Newsroom="$CONNECTION" ConnectionStrings__NewsroomReadOnly="$STANDBY_CONNECTION" \
        ASPNETCORE_ENVIRONMENT=Production Newsroom__Jwt__SigningKey="$SCALE_OUT_SIGNING_KEY" Newsroom__SeedDemoContent=false \
        Newsroom__Bootstrap__AdminEmail="$EDITOR_EMAIL" Newsroom__Bootstrap__AdminPassword="$(cat "$EDITOR_PASSWORD_FILE")" \
        Newsroom__RateLimits__SearchRequestsPerMinute=100000000 Newsroom__RateLimits__WritesPerMinute=100000000 \
        Newsroom__EdgeCache__PurgeUrls__0="$VARNISH" Newsroom__Caching__SharedMaxAgeSeconds=3600 \
        AllowedHosts=127.0.0.1 Newsroom__Search__VocabularyRefreshSeconds=86400 \
        bash -c 'cd "$(dirname "$1")" && exec dotnet "$1" --urls "$2"' api "$API_DLL" "http://127.0.0.1:$port" >"$RAW/scale-out-api$1.log" 2>&1 &
    SCALE_OUT_PIDS+=($!)
    for i in $(seq 1 600); do
        [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health/ready" || true)" = 200 ] && return 0
        kill -0 "${SCALE_OUT_PIDS[-1]}" 2>/dev/null || break
        sleep 0.1
    done
    echo "API instance $1 did not become ready; its log:" >&2; tail -40 "$RAW/scale-out-api$1.log" >&2; exit 1
}
log "Starting two API instances (Release, Production) on the primary, readers on the standby"
# One after the other: the first creates the bench's admin if need be.
start_instance 0
start_instance 1
INSTANCE_A="http://127.0.0.1:${API_PORTS[0]}" INSTANCE_B="http://127.0.0.1:${API_PORTS[1]}"

log "Starting Varnish on $VARNISH"
varnishd -F -a "127.0.0.1:$VARNISH_PORT" -T none -n "$VARNISH_DIR/work" -f "$VARNISH_DIR/newsroom.vcl" \
    -s malloc,256m -p vsl_space=32M >"$RAW/scale-out-varnish.log" 2>&1 &
SCALE_OUT_PIDS+=($!)
for i in $(seq 1 300); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$VARNISH/api/v1/site" || true)" = 200 ] && break
    [ "$i" = 300 ] && { echo "Varnish did not answer; its log:" >&2; cat "$RAW/scale-out-varnish.log" >&2; exit 1; }
    sleep 0.1
done
varnish_counter() { varnishstat -n "$VARNISH_DIR/work" -1 -f "MAIN.$1" | awk '{print $2}'; }

# ---------------------------------------------------------------- measuring
so_wrk() { # key requests-file nocache base duration
    BENCH_REQUESTS="$2" BENCH_EXPECT=200 BENCH_NOCACHE="$3" run_load "$RAW/$1.run.txt" \
        wrk -t"$THREADS" -c"$CONNECTIONS" -d"$5" --latency -s "$ROOT/bench/wrk/requests.lua" "$4"
    grep '^BENCH ' "$RAW/$1.run.txt" | cut -d' ' -f2- >>"$RAW/$1.jsonl"
}
so_measure() { # key requests-file nocache base
    local run
    so_wrk "$1" "$2" "$3" "$4" "$WARMUP" && : >"$RAW/$1.jsonl"
    for run in $(seq 1 "$RUNS"); do so_wrk "$1" "$2" "$3" "$4" "$DURATION"; done
}
[ -s "$RAW/sample.txt" ] || shuf -n 200 --random-source=<(yes) "$DATA_DIR/slugs.txt" | sed 's|^|/api/v1/articles/|' >"$RAW/sample.txt"
[ -s "$RAW/article.txt" ] || sed 's|^|/api/v1/articles/|' "$DATA_DIR/slugs.txt" >"$RAW/article.txt"

log "The 200 hot articles from instance A's output cache: $RUNS × $DURATION"
so_measure so_hot_api "$RAW/sample.txt" 0 "$INSTANCE_A"
log "The 200 hot articles through Varnish: $RUNS × $DURATION"
HITS_BEFORE="$(varnish_counter cache_hit)" MISSES_BEFORE="$(varnish_counter cache_miss)"
so_measure so_hot_varnish "$RAW/sample.txt" 0 "$VARNISH"
HITS="$(( $(varnish_counter cache_hit) - HITS_BEFORE ))" MISSES="$(( $(varnish_counter cache_miss) - MISSES_BEFORE ))"
HIT_RATE="$(awk -v h="$HITS" -v m="$MISSES" 'BEGIN { if (h + m == 0) print "–"; else printf "%.2f %%", 100 * h / (h + m) }')"
log "Uncached article pages through Varnish to both instances, read from the standby: $RUNS × $DURATION"
so_measure so_article_standby "$RAW/article.txt" 1 "$VARNISH"
STANDBY_READS="$(as_postgres "$PGBIN/psql" -XtAc "SELECT sum(xact_commit) FROM pg_stat_database WHERE datname = current_database()" -h "$STANDBY_DIR" -p "$STANDBY_PORT" -d "$PGDATABASE")"

ROUNDS="${SCALE_OUT_ROUNDS:-100}"
log "Publish-to-visible and edit-to-visible latency: $ROUNDS publishes through instance A, read through B and Varnish"
SO_TOKEN="$(jq -nc --arg e "$EDITOR_EMAIL" --rawfile p "$EDITOR_PASSWORD_FILE" '{email: $e, password: $p}' \
    | curl -s -X POST -H 'Content-Type: application/json' -d @- "$INSTANCE_A/api/v1/auth/token" | jq -r '.accessToken // empty')"
[ -n "$SO_TOKEN" ] || { echo "Signing in to instance A failed" >&2; exit 1; }
SO_AUTHOR="$(curl -s -H "Authorization: Bearer $SO_TOKEN" "$INSTANCE_A/api/v1/admin/authors" | jq -r '.[0].id')"
SO_SECTION="$(curl -s "$INSTANCE_A/api/v1/sections" | jq -r '.[0].id')"
node "$ROOT/bench/scaleout/visibility.mjs" --writer "$INSTANCE_A" --token "$SO_TOKEN" --author "$SO_AUTHOR" --section "$SO_SECTION" \
    --reader "instance B=$INSTANCE_B" --reader "Varnish=$VARNISH" --rounds "$ROUNDS" >"$RAW/visibility.json"

so_row() { # label key
    echo "| $1 | $(fmt "$(value "$2" rps)" 0) | $(fmt "$(value "$2" p50_ms)" 2) | $(fmt "$(value "$2" p99_ms)" 2) | $(fmt "$(value "$2" socket_errors)" 0) / $(fmt "$(value "$2" unexpected)" 0) | $(spread "$2") |"
}
visibility_rows() {
    jq -r 'to_entries[] | "| \(.key) | \(.value.rounds) | \(.value.p50 // "–") | \(.value.p90 // "–") | \(.value.p99 // "–") | \(.value.max // "–") | \(.value.timedOut) |"' "$RAW/visibility.json"
}
VISIBILITY_P99="$(jq '[.[] | .p99] | max' "$RAW/visibility.json")"
SCALE_OUT_REPORT="## Scale-out (issue 14)

A primary (the bench cluster), a streaming standby made with \`pg_basebackup -R\` (${BASEBACKUP_SECONDS} s for the corpus),
two API instances in Release reading public pages from the standby and purging Varnish 7 (\`deploy/varnish/newsroom.vcl\`,
\`s-maxage=3600\`), all on this machine's $(nproc) cores: the figures show the costs of the topology, not the capacity
more machines would add. wrk as above ($CONNECTIONS connections, median of $RUNS runs of $DURATION).

| Scenario | req/s | p50 (ms) | p99 (ms) | errors / unexpected status | req/s of each run (min–max) |
|---|---:|---:|---:|---:|---:|
$(so_row "The 200 hot articles, one instance's own output cache" so_hot_api)
$(so_row "The 200 hot articles through Varnish (hit rate over the runs: $HIT_RATE, $HITS hits / $MISSES misses)" so_hot_varnish)
$(so_row "Article by random slug, uncached, through Varnish to both instances, read from the standby" so_article_standby)

Transactions committed on the standby meanwhile: $STANDBY_READS.

Visibility after a change made through instance A ($ROUNDS rounds, \`bench/scaleout/visibility.mjs\`; ms from the
writer's acknowledgement to the first read showing it, polled every 5 ms): *publish → list* is the site's first list
page (cached on each side just before) showing the new article; *edit → page* is the article page (cached just before)
showing the new title.

| Change, read through | rounds | p50 (ms) | p90 (ms) | p99 (ms) | max (ms) | gave up (10 s) |
|---|---:|---:|---:|---:|---:|---:|
$(visibility_rows)

$(target "publish/edit to visible across instances and through Varnish, p99 (ms, issue 14)" "$VISIBILITY_P99" "<" 1000)"
