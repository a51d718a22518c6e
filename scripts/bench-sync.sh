#!/usr/bin/env bash
# Benchmarks sync over loopback HTTP (git http-backend behind net/http/cgi)
# against the git CLI pushing and fetching the same 1,000 commits.
#
#   scripts/bench-sync.sh            (RUNS=5 by default)
#
# delegate-publish      an expert's Sync into an empty remote: 1,000 new items, 1,000 commits
# delegate-fetch-merge  a coordinator's Sync: fetch those commits, merge them (1,000 files
#                       written), publish the merge back
# git-push / git-fetch  git push / git fetch of the same commits to/from the same server
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
go test -count=1 -run '^$' -bench '^BenchmarkSync$' -benchtime "${RUNS}x" ./model/store/ |
	awk '/^BenchmarkSync\// { sub(/-[0-9]+$/, "", $1); sub(/^BenchmarkSync\//, "", $1); printf "%-22s %8.2f s\n", $1, $3/1e9 }'
