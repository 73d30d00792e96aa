#!/usr/bin/env bash
# Regenerates the fixture and the reference scorer's outputs for it (the golden files under expected/).
#
#     tests/data/eval-fixture/regenerate.sh PATH/TO/score.py
#
# Run it only when the corpus, the generator or score.py changes; commit the result. The C# scorer's
# tests (tests/Winnow.Tests/Evaluation/ScorerParityTests.cs) compare against these files.
set -euo pipefail
SCORE=$(realpath "$1")
cd "$(dirname "$0")"
CORPUS=../corpus
PRED=$(mktemp -d)
EMPTY=$(mktemp -d)
trap 'rm -rf "$PRED" "$EMPTY"' EXIT

python3 make_predictions.py
python3 make_predictions.py --expand "$PRED"
rm -rf expected
mkdir expected
score() { python3 "$SCORE" "$@"; }

score "$CORPUS" "$PRED" > expected/all.txt 2> expected/all.stderr
# Which prediction files score.py found unreadable (relative paths; its messages name the temp folder).
sed -n "s|^warning: unreadable prediction $PRED/\([^:]*\): .*|\1|p" expected/all.stderr | sort > expected/all.unreadable.txt
rm expected/all.stderr
score "$CORPUS" "$PRED" --json --cases 2> /dev/null | gzip -9 -n > expected/all.cases.json.gz
score "$CORPUS" "$PRED" --json --bootstrap 0 > expected/all.bootstrap0.json 2> /dev/null
score "$CORPUS" "$PRED" --seed 7 --bootstrap 200 > expected/all.seed7.bootstrap200.txt 2> /dev/null
for dataset in comments readability scrapinghub trafilatura; do
    score "$CORPUS/$dataset" "$PRED" > "expected/$dataset.txt" 2> /dev/null
    score "$CORPUS/$dataset" "$PRED" --json --cases 2> /dev/null | gzip -9 -n > "expected/$dataset.cases.json.gz"
done
score "$CORPUS" "$CORPUS" > expected/self.txt
score "$CORPUS" "$EMPTY" > expected/empty.txt
score "$CORPUS" "$EMPTY" --json --cases | gzip -9 -n > expected/empty.cases.json.gz
ls -l expected
