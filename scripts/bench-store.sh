#!/usr/bin/env bash
# Benchmarks the workspace store against the git CLI on the same repository.
#
#   scripts/bench-store.sh [WORKSPACE_DIR]
#
# Generates (once) a workspace with $ITEMS comments and $COMMITS commits
# (5,000 and 10,000 by default) in WORKSPACE_DIR (default: a new temp dir),
# runs the Go benchmarks of model/store on it, then times the git CLI doing
# the same jobs on the same repository and prints both with their ratio.
set -euo pipefail
cd "$(dirname "$0")/.."

ITEMS=${ITEMS:-5000}
COMMITS=${COMMITS:-10000}
RUNS=${RUNS:-20}
WS=${1:-$(mktemp -d)/bench-workspace}
export DELEGATE_BENCH_WORKSPACE=$WS DELEGATE_BENCH_ITEMS=$ITEMS DELEGATE_BENCH_COMMITS=$COMMITS

echo "== workspace $WS ($ITEMS items, $COMMITS commits)"
go test -count=1 -run '^TestBenchWorkspace$' -v ./model/store/ | grep -E 'generated|history index|workspace|ok|FAIL' || true

echo "== Delegate (go test -bench)"
bench=$(go test -count=1 -run '^$' -bench 'Workspace' -benchtime "${RUNS}x" ./model/store/)
echo "$bench" | grep -E '^Benchmark'
ns() { echo "$bench" | awk -v n="$1" '$1 ~ "^"n"(-[0-9]+)?$" {print $3}'; }

# item edited by the first generated commit (matches storetest.Edited(1, ITEMS))
ID=$(printf 'gn-241201-%05d' $(( 7919 % ITEMS )))
FILE="items/comments/$ID.md"
SAVEFILE="items/comments/gn-241201-00001.md"

now() { date +%s%N; }
avg_ns() { # command... ; runs it $RUNS times in $WS, prints mean ns
	local t0 t1
	t0=$(now)
	for ((i = 0; i < RUNS; i++)); do "$@" >/dev/null; done
	t1=$(now)
	echo $(( (t1 - t0) / RUNS ))
}
git_save() {
	printf 'git CLI edit %s\n' "$(now)" >>"$SAVEFILE"
	git add -- "$SAVEFILE" && git commit -q -m "Comment on ¶2: edit body" -- "$SAVEFILE"
}

echo "== git CLI $(git --version | cut -d' ' -f3)"
pushd "$WS" >/dev/null
g_save=$(avg_ns git_save)
g_hist=$(avg_ns git log --format='%H %an %ae %at %s' -- "$FILE")
g_status=$(avg_ns git status --porcelain)
g_rev=$(avg_ns git rev-parse HEAD)
popd >/dev/null

ms() { awk -v n="$1" 'BEGIN { printf "%.2f ms", n / 1e6 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
row() { printf '%-40s %12s %12s %8s\n' "$1" "$(ms "$2")" "$(ms "$3")" "$(ratio "$2" "$3")"; }

echo
printf '%-40s %12s %12s %8s\n' "operation ($ITEMS items, $COMMITS commits)" "Delegate" "git CLI" "ratio"
row "save one item (vs git add + commit)" "$(ns BenchmarkWorkspaceSave)" "$g_save"
row "history of one item, cold (vs git log)" "$(ns BenchmarkWorkspaceHistory)" "$g_hist"
row "history of one item, warm (vs git log)" "$(ns BenchmarkWorkspaceHistoryWarm)" "$g_hist"
row "open workspace (vs git status)" "$(ns BenchmarkWorkspaceOpen)" "$g_status"
row "open workspace (vs git rev-parse HEAD)" "$(ns BenchmarkWorkspaceOpen)" "$g_rev"
echo "(ratio = Delegate / git CLI; below 1 means Delegate is faster)"
