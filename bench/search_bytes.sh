#!/usr/bin/env bash
# What a browser fetches from a static host for the search page (first load, with the filter
# indexes) and then for one one-word query, typed into the box.
#
#   bench/search_bytes.sh SITE_ROOT [WORD]      (the site must be built: SITE_ROOT/public)
#
# Needs what the browser tests need (bash tests/setup). Prints two JSON lines.
set -euo pipefail
cd "$(dirname "$0")/.."
site=$1; word=${2:-barn}
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$site/public" >/dev/null 2>&1 &
server=$!
trap 'kill $server' EXIT
sleep 1
node tests/browser/driver.mjs "$(cat <<JSON
[{"goto": "http://127.0.0.1:$port/sok/"}, {"probe": "search"}, {"net": 1}, {"netReset": 1},
 {"type": "#search-q", "text": "$word"},
 {"waitForFunction": "location.search.includes('q=$word') && document.getElementById('search-status').dataset.state === 'done'", "timeout": 120000},
 {"sleep": 300}, {"net": 1}, {"probe": "search"}]
JSON
)" | python3 -c '
import json, sys
r = json.load(sys.stdin)
if r["failed"]: sys.exit(json.dumps(r["failed"]))
load, query, state = r["results"][1], r["results"][2], r["results"][3]
print(json.dumps({"page_load": load, "one_word_query": query, "hits": state["total"]}))'
