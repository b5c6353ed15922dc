#!/usr/bin/env bash
# What article bodies cost to validate and render (issue 20, finding 3). See bench/README.md, "Rendering cost".
#
#   bench/render.sh [--runs 5] [--only "<part of a body's name>"] [--output bench/RESULTS-RENDER.md]
#
# Builds the bench tool in Release and runs its `render` command on one thread; no database, nothing left running.
# Exits with 1 when an accepted body took more than 200 ms of CPU.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUTPUT="" ARGS=()
while [ $# -gt 0 ]; do
    case "$1" in
        --runs|--only|--seed) ARGS+=("$1" "$2"); shift 2 ;;
        --output) OUTPUT="$(realpath -m "$2")"; shift 2 ;;
        -h|--help) sed -n '2,7p' "$0"; exit 0 ;;
        *) echo "Unknown option: $1 (see --help)" >&2; exit 64 ;;
    esac
done

dotnet build -c Release -nologo -v q "$ROOT/bench/Newsroom.Bench" >/dev/null
TOOL="$ROOT/bench/Newsroom.Bench/bin/Release/net10.0/Newsroom.Bench.dll"
if [ -n "$OUTPUT" ]; then
    status=0
    dotnet "$TOOL" render "${ARGS[@]}" | tee "$OUTPUT" || status=$?
    exit "$status"
fi
exec dotnet "$TOOL" render "${ARGS[@]}"
