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
#
# Ratio = Delegate / git CLI (below 1: Delegate is faster).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
go test -count=1 -run '^$' -bench '^BenchmarkSync$' -benchtime "${RUNS}x" ./model/store/ |
	awk '/^BenchmarkSync\// { sub(/-[0-9]+$/, "", $1); sub(/^BenchmarkSync\//, "", $1); t[$1] = $3/1e9 }
	END {
		printf "%-40s %10s %10s %7s\n", "job (1,000 new items)", "Delegate", "git CLI", "ratio"
		printf "%-40s %8.2f s %8.2f s %7.2f\n", "publish (vs git push)", t["delegate-publish"], t["git-push"], t["delegate-publish"]/t["git-push"]
		printf "%-40s %8.2f s %8.2f s %7.2f\n", "receive: fetch+merge+publish (vs git fetch)", t["delegate-fetch-merge"], t["git-fetch"], t["delegate-fetch-merge"]/t["git-fetch"]
	}'
