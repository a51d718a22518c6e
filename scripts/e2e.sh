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

"$bin/delegatectl" draft inspect --json assets/samples/draft2.docx >"$out/d.json"
grep -q '"paragraphs": 142,' "$out/d.json" || fail "the sample 2nd draft does not show its 142 paragraphs"
"$bin/delegatectl" draft compare assets/samples/draft2.docx assets/samples/draft3.docx | tail -1 | tee "$out/c.txt"
grep -q 'split 1, merged 1' "$out/c.txt" || fail "compare of the sample drafts lost the split and merge"

ws="$out/ws"
"$bin/delegatectl" init --workspace "$ws" --user-name 'E2E Expert' --user-email e2e@example.org --entity 'Sample' --category 'Member State' --country Sample >/dev/null
"$bin/delegatectl" draft import --workspace "$ws" assets/samples/draft2.docx --label '2nd draft' >/dev/null
"$bin/delegatectl" comment add --workspace "$ws" --para 5 --kind editorial --body 'E2E comment' >/dev/null
git -C "$ws" fsck --strict || fail "git fsck on the workspace"
[ -z "$(git -C "$ws" status --porcelain)" ] || fail "git status not clean after a save"

scripts/e2e-export.sh "$bin"
scripts/e2e-network.sh "$bin"

scripts/screenshot.sh "$bin/delegate" "$out/window.png" DELEGATE_TODAY=2025-06-01
echo "e2e: ok"
