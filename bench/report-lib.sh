# Sourced by bench/run.sh: reading the measurements back (medians of the runs' JSON lines) and formatting them.
# shellcheck shell=bash

median() { jq -s --arg f "$1" 'map(.[$f]) | sort | .[(length - 1) / 2 | floor]' "$2"; }

value() { [ -s "$RAW/$1.jsonl" ] && median "$2" "$RAW/$1.jsonl" || echo null; }
fmt() { # number, decimals
    [ "$1" = null ] && { echo "–"; return; }
    LC_ALL=C printf "%.${2}f" "$1"
}
ratio() { # a / b, as ×n.nn
    if [ "$1" = null ] || [ "$2" = null ]; then echo "n/a"; return; fi
    awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "n/a"; else printf "×%.2f", a / b }'
}

spread() { [ -s "$RAW/$1.jsonl" ] && jq -rs 'map(.rps) | "\(min | floor)–\(max | floor)"' "$RAW/$1.jsonl" || echo "–"; }

# target LABEL VALUE COMPARISON LIMIT: "✓"/"✗" line for a stated target, or "n/a" when not measured.
target() {
    local verdict
    if [ "$2" = null ] || [ "$2" = n/a ]; then echo "- $1: n/a"; return; fi
    verdict="$(awk -v v="${2#×}" -v l="$4" -v op="$3" 'BEGIN { ok = (op == "<" ? v < l : v >= l); print ok ? "✓" : "✗" }')"
    echo "- $verdict $1: $2 (target $3 $4)"
}
