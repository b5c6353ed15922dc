# Sourced by bench/run.sh once the API is up: prepares each scenario's request list, measures, then report.sh.
# shellcheck shell=bash
#
# Most reader URLs are served from the API's output cache after their first request, so each is measured twice:
# "cached" hammers the URL as readers do (the cache), "uncached" adds a unique ignored query parameter to every
# request (bench/wrk/requests.lua, BENCH_NOCACHE=1) so the handler and the database answer each time.

status_of() { curl -s -o /dev/null -w '%{http_code}' "$BASE$1" || echo 000; }
urlencode() { jq -rn --arg v "$1" '$v|@uri'; }

SCENARIOS=()
declare -A REQUESTS EXPECT UNAVAILABLE LABEL NOCACHE CONNS WRK_THREADS

# add KEY LABEL FILE [EXPECT] [NOCACHE] [CONNECTIONS]: registers a scenario after probing its first request; a missing
# route (404/405) is "not available", not a failure.
add() {
    local key="$1" first status
    SCENARIOS+=("$key"); LABEL[$key]="$2"; REQUESTS[$key]="$3"; EXPECT[$key]="${4:-200}"; NOCACHE[$key]="${5:-0}"
    CONNS[$key]="${6:-$CONNECTIONS}"; WRK_THREADS[$key]=$(( ${6:-$CONNECTIONS} < THREADS ? ${6:-$CONNECTIONS} : THREADS ))
    UNAVAILABLE[$key]=""
    first="$(head -1 "$3" | cut -f1)"
    status="$(status_of "$first")"
    case "$status" in
        404|405) UNAVAILABLE[$key]="not available ($status)" ;;
        200|304) ;;
        *) UNAVAILABLE[$key]="failed (HTTP $status)" ;;
    esac
}
unavailable() { local key="$1"; SCENARIOS+=("$key"); LABEL[$key]="$2"; UNAVAILABLE[$key]="$3"; }
# Both variants of one URL list.
add_pair() {
    add "$1" "$2 (output cache)" "$3"
    add "$1_uncached" "$2 (uncached)" "$3" 200 1
}

log "Preparing the scenarios"
echo "/api/v1/site" >"$RAW/site.txt"
add site "GET /api/v1/site (baseline, output cache)" "$RAW/site.txt"

sed 's|^|/api/v1/articles/|' "$DATA_DIR/slugs.txt" >"$RAW/article.txt"
add article "GET /api/v1/articles/{random slug of all} (uncached)" "$RAW/article.txt" 200 1

# The 304 path and its full twin use the same 200 articles (a fixed sample), so their ratio compares like with like.
shuf -n 200 --random-source=<(yes) "$DATA_DIR/slugs.txt" | sed 's|^|/api/v1/articles/|' >"$RAW/sample.txt"
add article_sample "GET /api/v1/articles/{slug} (200 hot slugs, output cache)" "$RAW/sample.txt"
CONDITIONAL_LABEL="GET /api/v1/articles/{slug} + If-None-Match (the 200 hot slugs: 304)"
# One plain GET of each sampled article: fills the output cache and returns the ETag a client would revalidate with.
refresh_sample() {
    local path etag
    : >"$RAW/conditional.txt"
    while read -r path; do
        etag="$(curl -s -D - -o /dev/null "$BASE$path" | tr -d '\r' | awk 'tolower($1)=="etag:" {sub(/^[^:]*: */, ""); print}')"
        [ -n "$etag" ] && printf '%s\t%s\n' "$path" "$etag" >>"$RAW/conditional.txt"
    done <"$RAW/sample.txt"
}
if [ -z "${UNAVAILABLE[article_sample]}" ]; then
    refresh_sample
    if [ -s "$RAW/conditional.txt" ]; then
        add conditional "$CONDITIONAL_LABEL" "$RAW/conditional.txt" 304
        [ "$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $(head -1 "$RAW/conditional.txt" | cut -f2)" "$BASE$(head -1 "$RAW/conditional.txt" | cut -f1)")" = 304 ] \
            || UNAVAILABLE[conditional]="not available (no 304)"
    else
        unavailable conditional "$CONDITIONAL_LABEL" "not available (no ETag)"
    fi
else
    unavailable conditional "$CONDITIONAL_LABEL" "${UNAVAILABLE[article_sample]}"
fi

# Readers of the same 200 hot articles while an editor saves a draft every 0.2 s: a draft is not public, so the
# output cache must stay warm (compare with the plain output-cache row).
EDITING_LABEL="GET /api/v1/articles/{slug} (the 200 hot slugs, output cache) while an editor saves a draft every 0.2 s"
EDITOR_TOKEN=""; EDITOR_DRAFT=""
editor_body() { jq -nc --arg t "$1" --arg a "$EDITOR_AUTHOR" --arg s "$EDITOR_SECTION" \
    '{title: $t, standfirst: "Un chapô de brouillon.", body: "Le corps du brouillon.", sectionId: $s, tags: [], authorIds: [$a], sources: []}'; }
# Saves the draft again and again for $1 seconds, each time with the version the last save returned; writes how
# many saves succeeded to $2.
editing_load() {
    local end=$((SECONDS + $1)) n=0 saved=0 version saved_version
    version="$(curl -s -H "Authorization: Bearer $EDITOR_TOKEN" "$BASE/api/v1/admin/articles/$EDITOR_DRAFT" | jq -r .version)"
    while [ "$SECONDS" -lt "$end" ]; do
        saved_version="$(curl -s -X PUT -H "Authorization: Bearer $EDITOR_TOKEN" -H 'Content-Type: application/json' -H "If-Match: \"$version\"" \
            -d "$(editor_body "Brouillon du banc d’essai $n")" "$BASE/api/v1/admin/articles/$EDITOR_DRAFT" | jq -r '.version // empty')"
        if [ -n "$saved_version" ]; then version="$saved_version"; saved=$((saved + 1)); fi
        n=$((n + 1)); sleep 0.2
    done
    echo "$saved" >"$2"
}
if [ -n "${EDITOR_PASSWORD_FILE:-}" ] && [ -z "${UNAVAILABLE[article_sample]}" ]; then
    EDITOR_TOKEN="$(jq -nc --arg e "$EDITOR_EMAIL" --rawfile p "$EDITOR_PASSWORD_FILE" '{email: $e, password: $p}' \
        | curl -s -X POST -H 'Content-Type: application/json' -d @- "$BASE/api/v1/auth/token" | jq -r '.accessToken // empty')"
fi
if [ -n "$EDITOR_TOKEN" ]; then
    EDITOR_AUTHOR="$(curl -s -H "Authorization: Bearer $EDITOR_TOKEN" "$BASE/api/v1/admin/authors" | jq -r '.[0].id')"
    EDITOR_SECTION="$(curl -s "$BASE/api/v1/sections" | jq -r '.[0].id')"
    EDITOR_DRAFT="$(curl -s -X POST -H "Authorization: Bearer $EDITOR_TOKEN" -H 'Content-Type: application/json' \
        -d "$(editor_body "Brouillon du banc d’essai")" "$BASE/api/v1/admin/articles" | jq -r '.id // empty')"
fi
if [ -n "$EDITOR_DRAFT" ]; then
    add editing "$EDITING_LABEL" "$RAW/sample.txt"
else
    unavailable editing "$EDITING_LABEL" "not available (no editor: the API was not started by run.sh, or sign-in failed)"
fi

echo "/api/v1/articles?section=technologies" >"$RAW/list.txt"
add_pair list "GET /api/v1/articles?section=technologies, page 1" "$RAW/list.txt"
DEPTH=0
DEEP_LABEL="GET /api/v1/articles?section=technologies, deep page"
if [ -z "${UNAVAILABLE[list]}" ]; then
    # Follow nextCursor once, ~50 pages deep, then hammer that page.
    page="/api/v1/articles?section=technologies"
    for _ in $(seq 1 50); do
        cursor="$(curl -s "$BASE$page" | jq -r '.nextCursor // empty' 2>/dev/null || true)"
        [ -n "$cursor" ] || break
        page="/api/v1/articles?section=technologies&cursor=$(urlencode "$cursor")"
        DEPTH=$((DEPTH + 1))
    done
    echo "$page" >"$RAW/deep.txt"
    if [ "$DEPTH" -gt 0 ]; then
        add_pair deep "GET /api/v1/articles?section=technologies, page $((DEPTH + 1)) (keyset)" "$RAW/deep.txt"
    else
        unavailable deep "$DEEP_LABEL" "not available (no nextCursor)"
    fi
else
    unavailable deep "$DEEP_LABEL" "${UNAVAILABLE[list]}"
fi

echo "/api/v1/archives" >"$RAW/archives.txt"
add_pair archives "GET /api/v1/archives" "$RAW/archives.txt"

while IFS=$'\t' read -r _ query; do echo "/api/v1/search?q=$(urlencode "$query")"; done <"$DATA_DIR/search-queries.txt" >"$RAW/search.txt"
add_pair search "GET /api/v1/search?q=… (16 queries: common, rare, two words, typo)" "$RAW/search.txt"
# Issue 6 states its target for one client: p95 of uncached searches.
add search_single "GET /api/v1/search?q=… (uncached, 1 connection)" "$RAW/search.txt" 200 1 1

echo "/api/v1/feeds/rss" >"$RAW/rss.txt"
add_pair rss "GET /api/v1/feeds/rss" "$RAW/rss.txt"

# ---------------------------------------------------------------- measuring

wrk_run() { # key, duration, output file
    BENCH_REQUESTS="${REQUESTS[$1]}" BENCH_EXPECT="${EXPECT[$1]}" BENCH_NOCACHE="${NOCACHE[$1]}" run_load "$3" \
        wrk -t"${WRK_THREADS[$1]}" -c"${CONNS[$1]}" -d"$2" --latency -s "$ROOT/bench/wrk/requests.lua" "$BASE"
}

measure_http() {
    local key="$1" run
    for run in $(seq 1 "$RUNS"); do
        # Server-side entries live 60 s, and a conditional request never refills an expired one: start each run of
        # the 304 path from a warm cache, as a CDN revalidating popular articles would find it.
        [ "$key" = conditional ] && refresh_sample
        local editor=""
        if [ "$key" = editing ]; then editing_load "$(duration_seconds)" "$RAW/editing.saves.run$run" & editor=$!; fi
        wrk_run "$key" "$DURATION" "$RAW/$key.run$run.txt"
        [ -z "$editor" ] || { wait "$editor"; log "  draft saves during run $run: $(cat "$RAW/editing.saves.run$run")"; }
        grep '^BENCH ' "$RAW/$key.run$run.txt" | cut -d' ' -f2- >>"$RAW/$key.jsonl"
    done
}

duration_seconds() { case "$DURATION" in *m) echo $((${DURATION%m} * 60)) ;; *s) echo "${DURATION%s}" ;; *) echo "$DURATION" ;; esac; }

measure_pgbench() {
    local seconds run tps failed
    seconds="$(duration_seconds)"
    for run in $(seq 1 "$RUNS"); do
        mkdir -p "$RAW/pgbench.run$run"
        run_load "$RAW/pgbench.run$run.txt" "$PGBIN/pgbench" -n -M prepared -c "$CONNECTIONS" -j "$THREADS" -T "$seconds" \
            -D articles="$SEEDED" -f "$ROOT/bench/pgbench/article-by-slug.sql" -l --log-prefix="$RAW/pgbench.run$run/tx"
        tps="$(awk '/^tps = / {print $3; exit}' "$RAW/pgbench.run$run.txt")"
        failed="$(awk '/number of failed transactions/ {print $5; exit}' "$RAW/pgbench.run$run.txt")"
        # Per-transaction log: third column is the latency in microseconds.
        cat "$RAW/pgbench.run$run"/tx.* | awk '{print $3}' | sort -n >"$RAW/pgbench.run$run/latencies"
        jq -n --argjson tps "${tps:-0}" --argjson failed "${failed:-0}" \
            --argjson p50 "$(awk -v n="$(wc -l <"$RAW/pgbench.run$run/latencies")" 'NR == int(n * 0.50) + 1 {print $1 / 1000; exit}' "$RAW/pgbench.run$run/latencies")" \
            --argjson p95 "$(awk -v n="$(wc -l <"$RAW/pgbench.run$run/latencies")" 'NR == int(n * 0.95) + 1 {print $1 / 1000; exit}' "$RAW/pgbench.run$run/latencies")" \
            --argjson p99 "$(awk -v n="$(wc -l <"$RAW/pgbench.run$run/latencies")" 'NR == int(n * 0.99) + 1 {print $1 / 1000; exit}' "$RAW/pgbench.run$run/latencies")" \
            '{rps: $tps, p50_ms: $p50, p95_ms: $p95, p99_ms: $p99, socket_errors: 0, unexpected: $failed}' -c >>"$RAW/pgbench.jsonl"
        rm -f "$RAW/pgbench.run$run"/tx.*
    done
}

log "Warming up ($WARMUP per scenario)"
for key in "${SCENARIOS[@]}"; do
    [ -z "${UNAVAILABLE[$key]}" ] || continue
    wrk_run "$key" "$WARMUP" /dev/null
done

LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
for key in "${SCENARIOS[@]}"; do
    if [ -n "${UNAVAILABLE[$key]}" ]; then log "${LABEL[$key]}: ${UNAVAILABLE[$key]}"; continue; fi
    log "${LABEL[$key]}: $RUNS × $DURATION, ${CONNS[$key]} connections"
    measure_http "$key"
done
# The draft only served the editing scenario: delete it (a draft can be deleted) so runs leave nothing behind.
[ -z "$EDITOR_DRAFT" ] || curl -s -o /dev/null -X DELETE -H "Authorization: Bearer $EDITOR_TOKEN" "$BASE/api/v1/admin/articles/$EDITOR_DRAFT"
log "pgbench, the article-by-slug SELECT alone: $RUNS × $DURATION, $CONNECTIONS clients"
measure_pgbench
SCENARIOS+=(pgbench); LABEL[pgbench]="pgbench: the article-by-slug SELECT alone"; UNAVAILABLE[pgbench]=""
PEAK_RSS_KB="$([ -n "$API_PID" ] && awk '/^VmHWM:/ {print $2}' "/proc/$API_PID/status" || echo null)"
LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"

. "$ROOT/bench/report.sh"
