#!/usr/bin/env bash
# Search benchmark: the whole searchable build (pages, Pagefind bundle, tantivy index) of the
# generated corpus (examples/gen_corpus.rs), and what a browser fetches for a one-word query.
#
#   bench/search.sh [N ...]          default: 1000 10000
#
# For each N: three cold `fouweb build` runs (no earlier output, bundle or index; median
# time, highest peak RSS), the phases from the build's own summary line, the bundle's size on
# disk, then bench/search_bytes.sh (needs what the browser tests need: bash tests/setup).
# Prints one Markdown table row per N.
# Corpora live in ${BENCH_DIR:-/tmp/fouweb-bench}.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@"); [ ${#sizes[@]} -eq 0 ] && sizes=(1000 10000)
dir=${BENCH_DIR:-/tmp/fouweb-bench}
word=${WORD:-barn}
command -v /usr/bin/time >/dev/null || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 1; }
cargo build --release --quiet --bin fouweb --example gen_corpus
bin=${CARGO_TARGET_DIR:-$PWD/target}/release/fouweb
gen=${CARGO_TARGET_DIR:-$PWD/target}/release/examples/gen_corpus
mkdir -p "$dir"

echo "| reports | tantivy index | Pagefind bundle | whole build | peak RSS | bundle on disk | search page first load | one-word query \"$word\" |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|"
for n in "${sizes[@]}"; do
  site=$dir/own-$n
  [ -d "$site/content" ] || "$gen" "$n" "$site" >/dev/null 2>&1
  rows=()
  for _ in 1 2 3; do
    # A cold build: an unchanged site would reuse the last bundle, index and output files.
    rm -rf "$site/.fouweb" "$site/public" "$site/.public.fouweb-spare"
    /usr/bin/time -f "%e %M" "$bin" build --root "$site" >"$dir/build.txt" 2>"$dir/time.txt"
    summary=$(grep '^built ' "$dir/build.txt")
    bundle=$(sed -E 's/.*browser search ([0-9.]+) s.*/\1/' <<<"$summary")
    index=$(sed -E 's/.*search index ([0-9.]+) s.*/\1/' <<<"$summary")
    read -r wall kb < <(tail -n1 "$dir/time.txt")
    rows+=("$wall $bundle $index $kb")
  done
  read -r wall bundle index _ < <(printf '%s\n' "${rows[@]}" | sort -n | sed -n 2p)
  peak=$(printf '%s\n' "${rows[@]}" | awk '$4 > m { m = $4 } END { printf "%.0f", m / 1024 }')
  size=$(du -sb "$site/public/pagefind" | awk '{ printf "%.1f", $1 / 1e6 }')
  bytes=$(bench/search_bytes.sh "$site" "$word")
  describe() { python3 -c 'import json,sys; d=json.loads(sys.argv[1])[sys.argv[2]]; print("%d requests, %.0f KB" % (d["requests"], d["bytes"] / 1000))' "$bytes" "$1"; }
  printf '| %s | %s s | %s s | %s s | %s MB | %s MB | %s | %s |\n' "$n" "$index" "$bundle" "$wall" "$peak" "$size" \
    "$(describe page_load)" "$(describe one_word_query)"
done
