#!/usr/bin/env bash
# Batch benchmark (issue 5's bars, not a CI test): a 20,000-page WARC.gz built from the corpus pages;
# `winnow batch` on 1 and on 2 threads (pages/s and peak RSS of each), then a run killed twice at random
# points and resumed, compared with the uninterrupted run by record id; and `winnow bench` on the corpus
# pages for the single-thread comparison. Usage: bench/batch-scale/run.sh [N] (from the repository root).
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-20000}
cli=src/Winnow.Cli/bin/Release/net10.0/Winnow.Cli.dll
dotnet build src/Winnow.Cli -c Release > /dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 bench/batch-scale/make_warc.py "$work/pages.warc.gz" "$n"
for t in 1 2; do
  start=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "$work/rss-$t" dotnet "$cli" batch "$work/pages.warc.gz" --out "$work/out-$t.jsonl" --threads $t 2> "$work/log-$t"
  end=$(date +%s.%N)
  echo "threads $t: $(tail -1 "$work/log-$t" | sed 's/winnow batch: //') $(python3 -c "print(f'{$n/($end-$start):.1f} pages/s')") peak RSS $(( $(cat "$work/rss-$t") / 1024 )) MB"
done
# killed twice (SIGKILL) at random points, then resumed to the end
for k in 1 2; do
  dotnet "$cli" batch "$work/pages.warc.gz" --out "$work/killed.jsonl" --threads 2 2> /dev/null & pid=$!
  sleep $(( 10 + RANDOM % 30 )); kill -9 $pid 2> /dev/null || true; wait $pid 2> /dev/null || true
done
dotnet "$cli" batch "$work/pages.warc.gz" --out "$work/killed.jsonl" --threads 2 2> /dev/null
python3 - "$work/out-2.jsonl" "$work/killed.jsonl" <<'PY'
import json, sys
ids = [[json.loads(l)["source"]["record_id"] for l in open(p)] for p in sys.argv[1:]]
print(f"killed twice and resumed: {len(ids[1])} records, {len(set(ids[1]))} distinct, same ids in the same order as the uninterrupted run: {ids[0] == ids[1]}")
PY
mkdir "$work/pages" && cp tests/data/corpus/{readability,scrapinghub,trafilatura}/*.html.gz "$work/pages/"  # comments/ holds copies of these
dotnet "$cli" bench "$work/pages" --repeat 2 2> /dev/null | grep "full extraction"
