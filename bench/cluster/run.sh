#!/usr/bin/env bash
# Cluster benchmark (issue 7's bars, not a CI test): a throwaway PostgreSQL on 127.0.0.1; FILES WARC.gz files of
# PER pages each (the corpus pages, distinct records); the same tasks run by one worker, then by two (each worker
# on one thread), in fresh databases; pages/s and CPU time of each, the workers' own account of their time (queue
# statements and band index against extraction) and `cluster status` after each.
# Each worker is pinned to a core of its own (taskset), as a worker per core (or per one-core machine) runs: unpinned,
# a one-thread worker alone also spreads its reader thread and its GC over the idle second core (1.2 cores in all,
# measured 2026-12-04), so "one worker" would be 1.2 cores against two workers' 2. PIN=0 runs them unpinned.
# Usage: bench/cluster/run.sh [FILES] [PER]   (from the repository root; defaults 20 files of 150 pages)
set -euo pipefail
cd "$(dirname "$0")/../.."
files=${1:-20}
per=${2:-150}
pin=${PIN:-1}
cores=$(nproc)
cli=src/Winnow.Cli/bin/Release/net10.0/Winnow.Cli.dll
dotnet build src/Winnow.Cli -c Release > /dev/null
work=$(mktemp -d)
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
as_pg=()
if [ "$(id -u)" = 0 ]; then chown postgres "$work"; as_pg=(runuser -u postgres --); fi
"${as_pg[@]}" "$bin/initdb" -D "$work/pg" -A trust -U postgres --no-sync > /dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"${as_pg[@]}" "$bin/pg_ctl" -D "$work/pg" -l "$work/pg.log" -w -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$work" start > /dev/null
trap '"${as_pg[@]}" "$bin/pg_ctl" -D "$work/pg" -m immediate stop > /dev/null 2>&1 || true; rm -rf "$work"' EXIT
mkdir "$work/in"
for i in $(seq 0 $((files - 1))); do python3 bench/batch-scale/make_warc.py "$work/in/part-$i.warc.gz" "$per" tests/data/corpus $((i * per)) > /dev/null; done
echo "$files WARC.gz files of $per pages in $work/in"
for w in 1 2; do
  cs="Host=127.0.0.1;Port=$port;Username=postgres;Database=bench$w"
  psql -q -h 127.0.0.1 -p "$port" -U postgres -c "CREATE DATABASE bench$w"
  dotnet "$cli" cluster init --db "$cs" 2> /dev/null
  dotnet "$cli" cluster submit --db "$cs" "$work/in" > /dev/null
  start=$(date +%s.%N)
  for k in $(seq "$w"); do
    taskset=(); if [ "$pin" = 1 ]; then taskset=(taskset -c $(((k - 1) % cores))); fi
    "${taskset[@]}" /usr/bin/time -f "cpu %U %S" -a -o "$work/time$w" dotnet "$cli" worker --db "$cs" --out "$work/out$w" --threads 1 --until-empty 2>> "$work/worker$w.log" &
  done
  wait
  end=$(date +%s.%N)
  cpu=$(awk '/^cpu/{s+=$2+$3} END{print s}' "$work/time$w")
  echo "$w worker(s): $(python3 -c "print(f'{$files * $per / ($end - $start):.1f} pages/s over {$end - $start:.1f} s, CPU {$cpu:.1f} s')") (pinned: $pin)"
  grep "queue statements" "$work/worker$w.log" | sed 's/^/    /'
  dotnet "$cli" cluster status --db "$cs" | sed 's/^/    /'
  # the band index's size: rows and bytes (table and TOAST) per document and per band row
  psql -q -t -A -F ' ' -h 127.0.0.1 -p "$port" -U postgres -d "bench$w" -c "SELECT (SELECT count(*) FROM winnow_doc), (SELECT count(*) FROM winnow_band), pg_total_relation_size('winnow_doc'), pg_total_relation_size('winnow_band')" \
    | awk '{printf "    band index: %d documents (%.0f bytes each), %d band rows (%.0f bytes each)\n", $1, $3 / $1, $2, $4 / $2}'
  start=$(date +%s.%N)
  dotnet "$cli" cluster dedup --db "$cs" --out "$work/clusters$w.jsonl" 2>&1 | sed 's/^/    /'
  end=$(date +%s.%N)
  echo "    cluster dedup: $(python3 -c "print(f'{$end - $start:.1f} s')")"
done
