#!/usr/bin/env bash
# End-to-end checks on the built programs: the desktop window draws under
# Xvfb, and delegatectl answers on real input.
set -euo pipefail
bin=${1:-bin}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
fail() { echo "e2e: FAIL: $*" >&2; exit 1; }

"$bin/delegatectl" version
"$bin/delegatectl" timeline --at 2025-06-01 --json >"$out/t.json"
grep -q '"current_draft": 3' "$out/t.json" || fail "timeline 2025-06-01 does not say the 3rd draft is current"
grep -q '"days_left": 15' "$out/t.json" || fail "timeline 2025-06-01 does not count 15 days"
if "$bin/delegatectl" timeline --at 2025-02-30 2>/dev/null; then fail "a bad date was accepted"; fi

scripts/screenshot.sh "$bin/delegate" "$out/window.png" DELEGATE_TODAY=2025-06-01
echo "e2e: ok"
