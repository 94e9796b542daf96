#!/usr/bin/env bash
# How fouweb grows with the site: for each N, one cold searchable build and the dev server on
# the same generated reports.
#
#   bench/growth.sh [N ...]          default: 1000 10000 50000 100000
#
# Prints one Markdown table row per N: build time and its split (load, pages, browser bundle,
# tantivy index), peak RSS, largest HTML page, bundle size, bytes the search page fetches on
# first load and for the one-word query "spira" (bench/search_bytes.sh: needs `bash
# tests/setup`), `fouweb serve` seconds to the first page and RSS then and once its search index
# is built, and the median of 10 body edits and 10 county moves to the page fetched again
# (examples/serve_latency.rs). Needs /usr/bin/time and curl. Hugo and Pagefind beside it:
# bench/peers.sh. Corpora live in ${BENCH_DIR:-/tmp/fouweb-bench}; delete it when done.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@"); [ ${#sizes[@]} -eq 0 ] && sizes=(1000 10000 50000 100000)
dir=${BENCH_DIR:-/tmp/fouweb-bench}
command -v /usr/bin/time >/dev/null || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 1; }
cargo build --release --quiet --bin fouweb --example gen_corpus --example serve_latency
target=${CARGO_TARGET_DIR:-$PWD/target}/release
mkdir -p "$dir"
source bench/common.sh

mb() { awk -v b="$1" 'BEGIN { printf "%.2f MB", b / 1e6 }'; }
kb() { awk -v b="$1" 'BEGIN { printf "%.0f KB", b / 1e3 }'; }

# "seconds-to-first-page RSS-then RSS-indexed" of `fouweb serve` on $1.
serve_start() {
  local site=$1 port log=$dir/serve.log started pid first rss_first
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  started=$(date +%s.%N)
  "$target/fouweb" serve --root "$site" --port "$port" >"$log" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$port/"; do sleep 0.1; done
  first=$(awk -v a="$(date +%s.%N)" -v b="$started" 'BEGIN { printf "%.1f", a - b }')
  rss_first=$(awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$pid/status")
  until grep -q "search index of" "$log"; do sleep 0.5; done
  echo "$first $rss_first $(awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$pid/status")"
  kill -INT "$pid"; wait "$pid" || true
}

echo "| reports | build | load / pages / bundle / index | peak RSS | largest page | bundle | search: first load / query | serve: first page, RSS | serve RSS, indexed | body edit → page | county move → page |"
echo "|---:|---:|---|---:|---:|---:|---|---|---:|---:|---:|"
for n in "${sizes[@]}"; do
  site=$(fresh_corpus "$n" "$target/examples/gen_corpus")
  sync
  /usr/bin/time -f "%e %M" "$target/fouweb" build --root "$site" >"$dir/build.out" 2>"$dir/build.time"
  read -r secs peak < <(tail -n1 "$dir/build.time")
  split=$(grep -o '(load [^)]*)' "$dir/build.out" | sed -E 's/\((load |)//; s/\)//; s/ s, (pages|browser search|search index) / \/ /g')
  page=$(find "$site/public" -name '*.html' -printf '%s\n' | sort -n | tail -n1)
  bundle=$(du -sb "$site/public/pagefind" | cut -f1)
  bytes=$(bench/search_bytes.sh "$site" spira 2>/dev/null | python3 -c '
import json, sys
r = json.loads(sys.stdin.read())
print(r["page_load"]["bytes"], r["one_word_query"]["bytes"])' || echo "? ?")
  read -r first_load query <<<"$bytes"
  rm -rf "$site/public" "$site/.public.fouweb-spare" "$site/.fouweb"
  read -r serve_first serve_rss serve_peak < <(serve_start "$site")
  latency=$("$target/examples/serve_latency" "$site" 10 2>/dev/null)
  body=$(grep '^body edit, page fetched' <<<"$latency" | sed -E 's/.*median ([0-9.]+ ms).*/\1/')
  move=$(grep '^moved to another county, page fetched' <<<"$latency" | sed -E 's/.*median ([0-9.]+ ms).*/\1/')
  printf '| %s | %s s | %s | %s MB | %s | %s | %s / %s | %s s, %s MB | %s MB | %s | %s |\n' \
    "$n" "$secs" "$split" "$((peak / 1024))" "$(kb "$page")" "$(mb "$bundle")" \
    "$(mb "$first_load")" "$(kb "$query")" "$serve_first" "$serve_rss" "$serve_peak" "$body" "$move"
done
