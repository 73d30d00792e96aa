#!/usr/bin/env bash
# Load test of `winnow serve`: wrk (Debian package) on loopback POSTs one ~100 KB corpus page to
# /v1/extract; the service's memory (RSS) is sampled every 10 s; then `winnow bench` measures
# single-thread full extraction of the same page, for the bar "requests/s >= 1.2 x bench pages/s".
# Usage: bench/service-load/run.sh [SECONDS] [PAGE.html.gz]   (from the repository root; Release build first)
set -euo pipefail
cd "$(dirname "$0")/../.."
secs=${1:-60}
page=${2:-tests/data/corpus/trafilatura/archive.ordnungsrausch.com.orga-life.html.gz}
cli=src/Winnow.Cli/bin/Release/net10.0/Winnow.Cli.dll
[ -f "$cli" ] || dotnet build src/Winnow.Cli -c Release > /dev/null
work=$(mktemp -d)
trap 'kill $pid 2>/dev/null || true; rm -rf "$work"' EXIT
gunzip -c "$page" > "$work/page.html"
echo "page: $page ($(stat -c %s "$work/page.html") bytes)"
port=18181
dotnet "$cli" serve --urls "http://127.0.0.1:$port" 2> "$work/serve.log" &
pid=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/healthz" > /dev/null && break; sleep 0.2; done
# warm-up (JIT) before measuring
wrk -t1 -c2 -d5s -s bench/service-load/post-page.lua "http://127.0.0.1:$port/v1/extract" -- "$work/page.html" > /dev/null
( while kill -0 $pid 2>/dev/null; do echo "rss_kb $(awk '/VmRSS/{print $2}' /proc/$pid/status)"; sleep 10; done ) > "$work/rss.log" &
wrk -t2 -c8 -d"${secs}s" --latency -s bench/service-load/post-page.lua "http://127.0.0.1:$port/v1/extract" -- "$work/page.html" | tee "$work/wrk.log"
echo "service RSS over the run (kB): $(awk '{print $2}' "$work/rss.log" | tr '\n' ' ')"
mkdir "$work/bench" && cp "$page" "$work/bench/"
dotnet "$cli" bench "$work/bench" --warmup 100 --repeat 200 2>/dev/null | grep -E "full extraction|full latency"
