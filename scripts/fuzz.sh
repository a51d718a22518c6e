#!/usr/bin/env bash
# Runs every Fuzz target in the repo for a bounded time each (FUZZTIME,
# default 10s). CI runs it briefly; `make fuzz FUZZTIME=5m` digs deeper.
# A failure leaves its input in the package's testdata/fuzz, which then
# becomes a regression case of the normal test run.
set -euo pipefail
cd "$(dirname "$0")/.."
t=${FUZZTIME:-10s}
n=0
total=0
for pkg in $(go list ./model/... ./cmd/delegatectl ./scripts/...); do
  for f in $(go test -list '^Fuzz' "$pkg" 2>/dev/null | grep '^Fuzz' || true); do
    echo "fuzz: $pkg $f ($t)"
    if ! go test -run '^$' -fuzz "^$f\$" -fuzztime "$t" "$pkg" >/tmp/fuzz.$$.log 2>&1; then
      # The fuzz engine itself can time out on a loaded machine before it
      # tried anything ("context deadline exceeded", no input written): retry once.
      if grep -q 'context deadline exceeded' /tmp/fuzz.$$.log && ! grep -q 'Failing input written' /tmp/fuzz.$$.log; then
        echo "fuzz: engine timeout, retrying $f"
        go test -run '^$' -fuzz "^$f\$" -fuzztime "$t" "$pkg" >/tmp/fuzz.$$.log 2>&1 || { cat /tmp/fuzz.$$.log; exit 1; }
      else
        cat /tmp/fuzz.$$.log
        exit 1
      fi
    fi
    n=$((n + 1))
    execs=$(grep -o 'execs: [0-9]*' /tmp/fuzz.$$.log | tail -1 | awk '{print $2}')
    echo "fuzz: $f: ${execs:-?} executions"
    total=$((total + ${execs:-0}))
  done
done
rm -f /tmp/fuzz.$$.log
echo "fuzz: $n targets, $t each, $total executions, no failure"
