#!/usr/bin/env bash
# bench-import.sh: time Delegate's .docx import against pandoc on the same
# generated 300-page, 3,000-paragraph report draft.
# Usage: scripts/bench-import.sh [RUNS]   (default 5 runs each)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
docx="$tmp/bench-300-pages.docx"
command -v pandoc >/dev/null || { echo "bench-import: pandoc, the baseline, is not installed (make deps-bench installs it)" >&2; exit 1; }

echo "writing the benchmark draft..."
go test -count=1 -run '^TestWriteBenchDocx$' ./model/report/ -args -out "$docx" >/dev/null
CGO_ENABLED=0 go build -o "$tmp/delegatectl" ./cmd/delegatectl
echo "file: $(du -h "$docx" | cut -f1), $("$tmp/delegatectl" draft inspect --json "$docx" | grep -m1 '"paragraphs"' | tr -dc '0-9') numbered paragraphs"

# mean_ms CMD... : mean wall time of RUNS runs in milliseconds.
mean_ms() {
  local total=0 start end
  "$@" >/dev/null 2>&1 || { echo "bench-import: $1 failed" >&2; return 1; } # warm-up, and a check that it works
  for _ in $(seq "$runs"); do
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1
    end=$(date +%s%N)
    total=$((total + (end - start) / 1000))
  done
  echo $((total / runs / 1000))
}

if command -v hyperfine >/dev/null; then
  hyperfine -w 1 -r "$runs" "$tmp/delegatectl draft inspect --json $docx" "pandoc -f docx -t markdown $docx"
fi
ours=$(mean_ms "$tmp/delegatectl" draft inspect --json "$docx")
theirs=$(mean_ms pandoc -f docx -t markdown "$docx" -o "$tmp/out.md")
echo "delegatectl draft inspect: ${ours} ms (whole process, mean of $runs)"
echo "pandoc -f docx -t markdown: ${theirs} ms (mean of $runs)"
awk -v a="$ours" -v b="$theirs" 'BEGIN { if (a > 0) printf "ratio: Delegate is %.1fx faster than pandoc\n", b / a }'
echo "in-process import only:"
go test -run '^$' -bench 'BenchmarkImportDocx300Pages' -benchtime 10x ./model/report/ | grep Benchmark
