#!/usr/bin/env bash
# Screenshot of a read-only workspace in the real window (needs root for a
# read-only bind mount): the status line says so, and a save is refused
# once, in words.  scripts/shot-read-only.sh BIN_DIR OUT.png
set -euo pipefail
bin=$1 out=$2
root=$(cd "$(dirname "$0")/.." && pwd)
W=$(mktemp -d)
trap 'umount "$W/ro" 2>/dev/null || true; rm -rf "$W"' EXIT
"$bin/delegatectl" init --workspace "$W/src" --user-name "Disk Check" --user-email disk@example.org --entity "Republic of Xyz" >/dev/null
"$bin/delegatectl" draft import --workspace "$W/src" "$root/assets/samples/draft2.md" --label "2nd draft" >/dev/null
"$bin/delegatectl" comment add --workspace "$W/src" --para "§1.1 ¶1" --body "A comment worth keeping." >/dev/null
mkdir -p "$W/ro"; mount --bind "$W/src" "$W/ro"; mount -o remount,bind,ro "$W/ro"
SHOT_DELAY=5 SHOT_XDO="click 560 200; wait 1; key ctrl+n; wait 1; type An edit that cannot be saved.; key ctrl+s; wait 2" "$root/scripts/screenshot.sh" "$bin/delegate" "$out" DELEGATE_TODAY=2025-06-01 DELEGATE_OPEN="$W/ro"
