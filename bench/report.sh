# Sourced by bench/run.sh: the markdown table, the ratios that matter, and bench/RESULTS.md.
# shellcheck shell=bash

TABLE="| Scenario | req/s | p50 (ms) | p99 (ms) | errors / unexpected status | req/s of each run (min–max) |
|---|---:|---:|---:|---:|---:|"
for key in "${SCENARIOS[@]}"; do
    if [ -n "${UNAVAILABLE[$key]}" ]; then
        TABLE+=$'\n'"| ${LABEL[$key]} | ${UNAVAILABLE[$key]} | – | – | – | – |"
        continue
    fi
    TABLE+=$'\n'"| ${LABEL[$key]} | $(fmt "$(value "$key" rps)" 0) | $(fmt "$(value "$key" p50_ms)" 2) | $(fmt "$(value "$key" p99_ms)" 2) | $(fmt "$(value "$key" socket_errors)" 0) / $(fmt "$(value "$key" unexpected)" 0) | $(spread "$key") |"
done

RATIOS="- API / pgbench, article by slug (uncached article vs the database alone, req/s): $(ratio "$(value article rps)" "$(value pgbench rps)")
- Deep page / page 1$([ "$DEPTH" -gt 0 ] && echo " (page $((DEPTH + 1)) of technologies)"), uncached: p50 $(ratio "$(value deep_uncached p50_ms)" "$(value list_uncached p50_ms)"), p99 $(ratio "$(value deep_uncached p99_ms)" "$(value list_uncached p99_ms)"), req/s $(ratio "$(value deep_uncached rps)" "$(value list_uncached rps)"); from the output cache: p50 $(ratio "$(value deep p50_ms)" "$(value list p50_ms)"), p99 $(ratio "$(value deep p99_ms)" "$(value list p99_ms)")
- 304 / full response, the same 200 hot articles (req/s): $(ratio "$(value conditional rps)" "$(value article_sample rps)"); 304 / uncached article: $(ratio "$(value conditional rps)" "$(value article rps)")
- The 200 hot articles while an editor saves drafts / without (req/s): $(ratio "$(value editing rps)" "$(value article_sample rps)")$([ -s "$RAW/editing.saves.run1" ] && echo " ($(cat "$RAW"/editing.saves.run* | paste -sd/ -) draft saves in the runs)")"

TARGETS="$(target "article by slug, uncached, p99 (ms, issue 4)" "$(value article p99_ms)" "<" 20)
$(target "list page 1, uncached, p99 (ms, issue 4)" "$(value list_uncached p99_ms)" "<" 20)
$(target "list page 1, output cache, p99 (ms, issue 4)" "$(value list p99_ms)" "<" 20)
$(target "deep page / page 1, uncached p99 (issue 4)" "$(ratio "$(value deep_uncached p99_ms)" "$(value list_uncached p99_ms)")" "<" 1.2)
$(target "304 / full, same articles, req/s (issue 4)" "$(ratio "$(value conditional rps)" "$(value article_sample rps)")" ">=" 3)
$(if [ "${SEEDED:-0}" -ge 1000000 ]; then target "search p95, uncached, one client (ms, issue 6, at 1M)" "$(value search_single p95_ms)" "<" 100; else target "search p95, uncached, one client (ms, issue 6, at 100k)" "$(value search_single p95_ms)" "<" 30; fi)"

CPU_MODEL="$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)"
MEMORY="$(awk '/^MemTotal:/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
PG_VERSION="$("$PGBIN/psql" -XtAc 'SHOW server_version')"
COMMIT="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$ROOT" diff --quiet HEAD -- src bench ':!bench/RESULTS.md' 2>/dev/null || echo ' (+ uncommitted changes)')"

REPORT="# Benchmark results

$(date -u '+%Y-%m-%d %H:%M UTC') · commit $COMMIT · written by \`bench/run.sh\`

## Machine
- $(nproc) cores ($CPU_MODEL), $MEMORY, $(uname -sr)
- PostgreSQL $PG_VERSION ($DB_KIND), .NET SDK $(dotnet --version)
- Load average (1, 5, 15 min) before the measurements: $LOAD_BEFORE; after: $LOAD_AFTER. wrk, the API and PostgreSQL share these cores, and other work on the machine counts too.

## Parameters
- $(fmt "$SEEDED" 0) published articles (seed $SEED), $([ -n "$API_URL" ] && echo "the API already running at $API_URL" || echo "API in Release with \`ASPNETCORE_ENVIRONMENT=Production\`, started by run.sh")
- wrk: $THREADS threads, $CONNECTIONS connections (unless the scenario says otherwise), $DURATION per run, median of $RUNS runs (each column's median on its own), after a $WARMUP warm-up per scenario
- *output cache*: the same URLs again and again, as readers hit them; *uncached*: a unique ignored query parameter on every request, so the handler and the database answer (\`bench/wrk/requests.lua\`)
- pgbench: $CONNECTIONS clients, $THREADS threads, prepared statements, \`bench/pgbench/article-by-slug.sql\` (the article row with section, tags and authors, for a random slug)

## Results
$TABLE

API process peak RSS (VmHWM): $([ "$PEAK_RSS_KB" = null ] && echo "not measured (--api-url)" || echo "$((PEAK_RSS_KB / 1024)) MiB")

## Ratios
$RATIOS

## Targets
$TARGETS

Raw wrk and pgbench output: \`bench/results-raw/$STAMP/\` (not committed)."

echo
echo "$REPORT"
# A scale-out section measured earlier (run.sh --scale-out-only) is kept; --scale-out replaces it afterwards.
PREVIOUS_SCALE_OUT="$([ -f "$OUTPUT" ] && sed -n '/^<!-- scale-out -->$/,/^<!-- \/scale-out -->$/p' "$OUTPUT" || true)"
{ echo "$REPORT"; [ -z "$PREVIOUS_SCALE_OUT" ] || printf '\n%s\n' "$PREVIOUS_SCALE_OUT"; } >"$OUTPUT"
log "Written to $OUTPUT"
