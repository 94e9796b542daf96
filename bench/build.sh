#!/usr/bin/env bash
# Build benchmark: wall time and peak memory of `fouweb build` on generated corpora.
#
#   bench/build.sh [N ...]          default: 1000 10000
#
# For each N it generates a corpus with `cargo run --release --example gen_corpus`, then runs,
# pages only (`--no-search`):
#   cold:    the first build into an empty output folder (removed ${COLD_WAIT:-65} s earlier:
#            ext4 skips inodes freed in the last minute, which would measure the deletion)
#   rebuild: three more builds over the existing output (the usual case), median reported
# and prints one Markdown table row per corpus. The searchable build (Pagefind bundle and tantivy
# index as well) is measured by bench/search.sh. Corpora live in ${BENCH_DIR:-/tmp/fouweb-bench}.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@"); [ ${#sizes[@]} -eq 0 ] && sizes=(1000 10000)
dir=${BENCH_DIR:-/tmp/fouweb-bench}
command -v /usr/bin/time >/dev/null || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 1; }
cargo build --release --quiet --bin fouweb --example gen_corpus
bin=${CARGO_TARGET_DIR:-$PWD/target}/release/fouweb
gen=${CARGO_TARGET_DIR:-$PWD/target}/release/examples/gen_corpus

measure() { # root [build flags] -> "seconds peak_MB"
  local root=$1; shift
  /usr/bin/time -f "%e %M" "$bin" build --root "$root" "$@" >/dev/null 2>"$dir/time.txt" || { cat "$dir/time.txt" >&2; exit 1; }
  tail -n1 "$dir/time.txt" | awk '{printf "%.2f %.0f", $1, $2/1024}'
}

run() { # name root
  rm -rf "$2/public" "$2/.public.fouweb-spare"
  sync; sleep "${COLD_WAIT:-65}"
  read -r cold cold_mb <<<"$(measure "$2" --no-search)"
  local times=() mem=0
  for _ in 1 2 3; do
    read -r t m <<<"$(measure "$2" --no-search)"; times+=("$t"); [ "$m" -gt "$mem" ] && mem=$m
  done
  median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 2p)
  bytes=$(du -sb "$2/content" | cut -f1)
  printf '| %s | %s | %.1f MB | %s s | %s s | %s MB |\n' "$1" "$(ls "$2/content" | wc -l)" \
    "$(echo "$bytes/1000000" | bc -l)" "$cold" "$median" "$mem"
}

mkdir -p "$dir"
echo "| corpus | files | input | pages: cold | pages: rebuild | pages: peak RSS |"
echo "|---|---:|---:|---:|---:|---:|"
for n in "${sizes[@]}"; do
  [ -d "$dir/own-$n/content" ] || "$gen" "$n" "$dir/own-$n" 2>/dev/null
  run "gen_corpus, N=$n" "$dir/own-$n"
done
