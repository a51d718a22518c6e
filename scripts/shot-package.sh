#!/usr/bin/env bash
# Screenshots of importing an expert's package that holds another version
# of one of the coordinator's comments, in the real window: Ana edits
# Cora's comment and exports a package with delegatectl; Cora picks it in
# File > Import an expert's package… and is asked (OUT.png's folder gets
# package-collision.png), then imports it beside (OUT.png).
#   scripts/shot-package.sh BIN_DIR OUT.png
set -euo pipefail
bin=$(cd "$1" && pwd) out=$(realpath -m "$2")
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ctl() { "$bin/delegatectl" "$@" >/dev/null 2>&1; }
cd "$tmp"
ctl init --user-name "Cora Ord" --user-email cora@example.org --entity "Republic of Xyz" --workspace coord
ctl draft import "$root/assets/samples/draft2.md" --label "2nd draft" --workspace coord
id=$("$bin/delegatectl" comment add --para "§1.1 ¶3" --body "Name the five sub-themes here." --workspace coord | awk '{print $3}')
ctl remote add usb "$tmp/usb.git" --workspace coord
ctl sync --workspace coord
ctl init --user-name "Ana Lima" --user-email ana@example.org --entity "Republic of Xyz" --workspace ana
ctl remote add usb "$tmp/usb.git" --workspace ana
ctl sync --workspace ana
ctl edit "$id" --body "Name the five sub-themes here, in the order of the forum's theme." --workspace ana
ctl export --workspace ana --out "$tmp/out" --include-unapproved --now 2025-06-02 --title "Sub-themes" \
  --summary "Ana's comments." --action-required "The IEG is invited to consider this contribution."
mkdir -p "$tmp/shot/home"
cp "$tmp"/out/*.zip "$tmp/shot/home/ana-package.zip"
# File menu, the import item, the zip in the home folder, Open; then Import beside.
SHOT_HOME=$tmp/shot SHOT_DELAY=4 \
  SHOT_XDO="click 27 14; wait 1; click 110 339; wait 2; click 464 230; click 1033 668; wait 3; shot package-collision; click 690 582; wait 3" \
  "$root/scripts/screenshot.sh" "$bin/delegate" "$out" DELEGATE_TODAY=2025-06-01 DELEGATE_OPEN="$tmp/coord"
"$bin/delegatectl" list --workspace "$tmp/coord"
