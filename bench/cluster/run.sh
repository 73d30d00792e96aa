#!/usr/bin/env bash
# Cluster benchmark (issue 7's bars, not a CI test): a throwaway PostgreSQL on 127.0.0.1; FILES WARC.gz files of
# PER pages each (the corpus pages, distinct records); the same tasks run by one worker, then by two (each worker
# on one thread), in fresh databases; pages/s and CPU time of each, the workers' own account of their time (queue
# statements and band index against extraction) and `cluster status` after each.
# Each worker is pinned to a core of its own (taskset), as a worker per core (or per one-core machine) runs: unpinned,
# a one-thread worker alone also spreads its reader thread and its GC over the idle second core (1.2 cores in all,
# measured 2026-12-04), so "one worker" would be 1.2 cores against two workers' 2. PIN=0 runs them unpinned.
# ROUNDS=R repeats the pair R times, alternating which goes first (1,2 then 2,1 ...), each in a fresh database, and
# prints each round's ratio, their median and the pooled one (pages and seconds summed per worker count): this
# machine's speed drifts by 20 % between consecutive runs of the same command (other tenants), and one pair measured
# once mostly measures that drift. The host also slows one vCPU at a time, for minutes: each round starts and ends by
# timing a fixed loop on every core, and the lone worker runs on core 0 in odd rounds and core 1 in even ones (use an
# even R). Each worker's task times are printed in order (the first pays for the JIT's warm-up).
# PostgreSQL's own CPU in each phase (its processes' time, exited backends included) is printed beside the workers'.
# Usage: [ROUNDS=R] [PIN=0] bench/cluster/run.sh [FILES] [PER]   (from the repository root; defaults 20 files of 150 pages, 1 round)
set -euo pipefail
cd "$(dirname "$0")/../.."
files=${1:-20}
per=${2:-150}
pin=${PIN:-1}
rounds=${ROUNDS:-1}
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
# CPU seconds of every PostgreSQL process so far: the live ones' own time and the exited backends' (the postmaster's
# children's time); clock ticks from /proc/PID/stat (fields 14-17)
pg_cpu() {
  local master; master=$(head -1 "$work/pg/postmaster.pid")
  python3 - "$master" <<'PY'
import os, sys
master, hz, total = sys.argv[1], os.sysconf("SC_CLK_TCK"), 0
for pid in os.listdir("/proc"):
    if not pid.isdigit(): continue
    try:
        f = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
        if pid != master and f[1] != master: continue
        total += int(f[11]) + int(f[12]) + (int(f[13]) + int(f[14]) if pid == master else 0)
    except (OSError, IndexError): pass
print(total / hz)
PY
}
declare -A pages_of secs_of
# seconds a fixed compute loop takes on each core now: how fast the host lets each vCPU run (not our code)
core_speeds() {
  local out="" c
  for c in $(seq 0 $((cores - 1))); do
    out+="core $c $( { /usr/bin/time -f %e taskset -c "$c" python3 -c 's = 0
for i in range(5_000_000): s += i' ; } 2>&1 ) s  "
  done
  echo "$out"
}
ratios=()
for r in $(seq "$rounds"); do
  order="1 2"; if [ $((r % 2)) = 0 ]; then order="2 1"; fi
  echo "round $r: a compute loop takes $(core_speeds)"
  for w in $order; do
    db="bench${r}_$w"
    cs="Host=127.0.0.1;Port=$port;Username=postgres;Database=$db"
    psql -q -h 127.0.0.1 -p "$port" -U postgres -c "CREATE DATABASE $db"
    dotnet "$cli" cluster init --db "$cs" 2> /dev/null
    dotnet "$cli" cluster submit --db "$cs" "$work/in" > /dev/null
    rm -f "$work/time$w"
    pg0=$(pg_cpu)
    start=$(date +%s.%N)
    for k in $(seq "$w"); do
      # one worker alone takes core 0 in odd rounds and core 1 in even ones: the host slows one vCPU at a time
      # (2026-12-04: core 0 ran a compute loop 1.7x slower than core 1 for minutes), and pinning the lone worker
      # to one core would make the ratio that core's luck
      taskset=(); if [ "$pin" = 1 ]; then taskset=(taskset -c $(((k - 1 + (w == 1 ? r - 1 : 0)) % cores))); fi
      "${taskset[@]}" /usr/bin/time -f "cpu %U %S" -a -o "$work/time$w" dotnet "$cli" worker --db "$cs" --out "$work/out$r-$w" --threads 1 --until-empty 2> "$work/worker$w-$k.log" &
    done
    wait
    end=$(date +%s.%N)
    pg1=$(pg_cpu)
    cpu=$(awk '/^cpu/{s+=$2+$3} END{print s}' "$work/time$w")
    secs=$(python3 -c "print($end - $start)")
    if [ "$w" = 1 ]; then round1=$secs; else round2=$secs; fi
    pages_of[$w]=$(( ${pages_of[$w]:-0} + files * per ))
    secs_of[$w]=$(python3 -c "print(${secs_of[$w]:-0} + $secs)")
    echo "round $r, $w worker(s): $(python3 -c "print(f'{$files * $per / $secs:.1f} pages/s over {$secs:.1f} s, workers CPU {$cpu:.1f} s, PostgreSQL CPU {$pg1 - $pg0:.1f} s')") (pinned: $pin)"
    for log in "$work"/worker$w-*.log; do
      grep "queue statements" "$log" | sed 's/^/    /'
      # each task's extraction seconds in the order this worker ran them (the first pays for the JIT's warm-up)
      echo "      tasks (s): $(sed -n 's/.* in \([0-9.]*\) s; completion.*/\1/p' "$log" | tr '\n' ' ')"
    done
    # the workers' rate once warm (each worker's tasks after its first, extraction time only): not the bar's figure,
    # which counts the whole run, start-up and warm-up included; this one says what a long-running worker does
    steady=$(python3 - "$work"/worker$w-*.log <<'PY'
import re, sys
total = 0.0
for path in sys.argv[1:]:
    tasks = [(int(n.replace(",", "")), float(t)) for n, t in re.findall(r"done \(([\d,]+) records\) in ([\d.]+) s", open(path).read())][1:]
    if tasks: total += sum(n for n, _ in tasks) / sum(t for _, t in tasks)
print(f"{total:.1f}")
PY
)
    if [ "$w" = 1 ]; then steady1=$steady; else steady2=$steady; fi
    echo "    warm: $steady pages/s (each worker's tasks after its first, extraction time only)"
    if [ "$r" = 1 ]; then
      dotnet "$cli" cluster status --db "$cs" | sed 's/^/    /'
      # the band index's size: rows and bytes (table and TOAST) per document and per band row
      psql -q -t -A -F ' ' -h 127.0.0.1 -p "$port" -U postgres -d "$db" -c "SELECT (SELECT count(*) FROM winnow_doc), (SELECT count(*) FROM winnow_band), pg_total_relation_size('winnow_doc'), pg_total_relation_size('winnow_band')" \
        | awk '{printf "    band index: %d documents (%.0f bytes each), %d band rows (%.0f bytes each)\n", $1, $3 / $1, $2, $4 / $2}'
      start=$(date +%s.%N)
      dotnet "$cli" cluster dedup --db "$cs" --out "$work/clusters$w.jsonl" 2>&1 | sed 's/^/    /'
      end=$(date +%s.%N)
      echo "    cluster dedup: $(python3 -c "print(f'{$end - $start:.1f} s')")"
    fi
    rm -rf "$work/out$r-$w"
  done
  ratios+=("$(python3 -c "print(f'{$round1 / $round2:.2f}')")")
  echo "round $r: 2 workers ${ratios[-1]}x the pages/s of 1 (warm: $(python3 -c "print(f'{$steady2 / $steady1:.2f}')")x); a compute loop now takes $(core_speeds)"
done
one=$(python3 -c "print(${pages_of[1]} / ${secs_of[1]})")
two=$(python3 -c "print(${pages_of[2]} / ${secs_of[2]})")
python3 -c "
import statistics
r = [$(IFS=,; echo "${ratios[*]}")]
print(f'over {$rounds} round(s): 1 worker {$one:.1f} pages/s, 2 workers {$two:.1f} pages/s: {$two / $one:.2f}x; per round {r}, median {statistics.median(r):.2f}x')"
