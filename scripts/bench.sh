#!/usr/bin/env bash
# Runs the repo's Go benchmarks and prints them as a table, then every
# scripts/bench-*.sh, each of which times a baseline (git CLI, pandoc) beside
# Delegate and prints the ratio. Figures go to docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
pkgs=${BENCH_PKGS:-./model/...}
echo "| benchmark | time/op | allocs/op |"
echo "|---|---|---|"
go test -run '^$' -bench . -benchmem -count=1 $pkgs 2>&1 |
  awk '/^Benchmark/ {printf "| %s | %s %s | %s |\n", $1, $3, $4, $(NF-1)}'
for s in scripts/bench-*.sh; do
  [ -e "$s" ] || continue
  echo
  echo "## $s"
  bash "$s"
done
