#!/bin/sh
# Figures for the "Carrying comments" section of docs/performance.md:
# the accuracy table (Delegate and three baselines on mutated copies of the
# 2nd sample draft), the real-edit table (successive versions of public
# documents, comments labelled by reading) and the speed benchmark (5,000 comments, 300 pages).
# Usage: scripts/bench-carry.sh [SCENARIOS]   (default 60 mutated drafts)
set -eu
cd "$(dirname "$0")/.."
n=${1:-60}
echo "## accuracy ($n mutated drafts, seed 1)"
go test ./model/anchor/ -run '^TestAccuracy$' -count=1 -v -args -carry.scenarios "$n" -carry.table | grep -E '^\s+\|' | sed 's/^ *//'
echo "## real edits (testdata/realedit: public documents' own successive versions, hand-labelled comments)"
go test ./model/anchor/ -run '^TestRealEdits$' -count=1 -v -args -realedit.table | grep -E '^\s+\|' | sed 's/^ *//'
echo "## speed"
go test ./model/anchor/ -run '^$' -bench 'Carry5000' -benchmem -benchtime 5x -count=1 | grep -E '^Benchmark'
